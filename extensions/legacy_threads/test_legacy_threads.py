# Driver for extensions/legacy_threads: Py_BEGIN_ALLOW_THREADS must let
# another thread into the module, and a C thread must be able to call
# Python through PyGILState_Ensure.
import threading
import legacy_threads as lt

out = []
t = threading.Thread(target=lambda: out.append(lt.wait_for_signal()))
t.start()
lt.signal()  # hangs if wait_for_signal kept the module's lock
t.join()
print("released while waiting:", out[0] >= 1)

results, checked = lt.in_c_thread(lambda i: i * i, 5)
print("from a C thread:", results, checked)
results, checked = lt.in_c_thread(lambda i: 1 // i, 2)
print("errors in the C thread:", results)
print("main thread:", threading.current_thread().name)
