# Stress script for freepy-migrate (tests/migrate): ft_counter keeps its
# state with atomics and a critical section, so it needs no lock.
import ft_counter

N = 3000
start = ft_counter.get()
for i in range(N):
    ft_counter.incr()
    ft_counter.tally(i % 3)


def check(threads, rounds):
    snap = ft_counter.snapshot()
    print("tallies add up:", sum(snap[k] for k in (0, 1, 2)) == threads * rounds * N)
