print("circ_a start")
A_VALUE = "a"
from . import circ_b
def get_b():
    return circ_b.B_VALUE + circ_b.read_a()
print("circ_a end")
