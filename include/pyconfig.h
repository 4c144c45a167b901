/* freepy: build configuration seen by C extensions.
 *
 * freepy is a free-threaded Python 3.11. Extensions compiled against these
 * headers are built for the free-threaded ABI: Py_GIL_DISABLED selects the
 * atomic reference-count operations in object.h. */
#ifndef Py_PYCONFIG_H
#define Py_PYCONFIG_H

#define Py_GIL_DISABLED 1
#define FREEPY 1

#if defined(__linux__)
#  define HAVE_UNISTD_H 1
#  define HAVE_FCNTL_H 1
#  define HAVE_SYS_TYPES_H 1
#  define HAVE_SYS_STAT_H 1
#  define HAVE_PTHREAD_H 1
#  define _POSIX_THREADS 1
#  define PY_HAVE_THREAD_NATIVE_ID 1
#endif
#define HAVE_STDINT_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_STDARG_PROTOTYPES 1
#define HAVE_WCHAR_H 1
#define WITH_THREAD 1
#define WITH_DOC_STRINGS 1
#define HAVE_LONG_LONG 1
#define WITH_PYMALLOC 0

#define SIZEOF_SHORT 2
#define SIZEOF_INT 4
#define SIZEOF_LONG_LONG 8
#define SIZEOF_DOUBLE 8
#define SIZEOF_FLOAT 4
#define SIZEOF_WCHAR_T 4
#define SIZEOF__BOOL 1
#if defined(__LP64__) || defined(_LP64)
#  define SIZEOF_LONG 8
#  define SIZEOF_VOID_P 8
#  define SIZEOF_SIZE_T 8
#  define SIZEOF_TIME_T 8
#  define SIZEOF_UINTPTR_T 8
#  define SIZEOF_OFF_T 8
#  define SIZEOF_PID_T 4
#  define SIZEOF_FPOS_T 16
#  define ALIGNOF_LONG 8
#  define ALIGNOF_SIZE_T 8
#else
#  error "freepy supports 64-bit (LP64) platforms only"
#endif
#define ALIGNOF_MAX_ALIGN_T 16

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#  define WORDS_BIGENDIAN 1
#endif

#define PY_SUPPORT_TIER 0
#define PY_SSIZE_T_CLEAN_DEFAULT 1

#endif /* Py_PYCONFIG_H */
