/*
    Sampler names and default options.
*/
#include <string.h>
#include "diffwkb/sample.h"

static const char * const method_names[] = {
    "em", "pf-euler", "pf-heun", "pf-rk4", "pf-rk45"
};

const char *
sample_method_name(sample_method method)
{
    if ((int) method < 0 || (int) method > (int) SAMPLE_PF_RK45)
        return NULL;
    return method_names[method];
}

int
sample_method_from_name(const char * name)
{
    int i;
    for (i = 0; i <= (int) SAMPLE_PF_RK45; i++)
        if (!strcmp(name, method_names[i]))
            return i;
    return -1;
}

void
sample_opts_init(sample_opts_t O)
{
    O->method = SAMPLE_EM;
    O->h = 1.0;
    O->steps = 1000;
    O->seed = 0;
    O->threads = 1;
    O->rtol = 1e-6;
    O->atol = 1e-9;
    O->max_steps = 100000;
    O->progress = NULL;
    O->progress_arg = NULL;
    O->progress_interval = 0.25;
}
