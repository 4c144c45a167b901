/* Fixture: multi-phase init, strong references only, no GIL APIs. The
 * Py_mod_gil slot (4 in CPython 3.13) is spelled numerically because the
 * 3.11 headers lack it. */
#include <Python.h>

static PyObject *get(PyObject *self, PyObject *args) {
	PyObject *o, *k;
	if (!PyArg_ParseTuple(args, "OO", &o, &k))
		return NULL;
	return PyObject_GetItem(o, k);
}

static int exec_mod(PyObject *m) {
	return PyModule_AddIntConstant(m, "answer", 42);
}

static PyMethodDef methods[] = {
	{"get", get, METH_VARARGS, NULL},
	{NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot slots[] = {
	{Py_mod_exec, exec_mod},
#ifdef WITH_MOD_GIL
	{4, (void *)1},
#endif
	{0, NULL},
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "multi_clean", NULL, 0, methods, slots};

PyMODINIT_FUNC PyInit_multi_clean(void) { return PyModuleDef_Init(&def); }
