# sys installation attributes, and uuid, platform and argparse that read them at import.
import sys, os, uuid, platform, argparse
print(os.path.isabs(sys.executable), os.path.exists(sys.executable), sys._base_executable == sys.executable)
print(sys.prefix == sys.base_prefix == sys.exec_prefix == sys.base_exec_prefix, sys.platlibdir, sys.pycache_prefix)
print(isinstance(sys.orig_argv, list), type(sys.api_version).__name__, isinstance(sys.copyright, str), sys.thread_info.name)
print(os.path.isdir(os.path.join(sys.prefix, sys.platlibdir, "python3.11")))
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, u.hex, u.int, u.version, u.urn, u.bytes, u.fields, repr(u), u.variant)
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, "http://x"))
v4 = uuid.uuid4(); print(v4.version, len(str(v4)), uuid.UUID(bytes=v4.bytes) == v4, uuid.UUID(str(v4)) == v4)
print(uuid.uuid1().version, uuid.UUID(int=5), uuid.UUID("{12345678-1234-5678-1234-567812345678}") == u)
try:
    uuid.UUID("nope")
except ValueError as e:
    print("ValueError", e)
print(platform.system(), platform.machine(), platform.architecture()[0], platform.uname().system, bool(platform.platform()))
print(platform.python_version_tuple()[:2], platform.node() == os.uname().nodename)
p = argparse.ArgumentParser(prog="prog", description="demo")
p.add_argument("x", type=int, help="a number")
p.add_argument("--flag", action="store_true")
p.add_argument("-n", default=3, type=int, choices=[1, 2, 3])
p.add_argument("--names", nargs="*", default=[])
sub = p.add_subparsers(dest="cmd")
s1 = sub.add_parser("go"); s1.add_argument("--fast", action="count", default=0)
print(p.parse_args(["5", "--flag", "-n", "2", "go", "--fast", "--fast"]))
print(p.parse_args(["6", "--names", "a", "b"]))
print(p.parse_args(["7"]))
print(p.format_help())
import io, contextlib
for bad in [["notint"], ["1", "-n", "9"], []]:
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            p.parse_args(bad)
    except SystemExit as e:
        print("exit", e.code, err.getvalue().splitlines()[-1])
