/* The text and number parts of the 3.11 API that freepy's headers
 * declared before freepy defined them (shim/breadth.c): str, bytes,
 * codecs, the Unicode database, number formatting and parsing, buffers.
 * Built against freepy's and CPython's headers; test_capi_breadth_text.py
 * compares the two. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>
#include <string.h>

/* deprecated functions are called on purpose: they are part of the API */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

/* ---- str ---- */

static PyObject *str_search(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *s, *sub;
    if (!PyArg_ParseTuple(args, "UU", &s, &sub)) return NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    Py_UCS4 c0 = PyUnicode_GET_LENGTH(sub) ? PyUnicode_READ_CHAR(sub, 0) : 'x';
    return Py_BuildValue("(nnnnnnn)", PyUnicode_Find(s, sub, 0, len, 1), PyUnicode_Find(s, sub, 0, len, -1),
                         PyUnicode_Find(s, sub, 2, len, 1), PyUnicode_Count(s, sub, 0, len),
                         PyUnicode_FindChar(s, c0, 0, len, 1), PyUnicode_FindChar(s, c0, 0, len, -1),
                         PyUnicode_FindChar(s, c0, -3, len, 1));
}

static PyObject *str_split(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *s, *sep;
    if (!PyArg_ParseTuple(args, "UO", &s, &sep)) return NULL;
    if (sep == Py_None) sep = NULL;
    PyObject *p = sep ? PyUnicode_Partition(s, sep) : Py_NewRef(Py_None);
    PyObject *rp = sep ? PyUnicode_RPartition(s, sep) : Py_NewRef(Py_None);
    PyObject *rs = PyUnicode_RSplit(s, sep, 1);
    if (p == NULL || rp == NULL || rs == NULL) {
        Py_XDECREF(p);
        Py_XDECREF(rp);
        Py_XDECREF(rs);
        return NULL;
    }
    return Py_BuildValue("(NNN)", p, rp, rs);
}

/* errors: a TypeError for a non-str argument */
static PyObject *str_bad(PyObject *self, PyObject *arg) {
    (void)self;
    Py_ssize_t r = PyUnicode_Find(arg, arg, 0, 1, 1);
    if (r != -2 || !PyErr_Occurred()) {
        PyErr_SetString(PyExc_AssertionError, "no error from PyUnicode_Find");
        return NULL;
    }
    return NULL;
}

static PyObject *str_misc(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *a, *b, *table;
    if (!PyArg_ParseTuple(args, "UUO", &a, &b, &table)) return NULL;
    PyObject *lt = PyUnicode_RichCompare(a, b, Py_LT);
    PyObject *eq = PyUnicode_RichCompare(a, b, Py_EQ);
    PyObject *ni = PyUnicode_RichCompare(a, Py_None, Py_EQ);
    PyObject *tr = PyUnicode_Translate(a, table, NULL);
    PyObject *cp = _PyUnicode_Copy(a);
    PyObject *asc = _PyUnicode_FromASCII("ascii!", 6);
    if (!lt || !eq || !ni || !tr || !cp || !asc) {
        Py_XDECREF(lt);
        Py_XDECREF(eq);
        Py_XDECREF(ni);
        Py_XDECREF(tr);
        Py_XDECREF(cp);
        Py_XDECREF(asc);
        return NULL;
    }
    int same = cp == a;
    int equal = PyUnicode_Compare(cp, a) == 0;
    return Py_BuildValue("(NNNNiiNii)", lt, eq, ni, tr, same, equal, asc, PyUnicode_IsIdentifier(a),
                         PyUnicode_IsIdentifier(b));
}

/* build "abcdef" in a new string with WriteChar, Fill, CopyCharacters and
 * Resize; then show that a string in use cannot be written */
