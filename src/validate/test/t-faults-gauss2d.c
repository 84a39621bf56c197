/* Fault-injected samplers must be rejected, the correct one accepted:
   problem gauss2d (see faults.h). */
#include "faults.h"

int
main(void)
{
    return run_faults(1);
}
