# plistlib and xmlrpc.client, whose XML readers run on pyexpat.
import datetime
import plistlib
import xmlrpc.client as xc

values = [
    {'a': 1, 'b': [1.5, 'x', True, False, b'data\x00\xff'], 'c': {'d': datetime.datetime(2020, 1, 2, 3, 4, 5)}},
    ['unicode \u00e9\u4e2d\U0001F600', -5, 2 ** 40, 0.1, '', {}, [], 'a < b & c'],
    {'nested': {'deep': {'deeper': [{'k': 'v'}]}}, 'empty': b''},
]
for v in values:
    for fmt in (plistlib.FMT_XML, plistlib.FMT_BINARY):
        b = plistlib.dumps(v, fmt=fmt, sort_keys=True)
        if fmt == plistlib.FMT_XML:
            print(b.decode())
        print(plistlib.loads(b) == v)
print(plistlib.loads(b'<?xml version="1.0"?><plist version="1.0"><dict><key>k</key><string>v</string></dict></plist>'))
print(plistlib.loads(plistlib.dumps({'x': 1}), dict_type=dict))
for bad in [b'<plist><dict><key>k</key></dict>', b'<plist><integer>x</integer></plist>', b'not xml']:
    try:
        print(plistlib.loads(bad))
    except Exception as e:
        print(type(e).__name__, e)

x = xc.dumps((1, 'two', [3.0, {'k': True}], None, b'\x00bin', xc.DateTime('20200102T03:04:05')), 'meth',
             allow_none=True)
print(x)
params, method = xc.loads(x)
print(method, [type(p).__name__ for p in params], params[:4], params[4], str(params[5]))
print(xc.loads(x, use_builtin_types=True)[0][4:])
r = xc.dumps(({'a': [1, 2, {'b': 'c & d < e'}]},), methodresponse=True)
print(r)
print(xc.loads(r))
try:
    xc.loads(xc.dumps(xc.Fault(4, 'boom'), methodresponse=True))
except xc.Fault as f:
    print('Fault', f.faultCode, f.faultString)
p, u = xc.getparser()
p.feed('<?xml version="1.0"?><methodResponse><params><param><value><i4>42</i4></value></param>')
p.feed('</params></methodResponse>')
p.close()
print(u.close(), u.getmethodname())
try:
    xc.loads('<methodResponse><params>')
except Exception as e:
    print(type(e).__name__, e)