static PyObject *str_build(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    PyObject *u = PyUnicode_New(8, 0x20ac);
    if (u == NULL) return NULL;
    PyObject *src = PyUnicode_FromString("xyzw");
    if (src == NULL || PyUnicode_Fill(u, 0, 8, '-') != 8 || PyUnicode_WriteChar(u, 0, 'a') < 0 ||
        PyUnicode_WriteChar(u, 1, 0x20ac) < 0) {
        Py_XDECREF(src);
        Py_DECREF(u);
        return NULL;
    }
    Py_ssize_t n = PyUnicode_CopyCharacters(u, 2, src, 1, 10);
    Py_DECREF(src);
    if (n < 0) {
        Py_DECREF(u);
        return NULL;
    }
    Py_ssize_t filled = PyUnicode_Fill(u, 6, 100, 'q');
    if (PyUnicode_Resize(&u, 7) < 0) return NULL;
    int e1 = PyUnicode_WriteChar(u, 7, 'z');
    int idx = PyErr_ExceptionMatches(PyExc_IndexError);
    PyErr_Clear();
    int e2 = PyUnicode_WriteChar(u, 0, 0x10000);
    int val = PyErr_ExceptionMatches(PyExc_ValueError);
    PyErr_Clear();
    /* in use: a second reference */
    Py_INCREF(u);
    int e3 = PyUnicode_WriteChar(u, 0, 'b');
    int sys = PyErr_ExceptionMatches(PyExc_SystemError);
    PyErr_Clear();
    Py_DECREF(u);
    return Py_BuildValue("(Nnniiiiii)", u, n, filled, e1, idx, e2, val, e3, sys);
}

/* ---- encoders and decoders ---- */

static PyObject *codecs_out(PyObject *self, PyObject *u) {
    (void)self;
    PyObject *m = PyDict_New();
    if (m == NULL) return NULL;
    PyObject *k = PyLong_FromLong('a'), *v = PyLong_FromLong('Z');
    PyDict_SetItem(m, k, v);
    Py_DECREF(k);
    Py_DECREF(v);
    PyObject *ascii = PyUnicode_FromString("aaa");
    PyObject *r = Py_BuildValue("(NNNNN)", PyUnicode_AsUTF16String(u), PyUnicode_AsUTF32String(u),
                                PyUnicode_AsUnicodeEscapeString(u), PyUnicode_AsRawUnicodeEscapeString(u),
                                PyUnicode_AsCharmapString(ascii, m));
    Py_DECREF(ascii);
    Py_DECREF(m);
    return r;
}

static PyObject *codecs_in(PyObject *self, PyObject *args) {
    (void)self;
    const char *s;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "y#", &s, &n)) return NULL;
    int bo16 = 0, bo32 = 0, bo16le = -1;
    Py_ssize_t c8 = -1, c16 = -1, c32 = -1;
    PyObject *ascii = PyUnicode_DecodeASCII(s, n, "replace");
    PyObject *u7 = PyUnicode_DecodeUTF7("+AKM-1", 6, NULL);
    PyObject *esc = PyUnicode_DecodeUnicodeEscape("a\\u20acb\\n", 10, NULL);
    PyObject *raw = PyUnicode_DecodeRawUnicodeEscape("a\\u20acb\\n", 10, NULL);
    PyObject *cm = PyUnicode_DecodeCharmap(s, n > 3 ? 3 : n, NULL, NULL);
    PyObject *u8 = PyUnicode_DecodeUTF8Stateful("ab\xe2\x82", 4, NULL, &c8);
    PyObject *u16 = PyUnicode_DecodeUTF16Stateful("\xff\xfe" "a\0b\0c", 7, NULL, &bo16, &c16);
    PyObject *u16le = PyUnicode_DecodeUTF16("x\0y\0", 4, NULL, &bo16le);
    PyObject *u32 = PyUnicode_DecodeUTF32Stateful("\0\0\xfe\xff\0\0\0q\0\0", 10, NULL, &bo32, &c32);
    PyObject *u32all = PyUnicode_DecodeUTF32("\0\0\xfe\xff\0\0\0q", 8, NULL, NULL);
    PyObject *bad = PyUnicode_DecodeUTF16("abc", 3, "strict", NULL);
    PyObject *badt = NULL;
    if (bad == NULL) {
        badt = Py_NewRef(PyExc_UnicodeDecodeError);
        if (!PyErr_ExceptionMatches(PyExc_UnicodeDecodeError)) badt = Py_NewRef(Py_None);
        PyErr_Clear();
    }
    return Py_BuildValue("(NNNNNNnNniNiNNN)", ascii, u7, esc, raw, cm, u8, c8, u16, c16, bo16, u16le, bo16le, u32,
                         u32all, badt ? badt : Py_NewRef(Py_False));
}

