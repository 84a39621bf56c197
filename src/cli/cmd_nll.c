#include "cli.h"

/* placeholder until the wkb module lands */
int
cli_cmd_nll(int argc, char ** argv)
{
    cli_error("nll: not implemented yet");
    return CLI_EINPUT;
}
