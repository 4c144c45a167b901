import datetime as dt
import threading
import zoneinfo

import datetime_capi as m


def err(f, *args, message=False):
    try:
        r = f(*args)
    except Exception as e:
        # the messages are datetime's own: CPython's C datetime and the
        # pure-Python one (freepy's) word most of them differently, and
        # pack the bad value into args differently
        return type(e).__name__ + (": " + str(e.args[0]) if message else "")
    return "no error: %r" % (r,)


types, sizes = m.api_types()
print(types == (dt.date, dt.datetime, dt.time, dt.timedelta, dt.tzinfo), sizes)
print(type(dt.datetime_CAPI).__name__, repr(dt.datetime_CAPI).split(" at ")[0])

# checks: date, datetime, time, timedelta, tzinfo and things that are none
samples = [
    dt.date(2020, 2, 29),
    dt.datetime(2021, 12, 31, 23, 59, 58, 999999),
    dt.time(7, 8, 9, 123456),
    dt.timedelta(days=3, seconds=4, microseconds=5),
    dt.timezone.utc,
    dt.tzinfo(),
    zoneinfo.ZoneInfo("UTC"),
    42, "2020-01-01", None,
]
for o in samples:
    print(type(o).__name__, m.checks(o))
print([m.type_name(o) for o in samples[:5]])

# fields, including the extremes of each packed byte
for o in [
    dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2020, 2, 29), dt.date.min, dt.date.max,
    dt.datetime(1, 1, 1), dt.datetime.max, dt.datetime(2000, 6, 15, 12, 30, 45, 65536),
    dt.datetime(2000, 6, 15, 12, 30, 45, 256, fold=1),
    dt.time(), dt.time.max, dt.time(1, 2, 3, 70000, fold=1),
    dt.timedelta(0), dt.timedelta(microseconds=-1), dt.timedelta(days=-999999999),
    dt.timedelta.max, dt.timedelta(hours=-25, microseconds=3),
]:
    print(m.fields(o), m.has_tzinfo(o) if isinstance(o, (dt.datetime, dt.time)) else "-")

# tzinfo: the very object, and the flag
tz = dt.timezone(dt.timedelta(hours=5, minutes=30), "IST")
d = dt.datetime(2022, 3, 4, 5, 6, 7, tzinfo=tz)
f = m.fields(d)
print(f[:-1], f[-1] is tz, m.has_tzinfo(d))
t = dt.time(1, 2, tzinfo=dt.timezone.utc)
print(m.fields(t)[-1] is dt.timezone.utc, m.has_tzinfo(t))
paris = zoneinfo.ZoneInfo("Europe/Paris")
d = dt.datetime(2024, 7, 1, 9, tzinfo=paris)
print(m.fields(d)[-1] is paris, d.utcoffset(), d.tzname())

# constructors
print(repr(m.make_date(2020, 2, 29)), repr(m.make_date(1, 1, 1)))
print(repr(m.make_datetime(2021, 1, 2, 3, 4, 5, 6)), repr(m.make_datetime(2021, 1, 2, 3, 4, 5, 6, 1)))
print(m.make_datetime(2021, 1, 2, 3, 4, 5, 6, 1).fold, m.make_datetime(2021, 1, 2, 3, 4, 5, 6).tzinfo)
print(repr(m.make_time(23, 59, 59, 999999)), m.make_time(1, 2, 3, 4, 1).fold)
print(repr(m.make_delta(1, 2, 3)), repr(m.make_delta(0, 86400 * 3 + 5, -1)), repr(m.make_delta(-1, 0, 0)))
print(repr(m.make_tz(dt.timedelta(hours=-3))), repr(m.make_tz(dt.timedelta(hours=1), "CET")))
print(m.make_tz(dt.timedelta(0)) is dt.timezone.utc, m.utc() is dt.timezone.utc, m.utc() is dt.UTC)
print(m.make_tz(dt.timedelta(0), "Z") is dt.timezone.utc, repr(m.make_tz(dt.timedelta(0), "Z")))
# what C made is an ordinary object to Python and back to C
made = m.make_datetime(1999, 12, 31, 23, 59, 59, 500000)
print(made + dt.timedelta(seconds=1), m.fields(made), made == dt.datetime(1999, 12, 31, 23, 59, 59, 500000))
print(m.fields(m.make_delta(5, 6, 7)), m.fields(m.make_time(4, 5, 6, 7)), m.fields(m.make_date(3, 4, 5)))
# with a tzinfo and a type, through the table
d = m.new_datetime_of(dt.datetime, 2020, 1, 2, 3, 4, 5, 6, tz, 0)
print(repr(d), d.tzinfo is tz, m.fields(d)[-1] is tz)
t = m.new_time_of(dt.time, 1, 2, 3, 4, dt.timezone.utc)
print(repr(t), m.has_tzinfo(t))

