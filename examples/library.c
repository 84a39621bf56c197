/*
    library.c: using libdiffwkb from C.

        cc library.c $(pkg-config --cflags --libs diffwkb) -o library && ./library

    Reads the paper's section 5.1 model and prints certified WKB coefficients
    c_0 .. c_4 of log q^h_0(0.5), then the score of the data marginal at t = 1.
*/
#include <stdio.h>
#include <diffwkb/diffwkb.h>
#include <diffwkb/wkb.h>

static const char * problem_text =
    "{\"dim\": 1,"
    " \"sde\": {\"schedule\": \"const\", \"beta\": \"1\", \"T\": \"5\"},"
    " \"data\": {\"type\": \"gaussian\", \"mean\": [\"0\"], \"cov\": [[\"0.3\"]]},"
    " \"score\": {\"type\": \"scaled\", \"eps\": \"0.1\"}}";

int
main(void)
{
    slong prec = 128, n;
    char err[256];
    problem_t P;
    arb_poly_t c;
    arb_t x, t, s, coeff;

    problem_init(P);
    if (problem_read_string(P, problem_text, err, sizeof(err), prec))
    {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    arb_poly_init(c);
    arb_init(x);
    arb_init(t);
    arb_init(s);
    arb_init(coeff);

    arb_set_str(x, "0.5", prec);
    if (wkb_problem_loglik_series(c, P, x, 4, prec) != WKB_OK)
        return 1;
    for (n = 0; n <= 4; n++)
    {
        arb_poly_get_coeff_arb(coeff, c, n);
        flint_printf("c_%wd = ", n);
        arb_printn(coeff, 25, 0);
        flint_printf("\n");
    }

    arb_one(t);
    target_score(s, P->data, P->sde, t, x, prec);
    flint_printf("score of p_1 at 0.5 = ");
    arb_printn(s, 25, 0);
    flint_printf("\n");

    arb_poly_clear(c);
    arb_clear(x);
    arb_clear(t);
    arb_clear(s);
    arb_clear(coeff);
    problem_clear(P);
    flint_cleanup();
    return 0;
}
