# Generates ucd.z, the character database behind the unicodedata module,
# from the reference CPython's unicodedata (run with /usr/bin/python3.11 in
# this directory; see ucd.go). Everything is asked of CPython itself, so the
# tables encode what CPython answers, quirks included (for instance
# ucd_3_2_0.east_asian_width is 'F' for characters Unicode 3.2 lacks).
#
# ucd.z is zlib-compressed text, one item a line:
#   V version                      Unicode version of the main database
#   T name                         starts a database: "main" or "3.2.0"
#   R cat bidi ccc eaw mir dec dig num
#                                  a property record (bidi "-" when empty,
#                                  num "-" when not numeric, else Python's repr)
#   U hex n                        code points from hex up to the next U line
#                                  have record n
#   D hex;decomposition            unicodedata.decomposition, when not empty
#   X hex                          a canonical pair decomposition that does not
#                                  recompose (composition exclusions)
#   N hex;nfd;nfkd                 a 3.2.0 full decomposition that differs from
#                                  the main one (hex code points)
# Hangul syllables decompose and compose algorithmically and are not listed.
import unicodedata, zlib

MAIN, OLD = unicodedata, unicodedata.ucd_3_2_0
lines = ['V ' + MAIN.unidata_version]


def record(db, c):
    num = db.numeric(c, None)
    return '%s %s %d %s %d %d %d %s' % (
        db.category(c), db.bidirectional(c) or '-', db.combining(c),
        db.east_asian_width(c), db.mirrored(c), db.decimal(c, -1),
        db.digit(c, -1), '-' if num is None else repr(num))


def table(name, db):
    lines.append('T ' + name)
    index, prev = {}, None
    runs = []
    for cp in range(0x110000):
        r = record(db, chr(cp))
        if r not in index:
            index[r] = len(index)
            lines.append('R ' + r)
        if r != prev:
            runs.append('U %x %d' % (cp, index[r]))
            prev = r
    lines.extend(runs)


def hexs(s):
    return ' '.join('%x' % ord(c) for c in s)


table('main', MAIN)
for cp in range(0x110000):
    if 0xAC00 <= cp <= 0xD7A3:
        continue
    c = chr(cp)
    d = MAIN.decomposition(c)
    if not d:
        continue
    lines.append('D %x;%s' % (cp, d))
    if not d.startswith('<'):
        parts = d.split()
        if len(parts) == 2 and MAIN.normalize('NFC', ''.join(chr(int(p, 16)) for p in parts)) != c:
            lines.append('X %x' % cp)

table('3.2.0', OLD)
for cp in range(0x110000):
    c = chr(cp)
    if OLD.category(c) == 'Cn' or 0xD800 <= cp <= 0xDFFF:
        continue
    nfd, nfkd = OLD.normalize('NFD', c), OLD.normalize('NFKD', c)
    if nfd != MAIN.normalize('NFD', c) or nfkd != MAIN.normalize('NFKD', c):
        lines.append('N %x;%s;%s' % (cp, hexs(nfd), hexs(nfkd)))

with open('ucd.z', 'wb') as f:
    f.write(zlib.compress('\n'.join(lines).encode(), 9))
print('%d lines' % len(lines))
