# _thread.interrupt_main(signum): simulated signals, their handlers, SIG_IGN/SIG_DFL
# doing nothing, and the argument checks.
import _thread, signal, threading
for bad in (-1, signal.NSIG, 1000000, 'x', 2**70):
    try:
        _thread.interrupt_main(bad)
    except Exception as e:
        print(type(e).__name__, e)
for call in (lambda: _thread.interrupt_main(1, 2), lambda: _thread.interrupt_main(signum=2)):
    try:
        call()
    except TypeError as e:
        print(e)
try:
    _thread.interrupt_main()
    for i in range(3):
        pass
    print("not raised")
except KeyboardInterrupt:
    print("KeyboardInterrupt")
def handler(signum, frame):
    1 / 0
old = signal.signal(signal.SIGTERM, handler)
try:
    _thread.interrupt_main(signal.SIGTERM)
    for i in range(3):
        pass
except ZeroDivisionError:
    print("handler ran")
signal.signal(signal.SIGTERM, signal.SIG_IGN)
_thread.interrupt_main(signal.SIGTERM)
for i in range(3):
    pass
signal.signal(signal.SIGTERM, signal.SIG_DFL)
_thread.interrupt_main(signal.SIGTERM)
for i in range(3):
    pass
signal.signal(signal.SIGTERM, old)
print("ignored and default did nothing")
t = threading.Thread(target=_thread.interrupt_main)
try:
    t.start()
    t.join()
    for i in range(100):
        pass
except KeyboardInterrupt:
    print("from thread")
t.join()
# interrupt_main with SIG_IGN or SIG_DFL leaves nothing pending for the
# handler installed afterwards
for handler in (signal.SIG_IGN, signal.SIG_DFL):
    old = signal.signal(signal.SIGINT, handler)
    _thread.interrupt_main()
    signal.signal(signal.SIGINT, old)
    try:
        for i in range(3):
            pass
        print("nothing pending after", handler)
    except KeyboardInterrupt:
        print("stale KeyboardInterrupt after", handler)
