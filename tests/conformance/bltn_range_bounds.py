# range at the int64 edges: lengths that overflow a naive computation,
# ranges of 2**63 items or more (len raises OverflowError; truth, indexing,
# reversed and membership still work).
cases = [(-5, 5, 2**63-1), (-2**63, 2**63-1, 2**62), (2**63-1, -2**63, -2**62), (-2**63, 2**63-1), (2**63-1, -2**63, -1), (0, 10, 3), (10, 0, -3), (-2**63, 2**63-1, -(2**63)), (2**63-1, -2**63, -(2**63))]
for c in cases:
    r = range(*c)
    try:
        n = len(r)
    except OverflowError as e:
        n = "OverflowError: %s" % e
    print(c, n, r[0] if r else None, r[-1] if r else None, list(r)[:3] if isinstance(n, int) and n < 10 else "big", list(reversed(r))[:3] if isinstance(n, int) and n < 10 else next(iter(reversed(r)), None), (2**62 in r), r.count(0), bool(r))
