/* Fixture: single-phase init, a borrowed PyDict_GetItem lookup, a static
 * PyObject * cache and a list read. Built by the tests; never loaded. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *cache;
static PyObject *table[4];

static PyObject *lookup(PyObject *self, PyObject *args) {
	PyObject *d, *k;
	if (!PyArg_ParseTuple(args, "OO", &d, &k))
		return NULL;
	PyObject *v = PyDict_GetItem(d, k);
	if (v == NULL)
		v = PyList_GetItem(cache, 0);
	table[0] = v;
	Py_XINCREF(v);
	return v;
}

static PyMethodDef methods[] = {
	{"lookup", lookup, METH_VARARGS, NULL},
	{NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "single_dict", NULL, -1, methods};

PyMODINIT_FUNC PyInit_single_dict(void) {
	cache = PyList_New(0);
	return PyModule_Create(&def);
}
