/* Fixture: takes the GIL itself with PyEval_AcquireLock (removed in 3.13). */
#include <Python.h>

void PyEval_AcquireLock(void);
void PyEval_ReleaseLock(void);

void poke(void) {
	PyEval_AcquireLock();
	PyEval_ReleaseLock();
}

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "legacyonly", NULL, -1, NULL};

PyMODINIT_FUNC PyInit_legacyonly(void) { return PyModule_Create(&def); }
