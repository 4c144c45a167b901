# A signal the main thread sends its own process runs its Python handler
# before the sending call returns: the exception is raised inside the
# try block that sent it.
import _thread
import os
import signal


def h(s, f):
    raise ZeroDivisionError(s)


signal.signal(signal.SIGUSR1, h)
try:
    signal.raise_signal(signal.SIGUSR1)
    x = 1
except ZeroDivisionError as e:
    print("raise_signal in block", e)
try:
    os.kill(os.getpid(), signal.SIGUSR1)
    x = 1
except ZeroDivisionError as e:
    print("kill in block", e)
try:
    os.kill(0, signal.SIGUSR1)
    x = 1
except ZeroDivisionError as e:
    print("kill(0) in block", e)
try:
    os.kill(os.getpid(), signal.SIGINT)
    x = 1
except KeyboardInterrupt:
    print("SIGINT in block")
try:
    _thread.interrupt_main()
    x = 1
except KeyboardInterrupt:
    print("interrupt_main in block")
seen = []
signal.signal(signal.SIGUSR2, lambda s, f: seen.append(s))
os.kill(os.getpid(), signal.SIGUSR2)
print("handler ran before the next statement:", seen == [signal.SIGUSR2])
signal.signal(signal.SIGUSR2, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGUSR2)
print("ignored")
