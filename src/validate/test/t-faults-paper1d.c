/* Fault-injected samplers must be rejected, the correct one accepted:
   problem paper1d (see faults.h). */
#include "faults.h"

int
main(void)
{
    return run_faults(0);
}
