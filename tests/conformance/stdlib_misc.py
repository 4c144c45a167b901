# heapq, bisect, copy, operator, io, struct, datetime, fractions.
import heapq, bisect, copy, io, struct, datetime, fractions
h = [5, 1, 8, 3, 2]
heapq.heapify(h)
print(h, heapq.heappop(h), heapq.nlargest(2, [4, 9, 1, 7]), heapq.nsmallest(2, [4, 9, 1]), list(heapq.merge([1, 4], [2, 3])))
heapq.heappush(h, 0); print(heapq.heappushpop(h, 10), h)
a = [1, 3, 3, 5]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 4))
bisect.insort(a, 4); print(a)
orig = {"k": [1, [2, 3]]}
sh, dp = copy.copy(orig), copy.deepcopy(orig)
orig["k"][1].append(4)
print(sh, dp, copy.copy([1, 2]) == [1, 2])
s = io.StringIO("line1\nline2\n")
print(s.readline(), s.read(), s.tell())
b = io.BytesIO(); b.write(b"abc"); b.seek(1); print(b.read(), b.getvalue())
packed = struct.pack("<ihd", 1, -2, 3.5)
print(packed, struct.unpack("<ihd", packed), struct.calcsize(">i?H"), struct.pack(">I", 0xDEADBEEF))
d = datetime.date(2024, 2, 28) + datetime.timedelta(days=2)
print(d, d.isoformat(), d.weekday(), d.strftime("%A %d %B %Y"), datetime.datetime(2020, 5, 17, 13, 45, 1).isoformat())
print(datetime.timedelta(days=1, hours=25, seconds=61), datetime.date(2000, 1, 1) < d, (datetime.date(2024, 12, 25) - datetime.date(2024, 1, 1)).days)
F = fractions.Fraction
print(F(1, 3) + F(1, 6), F(3, 4) * 2, F("0.125"), F(1, 3) < F(1, 2), float(F(1, 8)), F(10, 4).limit_denominator(1))
