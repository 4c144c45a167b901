# time.thread_time() is the calling thread's own CPU time: a thread that
# sleeps while others spin sees almost none (a goroutine used to read
# whichever OS thread it ran on).
import threading, time
res = {}
def spin(n):
    x = 0
    for i in range(n):
        x += i
    return x
def sleeper():
    t0 = time.thread_time()
    time.sleep(0.3)
    res["sleeper"] = time.thread_time() - t0
def worker():
    t0 = time.thread_time()
    spin(3_000_000)
    res["worker"] = time.thread_time() - t0
ts = [threading.Thread(target=sleeper), threading.Thread(target=worker), threading.Thread(target=worker)]
for t in ts: t.start()
for t in ts: t.join()
print(0 <= res["sleeper"] < 0.05, res["worker"] > 0.05)
a = time.thread_time_ns(); spin(100000); b = time.thread_time_ns()
print(b >= a, time.clock_gettime(time.CLOCK_THREAD_CPUTIME_ID) > 0)