static PyObject *charmap(PyObject *self, PyObject *s) {
    (void)self;
    PyObject *map = PyUnicode_BuildEncodingMap(s);
    if (map == NULL) return NULL;
    PyObject *u = PyUnicode_FromString("cab");
    PyObject *enc = u ? PyUnicode_AsCharmapString(u, map) : NULL;
    Py_XDECREF(u);
    PyObject *dec = enc ? PyUnicode_DecodeCharmap(PyBytes_AS_STRING(enc), PyBytes_GET_SIZE(enc), s, NULL) : NULL;
    Py_DECREF(map);
    if (dec == NULL) {
        Py_XDECREF(enc);
        return NULL;
    }
    return Py_BuildValue("(NN)", enc, dec);
}

static PyObject *decoded_object(PyObject *self, PyObject *u) {
    (void)self;
    return PyUnicode_AsDecodedObject(u, "rot13", NULL);
}

static PyObject *fs_decoder(PyObject *self, PyObject *arg) {
    (void)self;
    PyObject *out = NULL;
    int r = PyUnicode_FSDecoder(arg, &out);
    if (!r) return NULL;
    PyObject *res = Py_BuildValue("(iO)", r, out);
    /* the cleanup call */
    PyUnicode_FSDecoder(NULL, &out);
    return Py_BuildValue("(NO)", res, out ? out : Py_None);
}

static PyObject *default_encoding(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    return PyUnicode_FromString(PyUnicode_GetDefaultEncoding());
}

/* ---- the Unicode database ---- */

static PyObject *ucd(PyObject *self, PyObject *arg) {
    (void)self;
    Py_UCS4 c = (Py_UCS4)PyLong_AsUnsignedLong(arg);
    if (PyErr_Occurred()) return NULL;
    return Py_BuildValue("(iiiiiiiiiIIId)", _PyUnicode_IsAlpha(c), _PyUnicode_IsDecimalDigit(c),
                         _PyUnicode_IsDigit(c), _PyUnicode_IsNumeric(c), _PyUnicode_IsLowercase(c),
                         _PyUnicode_IsUppercase(c), _PyUnicode_IsTitlecase(c), _PyUnicode_IsLinebreak(c),
                         _PyUnicode_ToDigit(c), (unsigned)_PyUnicode_ToLowercase(c), (unsigned)_PyUnicode_ToUppercase(c),
                         (unsigned)_PyUnicode_ToTitlecase(c), _PyUnicode_ToNumeric(c));
}

/* ---- bytes ---- */

static PyObject *bytes_format(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    PyObject *a = PyBytes_FromFormat("%d|%i|%u|%ld|%lu|%zd|%zu|%x|%c|%s|%.3s|%%|%5d", -5, 7, 8u, -9L, 10UL,
                                     (Py_ssize_t)-11, (size_t)12, 255u, 'Z', "str", "abcdef", 42);
    PyObject *p = PyBytes_FromFormat("%p", (void *)0x1234);
    PyObject *bad = PyBytes_FromFormat("%c", 256);
    int over = bad == NULL && PyErr_ExceptionMatches(PyExc_OverflowError);
    PyErr_Clear();
    if (a == NULL || p == NULL) {
        Py_XDECREF(a);
        Py_XDECREF(p);
        return NULL;
    }
    return Py_BuildValue("(NNi)", a, p, over);
}

static PyObject *bytes_repr(PyObject *self, PyObject *b) {
    (void)self;
    return Py_BuildValue("(NN)", PyBytes_Repr(b, 1), PyBytes_Repr(b, 0));
}

