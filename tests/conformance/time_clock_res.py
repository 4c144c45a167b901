# time.clock_getres from the kernel; clock_settime errors (an invalid clock)
import time, errno
for c in ["CLOCK_REALTIME", "CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID", "CLOCK_THREAD_CPUTIME_ID", "CLOCK_MONOTONIC_RAW", "CLOCK_BOOTTIME", "CLOCK_TAI"]:
    print(c, time.clock_getres(getattr(time, c)))
for bad in [-99, 1234]:
    try: time.clock_getres(bad)
    except OSError as e: print("getres", e.errno == errno.EINVAL, e)
try: time.clock_settime(-99, 1.0)
except OSError as e: print("settime", e.errno, e)
try: time.clock_settime_ns(-99, 10)
except OSError as e: print("settime_ns", e.errno)
try: time.clock_getres("x")
except TypeError as e: print("TypeError")
