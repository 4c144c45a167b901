# The host's CPython _dbm (dbm.ndbm over Berkeley DB) loaded unchanged; its
# get/setdefault use Argument Clinic's _PyArg_ParseStackAndKeywords.
import dbm, dbm.ndbm, os, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, "db")
with dbm.ndbm.open(p, "c") as db:
    db[b"k1"] = b"v1"
    db["k2"] = "v2"
    print(db[b"k1"], db.get("k2"), db.get(b"nope"), db.get(b"nope", b"dflt"))
    print(sorted(db.keys()), len(db), b"k1" in db, "zz" in db)
    print(db.setdefault(b"k3", b"v3"), db.setdefault(b"k3", b"other"))
    del db[b"k2"]
    print(sorted(db.keys()))
    try:
        db[b"missing"]
    except KeyError as e:
        print("KeyError", e)
with dbm.ndbm.open(p, "r") as db:
    print(sorted((k, db[k]) for k in db.keys()))
    # (writing here raises dbm.ndbm.error, but Berkeley DB also prints to
    # stderr, which the differential harness does not allow)
    print(len(db), db.get(b"k1"))
print(dbm.whichdb(p))
print(dbm.ndbm.library)
try:
    dbm.ndbm.open(os.path.join(d, "nope"), "r")
except dbm.ndbm.error as e:
    print("error", e.errno)
