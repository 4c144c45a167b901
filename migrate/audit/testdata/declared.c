/* Fixture: single-phase init that declares free-threading the 3.13 way.
 * PyUnstable_Module_SetGIL is not in the 3.11 headers: declare it here;
 * the object is linked with undefined symbols allowed and never loaded. */
#include <Python.h>

int PyUnstable_Module_SetGIL(PyObject *module, void *gil);

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "declared", NULL, -1, NULL};

PyMODINIT_FUNC PyInit_declared(void) {
	PyObject *m = PyModule_Create(&def);
	if (m != NULL && PyUnstable_Module_SetGIL(m, (void *)1) < 0) {
		Py_DECREF(m);
		return NULL;
	}
	return m;
}