static PyObject *bytes_escape(PyObject *self, PyObject *args) {
    (void)self;
    const char *s, *errors = NULL;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "s#|z", &s, &n, &errors)) return NULL;
    return PyBytes_DecodeEscape(s, n, errors, 0, NULL);
}

static PyObject *bytes_join(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *sep, *seq;
    if (!PyArg_ParseTuple(args, "OO", &sep, &seq)) return NULL;
    return _PyBytes_Join(sep, seq);
}

/* ---- numbers ---- */

static PyObject *strtol_(PyObject *self, PyObject *args) {
    (void)self;
    const char *s;
    int base;
    if (!PyArg_ParseTuple(args, "si", &s, &base)) return NULL;
    char *end1, *end2;
    errno = 0;
    long l = PyOS_strtol(s, &end1, base);
    int e1 = errno;
    errno = 0;
    unsigned long u = PyOS_strtoul(s, &end2, base);
    int e2 = errno;
    return Py_BuildValue("(lniknO)", l, (Py_ssize_t)(end1 - s), e1 == ERANGE, u, (Py_ssize_t)(end2 - s),
                         e2 == ERANGE ? Py_True : Py_False);
}

static PyObject *dtoa(PyObject *self, PyObject *args) {
    (void)self;
    double v;
    int code, prec, flags;
    if (!PyArg_ParseTuple(args, "dCii", &v, &code, &prec, &flags)) return NULL;
    int type = -1;
    char *s = PyOS_double_to_string(v, (char)code, prec, flags, &type);
    if (s == NULL) return NULL;
    PyObject *r = Py_BuildValue("(si)", s, type);
    PyMem_Free(s);
    return r;
}

static PyObject *long_text(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *v;
    if (!PyArg_ParseTuple(args, "O", &v)) return NULL;
    PyObject *r = PyTuple_New(6);
    if (r == NULL) return NULL;
    PyTuple_SET_ITEM(r, 0, PyNumber_ToBase(v, 2));
    PyTuple_SET_ITEM(r, 1, PyNumber_ToBase(v, 8));
    PyTuple_SET_ITEM(r, 2, PyNumber_ToBase(v, 10));
    PyTuple_SET_ITEM(r, 3, PyNumber_ToBase(v, 16));
    PyObject *bad = PyNumber_ToBase(v, 7);
    PyTuple_SET_ITEM(r, 4, bad ? bad : Py_NewRef(PyErr_ExceptionMatches(PyExc_SystemError) ? Py_True : Py_False));
    PyErr_Clear();
    PyObject *f = _PyLong_Format(v, 16);
    if (f == NULL) {
        PyErr_Clear();
        f = Py_NewRef(Py_None);
    }
    PyTuple_SET_ITEM(r, 5, f);
    for (int i = 0; i < 4; i++) {
        if (PyTuple_GET_ITEM(r, i) == NULL) {
            PyTuple_SET_ITEM(r, i, Py_NewRef(Py_None));
            PyErr_Clear();
        }
    }
    return r;
}

static PyObject *long_misc(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *v, *u;
    int base;
    if (!PyArg_ParseTuple(args, "OUi", &v, &u, &base)) return NULL;
    PyObject *copy = _PyLong_Copy((PyLongObject *)v);
    PyObject *parsed = PyLong_FromUnicodeObject(u, base);
    if (copy == NULL || parsed == NULL) {
        Py_XDECREF(copy);
        Py_XDECREF(parsed);
        return NULL;
    }
    return Py_BuildValue("(nNON)", (Py_ssize_t)_PyLong_NumBits(v), copy, Py_TYPE(copy), parsed);
}

