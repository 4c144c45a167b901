# multiprocessing's default start method works (freepy cannot fork, so
# its default is spawn): Pool.map, Process with a Queue, and
# concurrent.futures.ProcessPoolExecutor.
import concurrent.futures as cf
import multiprocessing as mp


def sq(x):
    return x * x


if __name__ == '__main__':
    with mp.Pool(2) as p:
        print(p.map(sq, range(5)))
    q = mp.Queue()
    pr = mp.Process(target=q.put, args=(42,))
    pr.start()
    print(q.get(timeout=30))
    pr.join()
    print(pr.exitcode)
    with cf.ProcessPoolExecutor(2) as ex:
        print(list(ex.map(sq, range(6))))
