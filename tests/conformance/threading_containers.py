# Concurrent operations on shared built-in containers are atomic: no lost
# updates, no corruption (CPython's GIL and freepy's per-object locking
# must both give these totals).
import threading
N_THREADS, N = 8, 2000
shared_list = []
shared_dict = {}
shared_set = set()
counter_lock = threading.Lock()
counter = [0]
barrier = threading.Barrier(N_THREADS)
def work(k):
    barrier.wait()
    for i in range(N):
        shared_list.append((k, i))
        shared_dict[(k, i)] = i * k
        shared_set.add(k * N + i)
        shared_dict.setdefault("common", []).append(k)
        with counter_lock:
            counter[0] += 1
    for i in range(0, N, 2):
        del shared_dict[(k, i)]
        shared_set.discard(k * N + i)
threads = [threading.Thread(target=work, args=(k,)) for k in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(shared_list), len(set(shared_list)), sorted(shared_list)[:3], sorted(shared_list)[-1])
print(len(shared_dict), sum(v for key, v in shared_dict.items() if key != "common"), len(shared_dict["common"]))
print(len(shared_set), min(shared_set), max(shared_set), counter[0])
print(sorted(shared_dict["common"]).count(3), [sum(1 for k, _ in shared_list if k == j) for j in range(N_THREADS)])
