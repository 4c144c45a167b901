/* Fixture: a callback from a foreign thread (PyGILState_Ensure/Release),
 * a blocking section (Py_BEGIN_ALLOW_THREADS), a weak reference read and a
 * tuple read; single-phase init. */
#include <Python.h>
#include <unistd.h>

static PyObject *callback;

void on_event(int code) {
	PyGILState_STATE st = PyGILState_Ensure();
	PyObject *target = PyWeakref_GetObject(callback);
	if (target != Py_None)
		PyObject_CallFunction(target, "i", code);
	PyGILState_Release(st);
}

static PyObject *wait_(PyObject *self, PyObject *args) {
	PyObject *first = PyTuple_GetItem(args, 0);
	Py_BEGIN_ALLOW_THREADS
	usleep(1);
	Py_END_ALLOW_THREADS
	callback = first;
	Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
	{"wait", wait_, METH_VARARGS, NULL},
	{NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "gilstate", NULL, -1, methods};

PyMODINIT_FUNC PyInit_gilstate(void) { return PyModule_Create(&def); }
