# PEP 578 audit hooks: events raised by the interpreter and the library,
# hooks that veto an operation, sys.audit's argument checks.
import os, subprocess, sys, tempfile

WATCH = {"open", "exec", "compile", "import", "os.system", "subprocess.Popen",
         "my.event", "sys.addaudithook", "os.remove", "shutil.rmtree", "os.listdir"}
seen = []
block = set()


def hook(ev, args):
    if ev in WATCH:
        seen.append((ev, args))
    if ev in block:
        raise PermissionError("blocked " + ev)


def show():
    for e, a in seen:
        print(e, ["TMP" if x == tmp else os.path.basename(x) if isinstance(x, str) and x.startswith(tempfile.gettempdir())
                  else x if isinstance(x, (str, int, bytes)) and not isinstance(x, bool) or x is None
                  else type(x).__name__ for x in a])
    seen.clear()


print(sys.audit("nothing.yet"))
tmp = tempfile.mkdtemp()
sys.addaudithook(hook)
p = os.path.join(tmp, "f.txt")
with open(p, "w") as f:
    f.write("x")
open(p, "rb").close()
open(p, "a+").close()
show()
exec("x = 1")
compile("y = 2", "<s>", "exec")
compile(b"1 + 2", "<b>", "eval")
eval("1+1")
show()
import colorsys
import colorsys  # already imported: no event
# (CPython then reads and runs a cached .pyc: not compared)
seen[:] = [(e, a) for e, a in seen if e == "import"]
show()
print(os.system("exit 3") >> 8)
subprocess.run(["true"], cwd=tmp)
sys.audit("my.event", 1, "a", None)
sys.audit("my.event")
show()
os.listdir(tmp)
os.remove(p)
show()

# a hook's exception aborts the operation
block.add("open")
try:
    open(p, "w")
except PermissionError as e:
    print("PermissionError", e, os.path.exists(p))
block.discard("open")
block.add("exec")
try:
    exec("z = 5")
except PermissionError as e:
    print("PermissionError", e, "z" in globals())
block.discard("exec")
block.add("os.system")
try:
    os.system("touch " + p)
except PermissionError as e:
    print("PermissionError", e, os.path.exists(p))
block.discard("os.system")
block.add("import")
try:
    import json.tool
except PermissionError as e:
    print("PermissionError", e, "json.tool" in sys.modules)
block.discard("import")
block.add("subprocess.Popen")
try:
    subprocess.run(["touch", p])
except PermissionError as e:
    print("PermissionError", e, os.path.exists(p))
block.clear()
seen.clear()

# a later hook: called after the first; vetoes through RuntimeError
order = []
sys.addaudithook(lambda ev, args: ev == "my.order" and order.append("second"))
sys.addaudithook(lambda ev, args: ev == "sys.addaudithook" and order.append("asked"))
sys.audit("my.order")
print(order)


def veto(ev, args):
    if ev == "sys.addaudithook":
        raise RuntimeError("no more hooks")


sys.addaudithook(veto)
sys.addaudithook(lambda ev, args: order.append("never"))
sys.audit("my.order")
print(order)
for bad in [lambda: sys.audit(), lambda: sys.audit(1), lambda: sys.audit("e", x=1),
            lambda: sys.addaudithook()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
seen.clear()
os.rmdir(tmp)
