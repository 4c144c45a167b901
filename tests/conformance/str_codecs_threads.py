# the codec registry used from several threads at once (encodings imported lazily)
import threading
res = []
def work():
    res.append("é€".encode("cp1252") + b"\xe9".decode("cp437").encode("utf-8"))
ts = [threading.Thread(target=work) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(res)
