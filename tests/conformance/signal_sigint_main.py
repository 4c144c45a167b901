# Ctrl-C (SIGINT) reaches the main thread as KeyboardInterrupt wherever it
# is: in a for loop, in a while loop whose test jumps back (no plain jump),
# in a comprehension's filter, in time.sleep, Lock.acquire, Thread.join,
# Event.wait and Queue.get; a Python handler runs instead when one is set;
# an uncaught KeyboardInterrupt ends the process as CPython's does.
import signal
import subprocess
import sys

SCENARIOS = {
    "for": "for i in range(10**12): pass",
    "while_test": "x = 0\nwhile x < 10**12: x += 1",
    "while_and": "x = 0\nwhile x >= 0 and x < 10**12: x += 1",
    "filter": "[i for i in range(10**12) if i < 0]",
    "sleep": "import time; time.sleep(60)",
    "lock": "import threading; l = threading.Lock(); l.acquire(); l.acquire()",
    "join": "import threading, time\nt = threading.Thread(target=time.sleep, args=(60,), daemon=True)\nt.start(); t.join()",
    "event": "import threading; threading.Event().wait()",
    "queue": "import queue; queue.Queue().get()",
}

TEMPLATE = """
import sys
try:
    print("ready", flush=True)
{body}
except KeyboardInterrupt:
    print("KeyboardInterrupt caught", flush=True)
"""


def run(code):
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    assert p.stdout.readline() == "ready\n"
    p.send_signal(signal.SIGINT)
    try:
        out, err = p.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        p.kill()
        return "hung", ""
    return out.strip(), err.strip().splitlines()[-1:] if err.strip() else ""


for name, body in SCENARIOS.items():
    body = "\n".join("    " + line for line in body.splitlines())
    print(name, run(TEMPLATE.format(body=body)))

# a Python handler
print("handler", run("""
import signal, time
got = []
signal.signal(signal.SIGINT, lambda s, f: got.append(s))
print("ready", flush=True)
x = 0
while not got:
    x += 1
print("handled", got == [signal.SIGINT])
"""))

# uncaught: the traceback ends with KeyboardInterrupt and the process dies
# of SIGINT (CPython re-raises the signal with the default handler)
p = subprocess.Popen([sys.executable, "-c", "print('ready', flush=True)\nx = 0\nwhile x < 10**12: x += 1"],
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
p.stdout.readline()
p.send_signal(signal.SIGINT)
out, err = p.communicate(timeout=20)
print("uncaught", p.returncode, err.strip().splitlines()[-1])
