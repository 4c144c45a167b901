# json: dumps/loads, options, errors.
import json
data = {"name": "x", "n": [1, 2.5, None, True, False], "nested": {"k": "é\n"}, "z": 1e20}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
print(json.loads(s) == data, json.loads('[1, "a", {"b": null}, 1.5e3, -0, "\\u00e9"]'))
print(json.dumps([float("inf"), float("nan")]), json.dumps("\u2603"), json.dumps((1, 2)), json.dumps({1: 2, "a": None}))
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print("JSONDecodeError", e.msg, e.lineno, e.colno)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError", e)
print(json.dumps({"d": object.__name__}, default=str), json.loads("123"), json.loads('"s"'), json.loads("1.0"))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1}}, cls=Enc), json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
