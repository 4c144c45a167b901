# syslog: argument handling, masks, and messages seen through LOG_PERROR
# (the C library copies each message to stderr; no logger daemon needed).
import re, subprocess, sys, syslog

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print(repr(r))
        return r
    except Exception as e:
        print(type(e).__name__, e)

print(sorted((k, v) for k, v in vars(syslog).items() if k.startswith('LOG_') and isinstance(v, int)))
print(sorted(k for k in dir(syslog) if not k.startswith('_')))
for v in (0, 3, 7, 31, 32, 2**40, -1):
    print(v, syslog.LOG_MASK(v), syslog.LOG_UPTO(v))
t(syslog.LOG_MASK, 'x')
t(syslog.LOG_MASK, 1.5)
t(syslog.LOG_MASK, 2**64)
t(syslog.LOG_UPTO)
t(syslog.LOG_MASK, 1, 2)

t(syslog.setlogmask, 0)
t(syslog.setlogmask, 0xff)
t(syslog.setlogmask, 'x')
t(syslog.setlogmask, 1.5)
t(syslog.setlogmask)
t(syslog.setlogmask, 2**31 - 1)
t(syslog.setlogmask, -2**31 - 1)
t(syslog.setlogmask, 0)
t(syslog.setlogmask, 2**64)
t(syslog.setlogmask, 0xff)

t(syslog.openlog, 1)
t(syslog.openlog, None)
t(syslog.openlog, 'x', 'y')
t(syslog.openlog, 'x', 1, 2, 3)
t(syslog.openlog, 'x', 2**64)
t(syslog.openlog, '\udcff')
t(syslog.openlog, foo=1)
t(syslog.syslog)
t(syslog.syslog, 1, 2)
t(syslog.syslog, 'a', 'b')
t(syslog.syslog, 1, 'a', 2)
t(syslog.syslog, msg='x')
t(syslog.syslog, b'x')
t(syslog.syslog, 2**40, 'x')
t(syslog.syslog, 1.5, 'x')
t(syslog.syslog, '\udcff')
t(syslog.closelog, 1)
t(syslog.closelog)
t(syslog.closelog)

child = r'''
import syslog, sys
mode = sys.argv[1]
if mode == 'perror':
    syslog.openlog('fptest', syslog.LOG_PERROR)
    syslog.syslog('hello %s %d')
    syslog.syslog(syslog.LOG_ERR, 'err message')
    syslog.syslog(syslog.LOG_DEBUG | syslog.LOG_LOCAL0, 'debug')
    syslog.setlogmask(syslog.LOG_UPTO(syslog.LOG_WARNING))
    syslog.syslog('masked out')
    syslog.syslog(syslog.LOG_CRIT, 'crit passes')
    syslog.setlogmask(0xff)
    syslog.syslog('with\0nul')
    syslog.syslog('caf\xe9 \u4e2d')
    syslog.openlog(ident='other', logoption=syslog.LOG_PERROR, facility=syslog.LOG_DAEMON)
    syslog.syslog('reopened')
    syslog.closelog()
    syslog.syslog('after close')
elif mode == 'pid':
    syslog.openlog('fppid', syslog.LOG_PERROR | syslog.LOG_PID)
    syslog.syslog('with pid')
elif mode == 'argv':
    syslog.openlog(logoption=syslog.LOG_PERROR)
    syslog.syslog('ident from argv')
'''
for mode in ('perror', 'pid', 'argv'):
    r = subprocess.run([sys.executable, '-c', child, mode], capture_output=True, text=True)
    print(mode, r.returncode, re.sub(r'\[\d+\]', '[PID]', r.stderr).split('\n'))
