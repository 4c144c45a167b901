/* pong: the twin of ping.c (see there), the same code under another name. */
#define NAME pong
#define PYINIT PyInit_pong
#include "ping.c"
