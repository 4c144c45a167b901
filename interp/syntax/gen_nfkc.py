# Generates nfkc.z from the reference CPython's unicodedata (run with
# /usr/bin/python3.11 in this directory): the tables for NFKC
# normalisation of identifiers. Lines:
#   d hex;hex hex ...   full compatibility decomposition (NFKD) of a code point
#   c hex;n             canonical combining class n (non-zero only)
#   p hex hex;hex       canonical composition of a pair (primary composites)
# Hangul syllables are handled algorithmically and not listed.
import unicodedata, zlib

lines = []
for cp in range(0x110000):
    if 0xAC00 <= cp <= 0xD7A3 or 0xD800 <= cp <= 0xDFFF:
        continue
    ch = chr(cp)
    d = unicodedata.normalize('NFKD', ch)
    if d != ch:
        lines.append('d %x;%s' % (cp, ' '.join('%x' % ord(c) for c in d)))
    ccc = unicodedata.combining(ch)
    if ccc:
        lines.append('c %x;%d' % (cp, ccc))
    dec = unicodedata.decomposition(ch)
    if dec and not dec.startswith('<'):
        parts = [int(x, 16) for x in dec.split()]
        if len(parts) == 2 and unicodedata.normalize('NFC', chr(parts[0]) + chr(parts[1])) == ch:
            lines.append('p %x %x;%x' % (parts[0], parts[1], cp))
with open('nfkc.z', 'wb') as f:
    f.write(zlib.compress('\n'.join(lines).encode(), 9))
