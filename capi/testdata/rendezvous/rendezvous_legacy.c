/* rendezvous_legacy: rendezvous_free.c without the free-threading
 * declaration (see there). */
#define NAME rendezvous_legacy
#define PYINIT PyInit_rendezvous_legacy
#include "rendezvous_free.c"
