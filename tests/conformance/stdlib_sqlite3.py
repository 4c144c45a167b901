# sqlite3 through the host's compiled _sqlite3 extension (lib-dynload):
# connections, cursors, parameters, row factories, transactions, errors,
# blobs, user functions and aggregates calling back into Python, iterdump.
import sqlite3

print(sqlite3.sqlite_version_info >= (3, 7), sqlite3.paramstyle, sqlite3.threadsafety in (0, 1, 3))

con = sqlite3.connect(":memory:")
print(type(con).__name__, con.isolation_level, con.in_transaction)
cur = con.cursor()
cur.execute("create table people(id integer primary key, name text not null, age integer, score real, data blob)")
cur.execute("insert into people(name, age, score) values (?, ?, ?)", ("ann", 31, 1.5))
print(cur.rowcount, cur.lastrowid, con.in_transaction)
cur.execute("insert into people(name, age, score) values (:n, :a, :s)", {"n": "bob", "a": 42, "s": -2.25})
cur.executemany("insert into people(name, age) values (?, ?)", [("cy", 7), ("dee", None), ("eve", 2**40)])
print(cur.rowcount)
con.commit()
print(con.in_transaction)

for row in con.execute("select id, name, age, score from people order by id"):
    print(row)
cur = con.execute("select name, age from people where age > ? order by age", (10,))
print([d[0] for d in cur.description])
print(cur.fetchone(), cur.fetchmany(1), cur.fetchall(), cur.fetchone())
print(con.execute("select count(*), sum(age), avg(score), max(name) from people").fetchone())
print(con.execute("select typeof(1), typeof(1.0), typeof('x'), typeof(x'00'), typeof(null)").fetchone())
print(con.execute("select ?, ?, ?, ?, ?", (None, 1, 2.5, "txt", b"\x00\x01")).fetchone())
print(con.execute("select 'unicode: ' || ?", ("héllo wörld ✓",)).fetchone()[0])

# row factories
con.row_factory = sqlite3.Row
r = con.execute("select id, name from people where id = 2").fetchone()
print(type(r).__name__, r["name"], r[0], r["NAME"], tuple(r), r.keys(), len(r))
con.row_factory = lambda cursor, row: {d[0]: v for d, v in zip(cursor.description, row)}
print(con.execute("select id, name from people where id = 1").fetchone())
con.row_factory = None
con.text_factory = bytes
print(con.execute("select name from people where id = 1").fetchone())
con.text_factory = str

# transactions
con.execute("insert into people(name) values ('tmp')")
print(con.in_transaction)
con.rollback()
print(con.execute("select count(*) from people").fetchone()[0])
with con:
    con.execute("insert into people(name) values ('ctx')")
print(con.execute("select count(*) from people").fetchone()[0])
try:
    with con:
        con.execute("insert into people(name) values ('gone')")
        raise RuntimeError("boom")
except RuntimeError as e:
    print("rolled back after", e)
print(con.execute("select count(*) from people where name = 'gone'").fetchone()[0])
con.isolation_level = None
print(con.isolation_level, con.in_transaction)
con.execute("begin")
con.execute("delete from people where name = 'ctx'")
print(con.in_transaction)
con.execute("commit")
con.isolation_level = ""

# errors
def err(f, *a):
    try:
        f(*a)
    except sqlite3.Error as e:
        print(type(e).__name__, e, isinstance(e, sqlite3.DatabaseError))
    except Exception as e:
        print("other", type(e).__name__, e)

err(con.execute, "select * from nosuch")
err(con.execute, "selec 1")
err(con.execute, "insert into people(id, name) values (1, 'dup')")
err(con.execute, "insert into people(name) values (null)")
err(con.execute, "select ?", (1, 2))
err(con.execute, "select :x", {"y": 1})
err(con.execute, "select 1; select 2")
err(con.executescript, "create table; ")
print(issubclass(sqlite3.IntegrityError, sqlite3.DatabaseError), issubclass(sqlite3.Error, Exception))
# a statement not in the cache: CPython 3.11 chains a stale sqlite error
# code onto binding errors of cached statements (bind_parameters).
try:
    con.execute("select ? as fresh", (object(),))
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)
except sqlite3.InterfaceError as e:
    print("InterfaceError", e)

