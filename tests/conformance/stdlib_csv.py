# csv / _csv: reading, writing, dialects, quoting, errors.
import _csv
import csv
import io


def e(f):
    try:
        r = f()
    except Exception as x:
        print(type(x).__name__, x)
    else:
        print("ok", repr(r))


def rd(text, **kw):
    return list(csv.reader(io.StringIO(text, newline=""), **kw))


def wr(rows, **kw):
    s = io.StringIO()
    w = csv.writer(s, **kw)
    for r in rows:
        w.writerow(r)
    return s.getvalue()


print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, _csv.__version__)
print(sorted(csv.list_dialects()))

# reading
cases = [
    "a,b,c\r\n1,2,3\r\n",
    "a,b\n\nc,d\n",
    '"quoted, field","with ""quotes"""\n',
    '"multi\nline",x\r\ny,z\n',
    "a,,c,\n",
    ',\n',
    '""\n',
    '"a"b,c\n',
    'a"b"c,d\n',
    "  a,  b\n",
    '"unterminated\n',
    "no newline at end",
    "a\rb\rc\r",
    "x,y\r\n\r\n",
    "",
    "\n",
    "a\0b,c\n",
]
for text in cases:
    e(lambda: rd(text))
e(lambda: rd("  a,  b\n", skipinitialspace=True))
e(lambda: rd("a;b;'c;d'\n", delimiter=";", quotechar="'"))
e(lambda: rd('a\\,b,c\\\nd\n', escapechar="\\"))
e(lambda: rd('"a\\"b",c\n', escapechar="\\", doublequote=False))
e(lambda: rd('"a""b",c\n', doublequote=False))
e(lambda: rd('"a",b,"c"\n', quoting=csv.QUOTE_NONE))
e(lambda: rd('1,2.5,"x",-3e2\n', quoting=csv.QUOTE_NONNUMERIC))
e(lambda: rd('1,abc\n', quoting=csv.QUOTE_NONNUMERIC))
e(lambda: rd('"ab"c,d\n', strict=True))
e(lambda: rd('"abc', strict=True))
e(lambda: rd('a\tb\n', dialect="excel-tab"))
e(lambda: rd('a,b\n', dialect=csv.unix_dialect))
e(lambda: list(csv.reader(["a,b\rc"])))
e(lambda: list(csv.reader([b"a,b"])))
e(lambda: list(csv.reader(1)))
r = csv.reader(['a,"b', 'c"', "d"])
print(next(r), r.line_num, next(r), r.line_num, r.dialect.delimiter)
e(lambda: next(r))

old = csv.field_size_limit(5)
print(old, csv.field_size_limit())
e(lambda: rd("abcdef\n"))
e(lambda: rd("abcde\n"))
print(csv.field_size_limit(old))
e(lambda: csv.field_size_limit("x"))
e(lambda: csv.field_size_limit(1, 2))

# writing
rows = [["a", "b c", "d,e", 'f"g', "h\ni", "j\rk", "", None, 1, 2.5, True]]
e(lambda: wr(rows))
e(lambda: wr(rows, quoting=csv.QUOTE_ALL))
e(lambda: wr(rows, quoting=csv.QUOTE_NONNUMERIC))
e(lambda: wr(rows, quoting=csv.QUOTE_NONE, escapechar="\\"))
e(lambda: wr(rows, quoting=csv.QUOTE_NONE))
e(lambda: wr([['a"b']], doublequote=False, escapechar="\\"))
e(lambda: wr([['a"b']], doublequote=False))
e(lambda: wr([["a\\b", "c"]], escapechar="\\"))
e(lambda: wr([[""]]))
e(lambda: wr([[None]]))
e(lambda: wr([[]]))
e(lambda: wr([[""]], quoting=csv.QUOTE_NONE))
e(lambda: wr([["a", "b"]], lineterminator="\n", delimiter="\t"))
e(lambda: wr([["a\nb", "c\rd", "eXf"]], lineterminator="X"))
e(lambda: wr([["x y", ""]], delimiter=" ", skipinitialspace=True))
e(lambda: wr([[1, 2]], dialect="unix"))
e(lambda: wr([range(3), (x for x in "ab"), "xyz"]))
e(lambda: wr([5]))
s = io.StringIO()
w = csv.writer(s)
print(w.writerow(["abc", "d"]), w.writerows([[1], [2]]), repr(s.getvalue()), w.dialect.lineterminator == "\r\n")
e(lambda: csv.writer(1))
e(lambda: csv.writer(io.StringIO(), foo=1))

