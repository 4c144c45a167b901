# printf-style % formatting for str and bytes.
print("%s %r %a" % ("é", "é", "é"))
print("%d %i %u" % (42, -42, 7), "%5d|%-5d|%05d|%+d|% d" % (1, 2, 3, 4, 5))
print("%x %X %#x %o %#o" % (255, 255, 255, 8, 8))
print("%f %.2f %10.3f %-10.1f| %e %.3E %g %G" % (3.14159, 2.5, 1.0, 9.99, 12345.678, 0.00012, 1e-5, 1e20))
print("%c %c" % (65, "z"), "%%", "%s%%" % 50)
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%s" % (1,), "%s" % [1, 2], "%s" % ((1, 2),), "%r" % None)
print("%.3s|%5s|%-5s|" % ("abcdef", "ab", "cd"))
print("%d" % 3.99, "%x" % 2 ** 70, "%.0f" % 0.5, "%.0f" % 1.5, "%g" % 100000, "%g" % 1000000)
print(b"%s %d %x %c %b" % (b"hi", 5, 255, 65, b"raw"), b"%5s|" % b"a", b"%%")
for bad in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(a)s", (1,))]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
