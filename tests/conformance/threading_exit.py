# threading at exit: non-daemon threads are joined before atexit functions
# run; daemon threads are abandoned; threading.excepthook reports errors;
# weakref, _thread._local and time basics.
import threading, time, atexit, weakref, _thread, gc
atexit.register(lambda: print("atexit ran last"))
atexit.register(print, "atexit", "registered", "second", sep="-")
release_slow = threading.Event()
def slow():
    # waits for the main thread's last line: the order of the output
    # does not depend on how busy the machine is
    release_slow.wait()
    time.sleep(0.05)
    print("non-daemon finished")
def bad():
    raise ValueError("boom")
hooked = []
threading.excepthook = lambda args: hooked.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
t = threading.Thread(target=bad, name="T-bad"); t.start(); t.join()
print(hooked)
threading.Thread(target=slow).start()
d = threading.Thread(target=lambda: time.sleep(100), daemon=True); d.start()
print(d.daemon, d.is_alive(), threading.main_thread().name)
class A: pass
a = A()
ws = weakref.WeakValueDictionary(); ws['a'] = a
r = weakref.ref(a)
print(len(ws), r() is a, weakref.getweakrefcount(a) >= 1)
try:
    weakref.ref(1)
except TypeError as e:
    print(e)
lock = _thread.allocate_lock()
print(lock.acquire(), lock.acquire(timeout=0.01), lock.locked())
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print(e)
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(1700000000)), tuple(time.gmtime(0))[:6])
print(gc.collect() >= 0, gc.isenabled())
print("main done")
release_slow.set()
