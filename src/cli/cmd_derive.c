/*
    diffwkb derive [--list] [NAME...]

    Runs the derivation checks of derivations/ (one per result of the
    paper), each printing its statement, the enclosures of both sides and
    PASS or FAIL.  Exit 0 when all pass, 1 when one fails, 2 on bad input.
*/
#include <string.h>
#include "cli.h"
#include "../../derivations/derivations.h"

static void
usage(FILE * out)
{
    const derivation_entry * e;
    fprintf(out,
        "Usage: diffwkb derive [--list] [NAME...]\n"
        "Check the paper's results in ball arithmetic: each check computes both sides,\n"
        "prints their enclosures and PASS only when the balls overlap and are narrow.\n"
        "Without NAME, runs them all.\n\n"
        "  --list   list the checks and their statements\n\n"
        "Checks:\n");
    for (e = derivation_table; e->name != NULL; e++)
        fprintf(out, "  %-8s %s\n", e->name, e->result);
    fprintf(out, "\nExit status: 0 all pass, 1 a check failed, 2 bad input.\n");
}

static const derivation_entry *
find(const char * name)
{
    const derivation_entry * e;
    for (e = derivation_table; e->name != NULL; e++)
        if (!strcmp(e->name, name))
            return e;
    return NULL;
}

int
cli_cmd_derive(int argc, char ** argv)
{
    const derivation_entry * e;
    int i, failed = 0, selected = 0;

    for (i = 1; i < argc; i++)
    {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
        {
            usage(stdout);
            return CLI_OK;
        }
        if (!strcmp(argv[i], "--list"))
        {
            for (e = derivation_table; e->name != NULL; e++)
                printf("%-8s %-12s %s\n", e->name, e->result, e->statement);
            return CLI_OK;
        }
        if (argv[i][0] == '-')
        {
            cli_error("derive: unknown option '%s' (try diffwkb derive --help)", argv[i]);
            return CLI_EINPUT;
        }
        if (find(argv[i]) == NULL)
        {
            cli_error("derive: unknown check '%s' (diffwkb derive --list lists them)", argv[i]);
            return CLI_EINPUT;
        }
        selected = 1;
    }
    for (e = derivation_table; e->name != NULL; e++)
    {
        int run = !selected, r;
        for (i = 1; i < argc && !run; i++)
            if (!strcmp(argv[i], e->name))
                run = 1;
        if (!run)
            continue;
        printf("==== %s (%s)\n", e->name, e->result);
        fflush(stdout);
        r = e->run();
        fflush(stdout);
        if (r != 0)
            failed++;
        printf("\n");
    }
    if (failed)
    {
        printf("%d derivation check(s) FAILED\n", failed);
        return CLI_FAIL;
    }
    printf("all derivation checks PASS\n");
    return CLI_OK;
}
