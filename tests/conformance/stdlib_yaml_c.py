# Debian's PyYAML with its compiled (Cython) libyaml binding, loaded
# unchanged from dist-packages (scripts/ensure-deps.sh installs it): the C
# loader and dumper against the pure-Python ones.
import io
import yaml

print(yaml.__with_libyaml__)
doc = """
name: freepy
tags: [threads, c-api, "quoted: yes"]
nested:
  - {a: 1, b: 2.5, c: null, d: true}
  - multi
  - |
    block
    text
"""
py_data = yaml.load(doc, Loader=yaml.SafeLoader)
c_data = yaml.load(doc, Loader=yaml.CSafeLoader)
print(c_data == py_data, c_data)
print(list(yaml.load_all("a: 1\n---\nb: [2, 3]\n", Loader=yaml.CLoader)))
out = io.StringIO()
yaml.dump({"x": [1, 2], "y": "z", "u": "ünï"}, out, Dumper=yaml.CDumper, allow_unicode=True)
print(repr(out.getvalue()))
print(repr(yaml.dump([{"k": i, "v": str(i) * i} for i in range(4)], Dumper=yaml.CSafeDumper)))
print(yaml.dump(c_data, Dumper=yaml.CDumper) == yaml.dump(c_data, Dumper=yaml.Dumper))
try:
    yaml.load("a: [1, 2", Loader=yaml.CSafeLoader)
except yaml.YAMLError as e:
    print(type(e).__name__, str(e).splitlines()[0])
for ev in yaml.parse("- a\n- b\n", Loader=yaml.CSafeLoader):
    print(type(ev).__name__, end=" ")
print()
