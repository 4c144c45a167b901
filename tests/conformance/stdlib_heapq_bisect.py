# _heapq and _bisect as CPython's C modules: heap layouts (including the
# large-list heapify order), messages, key functions, sequences.
import heapq, bisect, random, _heapq, _bisect
random.seed(7)
for n in (0, 1, 5, 100, 3000, 10000):
    data = [random.randrange(1000) for _ in range(n)]
    h = list(data); heapq.heapify(h); print(n, h[:12], sum(h[i] * i for i in range(len(h))) % 100003)
    h2 = list(data); heapq._heapify_max(h2); print(h2[:8])
    out = [heapq.heappop(h) for _ in range(min(20, len(h)))]; print(out)
h = []
for x in [5, 3, 8, 1, 9, 2]: heapq.heappush(h, x)
print(h, heapq.heappushpop(h, 4), heapq.heapreplace(h, 7), h, heapq.nsmallest(3, [5, 1, 4, 2]), heapq.nlargest(2, 'hello'))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], key=None)), list(heapq.merge([9, 4], [10, 3], reverse=True)))
for bad in [lambda: heapq.heappop([]), lambda: heapq.heappush((), 1), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush([1, 'a'], 2),
            lambda: heapq.heappush([], 1, 2), lambda: heapq.heapify(1), lambda: heapq.heappop([], 1)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
a = [1, 2, 2, 2, 3, 5, 8]
print([bisect.bisect_left(a, x) for x in range(10)], [bisect.bisect_right(a, x) for x in range(10)], bisect.bisect(a, 2, 2, 5))
b = list(a); bisect.insort(b, 4); bisect.insort_left(b, 2); print(b)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('d', 4), key=lambda r: r[1]); print(recs)
for bad in [lambda: bisect.bisect(a, 1, -1), lambda: bisect.bisect(a, 1, 0, 2, 3), lambda: bisect.bisect(5, 1), lambda: bisect.bisect(a),
            lambda: bisect.bisect(a, 'x'), lambda: bisect.bisect(a, 1, hi=100)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
class Seq:
    def __init__(s): s.l = [1, 3, 5]
    def __len__(s): return len(s.l)
    def __getitem__(s, i): return s.l[i]
    def insert(s, i, x): s.l.insert(i, x)
q = Seq(); bisect.insort(q, 4); print(q.l, bisect.bisect(q, 3))
print(bisect.bisect_right.__module__, heapq.heappush.__module__)
