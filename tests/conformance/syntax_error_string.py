# exit: 1
s = "unterminated
