# Threads that join the main thread run on once it has finished, and the
# interpreter waits for them at exit (threading._shutdown releases the
# main thread's state lock while they are blocked on it).
import sys
import threading
import time

done = []


def joiner(main, k):
    main.join()
    done.append(k)
    if len(done) == 3:
        print("joined:", sorted(done))
        sys.stdout.flush()


main = threading.current_thread()
for k in range(3):
    threading.Thread(target=joiner, args=(main, k)).start()
time.sleep(0.05)
print("end of main")
