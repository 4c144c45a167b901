# freepy-migrate stress harness: runs SCRIPT's code in NTHREADS threads for
# ROUNDS rounds each, captures what each thread prints and raises, calls
# the script's optional check(threads, rounds) once at the end, and prints
# one marker line with the results as JSON (written by hand: the harness
# must not depend on modules the interpreter under test may lack).
import sys
import threading
import time

MARKER = "@@FREEPY-STRESS@@"


def js(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        out = ['"']
        for ch in v:
            o = ord(ch)
            if ch == '"' or ch == "\\":
                out.append("\\" + ch)
            elif o < 0x20 or o > 0x7E:
                if o > 0xFFFF:
                    o -= 0x10000
                    out.append("\\u%04x\\u%04x" % (0xD800 + (o >> 10), 0xDC00 + (o & 0x3FF)))
                else:
                    out.append("\\u%04x" % o)
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)
    if isinstance(v, (list, tuple)):
        return "[" + ",".join(js(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ",".join(js(str(k)) + ":" + js(x) for k, x in v.items()) + "}"
    return js(repr(v))


class ThreadOutput:
    """sys.stdout replacement that keeps each thread's text apart."""

    def __init__(self):
        self.lock = threading.Lock()
        self.parts = {}

    def write(self, s):
        k = threading.get_ident()
        with self.lock:
            self.parts.setdefault(k, []).append(s)
        return len(s)

    def flush(self):
        pass

    def text(self, ident):
        with self.lock:
            return "".join(self.parts.get(ident, []))


def main():
    script, nthreads, rounds, module = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    # the module is initialised once, before the threads start
    __import__(module)
    with open(script) as f:
        code = compile(f.read(), script, "exec")
    real_stdout = sys.stdout
    out = ThreadOutput()
    errors = [[] for _ in range(nthreads)]
    last_ns = [None]
    barrier = threading.Barrier(nthreads)

    def worker(i):
        barrier.wait()
        for _ in range(rounds):
            ns = {"__name__": "__stress__", "__file__": script}
            try:
                exec(code, ns)
            except BaseException as e:  # reported, not fatal
                errors[i].append("%s: %s" % (type(e).__name__, e))
            last_ns[0] = ns

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(nthreads)]
    sys.stdout = out
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    check_out, check_err = "", None
    check = (last_ns[0] or {}).get("check")
    if callable(check):
        try:
            check(nthreads, rounds)
        except BaseException as e:
            check_err = "%s: %s" % (type(e).__name__, e)
        check_out = out.text(threading.get_ident())
    sys.stdout = real_stdout
    locks = {}
    stats = getattr(sys, "_freepy_legacy_locks", None)
    if stats is not None:
        locks = stats()
    result = {
        "outputs": [out.text(t.ident) for t in threads],
        "errors": errors,
        "check_output": check_out,
        "check_error": check_err,
        "elapsed": elapsed,
        "locks": locks,
    }
    sys.stdout.write("\n" + MARKER + js(result) + "\n")
    sys.stdout.flush()


main()
