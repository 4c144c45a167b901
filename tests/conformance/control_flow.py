# if/elif/else, while/for with else, break/continue, pass, nested loops.
for n in range(-2, 4):
    if n < 0:
        kind = "neg"
    elif n == 0:
        kind = "zero"
    elif n % 2:
        kind = "odd"
    else:
        kind = "even"
    print(n, kind)
for i in range(3):
    pass
else:
    print("for-else runs without break", i)
for i in range(10):
    if i == 4:
        break
else:
    print("not printed")
print("broke at", i)
n = 0
while n < 5:
    n += 1
    if n % 2:
        continue
    print("even", n)
else:
    print("while-else", n)
while True:
    break
else:
    print("never")
found = None
for a in range(1, 10):
    for b in range(1, 10):
        if a * b == 42:
            found = (a, b)
            break
    if found:
        break
print(found)
for x in []:
    print("empty")
else:
    print("else after empty loop")
total = 0
for i, ch in enumerate("abc"):
    total += i * ord(ch)
print(total)
i = 10
while i:
    i -= 3 if i > 3 else i
print(i)
print("yes" if [] else "no", "yes" if [0] else "no", 1 if 0 else 2 if 0 else 3)
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
def early(v):
    for c in v:
        if c == "x":
            return "found x"
    return "no x"
print(early("abxd"), early("abc"))
items = [1, 2, 3]
for v in items:
    if v == 1:
        items.append(4)
print(items)
