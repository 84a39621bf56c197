/* sched_name, sched_type_from_name: the names used in problem files. */
#include <string.h>
#include "diffwkb/sched.h"

static const char * const sched_names[] =
    { "const", "vp", "simple", "cosine", "ve", "subvp" };

#define SCHED_NUM_TYPES ((int) (sizeof(sched_names) / sizeof(sched_names[0])))

/* The name of type, or NULL if type is not a schedule type. */
const char *
sched_name(sched_type type)
{
    int i = (int) type;
    if (i < 0 || i >= SCHED_NUM_TYPES)
        return NULL;
    return sched_names[i];
}

/* The type named name (exact, case-sensitive match), or -1. */
int
sched_type_from_name(const char * name)
{
    int i;
    if (name == NULL)
        return -1;
    for (i = 0; i < SCHED_NUM_TYPES; i++)
        if (strcmp(name, sched_names[i]) == 0)
            return i;
    return -1;
}
