# PEP 263 source encodings beyond the parser's own (UTF-8, Latin-1,
# ASCII, cp1252) decode through the codecs: modules declared latin9,
# koi8-r, cp1253 or iso8859-7 import, and compile() of bytes honours them.
import importlib
import os
import sys
import tempfile

TEMPLATE = "# coding: %s\ns = %r\n"
cases = [("latin9", "\u20ac\u0160"), ("iso-8859-15", "\u20ac"), ("koi8-r", "\u0430\u0431"),
         ("cp1253", "\u0391\u03a9"), ("iso8859_7", "\u03b1"), ("mac-roman", "\u00e9"), ("cp437", "\u00c7")]
with tempfile.TemporaryDirectory() as d:
    sys.path.insert(0, d)
    for enc, text in cases:
        name = "xx_" + enc.replace("-", "_")
        with open(os.path.join(d, name + ".py"), "w", encoding=enc) as f:
            f.write(TEMPLATE % (enc, text))
        m = importlib.import_module(name)
        print(enc, ascii(m.s), m.s == text)
        src = (TEMPLATE % (enc, text)).encode(enc)
        ns = {}
        exec(compile(src, "<bytes>", "exec"), ns)
        print(" compile:", ascii(ns["s"]))
    # a declared encoding no codec knows, or that is no text encoding
    for enc in ["xyz-unknown", "rot13"]:
        name = "xx_bad_" + enc.replace("-", "_")
        with open(os.path.join(d, name + ".py"), "w") as f:
            f.write("# coding: %s\nx = 1\n" % enc)
        try:
            importlib.import_module(name)
        except SyntaxError as e:
            print(enc, "SyntaxError", e.msg, e.lineno)
    sys.path.remove(d)
