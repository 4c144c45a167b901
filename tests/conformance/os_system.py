# os.system, exec, wait*, process ids and groups, abort.
import os, sys, subprocess, signal

print(os.system("exit 3") >> 8, os.system("true"), os.system("kill -TERM $$") & 0x7f)
print(os.waitstatus_to_exitcode(os.system("exit 7")))
# the child writes to the process's own fd 1
sys.stdout.flush()
print(os.system("echo from-sh"))
sys.stdout.flush()
print(os.system(b"exit 2") >> 8)
try:
    os.system(3)
except TypeError as e:
    print("TypeError", e)

# wait4 / wait3 / wait / waitid on children
p = subprocess.Popen(["sh", "-c", "exit 5"])
pid, st, ru = os.wait4(p.pid, 0)
print(pid == p.pid, os.WEXITSTATUS(st), type(ru).__name__, type(ru).__module__, type(ru.ru_utime).__name__,
      type(ru.ru_maxrss).__name__, len(ru))
p.returncode = 5
p = subprocess.Popen(["sh", "-c", "kill -KILL $$"])
pid, st, ru = os.wait3(0)
print(pid == p.pid, os.WIFSIGNALED(st), os.WTERMSIG(st))
p.returncode = -9
p = subprocess.Popen(["sh", "-c", "exit 1"])
pid, st = os.wait()
print(pid == p.pid, os.waitstatus_to_exitcode(st))
p.returncode = 1
p = subprocess.Popen(["sh", "-c", "exit 4"])
r = os.waitid(os.P_PID, p.pid, os.WEXITED)
print(type(r).__name__, r.si_pid == p.pid, r.si_uid == os.getuid(), r.si_signo == signal.SIGCHLD,
      r.si_status, r.si_code == os.CLD_EXITED, len(r))
p.returncode = 4
try:
    os.wait4(-1, os.WNOHANG)
except ChildProcessError as e:
    print("ChildProcessError", e.errno)
try:
    os.waitid(os.P_ALL, 0, os.WEXITED)
except ChildProcessError as e:
    print("ChildProcessError", e.errno)
print(os.CLD_EXITED, os.CLD_KILLED, os.CLD_DUMPED, os.CLD_TRAPPED, os.CLD_STOPPED, os.CLD_CONTINUED, os.P_PIDFD)

# exec replaces the process; a pipe shows what the child printed
code = "import os; os.execv('/bin/sh', ['sh', '-c', 'echo execv $0 ok'])"
print(subprocess.run([sys.executable, "-c", code], capture_output=True).stdout)
code = "import os; os.execve('/bin/sh', ['sh', '-c', 'echo $FOO'], {'FOO': 'bar'})"
print(subprocess.run([sys.executable, "-c", code], capture_output=True).stdout)
for args in [("/bin/sh", []), ("/bin/sh", ("",)), ("/bin/sh", "sh")]:
    try:
        os.execv(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for args in [("/bin/sh", [], {}), ("/bin/sh", ["sh"], 3), ("/bin/sh", ("",), {})]:
    try:
        os.execve(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    os.execv("/nonexistent/prog", ["prog"])
except OSError as e:
    print(type(e).__name__, e.errno)

# abort dies of SIGABRT (no core file)
code = "import os; os.abort()"
r = subprocess.run(["sh", "-c", 'ulimit -c 0; exec "$0" -c "$1"', sys.executable, code], capture_output=True)
print(r.returncode, r.stderr)

# process groups and sessions
print(os.getpgid(0) == os.getpgrp(), os.getsid(0) == os.getsid(os.getpid()), os.getpgid(os.getpid()) == os.getpgrp())
try:
    os.getpgid(-5)
except OSError as e:
    print(type(e).__name__, e.errno)
code = "import os; os.setsid(); print(os.getsid(0) == os.getpid(), os.getpgrp() == os.getpid())"
print(subprocess.run([sys.executable, "-c", code], capture_output=True, start_new_session=False).stdout)
code = "import os; os.setpgrp(); print(os.getpgrp() == os.getpid()); os.setpgid(0, 0)"
print(subprocess.run([sys.executable, "-c", code], capture_output=True).stdout)
try:
    os.killpg(2**30, signal.SIGTERM)
except OSError as e:
    print(type(e).__name__, e.errno)
p = subprocess.Popen(["sleep", "30"], start_new_session=True)
os.killpg(p.pid, signal.SIGTERM)
print(p.wait())

# register_at_fork records callables
os.register_at_fork(before=lambda: None, after_in_child=print)
for kw in [{}, {"before": 3}, {"after_in_parent": None}]:
    try:
        os.register_at_fork(**kw)
    except TypeError as e:
        print("TypeError", e)
try:
    os.register_at_fork(print)
except TypeError as e:
    print("TypeError")
