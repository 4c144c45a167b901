# args: one --two "three" 4
# sys.argv and a few sys attributes that are the same under every 3.11.
import sys
print(sys.argv)
print(sys.version_info[:2], sys.version_info.major, sys.maxsize, sys.byteorder, sys.platform)
print(sys.maxunicode, sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.int_info.bits_per_digit in (15, 30))
print(sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.width, sys.getdefaultencoding())
print(type(sys.path).__name__, type(sys.modules).__name__, "sys" in sys.modules, "__main__" in sys.modules)
print(sys.stdout.encoding, sys.stdin is sys.__stdin__, callable(sys.exit), __name__, sys.flags.optimize)
print(sys.implementation.cache_tag is None or isinstance(sys.implementation.cache_tag, str), isinstance(sys.executable, str))