# timestamps
print(repr(m.from_timestamp(0.0, dt.timezone.utc)), repr(m.from_timestamp(1e9, tz)))
print(m.date_from_timestamp(86400 * 365) == dt.date.fromtimestamp(86400 * 365))
print(m.from_timestamp(1234567.5) == dt.datetime.fromtimestamp(1234567.5))


# subclasses pass the checks (not the exact ones) and read the same
class MyDate(dt.date):
    pass


class MyDateTime(dt.datetime):
    def __new__(cls, *args, **kw):
        print("MyDateTime.__new__ called")
        return super().__new__(cls, *args, **kw)

    def __init__(self, *args, **kw):
        print("MyDateTime.__init__ called")

    def label(self):
        return "mine %d" % self.year


class MyDelta(dt.timedelta):
    pass


class MyTZ(dt.tzinfo):
    def utcoffset(self, d):
        return dt.timedelta(hours=-7)


sub = MyDateTime(2001, 2, 3, 4, 5, 6, 7)
print(m.checks(sub), m.fields(sub)[:-1])
print(m.checks(MyDate(2001, 2, 3)), m.fields(MyDate(2001, 2, 3)))
print(m.checks(MyDelta(1, 2, 3)), m.fields(MyDelta(1, 2, 3)))
print(m.checks(MyTZ()), m.type_name(sub), m.type_name(MyTZ()))
# C constructors given a subclass: the instance is of it, but its own
# __new__ and __init__ do not run
made = m.new_datetime_of(MyDateTime, 2010, 10, 10, 10, 10, 10, 10, MyTZ(), 1)
print(type(made).__name__, made.label(), made.fold, made.utcoffset(), m.fields(made)[:-1])
d = m.new_date_of(MyDate, 2000, 1, 1)
print(type(d).__name__, d, m.checks(d))
print(type(m.new_delta_of(MyDelta, 1, 0, 0)).__name__, m.new_delta_of(MyDelta, 1, -1, 0))

# errors raised by the constructors
print(err(m.make_date, 2020, 13, 1, message=True))
print(err(m.make_date, 2021, 2, 29))
print(err(m.make_date, 0, 1, 1))
print(err(m.make_date, 10000, 1, 1))
print(err(m.make_datetime, 2020, 1, 1, 24, 0, 0, 0, message=True))
print(err(m.make_datetime, 2020, 1, 1, 0, 60, 0, 0))
print(err(m.make_datetime, 2020, 1, 1, 0, 0, 0, 1000000))
print(err(m.make_datetime, 2020, 1, 1, 0, 0, 0, 0, 2))
print(err(m.make_time, 0, 0, 60, 0))
print(err(m.make_time, 0, 0, 0, -1))
print(err(m.make_delta, 1000000000, 0, 0))
print(err(m.new_datetime_of, dt.datetime, 2020, 1, 1, 0, 0, 0, 0, 5, 0))
print(err(m.make_tz, dt.timedelta(hours=24)))
print(err(m.fields, 3))

# C reads mirrors from several threads at once
days = [dt.datetime(2000 + i % 50, 1 + i % 12, 1 + i % 28, i % 24, i % 60, i % 60, i) for i in range(2000)]
expect = sum(x.year + x.month + x.day + x.hour + x.minute + x.second + x.microsecond for x in days)
results = []


def worker(k):
    for _ in range(5):
        results.append(m.sum_fields(days[k::4]))
        m.make_datetime(2000 + k, 1, 1, 0, 0, 0, k)


threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(len(results), sum(results) == 5 * expect)
