from . import mod_a


def describe():
    return "mod_b sees mod_a.VALUE=%d" % mod_a.VALUE
