/* The object, call, error and interpreter parts of the 3.11 API that
 * freepy's headers declared before freepy defined them (shim/breadth.c,
 * capi/api_breadth.go). Built against freepy's and CPython's headers;
 * test_capi_breadth_obj.py compares the two. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* fmemopen */
#endif
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>
#include <stddef.h>
#include <frameobject.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* deprecated functions are called on purpose: they are part of the API */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

/* the type and message of the pending exception, cleared: ("T", "msg") */
static PyObject *caught(void) {
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (t == NULL) return Py_BuildValue("s", "no error");
    PyErr_NormalizeException(&t, &v, &tb);
    /* a SystemError's message names CPython's source file: not compared */
    int sys = PyErr_GivenExceptionMatches(t, PyExc_SystemError);
    PyObject *r = Py_BuildValue("(sN)", ((PyTypeObject *)t)->tp_name,
                                v && !sys ? PyObject_Str(v) : Py_NewRef(Py_None));
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
    return r;
}

/* ---- refs and identity ---- */

static PyObject *refs(PyObject *self, PyObject *o) {
    (void)self;
    Py_ssize_t before = Py_REFCNT(o);
    PyObject *(*newref)(PyObject *) = Py_NewRef;
    PyObject *(*xnewref)(PyObject *) = Py_XNewRef;
    int (*is)(PyObject *, PyObject *) = Py_Is;
    int (*isnone)(PyObject *) = Py_IsNone;
    int (*istrue)(PyObject *) = Py_IsTrue;
    int (*isfalse)(PyObject *) = Py_IsFalse;
    PyObject *a = (newref)(o);
    PyObject *b = (xnewref)(o);
    PyObject *n = (xnewref)(NULL);
    Py_ssize_t after = Py_REFCNT(o);
    Py_DECREF(a);
    Py_DECREF(b);
    return Py_BuildValue("(niiiiii)", after - before, n == NULL, (is)(a, o), (isnone)(o), (istrue)(o), (isfalse)(o),
                         (is)(o, Py_None));
}

/* ---- calls ---- */

static PyObject *cfunc_probe(PyObject *self, PyObject *args) {
    (void)args;
    return Py_NewRef(self ? self : Py_None);
}

static PyMethodDef probe_def = {"probe", cfunc_probe, METH_VARARGS, "probe doc"};

static PyObject *cfunction(PyObject *self, PyObject *args) {
    PyObject *f, *meth;
    if (!PyArg_ParseTuple(args, "OO", &f, &meth)) return NULL;
    PyObject *mine = PyCFunction_NewEx(&probe_def, self, NULL);
    if (mine == NULL) return NULL;
    int same_fn = PyCFunction_GetFunction(mine) == (PyCFunction)cfunc_probe;
    int flags = PyCFunction_GetFlags(mine);
    int same_self = PyCFunction_GetSelf(mine) == self;
    PyObject *t = PyTuple_New(0);
    PyObject *r = t ? PyCFunction_Call(mine, t, NULL) : NULL;
    Py_XDECREF(t);
    Py_DECREF(mine);
    if (r == NULL) return NULL;
    int called = r == self;
    Py_DECREF(r);
    /* a function of this module as Python sees it, and a bound method of
     * a built-in type */
    int f_is_mine = PyCFunction_GetFunction(f) == (PyCFunction)cfunc_probe;
    PyObject *fself = PyCFunction_GetSelf(f);
    PyObject *mself = PyCFunction_GetSelf(meth);
    return Py_BuildValue("(iiiiiiOO)", same_fn, flags, same_self, called, f_is_mine, PyCFunction_GetFlags(f),
                         fself ? fself : Py_None, mself ? mself : Py_None);
}

static PyObject *vectorcall_dict(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *f, *a, *kw;
    if (!PyArg_ParseTuple(args, "OOO", &f, &a, &kw)) return NULL;
    PyObject *stack[2] = {a, a};
    return PyObject_VectorcallDict(f, stack, 2, kw == Py_None ? NULL : kw);
}

/* an object without vectorcall: PyVectorcall_Function gives NULL and
 * PyVectorcall_Call refuses it */
