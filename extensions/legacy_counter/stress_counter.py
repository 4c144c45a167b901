# Stress script for freepy-migrate (tests/migrate): every thread adds to the
# module's one global counter; check() verifies that no increment was lost.
# The counter is a plain C global, so without a lock increments race.
import counter

N = 3000
for _ in range(N):
    counter.incr()
    counter.add(2)


def check(threads, rounds):
    print("no increment lost:", counter.get() == threads * rounds * N * 3)
