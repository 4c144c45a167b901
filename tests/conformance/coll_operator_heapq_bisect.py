import operator, heapq, bisect
print(operator.itemgetter(1)([1, 2]), operator.attrgetter('real')(3), operator.methodcaller('upper')('a'), operator.add(1, 2), operator.neg(3))
h = []
for v in [5, 1, 4, 2, 3]: heapq.heappush(h, v)
print([heapq.heappop(h) for _ in range(5)], heapq.nsmallest(2, [5, 1, 4]), heapq.nlargest(2, [5, 1, 4]), list(heapq.merge([1, 3], [2, 4])))
a = [1, 2, 4, 4, 8]; print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5)); bisect.insort(a, 3); print(a)
print(bisect.bisect_left(a, 4, key=None), operator.index(5), operator.length_hint([1, 2]))