static PyObject *vectorcall_call(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *f, *tuple, *kw;
    if (!PyArg_ParseTuple(args, "OOO", &f, &tuple, &kw)) return NULL;
    int none = PyVectorcall_Function(f) == NULL;
    PyObject *r = PyVectorcall_Call(f, tuple, kw == Py_None ? NULL : kw);
    return Py_BuildValue("(iN)", none, r ? r : caught());
}

static PyObject *contexts(PyObject *self, PyObject *var) {
    (void)self;
    PyObject *cur = PyContext_CopyCurrent();
    PyObject *empty = PyContext_New();
    PyObject *copy = cur ? PyContext_Copy(cur) : NULL;
    if (cur == NULL || empty == NULL || copy == NULL) {
        Py_XDECREF(cur);
        Py_XDECREF(empty);
        Py_XDECREF(copy);
        return NULL;
    }
    PyObject *v = PyLong_FromLong(77);
    PyObject *tok = PyContextVar_Set(var, v);
    Py_DECREF(v);
    if (tok == NULL) return NULL;
    PyObject *got = NULL;
    PyContextVar_Get(var, NULL, &got);
    int r = PyContextVar_Reset(var, tok);
    PyObject *after = NULL;
    PyContextVar_Get(var, NULL, &after);
    int again = PyContextVar_Reset(var, tok);
    PyObject *err = caught();
    Py_DECREF(tok);
    return Py_BuildValue("(nnnNiNiN)", PyObject_Length(cur), PyObject_Length(empty), PyObject_Length(copy),
                         got ? got : Py_NewRef(Py_None), r, after ? after : Py_NewRef(Py_None), again, err);
}

static PyObject *sys_format(PyObject *self, PyObject *args) {
    (void)self;
    const char *s;
    if (!PyArg_ParseTuple(args, "s", &s)) return NULL;
    PySys_FormatStdout("out: %s %d %R\n", s, 5, Py_None);
    PySys_FormatStderr("err: %.3s\n", s);
    Py_RETURN_NONE;
}

static PyObject *methods_(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *fn, *obj;
    if (!PyArg_ParseTuple(args, "OO", &fn, &obj)) return NULL;
    PyObject *m = PyMethod_New(fn, obj);
    PyObject *cm = PyClassMethod_New(fn);
    PyObject *sm = PyStaticMethod_New(fn);
    PyObject *im = PyInstanceMethod_New(fn);
    if (!m || !cm || !sm || !im) {
        Py_XDECREF(m);
        Py_XDECREF(cm);
        Py_XDECREF(sm);
        Py_XDECREF(im);
        return NULL;
    }
    int f_ok = PyMethod_Function(m) == fn && PyMethod_Self(m) == obj;
    int im_ok = PyInstanceMethod_Check(im) && PyInstanceMethod_Function(im) == fn;
    PyObject *bad = PyMethod_Function(fn);
    PyObject *err = caught();
    return Py_BuildValue("(NNNNiiON)", m, cm, sm, im, f_ok, im_ok, bad ? bad : Py_None, err);
}

static PyObject *function_parts(PyObject *self, PyObject *f) {
    (void)self;
    PyObject *code = PyFunction_GetCode(f);
    if (code == NULL) return caught();
    PyObject *defaults = PyFunction_GetDefaults(f);
    PyObject *g = PyFunction_GetGlobals(f);
    PyObject *mod = PyFunction_GetModule(f);
    PyObject *nf = PyFunction_New(code, g);
    if (nf == NULL) return NULL;
    PyObject *r = PyObject_CallFunction(nf, "ii", 20, 2);
    PyObject *res = Py_BuildValue("(OOiOON)", code, defaults ? defaults : Py_None, g == PyEval_GetGlobals(),
                                  mod ? mod : Py_None, r ? r : Py_None, PyObject_GetAttrString(nf, "__name__"));
    /* (the name is a new reference: N) */
    Py_DECREF(nf);
    if (r == NULL) {
        Py_XDECREF(res);
        return NULL;
    }
    Py_DECREF(r);
    return res;
}

static PyObject *func_names(PyObject *self, PyObject *f) {
    (void)self;
    return Py_BuildValue("(ss)", PyEval_GetFuncName(f), PyEval_GetFuncDesc(f));
}

