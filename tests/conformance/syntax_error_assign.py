# exit: 1
f() = 1
