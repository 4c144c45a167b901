# exit: 1
def f():
    x = 1
      y = 2
