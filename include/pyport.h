/* freepy: portability layer: integer types, export macros, casts. */
#ifndef Py_PYPORT_H
#define Py_PYPORT_H

#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Casts that read the same in C and C++. A C-style cast is used in both
 * languages: it is valid in each and -Wall -Wextra do not flag it. */
#define _Py_CAST(type, expr) ((type)(expr))
#define _Py_STATIC_CAST(type, expr) ((type)(expr))
#ifdef __cplusplus
#  define _Py_NULL nullptr
#else
#  define _Py_NULL NULL
#endif

typedef ssize_t Py_ssize_t;
typedef Py_ssize_t Py_hash_t;
typedef size_t Py_uhash_t;
typedef Py_ssize_t Py_ssize_clean_t;

#define PY_SSIZE_T_MAX ((Py_ssize_t)(((size_t)-1) >> 1))
#define PY_SSIZE_T_MIN (-PY_SSIZE_T_MAX - 1)

#define PY_UINT32_T uint32_t
#define PY_UINT64_T uint64_t
#define PY_INT32_T int32_t
#define PY_INT64_T int64_t
#define PY_LONG_LONG long long
#define PY_LLONG_MIN LLONG_MIN
#define PY_LLONG_MAX LLONG_MAX
#define PY_ULLONG_MAX ULLONG_MAX
#define PY_FORMAT_SIZE_T "z"
#define PY_TIMEOUT_MAX LLONG_MAX

#define SIZEOF_PY_HASH_T SIZEOF_SIZE_T
#define SIZEOF_PY_UHASH_T SIZEOF_SIZE_T

#define Py_LOCAL(type) static type
#define Py_LOCAL_INLINE(type) static inline type
#define Py_MEMCPY memcpy

#define Py_ARITHMETIC_RIGHT_SHIFT(TYPE, I, J) ((I) >> (J))
#define Py_SAFE_DOWNCAST(VALUE, WIDE, NARROW) _Py_STATIC_CAST(NARROW, VALUE)
#define Py_FORCE_EXPANSION(X) X

#if defined(__GNUC__) || defined(__clang__)
#  define Py_GCC_ATTRIBUTE(x) __attribute__(x)
#  define Py_ALWAYS_INLINE __attribute__((always_inline))
#  define Py_NO_INLINE __attribute__((noinline))
#  define Py_DEPRECATED(VERSION_UNUSED) __attribute__((__deprecated__))
#  define _Py_HOT_FUNCTION __attribute__((hot))
#  define Py_EXPORTED_SYMBOL __attribute__((visibility("default")))
#  define Py_IMPORTED_SYMBOL __attribute__((visibility("default")))
#  define Py_LOCAL_SYMBOL __attribute__((visibility("hidden")))
#  define _Py_NO_RETURN __attribute__((__noreturn__))
#else
#  define Py_GCC_ATTRIBUTE(x)
#  define Py_ALWAYS_INLINE
#  define Py_NO_INLINE
#  define Py_DEPRECATED(VERSION_UNUSED)
#  define _Py_HOT_FUNCTION
#  define Py_EXPORTED_SYMBOL
#  define Py_IMPORTED_SYMBOL
#  define Py_LOCAL_SYMBOL
#  define _Py_NO_RETURN
#endif
#define Py_FORMAT_PARSETUPLE(func, p1, p2)
#define _Py_NO_SANITIZE_ADDRESS
#define _Py_NO_SANITIZE_THREAD
#define _Py_NO_SANITIZE_MEMORY

#define _Py_COMP_DIAG_PUSH
#define _Py_COMP_DIAG_IGNORE_DEPR_DECLS
#define _Py_COMP_DIAG_POP

/* Every API function and datum is provided by the freepy executable, which
 * exports it dynamically; an extension binds to it when it is dlopen()ed.
 * FREEPY_LIST_API is set only by capi/headertest to list the declarations. */
#ifdef FREEPY_LIST_API
#  define PyAPI_FUNC(RTYPE) __freepy_api_func__ RTYPE
#  define PyAPI_DATA(RTYPE) __freepy_api_data__ extern RTYPE
#else
#  define PyAPI_FUNC(RTYPE) Py_IMPORTED_SYMBOL RTYPE
#  define PyAPI_DATA(RTYPE) extern Py_IMPORTED_SYMBOL RTYPE
#endif

#ifdef __cplusplus
#  define PyMODINIT_FUNC extern "C" Py_EXPORTED_SYMBOL PyObject *
#else
#  define PyMODINIT_FUNC Py_EXPORTED_SYMBOL PyObject *
#endif

#ifdef WORDS_BIGENDIAN
#  define PY_BIG_ENDIAN 1
#  define PY_LITTLE_ENDIAN 0
#else
#  define PY_BIG_ENDIAN 0
#  define PY_LITTLE_ENDIAN 1
#endif

#define Py_HUGE_VAL HUGE_VAL
#define Py_NAN ((double)NAN)
#define Py_INFINITY ((double)INFINITY)
#define Py_MATH_PI 3.14159265358979323846
#define Py_MATH_E 2.7182818284590452354
#define Py_MATH_TAU 6.2831853071795864769252867665590057683943L
#define Py_IS_NAN(X) isnan(X)
#define Py_IS_INFINITY(X) isinf(X)
#define Py_IS_FINITE(X) isfinite(X)

#define Py_CAN_START_THREADS 1

#ifndef WITH_THREAD
#  define WITH_THREAD
#endif

#define _Py_thread_local _Thread_local

#endif /* Py_PYPORT_H */
