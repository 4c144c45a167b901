# Driver for extensions/bad_init: broken extensions must give a clear
# Python exception, never a crash. Paths are cut from the messages.
import os

for name in ("bad_null", "bad_raise", "bad_symbol", "bad_result"):
    try:
        __import__(name)
        print(name, "imported?")
    except Exception as e:
        msg = str(e)
        if ".so: " in msg:
            msg = msg.split(".so: ", 1)[1]
        print(name, type(e).__name__, msg)

# a file with an extension module's name that is not a shared object
d = "/tmp/freepy-bad-init-%d" % os.getpid()
os.makedirs(d, exist_ok=True)
path = os.path.join(d, "not_elf.cpython-311-x86_64-linux-gnu.so")
with open(path, "w") as f:
    f.write("this is not an ELF file\n")
import sys
sys.path.insert(0, d)
try:
    import not_elf
except ImportError as e:
    print("not_elf", type(e).__name__, str(e).split(".so: ", 1)[1])
os.remove(path)
os.rmdir(d)
