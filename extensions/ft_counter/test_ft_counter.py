# Driver for extensions/ft_counter: single-threaded results first, then a
# threaded run whose totals must be exact.
import threading
import ft_counter

print("incr", ft_counter.incr(), ft_counter.incr())
print("add", ft_counter.add(10), ft_counter.get())
try:
    ft_counter.add()
except TypeError as e:
    print("TypeError", e)
try:
    ft_counter.add("x")
except TypeError as e:
    print("TypeError", e)
print("tally", ft_counter.tally("a"), ft_counter.tally("a"), ft_counter.tally("b"))
print("snapshot", sorted(ft_counter.snapshot().items()))
try:
    ft_counter.tally([])
except TypeError as e:
    print("TypeError", e)

start = ft_counter.get()
N, T = 2000, 4

def work(i):
    for _ in range(N):
        ft_counter.incr()
        ft_counter.tally(i % 2)

threads = [threading.Thread(target=work, args=(i,)) for i in range(T)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("threaded", ft_counter.get() - start)
snap = ft_counter.snapshot()
print("threaded tallies", snap[0], snap[1])
