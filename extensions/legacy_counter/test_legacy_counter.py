# Driver for extensions/legacy_counter: prints results one per line so the
# output can be compared between CPython 3.11 and freepy.
import counter

print("START", counter.START)
print("incr", counter.incr(), counter.incr())
print("get", counter.get())
print("add", counter.add(40))
print("set", counter.set(5), counter.get())
print("set scaled", counter.set(3, 7), counter.get())
print("describe", counter.describe("total"))
print("describe sep", counter.describe("total", sep="="))
for bad in (lambda: counter.add("x"), lambda: counter.set(), lambda: counter.set("a"),
            lambda: counter.describe("n", "positional-sep")):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
try:
    counter.add(1 << 80)
except OverflowError as e:
    print("OverflowError", e)
print("reset", counter.reset(), counter.get())
print("doc", counter.__doc__)
print("incr doc", counter.incr.__doc__)
