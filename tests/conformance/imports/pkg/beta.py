print("loading beta")
def shared():
    return "beta.shared"
def describe():
    return "beta (" + __name__ + ")"
