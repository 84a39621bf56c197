/*
    diffwkb: the command-line program.  Each command lives in its own file
    (cmd_NAME.c) and is listed in the table below.
*/
#include <string.h>
#include "config.h"
#include "cli.h"

/* cmd_flow.c (declared here: cli.h has another owner) */
int cli_cmd_flow(int argc, char ** argv);

static const cli_cmd commands[] = {
    {"score", cli_cmd_score, "certified log p_t, score and Laplacian of log p_t at a point"},
    {"loglik", cli_cmd_loglik, "certified WKB coefficients c_n(x) of log q^h_0(x) = sum h^n c_n(x)"},
    {"nll", cli_cmd_nll, "certified coefficients of NLL(h) = E_p0[-log q^h_0]"},
    {"flow", cli_cmd_flow, "certified probability-flow map z -> x (generate) or x -> z (encode), log q^0"},
    {"action", cli_cmd_action, "classical path, action, fluctuation determinant, semiclassical vs exact density"},
    {"derive", cli_cmd_derive, "check the paper's results in ball arithmetic (derivations/)"},
    {"validate", cli_cmd_validate, "judge samples (CSV) against a certified law: moments, KS, W2"},
    {"sample", cli_cmd_sample, "draw samples of Eq. (9) in double precision (fast path), CSV"},
    {NULL, NULL, NULL}
};

static void
usage(FILE * out)
{
    const cli_cmd * c;
    fprintf(out,
        "Usage: diffwkb COMMAND [ARGS...]\n"
        "Certified numbers for the path-integral theory of diffusion models.\n\n"
        "Commands:\n");
    for (c = commands; c->name != NULL; c++)
        fprintf(out, "  %-10s %s\n", c->name, c->summary);
    fprintf(out,
        "\n"
        "  diffwkb COMMAND --help   help on one command\n"
        "  diffwkb --version        print the version\n\n"
        "Exit status: 0 success, 1 a validation or derivation failed, 2 bad input.\n"
        "Certified values print as Arb balls [mid +/- rad] that contain the true value.\n");
}

int
main(int argc, char ** argv)
{
    const cli_cmd * c;
    int status;

    if (argc < 2)
    {
        usage(stderr);
        return CLI_EINPUT;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help"))
    {
        usage(stdout);
        return CLI_OK;
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V"))
    {
#if DIFFWKB_FLINT3
        printf("diffwkb %s (FLINT %s with Arb, MPFR %s)\n", diffwkb_version(),
               FLINT_VERSION, mpfr_get_version());
#else
        printf("diffwkb %s (FLINT %s, Arb %s, MPFR %s)\n", diffwkb_version(),
               FLINT_VERSION, ARB_VERSION, mpfr_get_version());
#endif
        return CLI_OK;
    }
    for (c = commands; c->name != NULL; c++)
    {
        if (!strcmp(argv[1], c->name))
        {
            status = c->run(argc - 1, argv + 1);
            flint_cleanup();
            return status;
        }
    }
    cli_error("unknown command '%s' (try diffwkb --help)", argv[1]);
    return CLI_EINPUT;
}
