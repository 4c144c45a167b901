# TextIOWrapper with a native UTF-16/UTF-32 codec writes its byte order mark
# once (at the start of the file, again after seek(0), never when appending).
import io, os, tempfile
for enc in ('utf-16', 'utf-32', 'utf-16-le'):
    buf = io.BytesIO()
    w = io.TextIOWrapper(buf, encoding=enc, write_through=True)
    w.write('ab'); w.write('cd'); w.flush()
    w.seek(0); w.write('X'); w.flush()
    print(buf.getvalue())
    d = tempfile.mkdtemp(); f = os.path.join(d, 'x.txt')
    with open(f, 'w', encoding=enc) as fh: fh.write('a'); fh.write('b')
    with open(f, 'a', encoding=enc) as fh: fh.write('c')
    print(open(f, 'rb').read(), open(f, encoding=enc).read())
