# subprocess on _posixsubprocess.fork_exec: only outputs that are the same
# under CPython and freepy (no child Python, no pids, no timings).
import os
import signal
import subprocess
import sys
import threading


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("ok", r)


print(subprocess.run(["/bin/echo", "hello", "world"], capture_output=True))
r = subprocess.run(["/bin/sh", "-c", "echo $X; echo err >&2; exit 3"], env={"X": "val"},
                   capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(subprocess.check_output("echo shell | tr a-z A-Z", shell=True))
print(subprocess.run("echo out; echo err >&2", shell=True, stdout=subprocess.PIPE,
                     stderr=subprocess.STDOUT).stdout)
print(subprocess.run(["/bin/echo", "gone"], stdout=subprocess.DEVNULL).stdout)
print(subprocess.call(["/bin/sh", "-c", "exit 7"]))

# exec and chdir failures come back through the error pipe
show(lambda: subprocess.run(["/nonexistent/prog"]))
show(lambda: subprocess.run(["no-such-prog-xyz"]))
show(lambda: subprocess.run(["no-such-prog-xyz"], executable="/nonexistent/exe"))
show(lambda: subprocess.run(["ls"], cwd="/nonexistent"))
show(lambda: subprocess.run(["ls"], cwd="/etc/passwd"))
show(lambda: subprocess.run(["/etc/passwd"]))
show(lambda: subprocess.run(["/bin/echo", "a\0b"]))
show(lambda: subprocess.check_call(["false"]))
show(lambda: subprocess.check_output(["/bin/sh", "-c", "echo partial; exit 4"]))
print(subprocess.getoutput("echo hi; exit 2"), subprocess.getstatusoutput("exit 2"))
print(subprocess.run(["pwd"], cwd="/", stdout=subprocess.PIPE).stdout)
print(subprocess.run(["/bin/echo", "via", "executable"], executable="/bin/echo",
                     capture_output=True).stdout)

# stdin piping, large data both ways (needs the selector loop)
print(subprocess.run(["cat"], input=b"piped in", capture_output=True).stdout)
big = b"0123456789abcdef" * 100000
out = subprocess.run(["cat"], input=big, capture_output=True).stdout
print(len(out), out == big)
out = subprocess.run(["tr", "a-z", "A-Z"], input="line1\nline2\r\n", capture_output=True,
                     text=True).stdout
print(repr(out))
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
p.stdin.write(b"written\n")
p.stdin.close()
print(p.stdout.read(), p.wait(), p.returncode, p.poll())
p.stdout.close()
with subprocess.Popen(["/bin/sh", "-c", "read x; echo got $x"], stdin=subprocess.PIPE,
                      stdout=subprocess.PIPE, text=True) as p:
    out, err = p.communicate("value\n")
    print(repr(out), err, p.returncode)

# timeouts, kill, terminate, signals
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.cmd)
p = subprocess.Popen(["sleep", "10"], stdout=subprocess.PIPE)
show(lambda: p.communicate(timeout=0.1))
p.kill()
print(p.communicate(), p.returncode)
p = subprocess.Popen(["sleep", "10"])
print(p.poll())
show(lambda: p.wait(timeout=0.1))
p.terminate()
print(p.wait())
p = subprocess.Popen(["sleep", "10"])
p.send_signal(signal.SIGINT)
print(p.wait())
p = subprocess.Popen(["/bin/sh", "-c", "exit 5"])
while p.poll() is None:
    pass
print(p.returncode)

# descriptors: pass_fds keeps one, close_fds closes inheritable others
r, w = os.pipe()
os.set_inheritable(w, True)
p = subprocess.run(["/bin/sh", "-c", f"echo passed >&{w}"], pass_fds=(w,))
os.close(w)
print(os.read(r, 100), p.returncode)
os.close(r)
r, w = os.pipe()
os.set_inheritable(w, True)
p = subprocess.run(["/bin/sh", "-c", f"echo leaked >&{w}"], stderr=subprocess.DEVNULL)
print("closed" if p.returncode != 0 else "open")
p = subprocess.run(["/bin/sh", "-c", f"echo leaked >&{w}"], close_fds=False)
os.close(w)
print(os.read(r, 100), p.returncode)
os.close(r)

# sessions, process groups, umask
print(subprocess.run(["/bin/sh", "-c", "test $(ps -o sid= -p $$) = $$ && echo leader"],
                     start_new_session=True, capture_output=True).stdout)
print(subprocess.run(["/bin/sh", "-c", "test $(ps -o pgid= -p $$) = $$ && echo group"],
                     process_group=0, capture_output=True).stdout)
print(subprocess.run(["/bin/sh", "-c", "umask"], umask=0o27, capture_output=True).stdout)

# environment: inherited, changed through os.environ, replaced
os.environ["FREEPY_SP_TEST"] = "inherited"
print(subprocess.run(["/bin/sh", "-c", "echo $FREEPY_SP_TEST"], capture_output=True).stdout)
print(subprocess.run(["/usr/bin/env"], env={"ONLY": "1"}, capture_output=True).stdout)

# several threads running children at once
results = []


def worker(k):
    out = subprocess.run(["/bin/sh", "-c", f"echo {k}; exit {k}"], capture_output=True)
    results.append((k, out.stdout, out.returncode))


threads = [threading.Thread(target=worker, args=(k,)) for k in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))

p = subprocess.Popen(["/bin/sh", "-c", "exit 9"])
print(os.waitstatus_to_exitcode(os.waitpid(p.pid, 0)[1]))
p.returncode = 9
show(lambda: os.waitpid(os.getpid(), os.WNOHANG))
