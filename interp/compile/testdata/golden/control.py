def loops(items):
    total = 0
    for i in items:
        if i < 0:
            continue
        if i > 100:
            break
        total += i
    else:
        total = -1
    while total > 10 and not done(total):
        total //= 2
    return total if total else None

def chained(a, b, c):
    return a < b <= c