# dialects
d = _csv.Dialect()
print(d.delimiter, d.doublequote, d.escapechar, repr(d.lineterminator), d.quotechar, d.quoting,
      d.skipinitialspace, d.strict)
e(lambda: setattr(d, "delimiter", ";"))
for kw in [dict(delimiter=None), dict(delimiter=1), dict(delimiter="ab"), dict(delimiter=""),
           dict(quotechar=1), dict(quotechar=""), dict(escapechar=1), dict(escapechar=""),
           dict(lineterminator=None), dict(lineterminator=1), dict(quoting=5), dict(quoting="x"),
           dict(quotechar=None, quoting=0), dict(quoting=1.0), dict(foo=1)]:
    e(lambda: _csv.Dialect(**kw))
q = _csv.Dialect(quotechar=None)
print(q.quoting, q.quotechar)
q = _csv.Dialect(quoting=csv.QUOTE_NONE, quotechar=None)
print(q.quoting, q.quotechar)
print(_csv.Dialect("excel") is _csv.get_dialect("excel"), _csv.Dialect(delimiter=";").delimiter)
e(lambda: _csv.Dialect("nope"))


class Semi(csv.Dialect):
    delimiter = ";"
    quotechar = "'"
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL


csv.register_dialect("semi", Semi)
csv.register_dialect("pipe", delimiter="|", quoting=csv.QUOTE_ALL)
csv.register_dialect("semi2", "semi", lineterminator="!")
print(sorted(csv.list_dialects()))
e(lambda: wr([["a;b", "c'd"]], dialect="semi"))
e(lambda: wr([["a", "b"]], dialect="pipe"))
e(lambda: wr([["a", "b"]], dialect="semi2"))
print(csv.get_dialect("pipe").delimiter, csv.get_dialect("semi").quotechar)
csv.unregister_dialect("pipe")
e(lambda: csv.unregister_dialect("pipe"))
e(lambda: csv.get_dialect("pipe"))
e(lambda: csv.register_dialect(1))
e(lambda: csv.register_dialect("bad", delimiter=""))


class Bad(csv.Dialect):
    delimiter = ";"


e(lambda: Bad())
print(type(_csv.Error).__name__, _csv.Error.__module__, issubclass(csv.Error, Exception), csv.Error is _csv.Error)
print(_csv.reader, _csv.Reader, _csv.Writer)

# DictReader / DictWriter
text = "name,age\r\nann,30\r\nbob,\r\ncarl,41,extra\r\n"
for row in csv.DictReader(io.StringIO(text)):
    print(row)
dr = csv.DictReader(io.StringIO("x;y\n1;2\n"), delimiter=";")
print(dr.fieldnames, list(dr), dr.line_num)
print(list(csv.DictReader(io.StringIO("1,2\n3\n"), fieldnames=["a", "b"], restval="?")))
s = io.StringIO()
dw = csv.DictWriter(s, fieldnames=["a", "b"], restval="-")
dw.writeheader()
dw.writerow({"a": 1, "b": "x,y"})
dw.writerows([{"a": 2}, {"b": 3}])
print(repr(s.getvalue()))
e(lambda: dw.writerow({"c": 1}))
e(lambda: csv.DictWriter(s, ["a"], extrasaction="bad"))
dw = csv.DictWriter(s, ["a"], extrasaction="ignore")
print(dw.writerow({"a": 1, "z": 2}))

# Sniffer
sn = csv.Sniffer()
sample = "a;b;c\n1;2;3\n4;5;6\n"
dia = sn.sniff(sample)
print(dia.delimiter, sn.has_header("name,age\nann,30\nbob,40\n"))

# round trip
data = [["x", 'q"uote', "new\nline", "", "  sp  ", "ü€"], ["1", "2", "3", "4", "5", "6"]]
out = wr(data)
print(rd(out) == data)
