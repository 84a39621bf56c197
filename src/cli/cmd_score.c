#include "cli.h"
int cli_cmd_score(int argc, char ** argv) { cli_error("score: not yet"); return CLI_EINPUT; }
