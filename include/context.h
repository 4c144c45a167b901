/* freepy: context variables from C. The variables are freepy's native
 * _contextvars.ContextVar objects (shim/decimal_support.c). */
#ifndef Py_CONTEXT_H
#define Py_CONTEXT_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(PyObject *) PyContextVar_New(const char *name, PyObject *default_value);
PyAPI_FUNC(int) PyContextVar_Get(PyObject *var, PyObject *default_value, PyObject **value);
PyAPI_FUNC(PyObject *) PyContextVar_Set(PyObject *var, PyObject *value);
PyAPI_FUNC(int) PyContextVar_Reset(PyObject *var, PyObject *token);
/* Contexts (contextvars.Context): a new empty one, a copy of one, a copy
 * of the calling thread's current one (shim/breadth.c). */
PyAPI_FUNC(PyObject *) PyContext_New(void);
PyAPI_FUNC(PyObject *) PyContext_Copy(PyObject *);
PyAPI_FUNC(PyObject *) PyContext_CopyCurrent(void);

#ifdef __cplusplus
}
#endif
#endif /* !Py_CONTEXT_H */
