# Locations of compiler and parser errors that CPython 3.11 fixed: 'break'
# and 'continue' outside a loop inside with blocks point at themselves, not
# at the with; 'except*' after plain handlers is marked whole.
srcs = ["with object() as obj:\n break", "with object() as obj:\n    continue",
        "with a, b:\n  if x:\n    break\n", "try:\n  pass\nfinally:\n  with a:\n    continue\n",
        "async def f():\n  async with a:\n    break\n", "if 0: break", "class C:\n  if 1: pass\n  else: break",
        "try:\n  pass\nexcept ValueError: pass\nexcept* TypeError: pass\n",
        "try:\n  pass\nexcept* ValueError: pass\nexcept TypeError: pass\n",
        "try:\n  pass\nexcept ValueError: pass\nexcept *TypeError: pass\n"]
for src in srcs:
    try:
        compile(src, "<t>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(e.lineno, e.offset, e.end_lineno, e.end_offset, e.msg)
