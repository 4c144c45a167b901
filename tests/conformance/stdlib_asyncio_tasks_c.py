# stdlib_asyncio_tasks.py with the host's C _asyncio accelerator, which
# freepy declines by default (docs/benchmarks.md, "asyncio accelerator"):
# FREEPY_HOST_ACCEL loads it (CPython ignores the variable).
import os
import sys

os.environ["FREEPY_HOST_ACCEL"] = "_asyncio"
import asyncio

print("C accelerator", asyncio.Task.__module__)
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stdlib_asyncio_tasks.py")
with open(here) as f:
    code = compile(f.read(), here, "exec")
exec(code, {"__name__": "__main__"})
