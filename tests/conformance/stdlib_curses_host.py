# The host CPython's compiled _curses module (lib-dynload) loads into
# freepy: it reads CPython 3.11's _PyRuntime directly and calls the
# internal _Py_Identifier API, which freepy provides (shim/runtime311.c,
# shim/internal311.c).
import curses
import _curses

print(curses.version, curses.ncurses_version[:1] >= (6,))
print(type(curses.ncurses_version).__name__, curses.ncurses_version._fields if hasattr(curses.ncurses_version, "_fields") else "")
curses.setupterm("xterm", 1)
print(curses.tigetnum("colors"), curses.tigetflag("am"), repr(curses.tigetstr("cup")))
print(curses.tparm(curses.tigetstr("cup"), 5, 10))
for f in (lambda: curses.keyname(65), lambda: curses.unctrl(7)):
    try:
        print(f())
    except _curses.error as e:
        print("error:", e)
print(curses.KEY_LEFT, curses.A_BOLD, curses.COLOR_RED)
try:
    curses.has_key(curses.KEY_LEFT)
except _curses.error as e:
    print("error:", e)
try:
    _curses.tigetstr(5)
except TypeError as e:
    print("TypeError:", e)
print(issubclass(curses.error, Exception), curses.error.__module__)
