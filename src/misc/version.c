#include "config.h"
#include "diffwkb/diffwkb.h"

/* The library version string, from the VERSION file via configure. */
const char *
diffwkb_version(void)
{
    return PACKAGE_VERSION;
}
