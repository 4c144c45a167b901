from .. import NAME
from ..beta import describe as beta_describe
VALUE = "gamma"
def from_parent():
    return NAME + "/" + beta_describe()
