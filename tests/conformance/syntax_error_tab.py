# exit: 1
if True:
        x = 1
	y = 2
