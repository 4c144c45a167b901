# A signal that arrives while the main thread waits has its handler run
# before the waiting call returns, even when the wait ended anyway (the
# lock was released at the same time): CPython checks for signals right
# after every call. Each round's KeyboardInterrupt must come from inside
# its own try block, never from the loop around it.
import _thread
import os
import signal
import threading
import time


def interrupt_and_release(lock):
    _thread.interrupt_main()
    lock.release()


def one_round():
    lock = _thread.allocate_lock()
    lock.acquire()
    _thread.start_new_thread(interrupt_and_release, (lock,))
    try:
        # sum() runs long enough for the thread to finish first (no check
        # point inside it): the free lock is then taken at once, and the
        # pending KeyboardInterrupt must still come before the try ends
        lock.acquire(sum(range(3000000)) >= 0)
        r = "not interrupted"
    except KeyboardInterrupt:
        r = "interrupted"
    return r


print(sorted(set(one_round() for i in range(5))))


def join_round():
    t = threading.Thread(target=_thread.interrupt_main)
    try:
        t.start()
        t.join(sum(range(3000000)) and None)
        r = "not interrupted"
    except KeyboardInterrupt:
        r = "interrupted"
    t.join()
    return r


print(sorted(set(join_round() for i in range(5))))

# A blocked signal sent to the process itself is held pending at once (no
# wait), and runs its handler once when unblocked.
got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
t0 = time.monotonic()
for i in range(20):
    os.kill(os.getpid(), signal.SIGUSR1)
print("sent quickly:", time.monotonic() - t0 < 0.5)
print("pending:", signal.sigpending() == {signal.SIGUSR1}, got)
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])
print("after unblock:", got)