static PyObject *wrapper(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *descr, *obj;
    if (!PyArg_ParseTuple(args, "OO", &descr, &obj)) return NULL;
    PyObject *w = PyWrapper_New(descr, obj);
    if (w == NULL) return NULL;
    PyObject *r = PyObject_CallNoArgs(w);
    Py_DECREF(w);
    return r;
}

static PyObject *length_hint(PyObject *self, PyObject *o) {
    (void)self;
    Py_ssize_t n = PyObject_LengthHint(o, 42);
    if (n < 0) return caught();
    return PyLong_FromSsize_t(n);
}

static PyObject *aiter(PyObject *self, PyObject *o) {
    (void)self;
    PyObject *it = PyObject_GetAIter(o);
    if (it == NULL) return caught();
    PyObject *r = Py_BuildValue("(iO)", PyAIter_Check(it), Py_TYPE(it));
    Py_DECREF(it);
    return r;
}

static PyObject *aiter_check(PyObject *self, PyObject *o) {
    (void)self;
    return PyBool_FromLong(PyAIter_Check(o));
}

/* PyIter_Send through a generator: every result kind */
static PyObject *send_all(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *it, *values;
    if (!PyArg_ParseTuple(args, "OO", &it, &values)) return NULL;
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(values); i++) {
        PyObject *res = NULL;
        PySendResult k = PyIter_Send(it, PyTuple_GET_ITEM(values, i), &res);
        PyObject *entry;
        if (k == PYGEN_ERROR) {
            entry = Py_BuildValue("(sNi)", "error", caught(), res == NULL);
        } else {
            entry = Py_BuildValue("(sO)", k == PYGEN_NEXT ? "next" : "return", res);
            Py_DECREF(res);
        }
        if (entry == NULL || PyList_Append(out, entry) < 0) {
            Py_XDECREF(entry);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(entry);
    }
    return out;
}

/* ---- sequences and mappings ---- */

static PyObject *sequences(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *l, *v;
    if (!PyArg_ParseTuple(args, "OO", &l, &v)) return NULL;
    int in = PySequence_In(l, v);
    if (PySequence_SetSlice(l, 1, 3, v) < 0) return NULL;
    PyObject *after_set = PySequence_List(l);
    if (PySequence_DelSlice(l, 0, 1) < 0) return NULL;
    PyObject *after_del = PySequence_List(l);
    PyObject *rep = PySequence_InPlaceRepeat(l, 2);
    PyObject *rep_is_l = rep == l ? Py_True : Py_False;
    Py_XDECREF(rep);
    PyObject *t = PyTuple_Pack(2, v, v);
    PyObject *trep = t ? PySequence_InPlaceRepeat(t, 2) : NULL;
    Py_XDECREF(t);
    PyObject *nr = PySequence_InPlaceRepeat(Py_None, 2);
    PyObject *e1 = caught();
    int r = PySequence_SetSlice(Py_None, 0, 1, v);
    PyObject *e2 = caught();
    r += PySequence_DelSlice(v, 0, 1);
    PyObject *e3 = caught();
    return Py_BuildValue("(iNNONONNNi)", in, after_set, after_del, rep_is_l, trep ? trep : Py_None, nr ? nr : Py_None,
                         e1, e2, e3, r);
}

static PyObject *slice_indices(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *s;
    Py_ssize_t len;
    if (!PyArg_ParseTuple(args, "On", &s, &len)) return NULL;
    Py_ssize_t a = -99, b = -99, c = -99;
    int r = PySlice_GetIndices(s, len, &a, &b, &c);
    int err = PyErr_Occurred() != NULL;
    PyErr_Clear();
    return Py_BuildValue("(innni)", r, a, b, c, err);
}

static PyObject *mappings(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *d, *seq;
    int override;
    if (!PyArg_ParseTuple(args, "OOi", &d, &seq, &override)) return NULL;
    if (PyDict_MergeFromSeq2(d, seq, override) < 0) return caught();
    PyObject *x = _PyDict_GetItemStringWithError(d, "x");
    PyObject *nd = _PyDict_NewPresized(100);
    if (nd == NULL) return NULL;
    return Py_BuildValue("(ONn)", x ? x : Py_None, nd, PyDict_Size(d));
}

