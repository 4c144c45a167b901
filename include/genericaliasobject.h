/* freepy: types.GenericAlias from C (list[int] and the like). */
#ifndef Py_GENERICALIASOBJECT_H
#define Py_GENERICALIASOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(PyObject *) Py_GenericAlias(PyObject *, PyObject *);

#ifdef __cplusplus
}
#endif
#endif /* !Py_GENERICALIASOBJECT_H */
