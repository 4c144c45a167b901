print("circ_b start")
from . import circ_a
B_VALUE = "b"
def read_a():
    return circ_a.A_VALUE
print("circ_b end, circ_a partially initialized:", hasattr(circ_a, "get_b"))