# executescript and blobs
con.executescript("""
create table files(name text, body blob);
insert into files values ('a', x'deadbeef');
insert into files values ('b', zeroblob(8));
""")
print(con.execute("select name, body from files order by name").fetchall())
con.execute("insert into files values (?, ?)", ("c", bytearray(b"abc")))
con.execute("insert into files values (?, ?)", ("d", memoryview(b"xyz")))
print(con.execute("select name, body, length(body) from files where name in ('c', 'd')").fetchall())
con.commit()
rowid = con.execute("select rowid from files where name = 'b'").fetchone()[0]
with con.blobopen("files", "body", rowid) as blob:
    print(len(blob), blob.read(3), blob.tell())
    blob.seek(0)
    blob.write(b"hello")
    print(blob[0], blob[0:5], blob.tell())
print(con.execute("select body from files where name = 'b'").fetchone()[0])

# user functions, aggregates, collations
def py_upper(s):
    return None if s is None else s.upper() + "!"
con.create_function("pyupper", 1, py_upper)
con.create_function("pyadd", -1, lambda *a: sum(x for x in a if x is not None), deterministic=True)
print(con.execute("select pyupper(name), pyadd(age, 1, 2) from people order by id").fetchall())
def bad(x):
    raise ValueError("nope")
con.create_function("bad", 1, bad)
err(con.execute, "select bad(1)")

class Concat:
    def __init__(self):
        self.parts = []
    def step(self, v):
        self.parts.append(str(v))
    def finalize(self):
        return "|".join(self.parts)
con.create_aggregate("concat", 1, Concat)
print(con.execute("select concat(name) from (select name from people order by id)").fetchone())
con.create_collation("rev", lambda a, b: (a < b) - (a > b))
print([r[0] for r in con.execute("select name from people order by name collate rev")])

# adapters and converters
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
sqlite3.register_adapter(Point, lambda p: f"{p.x};{p.y}")
sqlite3.register_converter("point", lambda b: tuple(map(float, b.split(b";"))))
con2 = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
con2.execute("create table pts(p point)")
con2.execute("insert into pts values (?)", (Point(1, 2.5),))
print(con2.execute("select p from pts").fetchone())
con2.close()
err(con2.execute, "select 1")

# iterdump
for line in con.iterdump():
    print(line)

# keyword arguments (Argument Clinic) and file-system paths
import os, pathlib, tempfile
def terr(f, *a, **k):
    try:
        f(*a, **k)
        print("ok")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
terr(sqlite3.connect, database=":memory:", timeout=1.5, isolation_level=None)
terr(sqlite3.connect, ":memory:", 1.0, database=":memory:")
terr(sqlite3.connect, ":memory:", nosuch=1)
terr(sqlite3.connect)
terr(sqlite3.connect, "a\0b")
terr(con.blobopen, "files", "body", rowid, readonly=True, name="main")
terr(con.blobopen, "files", "body")
terr(con.create_function, "f", 1, len, deterministic=True)
terr(con.create_function, name="g", narg=1, func=len)
terr(con.execute)
with tempfile.TemporaryDirectory() as d:
    path = pathlib.Path(d) / "t.db"
    c1 = sqlite3.connect(path)
    c1.execute("create table t(x)")
    c1.execute("insert into t values (42)")
    c1.commit()
    c1.close()
    c2 = sqlite3.connect(os.fsencode(str(path)), uri=False)
    print(c2.execute("select x from t").fetchall())
    c2.close()
    c3 = sqlite3.connect("file:" + str(path) + "?mode=ro", uri=True)
    try:
        c3.execute("insert into t values (1)")
    except sqlite3.OperationalError as e:
        print("OperationalError", e)
    c3.close()

# thread affinity: check_same_thread compares thread identities
import threading
out = []
def other(c):
    try:
        out.append(c.execute("select 1").fetchone())
    except sqlite3.ProgrammingError as e:
        out.append(str(e).split(".")[0])
t = threading.Thread(target=other, args=(con,))
t.start()
t.join()
shared = sqlite3.connect(":memory:", check_same_thread=False)
t = threading.Thread(target=other, args=(shared,))
t.start()
t.join()
print(out, con.execute("select 2").fetchone())
shared.close()

print(con.total_changes > 0)
con.close()
print("done")
