import pdb, io, sys, bdb
def add(a, b):
    c = a + b
    return c
def main():
    x = 1
    y = add(x, 2)
    z = y * 2
    return z
out = io.StringIO()
cmds = io.StringIO("break add\ncontinue\nwhere\np a, b\nnext\np c\nstep\nstep\nnext\np y\ncontinue\n")
p = pdb.Pdb(stdin=cmds, stdout=out, nosigint=True)
p.use_rawinput = False
p.prompt = "(Pdb) "
r = p.runcall(main)
print("result", r)
import re
text = out.getvalue()
text = re.sub(r"/[^ ]*/", "", text)
text = re.sub(r"<frozen [^>]*>", "<frozen>", text)
print(text)
class Rec(bdb.Bdb):
    def __init__(self):
        super().__init__()
        self.stops = []
    def user_call(self, frame, args):
        self.stops.append(("call", frame.f_code.co_name))
        self.set_step()
    def user_line(self, frame):
        self.stops.append(("line", frame.f_code.co_name, frame.f_lineno))
        self.set_step()
    def user_return(self, frame, val):
        self.stops.append(("return", frame.f_code.co_name, val))
        self.set_step()
    def user_exception(self, frame, exc_info):
        self.stops.append(("exc", frame.f_code.co_name, exc_info[0].__name__))
        self.set_step()
def raiser():
    try:
        raise KeyError(1)
    except KeyError:
        return 7
r = Rec()
r.runcall(main)
r.runcall(raiser)
for s in r.stops:
    print(*s)