static PyObject *float_misc(PyObject *self, PyObject *arg) {
    (void)self;
    double x = PyFloat_AsDouble(arg);
    if (x == -1.0 && PyErr_Occurred()) return NULL;
    char le[2], be[2];
    if (PyFloat_Pack2(x, le, 1) < 0) return NULL;
    if (PyFloat_Pack2(x, be, 0) < 0) return NULL;
    PyObject *info = PyFloat_GetInfo();
    PyObject *iinfo = PyLong_GetInfo();
    if (info == NULL || iinfo == NULL) {
        Py_XDECREF(info);
        Py_XDECREF(iinfo);
        return NULL;
    }
    PyObject *max = PyFloat_FromDouble(PyFloat_GetMax());
    int same = max ? PyObject_RichCompareBool(PyTuple_GetItem(info, 0), max, Py_EQ) : -1;
    Py_XDECREF(max);
    PyObject *r = Py_BuildValue("(y#y#ddiidd)", le, (Py_ssize_t)2, be, (Py_ssize_t)2, PyFloat_Unpack2(le, 1),
                                PyFloat_Unpack2(be, 0), same, PyTuple_Check(iinfo), PyFloat_GetMax(), PyFloat_GetMin());
    Py_DECREF(info);
    Py_DECREF(iinfo);
    return r;
}

static PyObject *hash_double(PyObject *self, PyObject *arg) {
    (void)self;
    double x = PyFloat_AsDouble(arg);
    if (x == -1.0 && PyErr_Occurred()) return NULL;
    return PyLong_FromSsize_t(_Py_HashDouble(arg, x));
}

/* ---- buffers ---- */

/* a 2x3 matrix of shorts in C order; copied to Fortran order and back;
 * items through PyBuffer_GetPointer; strides for both orders */
static PyObject *buffers(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    short m[6] = {1, 2, 3, 4, 5, 6};
    Py_ssize_t shape[2] = {2, 3}, cstr[2], fstr[2];
    PyBuffer_FillContiguousStrides(2, shape, cstr, sizeof(short), 'C');
    PyBuffer_FillContiguousStrides(2, shape, fstr, sizeof(short), 'F');
    Py_buffer v;
    memset(&v, 0, sizeof v);
    v.buf = m;
    v.len = sizeof m;
    v.itemsize = sizeof(short);
    v.ndim = 2;
    v.shape = shape;
    v.strides = cstr;
    v.format = (char *)"h";
    short f[6], back[6] = {0};
    if (PyBuffer_ToContiguous(f, &v, sizeof f, 'F') < 0) return NULL;
    Py_ssize_t at[2] = {1, 2};
    short item = *(short *)PyBuffer_GetPointer(&v, at);
    /* a Fortran-ordered view of back: filled from the Fortran data */
    Py_buffer w = v;
    w.buf = back;
    w.strides = fstr;
    if (PyBuffer_FromContiguous(&w, f, sizeof f, 'F') < 0) return NULL;
    Py_ssize_t sz = PyBuffer_SizeFromFormat("3i");
    int bad = PyBuffer_ToContiguous(f, &v, 4, 'C');
    int verr = bad < 0 && PyErr_ExceptionMatches(PyExc_ValueError);
    PyErr_Clear();
    return Py_BuildValue("((nn)(nn)(hhhhhh)h(hhhhhh)nii)", cstr[0], cstr[1], fstr[0], fstr[1], f[0], f[1], f[2], f[3],
                         f[4], f[5], item, back[0], back[1], back[2], back[3], back[4], back[5], sz, bad, verr);
}

static PyObject *copy_data(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *dst, *src;
    if (!PyArg_ParseTuple(args, "OO", &dst, &src)) return NULL;
    if (PyObject_CopyData(dst, src) < 0) return NULL;
    Py_RETURN_NONE;
}

static char fixed[8] = "freepy!";

static PyObject *view_of_buffer(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    Py_buffer info;
    memset(&info, 0, sizeof info);
    info.buf = fixed;
    info.len = 7;
    info.itemsize = 1;
    info.readonly = 1;
    info.ndim = 1;
    info.format = (char *)"B";
    return PyMemoryView_FromBuffer(&info);
}

/* file_api(fd, path): PyFile_FromFd on a duplicated fd, PyFile_GetLine
 * in its three modes, PyFile_WriteObject/WriteString into an io.StringIO,
 * Py_hexdigits. */
