# f-strings: expressions, conversions, nested specs, self-documenting =.
x, y, name = 10, 3.14159, "world"
print(f"hello {name}!", f"{x + 1}", f"{x!r} {name!r} {name!s} {'é'!a}")
print(f"{y:.2f} {x:>5} {x:<5}| {x:^7} {x:08.3f} {x:#x}")
width, prec = 12, 4
print(f"{y:{width}.{prec}f}|", f"{'nested':{'*'}^{width}}")
print(f"{x=}", f"{y = :.1f}", f"{name=!r}", f"{x*2=}")
d = {"k": [1, 2, 3]}
print(f"{d['k'][1]}", f"{len(d)}", f"{[i * i for i in range(4)]}", f"{(lambda a: a + 1)(2)}")
print(f"{{literal}} {{{x}}}", f"{'a' if x > 5 else 'b'}", f"{3 + 4j}")
print(f"multi {x} " f"part {y:.1f}" " plain", F"upper {x}", rf"\n{x}", fr"\t")
class C:
    def __format__(self, spec): return f"C[{spec}]"
    def __repr__(self): return "C()"
    def __str__(self): return "c-str"
print(f"{C()}", f"{C():xyz}", f"{C()!r}", f"{C()!s:>8}")
import datetime
print(f"{datetime.date(2024, 2, 29):%d/%m/%Y}")
n = 1234567.891
print(f"{n:,}", f"{n:_.2f}", f"{n:e}", f"{-n:+.0f}", f"{0.25:%}")
print(f"{x:b} {x:o} {x:X} {255:#010b}")
print(f"""triple {x}
second line {name.upper()}""")
