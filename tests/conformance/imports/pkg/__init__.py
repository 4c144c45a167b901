print("initializing pkg")
NAME = "pkg"
lazy_counter = 0