static PyObject *file_api(PyObject *self, PyObject *args) {
    (void)self;
    int fd;
    if (!PyArg_ParseTuple(args, "i", &fd)) {
        return NULL;
    }
    PyObject *f = PyFile_FromFd(fd, "ignored", "r", -1, "utf-8", NULL, NULL, 1);
    if (f == NULL) {
        return NULL;
    }
    PyObject *a = PyFile_GetLine(f, 0);
    PyObject *b = a ? PyFile_GetLine(f, 3) : NULL;
    PyObject *c = b ? PyFile_GetLine(f, -1) : NULL;
    PyObject *d = c ? PyFile_GetLine(f, -1) : NULL; /* the last line, without a newline */
    PyObject *eof = NULL;
    if (d != NULL) {
        eof = PyFile_GetLine(f, -1);
        if (eof == NULL && PyErr_ExceptionMatches(PyExc_EOFError)) {
            PyObject *type, *value, *tb;
            PyErr_Fetch(&type, &value, &tb);
            eof = PyObject_Str(value);
            Py_XDECREF(type);
            Py_XDECREF(value);
            Py_XDECREF(tb);
        }
    }
    PyObject *closed = PyObject_CallMethod(f, "close", NULL);
    Py_XDECREF(closed);
    Py_DECREF(f);
    PyObject *sio = NULL, *written = NULL;
    if (eof != NULL) {
        PyObject *io = PyImport_ImportModule("io");
        sio = io ? PyObject_CallMethod(io, "StringIO", NULL) : NULL;
        Py_XDECREF(io);
        PyObject *obj = PyUnicode_FromString("x'y");
        if (sio != NULL && obj != NULL && PyFile_WriteObject(obj, sio, 0) == 0 &&
            PyFile_WriteObject(obj, sio, Py_PRINT_RAW) == 0 && PyFile_WriteString("|end", sio) == 0) {
            written = PyObject_CallMethod(sio, "getvalue", NULL);
        }
        Py_XDECREF(obj);
    }
    PyObject *r = NULL;
    if (written != NULL) {
        r = Py_BuildValue("(OOOOOOc)", a, b, c, d, eof, written, Py_hexdigits[11]);
    }
    Py_XDECREF(a);
    Py_XDECREF(b);
    Py_XDECREF(c);
    Py_XDECREF(d);
    Py_XDECREF(eof);
    Py_XDECREF(sio);
    Py_XDECREF(written);
    return r;
}

static PyMethodDef methods[] = {
    {"file_api", file_api, METH_VARARGS, NULL},
    {"str_search", str_search, METH_VARARGS, NULL},
    {"str_split", str_split, METH_VARARGS, NULL},
    {"str_bad", str_bad, METH_O, NULL},
    {"str_misc", str_misc, METH_VARARGS, NULL},
    {"str_build", str_build, METH_NOARGS, NULL},
    {"codecs_out", codecs_out, METH_O, NULL},
    {"codecs_in", codecs_in, METH_VARARGS, NULL},
    {"charmap", charmap, METH_O, NULL},
    {"decoded_object", decoded_object, METH_O, NULL},
    {"fs_decoder", fs_decoder, METH_O, NULL},
    {"default_encoding", default_encoding, METH_NOARGS, NULL},
    {"ucd", ucd, METH_O, NULL},
    {"bytes_format", bytes_format, METH_NOARGS, NULL},
    {"bytes_repr", bytes_repr, METH_O, NULL},
    {"bytes_escape", bytes_escape, METH_VARARGS, NULL},
    {"bytes_join", bytes_join, METH_VARARGS, NULL},
    {"strtol", strtol_, METH_VARARGS, NULL},
    {"dtoa", dtoa, METH_VARARGS, NULL},
    {"long_text", long_text, METH_VARARGS, NULL},
    {"long_misc", long_misc, METH_VARARGS, NULL},
    {"float_misc", float_misc, METH_O, NULL},
    {"hash_double", hash_double, METH_O, NULL},
    {"buffers", buffers, METH_NOARGS, NULL},
    {"copy_data", copy_data, METH_VARARGS, NULL},
    {"view_of_buffer", view_of_buffer, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "capi_breadth_text", NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit_capi_breadth_text(void) { return PyModule_Create(&mod); }
