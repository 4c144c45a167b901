# uid/gid getters and setters, priorities and the scheduler functions.
import os, pwd, grp, sys, subprocess

uid, gid = os.getuid(), os.getgid()
print(os.getresuid() == (uid, os.geteuid(), uid), os.getresgid() == (gid, os.getegid(), gid))
# setting the ids one already has is allowed for anyone
os.setuid(uid); os.setgid(gid); os.seteuid(os.geteuid()); os.setegid(os.getegid())
os.setreuid(-1, -1); os.setregid(-1, -1); os.setresuid(-1, -1, -1); os.setresgid(-1, -1, -1)
print(os.getresuid() == (uid, uid, uid))
for f, args in [(os.setuid, (1.5,)), (os.setuid, ("0",)), (os.setuid, (-2,)), (os.setgid, (2**32,)),
                (os.setresuid, (1, 2)), (os.setgroups, (3,)), (os.setgroups, (["a"],))]:
    try:
        f(*args)
    except (TypeError, OverflowError) as e:
        print(f.__name__, type(e).__name__, e)
if uid != 0:
    for f, args in [(os.setuid, (0,)), (os.setgroups, ([0],)), (os.setresgid, (0, 0, 0))]:
        try:
            f(*args)
        except PermissionError as e:
            print(f.__name__, "PermissionError", e.errno)
else:
    print("root: the refusals are not tested")
name = pwd.getpwuid(uid).pw_name
gl = os.getgrouplist(name, gid)
print(type(gl).__name__, gid in gl, sorted(gl) == sorted(set(gl)) or "dupes")
try:
    os.getgrouplist(b"root", 0)
except TypeError as e:
    print("TypeError", e)
# initgroups in a child: as root it succeeds, otherwise EPERM
code = ("import os, pwd\ntry:\n    os.initgroups(pwd.getpwuid(os.getuid()).pw_name, os.getgid()); print('ok')\n"
        "except PermissionError as e:\n    print('EPERM', e.errno)")
out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
print(out.strip() in ("ok", "EPERM 1"))

# priorities: a child changes its own niceness
code = ("import os\nn = os.nice(0)\nprint(n == os.getpriority(os.PRIO_PROCESS, 0), os.nice(3) - n)\n"
        "os.setpriority(os.PRIO_PROCESS, 0, n + 5)\nprint(os.getpriority(os.PRIO_PROCESS, 0) - n, os.getpriority(os.PRIO_PROCESS, os.getpid()) - n)\n"
        "try:\n    os.setpriority(os.PRIO_PROCESS, 0, -20)\nexcept PermissionError as e:\n    print('EPERM', e.errno)\n"
        "else:\n    print('EPERM', 1)")
print(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout, end="")
try:
    os.getpriority(os.PRIO_PROCESS, 2**30)
except OSError as e:
    print(type(e).__name__, e.errno)

# scheduler
print(os.SCHED_OTHER, os.SCHED_FIFO, os.SCHED_RR, os.SCHED_BATCH, os.SCHED_IDLE, os.SCHED_RESET_ON_FORK)
print(os.sched_get_priority_min(os.SCHED_FIFO), os.sched_get_priority_max(os.SCHED_FIFO),
      os.sched_get_priority_min(os.SCHED_OTHER), os.sched_get_priority_max(os.SCHED_RR))
try:
    os.sched_get_priority_max(12345)
except OSError as e:
    print(type(e).__name__, e.errno)
print(os.sched_getscheduler(0) in (os.SCHED_OTHER, os.SCHED_BATCH, os.SCHED_IDLE))
p = os.sched_getparam(0)
print(type(p).__name__, p, p.sched_priority, p == (0,), os.sched_param(5), os.sched_param(sched_priority=7).sched_priority)
print(repr(os.sched_param(0)), os.sched_param.__module__)
try:
    os.sched_param()
except TypeError as e:
    print("TypeError", e)
os.sched_setparam(0, os.sched_param(0))
try:
    os.sched_setparam(0, (0,))
except TypeError as e:
    print("TypeError", e)
try:
    os.sched_setscheduler(0, os.SCHED_OTHER, os.sched_param(1))
except OSError as e:
    print(type(e).__name__, e.errno)
os.sched_setscheduler(0, os.sched_getscheduler(0), os.sched_param(0))
print(type(os.sched_rr_get_interval(0)).__name__, os.sched_rr_get_interval(0) >= 0)
os.sched_yield()
aff = os.sched_getaffinity(0)
print(type(aff).__name__, len(aff) >= 1, aff == os.sched_getaffinity(os.getpid()))
os.sched_setaffinity(0, aff)
print(os.sched_getaffinity(0) == aff)
# a one-CPU mask set in a child holds for all of its threads
code = ("import os, threading\nc = min(os.sched_getaffinity(0))\nos.sched_setaffinity(0, {c})\nout = []\n"
        "t = threading.Thread(target=lambda: out.append(os.sched_getaffinity(0) == {c}))\nt.start(); t.join()\n"
        "print(os.sched_getaffinity(0) == {c}, out)")
print(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout, end="")
for bad in [[-1], ["x"], [1 << 20]]:
    try:
        os.sched_setaffinity(0, bad)
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)
try:
    os.sched_getaffinity(2**30)
except OSError as e:
    print(type(e).__name__, e.errno)
