# grp and spwd: entries, struct sequences, argument errors.
import grp, os
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    import spwd
print([(x.category.__name__, str(x.message)) for x in w])

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print(repr(r))
        return r
    except Exception as e:
        print(type(e).__name__, e)

g0 = t(grp.getgrgid, 0)
print(g0 == grp.getgrnam(g0.gr_name), g0[2], g0.gr_gid, type(g0.gr_mem), len(g0))
me = grp.getgrgid(os.getgid())
print(me.gr_gid == os.getgid(), me == grp.getgrnam(me.gr_name))
t(grp.getgrgid, id=0)
t(grp.getgrgid, True)
class I:
    def __index__(self): return 0
t(grp.getgrgid, I())
for bad in (0.0, '0', 2**40, -1, -2, 2**63, 2**64, -2**63 - 1, 4294967295, 99999):
    t(grp.getgrgid, bad)
t(grp.getgrgid)
t(grp.getgrgid, 0, 1)
t(grp.getgrgid, gid=4)
t(grp.getgrnam, name='root')
t(grp.getgrnam, b'root')
t(grp.getgrnam, 'no such group')
t(grp.getgrnam, 'ro\0ot')
t(grp.getgrnam, '\udcff')
t(grp.getgrnam)
t(grp.getgrall, 1)
a = grp.getgrall()
print(type(a).__name__, len(a) > 0, g0 in a, all(type(x) is grp.struct_group for x in a))
print(sorted(x.gr_name for x in a) == sorted(x.gr_name for x in a if grp.getgrnam(x.gr_name)))
for e in a:
    assert grp.getgrnam(e.gr_name).gr_name == e.gr_name
print(grp.struct_group.n_fields, grp.struct_group.n_sequence_fields, type(g0).__name__, type(g0).__module__)
print(grp.struct_group(('a', 'b', 1, ['x'])))
t(grp.struct_group, ('a', 'b'))
print(sorted(k for k in dir(grp) if not k.startswith('_')))

# spwd: root reads /etc/shadow, anyone else gets PermissionError
print(spwd.struct_spwd.n_fields, spwd.struct_spwd.n_sequence_fields)
s = spwd.struct_spwd(tuple(range(9)))
print(s, s.sp_nam, s.sp_pwd, s.sp_flag)
r = t(spwd.getspnam, 'root')
if r is not None:
    print(r.sp_nam == r.sp_namp == 'root', r.sp_pwd == r.sp_pwdp)
t(spwd.getspnam, 'no such user')
t(spwd.getspnam, b'root')
t(spwd.getspnam)
t(spwd.getspnam, arg='root')
t(spwd.getspnam, 'ro\0ot')
t(spwd.getspall, 1)
all_ = spwd.getspall()
print(type(all_).__name__, len(all_), all_ == [spwd.getspnam(x.sp_namp) for x in all_])
print(sorted(k for k in dir(spwd) if not k.startswith('_')))
