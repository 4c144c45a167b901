# exit: 1
class C:
    [w := 1 for _ in range(1)]
