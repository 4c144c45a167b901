# Driver for extensions/legacy_pingpong: two threads call across two legacy
# modules in opposite orders, many times. It must finish (no deadlock), with
# exact counts: once ping's code has called pong's, freepy runs the two
# modules under one lock, as CPython's GIL would (docs/legacy-gil.md).
import threading
import ping
import pong

N = 3000
# one call each way first, so the modules' relation is known before the
# threads race (without it the first race is resolved by a hand-over)
ping.call(pong.leaf, 1)
pong.call(ping.leaf, 1)
res = {}
t1 = threading.Thread(target=lambda: res.__setitem__("a", ping.call(pong.leaf, N)))
t2 = threading.Thread(target=lambda: res.__setitem__("b", pong.call(ping.leaf, N)))
t1.start()
t2.start()
t1.join()
t2.join()
print("sums", res["a"], res["b"])
print("calls", ping.count(), pong.count())
