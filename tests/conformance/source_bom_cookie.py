# PEP 263 with a UTF-8 BOM: only utf-8 names (not utf8) are accepted, errors
# carry no line (lineno 0, offset -1), Latin-1 is named iso-8859-1.
for src in (b'\xef\xbb\xbf#coding: utf8\nprint(\'\xe6\x88\x91\')\n', b'\xef\xbb\xbf#coding: utf-8\nprint(1)\n', b'\xef\xbb\xbf#coding: UTF-8\nprint(1)\n', b'\xef\xbb\xbf# coding: utf_8\nprint(1)\n', b'#coding: utf8\nprint(2)\n', b'\xef\xbb\xbf#coding: utf-8-sig\nprint(1)\n'):
    try:
        exec(compile(src, 'f.py', 'exec'))
    except SyntaxError as e:
        print(repr(e.msg), e.lineno, e.offset, repr(e.text))
for src in (b'\xef\xbb\xbf#coding: latin-1\nprint(1)\n', b'\xef\xbb\xbf\n#coding: utf8\nprint(1)\n', b'\xef\xbb\xbf#coding: UTF8\nprint(1)\n', b'\xef\xbb\xbf#coding: euc-jp\nprint(1)\n', b'#coding: bogus\nprint(1)\n'):
    try:
        exec(compile(src, 'f.py', 'exec'))
    except SyntaxError as e:
        print(repr(e.msg), e.lineno, e.offset, repr(e.text))