/* ---- objects ---- */

static PyObject *print_(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *o;
    int flags;
    if (!PyArg_ParseTuple(args, "Oi", &o, &flags)) return NULL;
    char buf[256] = {0};
    FILE *f = fmemopen(buf, sizeof buf - 1, "w");
    if (f == NULL) return PyErr_SetFromErrno(PyExc_OSError);
    int r = PyObject_Print(o == Py_Ellipsis ? NULL : o, f, flags);
    fclose(f);
    if (r < 0) return NULL;
    return PyUnicode_DecodeUTF8(buf, (Py_ssize_t)strlen(buf), "strict");
}

typedef struct {
    PyObject_HEAD
    PyObject *dict;
    PyObject *weaklist;
    int finalized;
} DictObj;

static void dictobj_finalize(PyObject *self) { ((DictObj *)self)->finalized++; }

static void dictobj_dealloc(PyObject *self) {
    DictObj *d = (DictObj *)self;
    if (d->weaklist) PyObject_ClearWeakRefs(self);
    Py_XDECREF(d->dict);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *dictobj_finalized(PyObject *self, PyObject *unused) {
    (void)unused;
    return PyLong_FromLong(((DictObj *)self)->finalized);
}

static PyGetSetDef dictobj_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef dictobj_methods[] = {
    {"finalized", dictobj_finalized, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject DictObj_Type; /* filled in by PyInit */

static PyObject *objects(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    PyObject *o = PyObject_CallNoArgs((PyObject *)&DictObj_Type);
    if (o == NULL) return NULL;
    PyObject_CallFinalizer(o);
    PyObject_CallFinalizer(o);
    PyObject **wl = PyObject_GET_WEAKREFS_LISTPTR(o);
    int wl_ok = (char *)wl == (char *)o + offsetof(DictObj, weaklist);
    return Py_BuildValue("(Niiii)", o, wl_ok, PyType_SUPPORTS_WEAKREFS(&DictObj_Type),
                         PyType_SUPPORTS_WEAKREFS(&PyLong_Type), ((DictObj *)o)->finalized);
}

static PyObject *supports_weakrefs(PyObject *self, PyObject *tp) {
    (void)self;
    return PyBool_FromLong(PyType_SUPPORTS_WEAKREFS((PyTypeObject *)tp));
}

static PyObject *type_names(PyObject *self, PyObject *tp) {
    (void)self;
    return Py_BuildValue("(ss)", _PyType_Name((PyTypeObject *)tp), PyExceptionClass_Name(tp));
}

static PyObject *repr_guard(PyObject *self, PyObject *o) {
    (void)self;
    int a = Py_ReprEnter(o);
    int b = Py_ReprEnter(o);
    Py_ReprLeave(o);
    int c = Py_ReprEnter(o);
    Py_ReprLeave(o);
    return Py_BuildValue("(iii)", a, b, c);
}

/* ---- errors ---- */

static PyObject *errors(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *name, *path, *f1, *f2;
    if (!PyArg_ParseTuple(args, "OOOO", &name, &path, &f1, &f2)) return NULL;
    PyObject *msg = PyUnicode_FromString("no module here");
    PyErr_SetImportError(msg, name, path);
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    PyObject *imp = Py_BuildValue("(sNN)", ((PyTypeObject *)t)->tp_name, PyObject_GetAttrString(v, "name"),
                                  PyObject_GetAttrString(v, "path"));
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
    PyErr_SetImportErrorSubclass(PyExc_ModuleNotFoundError, msg, name, NULL);
    PyObject *sub = caught();
    PyErr_SetImportErrorSubclass(PyExc_ValueError, msg, name, NULL);
    PyObject *notsub = caught();
    PyErr_SetImportError(NULL, name, NULL);
    PyObject *nomsg = caught();
    Py_DECREF(msg);
    errno = ENOENT;
    PyErr_SetFromErrnoWithFilenameObjects(PyExc_OSError, f1, f2);
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    PyObject *os = Py_BuildValue("(sNNNN)", ((PyTypeObject *)t)->tp_name, PyObject_GetAttrString(v, "errno"),
                                 PyObject_GetAttrString(v, "filename"), PyObject_GetAttrString(v, "filename2"),
                                 PyObject_Str(v));
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
    return Py_BuildValue("(NNNNN)", imp, sub, notsub, nomsg, os);
}

static PyObject *handled(PyObject *self, PyObject *exc) {
    (void)self;
    PyObject *before = PyErr_GetHandledException();
    PyErr_SetHandledException(exc == Py_None ? NULL : exc);
    PyObject *now = PyErr_GetHandledException();
    PyObject *info = PySys_GetObject("exc_info");
    PyObject *r = info ? PyObject_CallNoArgs(info) : NULL;
    PyErr_SetHandledException(before);
    PyObject *res = Py_BuildValue("(OON)", before ? before : Py_None, now ? now : Py_None, r);
    Py_XDECREF(before);
    Py_XDECREF(now);
    return res;
}

static PyObject *syntax_location(PyObject *self, PyObject *args) {
    (void)self;
    const char *file;
    int line, col;
    PyObject *type;
    if (!PyArg_ParseTuple(args, "Osii", &type, &file, &line, &col)) return NULL;
    PyErr_SetString(type, "bad thing");
    if (col < 0) PyErr_SyntaxLocation(file, line);
    else PyErr_SyntaxLocationEx(file, line, col);
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    PyObject *text = PyObject_GetAttrString(v, "text");
    if (text == NULL) {
        PyErr_Clear();
        text = Py_NewRef(Py_None);
    }
    PyObject *msg = PyObject_GetAttrString(v, "msg");
    if (msg == NULL) {
        PyErr_Clear();
        msg = Py_NewRef(Py_None);
    }
    PyObject *pfl = PyObject_GetAttrString(v, "print_file_and_line");
    int has_pfl = pfl != NULL;
    Py_XDECREF(pfl);
    PyErr_Clear();
    PyObject *r = Py_BuildValue("(sNNNNNi)", ((PyTypeObject *)t)->tp_name, PyObject_GetAttrString(v, "filename"),
                                PyObject_GetAttrString(v, "lineno"), PyObject_GetAttrString(v, "offset"), text, msg,
                                has_pfl);
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
    return r;
}

static PyObject *program_text(PyObject *self, PyObject *args) {
    (void)self;
    const char *file;
    int line;
    if (!PyArg_ParseTuple(args, "si", &file, &line)) return NULL;
    PyObject *r = PyErr_ProgramText(file, line);
    if (r == NULL) {
        return PyErr_Occurred() ? NULL : Py_NewRef(Py_None);
    }
    return r;
}

static PyObject *warnings_(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *registry;
    if (!PyArg_ParseTuple(args, "O", &registry)) return NULL;
    if (PyErr_WarnExplicit(PyExc_UserWarning, "explicit one", "somefile.py", 12, "somemod", registry) < 0) return NULL;
    PyObject *msg = PyUnicode_FromString("explicit two");
    PyObject *file = PyUnicode_FromString("other.py");
    int r = PyErr_WarnExplicitObject(PyExc_RuntimeWarning, msg, file, 3, NULL, registry);
    Py_DECREF(msg);
    Py_DECREF(file);
    if (r < 0) return NULL;
    if (PyErr_ResourceWarning(Py_None, 1, "resource %d left open", 7) < 0) return NULL;
    Py_RETURN_NONE;
}

static PyObject *display(PyObject *self, PyObject *exc) {
    (void)self;
    PyErr_Display(NULL, exc, NULL);
    Py_RETURN_NONE;
}

static PyObject *traceback_print(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *tb, *file;
    if (!PyArg_ParseTuple(args, "OO", &tb, &file)) return NULL;
    if (PyTraceBack_Print(tb, file) < 0) return NULL;
    Py_RETURN_NONE;
}

static PyObject *interrupt(PyObject *self, PyObject *args) {
    (void)self;
    int sig;
    if (!PyArg_ParseTuple(args, "i", &sig)) return NULL;
    if (sig == 0) {
        PyErr_SetInterrupt();
        return PyLong_FromLong(0);
    }
    return PyLong_FromLong(PyErr_SetInterruptEx(sig));
}

/* ---- frames and code ---- */

static PyObject *frames(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    PyFrameObject *f = PyEval_GetFrame();
    if (f == NULL) Py_RETURN_NONE;
    PyCodeObject *code = PyFrame_GetCode(f);
    PyFrameObject *back = PyFrame_GetBack(f);
    PyFrameObject *tsf = PyThreadState_GetFrame(PyThreadState_Get());
    PyObject *locals = PyEval_GetLocals();
    PyObject *r = Py_BuildValue("(iOOiOi)", PyFrame_GetLineNumber(f), ((PyObject *)code), back ? (PyObject *)back : Py_None,
                                back ? PyFrame_GetLineNumber(back) : -1, locals ? locals : Py_None, tsf == f);
    Py_DECREF(code);
    Py_XDECREF(back);
    Py_XDECREF(tsf);
    return r;
}

static PyObject *addr2line(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *co;
    int a;
    if (!PyArg_ParseTuple(args, "O!i", &PyCode_Type, &co, &a)) return NULL;
    return PyLong_FromLong(PyCode_Addr2Line((PyCodeObject *)co, a));
}

/* ---- compiling and running ---- */

static PyObject *run(PyObject *self, PyObject *args) {
    (void)self;
    const char *src;
    int start;
    PyObject *g, *l;
    if (!PyArg_ParseTuple(args, "siOO", &src, &start, &g, &l)) return NULL;
    return PyRun_String(src, start, g, l == Py_None ? g : l);
}

static PyObject *run_flags(PyObject *self, PyObject *args) {
    (void)self;
    const char *src;
    int flags;
    PyObject *g;
    if (!PyArg_ParseTuple(args, "siO", &src, &flags, &g)) return NULL;
    PyCompilerFlags cf = {flags, 11};
    return PyRun_StringFlags(src, Py_file_input, g, g, &cf);
}

static PyObject *run_simple(PyObject *self, PyObject *args) {
    (void)self;
    const char *src;
    if (!PyArg_ParseTuple(args, "s", &src)) return NULL;
    int a = PyRun_SimpleString(src);
    PyCompilerFlags cf = {0, 11};
    int b = PyRun_SimpleStringFlags(src, &cf);
    return Py_BuildValue("(ii)", a, b);
}

static PyObject *compile_(PyObject *self, PyObject *args) {
    (void)self;
    const char *src, *file;
    int start, optimize;
    if (!PyArg_ParseTuple(args, "ssii", &src, &file, &start, &optimize)) return NULL;
    PyObject *a = Py_CompileString(src, file, start);
    if (a == NULL) return NULL;
    PyObject *b = Py_CompileStringExFlags(src, file, start, NULL, optimize);
    PyObject *fo = PyUnicode_FromString(file);
    PyObject *c = b && fo ? Py_CompileStringObject(src, fo, start, NULL, optimize) : NULL;
    Py_XDECREF(fo);
    PyObject *g = PyDict_New();
    PyObject *r = c && g ? PyEval_EvalCode(c, g, g) : NULL;
    PyObject *res = r ? Py_BuildValue("(OONO)", Py_TYPE(a), PyCode_Check(b) ? Py_True : Py_False, r,
                                      PyObject_RichCompareBool(((PyObject *)a), a, Py_EQ) ? Py_True : Py_False)
                      : NULL;
    Py_DECREF(a);
    Py_XDECREF(b);
    Py_XDECREF(c);
    Py_XDECREF(g);
    return res;
}

/* ---- modules and imports ---- */

static PyObject *exec_module(PyObject *self, PyObject *args) {
    (void)self;
    const char *name, *src;
    PyObject *path;
    if (!PyArg_ParseTuple(args, "ssO", &name, &src, &path)) return NULL;
    PyObject *co = Py_CompileString(src, "<exec>", Py_file_input);
    if (co == NULL) return NULL;
    PyObject *m;
    if (path == Py_None) {
        m = PyImport_ExecCodeModule(name, co);
    } else if (PyUnicode_Check(path)) {
        m = PyImport_ExecCodeModuleEx(name, co, PyUnicode_AsUTF8(path));
    } else {
        PyObject *n = PyUnicode_FromString(name);
        m = PyImport_ExecCodeModuleObject(n, co, NULL, NULL);
        Py_DECREF(n);
    }
    Py_DECREF(co);
    if (m == NULL) return NULL;
    PyObject *f = PyModule_GetFilenameObject(m);
    const char *fs = f ? PyModule_GetFilename(m) : NULL;
    PyObject *r = Py_BuildValue("(Nss)", m, fs ? fs : "-", f ? "ok" : "none");
    Py_XDECREF(f);
    PyErr_Clear();
    return r;
}

static PyObject *module_misc(PyObject *self, PyObject *name) {
    (void)self;
    PyObject *m = PyImport_AddModuleObject(name);
    if (m == NULL) return NULL;
    PyObject *nofile = PyModule_GetFilenameObject(m);
    PyObject *e = caught();
    Py_XDECREF(nofile);
    PyObject *sys = PyImport_ImportModule("sys");
    PyObject *again = sys ? PyImport_ReloadModule(sys) : NULL;
    Py_XDECREF(sys);
    PyObject *xo = PySys_GetXOptions();
    return Py_BuildValue("(ONOO)", m, e, again ? again : Py_None, xo ? xo : Py_None);
}

static int exec_slot(PyObject *m) { return PyModule_AddIntConstant(m, "executed", 1); }

static PyModuleDef_Slot def_slots[] = {{Py_mod_exec, (void *)exec_slot}, {0, NULL}};
static PyMethodDef def_methods[] = {{"probe", cfunc_probe, METH_VARARGS, NULL}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef hand_def = {PyModuleDef_HEAD_INIT, "handmade", "made by hand", 0, def_methods, def_slots,
                                      NULL, NULL, NULL};

static PyObject *from_def(PyObject *self, PyObject *spec) {
    (void)self;
    PyObject *m = PyModule_FromDefAndSpec(&hand_def, spec);
    if (m == NULL) return NULL;
    int before = PyObject_HasAttrString(m, "executed");
    if (PyModule_ExecDef(m, &hand_def) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return Py_BuildValue("(Nii)", m, before, PyObject_HasAttrString(m, "executed"));
}

/* ---- interpreter state ---- */

static int pending_ran;
static int pending_cb(void *arg) {
    pending_ran += (int)(Py_ssize_t)arg;
    return 0;
}

static PyObject *add_pending(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    int r = Py_AddPendingCall(pending_cb, (void *)(Py_ssize_t)5);
    return PyLong_FromLong(r);
}

static PyObject *pending_count(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    return PyLong_FromLong(pending_ran);
}

static void at_exit(void) {
    /* runs after the atexit module's functions, with the streams flushed */
    const char msg[] = "Py_AtExit function ran\n";
    if (write(1, msg, sizeof msg - 1) < 0) return;
}

static PyObject *register_exit(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    return PyLong_FromLong(Py_AtExit(at_exit));
}

static PyObject *interp_misc(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    int lim = Py_GetRecursionLimit();
    Py_SetRecursionLimit(lim + 7);
    int lim2 = Py_GetRecursionLimit();
    Py_SetRecursionLimit(lim);
    int was = PyGC_Disable();
    int now = PyGC_IsEnabled();
    int was2 = PyGC_Enable();
    int now2 = PyGC_IsEnabled();
    Py_ssize_t collected = PyGC_Collect();
    PyThreadState *ts = PyThreadState_Get();
    PyThreadState_EnterTracing(ts);
    PyThreadState_LeaveTracing(ts);
    PyType_ClearCache();
    return Py_BuildValue("(iiiiiiiis)", lim2 - lim, was, now, was2, now2, collected >= 0, PyEval_ThreadsInitialized(),
                         strlen(Py_GetCompiler()) > 0 && strlen(Py_GetBuildInfo()) > 0 && strlen(Py_GetCopyright()) > 0,
                         Py_GetPlatform());
}

static PyObject *async_exc(PyObject *self, PyObject *args) {
    (void)self;
    unsigned long id;
    PyObject *exc;
    if (!PyArg_ParseTuple(args, "kO", &id, &exc)) return NULL;
    return PyLong_FromLong(PyThreadState_SetAsyncExc(id, exc == Py_None ? NULL : exc));
}

static PyMethodDef methods[] = {
    {"refs", refs, METH_O, NULL},
    {"probe", cfunc_probe, METH_VARARGS, NULL},
    {"cfunction", cfunction, METH_VARARGS, NULL},
    {"vectorcall_dict", vectorcall_dict, METH_VARARGS, NULL},
    {"vectorcall_call", vectorcall_call, METH_VARARGS, NULL},
    {"methods", methods_, METH_VARARGS, NULL},
    {"contexts", contexts, METH_O, NULL},
    {"sys_format", sys_format, METH_VARARGS, NULL},
    {"function_parts", function_parts, METH_O, NULL},
    {"func_names", func_names, METH_O, NULL},
    {"wrapper", wrapper, METH_VARARGS, NULL},
    {"length_hint", length_hint, METH_O, NULL},
    {"aiter", aiter, METH_O, NULL},
    {"aiter_check", aiter_check, METH_O, NULL},
    {"send_all", send_all, METH_VARARGS, NULL},
    {"sequences", sequences, METH_VARARGS, NULL},
    {"slice_indices", slice_indices, METH_VARARGS, NULL},
    {"mappings", mappings, METH_VARARGS, NULL},
    {"print", print_, METH_VARARGS, NULL},
    {"objects", objects, METH_NOARGS, NULL},
    {"supports_weakrefs", supports_weakrefs, METH_O, NULL},
    {"type_names", type_names, METH_O, NULL},
    {"repr_guard", repr_guard, METH_O, NULL},
    {"errors", errors, METH_VARARGS, NULL},
    {"handled", handled, METH_O, NULL},
    {"syntax_location", syntax_location, METH_VARARGS, NULL},
    {"program_text", program_text, METH_VARARGS, NULL},
    {"warnings", warnings_, METH_VARARGS, NULL},
    {"display", display, METH_O, NULL},
    {"traceback_print", traceback_print, METH_VARARGS, NULL},
    {"interrupt", interrupt, METH_VARARGS, NULL},
    {"frames", frames, METH_NOARGS, NULL},
    {"addr2line", addr2line, METH_VARARGS, NULL},
    {"run", run, METH_VARARGS, NULL},
    {"run_flags", run_flags, METH_VARARGS, NULL},
    {"run_simple", run_simple, METH_VARARGS, NULL},
    {"compile", compile_, METH_VARARGS, NULL},
    {"exec_module", exec_module, METH_VARARGS, NULL},
    {"module_misc", module_misc, METH_O, NULL},
    {"from_def", from_def, METH_O, NULL},
    {"add_pending", add_pending, METH_NOARGS, NULL},
    {"pending_count", pending_count, METH_NOARGS, NULL},
    {"register_exit", register_exit, METH_NOARGS, NULL},
    {"interp_misc", interp_misc, METH_NOARGS, NULL},
    {"async_exc", async_exc, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "capi_breadth_obj", NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit_capi_breadth_obj(void) {
    Py_SET_REFCNT((PyObject *)&DictObj_Type, 1);
    DictObj_Type.tp_name = "capi_breadth_obj.DictObj";
    DictObj_Type.tp_basicsize = sizeof(DictObj);
    DictObj_Type.tp_dealloc = dictobj_dealloc;
    DictObj_Type.tp_flags = Py_TPFLAGS_DEFAULT;
    DictObj_Type.tp_new = PyType_GenericNew;
    DictObj_Type.tp_getset = dictobj_getset;
    DictObj_Type.tp_methods = dictobj_methods;
    DictObj_Type.tp_dictoffset = offsetof(DictObj, dict);
    DictObj_Type.tp_weaklistoffset = offsetof(DictObj, weaklist);
    DictObj_Type.tp_finalize = dictobj_finalize;
    if (PyType_Ready(&DictObj_Type) < 0) return NULL;
    PyObject *m = PyModule_Create(&mod);
    if (m == NULL) return NULL;
    Py_INCREF(&DictObj_Type);
    if (PyModule_AddObject(m, "DictObj", (PyObject *)&DictObj_Type) < 0) return NULL;
    return m;
}
