# A circular import started from two threads at once: one thread imports
# cyc_a (which imports cyc_b) while the other imports cyc_b (which imports
# cyc_a). Each holds its own module's import lock when it asks for the
# other's; CPython detects the deadlock and hands out the partially
# initialised module. freepy must do the same, not hang.
import os
import shutil
import sys
import tempfile
import threading

d = tempfile.mkdtemp()
with open(os.path.join(d, "cyc_sync.py"), "w") as f:
    f.write("import threading\nbarrier = threading.Barrier(2, timeout=20)\n")
with open(os.path.join(d, "cyc_a.py"), "w") as f:
    f.write("import cyc_sync\ncyc_sync.barrier.wait()\nimport cyc_b\nX = 'a'\n")
with open(os.path.join(d, "cyc_b.py"), "w") as f:
    f.write("import cyc_sync\ncyc_sync.barrier.wait()\nimport cyc_a\nY = 'b'\n")
sys.path.insert(0, d)

results = {}


def imp(name):
    try:
        __import__(name)
        results[name] = "ok"
    except BaseException as e:
        results[name] = type(e).__name__


threads = [threading.Thread(target=imp, args=(n,)) for n in ("cyc_a", "cyc_b")]
for t in threads:
    t.start()
for t in threads:
    t.join(30)
print("alive:", [t.is_alive() for t in threads])
print(sorted(results.items()))
print(sys.modules["cyc_a"].X, sys.modules["cyc_b"].Y)

# After the cycle, importing again gives the finished modules.
import cyc_a
import cyc_b
print(cyc_a.X, cyc_b.Y, cyc_a.cyc_b is cyc_b, cyc_b.cyc_a is cyc_a)
shutil.rmtree(d)
