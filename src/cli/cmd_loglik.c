#include "cli.h"

/* placeholder until the wkb module lands */
int
cli_cmd_loglik(int argc, char ** argv)
{
    cli_error("loglik: not implemented yet");
    return CLI_EINPUT;
}
