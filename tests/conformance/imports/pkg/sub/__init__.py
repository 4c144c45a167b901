print("initializing pkg.sub")
