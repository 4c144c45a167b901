# zoneinfo on the host's compiled _zoneinfo (lib-dynload), which takes
# datetime's C API: ZoneInfo is a C subclass of datetime.tzinfo whose
# methods read the datetimes they are given through the accessor macros.
# Offsets, names and DST across transitions (gaps and folds), conversions,
# the cache, pickling, errors and subclasses.
import datetime as dt
import pickle
import threading
import zoneinfo

ZI = zoneinfo.ZoneInfo
print(ZI.__module__, ZI.__name__, issubclass(ZI, dt.tzinfo), ZI.__mro__[1:])
paris = ZI("Europe/Paris")
print(repr(paris), str(paris), paris.key, isinstance(paris, dt.tzinfo))
print(ZI("Europe/Paris") is paris, ZI.no_cache("Europe/Paris") is paris, ZI.no_cache("Europe/Paris") == paris)


def show(d):
    print(d.isoformat(), d.utcoffset(), d.dst(), d.tzname(), d.fold)


# summer, winter, the spring gap and the autumn fold, both folds
for args in [(2024, 7, 1, 12), (2024, 1, 15, 8, 30), (2024, 3, 31, 2, 30), (2024, 10, 27, 2, 30)]:
    show(dt.datetime(*args, tzinfo=paris))
    show(dt.datetime(*args, tzinfo=paris, fold=1))

ny = ZI("America/New_York")
for args in [(2023, 3, 12, 2, 15), (2023, 11, 5, 1, 30), (1900, 1, 1), (2100, 6, 1), (1, 1, 1), (9999, 12, 31)]:
    show(dt.datetime(*args, tzinfo=ny))

# conversions (fromutc) across a transition, hour by hour
start = dt.datetime(2024, 10, 27, 0, tzinfo=dt.timezone.utc)
for h in range(4):
    local = (start + dt.timedelta(hours=h)).astimezone(paris)
    show(local)
    print("  back", local.astimezone(dt.timezone.utc).isoformat())
print(dt.datetime(2024, 3, 10, 6, 59, tzinfo=dt.timezone.utc).astimezone(ny))
print(dt.datetime(2024, 3, 10, 7, 0, tzinfo=dt.timezone.utc).astimezone(ny))
print(paris.fromutc(dt.datetime(2024, 6, 1, 10, tzinfo=paris)))
for bad in [dt.datetime(2024, 6, 1), dt.datetime(2024, 6, 1, tzinfo=ny), "x"]:
    try:
        paris.fromutc(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
# time objects and None
print(paris.utcoffset(None), paris.dst(None), paris.tzname(None))
print(dt.time(12, tzinfo=paris).utcoffset(), dt.time(12, tzinfo=dt.timezone.utc).tzname())

# fixed-offset and UTC zones
for key in ["UTC", "Etc/GMT+5", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham"]:
    z = ZI(key)
    d = dt.datetime(2024, 1, 1, 12, tzinfo=z)
    print(key, d.utcoffset(), d.dst(), d.tzname(), d.astimezone(dt.timezone.utc).isoformat())

# arithmetic and comparison keep the zone
a = dt.datetime(2024, 3, 30, 12, tzinfo=paris)
b = a + dt.timedelta(days=1)
print(b, b - a, b.astimezone(dt.timezone.utc) - a.astimezone(dt.timezone.utc), a < b, a == a.astimezone(ny))

# cache
zoneinfo.ZoneInfo.clear_cache(only_keys=["Europe/Paris"])
print(ZI("Europe/Paris") is paris)
zoneinfo.ZoneInfo.clear_cache()
p2 = ZI("Europe/Paris")
print(p2 == paris, p2 is paris, ZI("Europe/Paris") is p2)

# pickling by key (the cache gives back the same object)
q = pickle.loads(pickle.dumps(p2))
print(repr(q), q is p2)
nc = ZI.no_cache("Asia/Tokyo")
print(repr(pickle.loads(pickle.dumps(nc))), pickle.loads(pickle.dumps(nc)) is nc)
d = dt.datetime(2020, 5, 5, 5, tzinfo=p2)
print(pickle.loads(pickle.dumps(d)) == d, pickle.loads(pickle.dumps(d)).tzinfo is p2)

# from_file
import io
with open("/usr/share/zoneinfo/Europe/Berlin", "rb") as f:
    data = f.read()
berlin = ZI.from_file(io.BytesIO(data), key="Berlin-file")
print(repr(berlin), str(berlin), dt.datetime(2024, 7, 1, tzinfo=berlin).tzname())
anon = ZI.from_file(io.BytesIO(data))
print(repr(anon).startswith("zoneinfo.ZoneInfo.from_file("), str(anon).startswith("zoneinfo.ZoneInfo.from_file("))
try:
    pickle.dumps(anon)
except pickle.PicklingError as e:
    print("PicklingError", e)

# errors
for key in ["Not/AZone", "../etc/passwd", "", "Europe/Paris/"]:
    try:
        ZI(key)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as e:
        print(type(e).__name__, isinstance(e, KeyError))
try:
    ZI.from_file(io.BytesIO(b"not a tzfile"))
except ValueError as e:
    print("ValueError", e)
try:
    ZI(5)
except TypeError as e:
    print("TypeError")


# subclasses
class MyZone(ZI):
    pass


mz = MyZone("Europe/Paris")
print(repr(mz), type(mz).__name__, mz is MyZone("Europe/Paris"), mz is paris, mz == p2)
print(dt.datetime(2024, 7, 1, tzinfo=mz).utcoffset())
# the C type is a static type, which the collector does not track
import gc
print(gc.is_tracked(ZI), gc.is_tracked(MyZone), gc.is_tracked(int), gc.is_tracked(dt.tzinfo.__base__))

# several threads converting at once
out = []


def worker(k):
    z = ZI(["Europe/Paris", "America/New_York", "Asia/Tokyo", "Europe/London"][k])
    base = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    s = 0
    for i in range(0, 24 * 365, 7):
        s += int((base + dt.timedelta(hours=i)).astimezone(z).utcoffset().total_seconds())
    out.append((k, s))


ts = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out))
