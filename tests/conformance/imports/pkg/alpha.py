from . import beta
from .beta import shared
counter = 1
print("loading alpha")
def describe():
    return "alpha uses " + shared()
