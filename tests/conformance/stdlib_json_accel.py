# The _json accelerator as CPython's C module: scanner and scanstring errors
# and positions, hooks, constants, encoder key rules, circular references,
# recursion limit, str/int/float subclasses.
import json, json.decoder as d, json.scanner as sc, _json, collections, decimal, enum
cases = ['"abc', '"a\x01b"', '"a\\qb"', '"\\u12"', '"\\uzzzz"', '"\\u0x12"', '"\\', '{"a" 1}', '{"a":}', '[1,]', '[1 2]', '{1:2}',
         '{"a":1,}', 'nul', '-', '01', '1.', '1e', '[', '{', '', '  ', '"\\ud800\\u0041"', '"\\ud800"', 'NaN', '-Infinity', '[1,2',
         '{"a":1', '"x" y', 'tru', '1.5e+', '--1', '[-]', '{"a"', '["a",', '1 2', '"\\ud83d\\ude00"', '"\\ud83d\\u12"', '-0', '-0.0',
         '1E5', '1e-5', '123456789012345678901234567890', '1.7976931348623157e309', '[[[]]]', '{"a": {"b": [1, {"c": null}]}}',
         ' [ 1 , 2 ] ', '"tab\tin"', '{"k": 1, "k": 2}', 'true false', '"\\/\\b\\f\\n\\r\\t"', '"é😀"', '[1e400, -1e400]', '0.1', '-12.5e3']
for c in cases:
    try: r = json.loads(c); print(repr(c), 'OK', repr(r))
    except json.JSONDecodeError as e: print(repr(c), e.msg, '|', e.pos, e.lineno, e.colno)
print(json.loads('"a\x01b"', strict=False))
print(json.loads('{"a": 1.5, "b": 2}', parse_float=decimal.Decimal, parse_int=str))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=collections.OrderedDict))
print(json.loads('{"b": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[NaN, Infinity]', parse_constant=lambda s: s.lower()))
print(d.c_scanstring('"ab\\u00e9\\ud83d\\ude00x"', 1), d.c_scanstring('xy"', 0))
s = _json.make_scanner(json.JSONDecoder()); print(s('[1, {"a": 2}]', 0), s.strict)
for bad in [(b'x', 0), ('x', -1), ('x', 5), ('[1,', 0)]:
    try: print(s(*bad))
    except StopIteration as e: print('stop', e.value)
    except Exception as e: print(type(e).__name__, e)
print(_json.encode_basestring('a"\\\n\x00é'), _json.encode_basestring_ascii('a"\n\x7fé😀'))
print(json.dumps({1: 2, 2.5: 3, True: 4, None: 5, False: 6}), json.dumps([1e400, -1e400, float('nan')]))
for bad in [lambda: json.dumps({(1, 2): 3}), lambda: json.dumps([float('nan')], allow_nan=False), lambda: json.dumps(object())]:
    try: bad()
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
a = []; a.append(a)
try: json.dumps(a)
except ValueError as e: print(e)
dd = {}; dd['x'] = dd
try: json.dumps(dd)
except ValueError as e: print(e)
print(json.dumps({'b': 1, 'a': 2}, sort_keys=True), json.dumps({'a': object()}, default=lambda o: 'X'))
print(json.dumps({(1,): 1, 'k': 2}, skipkeys=True), json.dumps("é", ensure_ascii=False), json.dumps("é😀"))
class E(enum.IntEnum): A = 1
class F(float): pass
class S(str): pass
print(json.dumps([E.A, F(1.5), 10**30, {E.A: 1}, S('s'), (1, 2), -0.0, 1e16, 0.1]))
print(json.dumps({'a': [1, {'b': None}]}, indent=2, separators=(',', ': ')))
print(json.dumps([1, 2], separators=(',', ':')), json.dumps({}), json.dumps([]), json.dumps(''), json.dumps(collections.OrderedDict(z=1, a=2)))
print(json.dumps({'a': 1}, sort_keys=True, default=str), json.dumps(decimal.Decimal('1.5'), default=str))
try: json.dumps({'a': 1, 2: 3}, sort_keys=True)
except TypeError as e: print(e)
deep = '[' * 100000 + ']' * 100000
try: json.loads(deep)
except RecursionError as e: print('RecursionError')
print(json.loads(json.dumps({"x": ["\ud800", "a\u2028"]})))
