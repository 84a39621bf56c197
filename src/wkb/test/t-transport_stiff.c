/*
    Jet transport where the flow contracts strongly: a point between the
    two narrow modes of a 1D mixture (means 0 and 1/2, variance 1/2048,
    SIMPLE schedule on [0.01, 1]), exact score and the prior p_T, so that
    log q^h_{t0} = log p_{t0} for every h (c_0 = log p_{t0}(x) in closed
    form, c_1 = 0).  The forward flow contracts there by e^-17 towards the
    midpoint; the backward block U_0, integrated without the Jacobian,
    loses accuracy geometrically (a series on a ball grows like e^{|DF| h}
    per step where the flow contracts): at 64 bits c_1 came out +/- 1.6.
    The march must switch the block to Lohner's method (jac_switched >= 1)
    and give c_1 to within 1e-6 (measured 1.4e-11), c_0 overlapping the
    closed form, c_1 containing 0; the Thm 4.2 route likewise (first point).
    Random points within 1/64 of the midpoint, 64 bits.
*/
#include <stdio.h>
#include "diffwkb/wkb.h"

static const char * json =
    "{\"dim\": 1, \"sde\": {\"schedule\": \"simple\", \"t0\": \"0.01\", \"T\": \"1\"},"
    " \"data\": {\"type\": \"mixture\", \"weights\": [\"1/2\", \"1/2\"],"
    "   \"means\": [[\"0\"], [\"1/2\"]], \"covs\": [[[\"1/2048\"]], [[\"1/2048\"]]]},"
    " \"score\": {\"type\": \"exact\"}, \"prior\": {\"type\": \"marginal\"}}";

int
main(void)
{
    flint_rand_t st;
    slong iter, prec = 64;
    char err[256];
    problem_t P;

    flint_printf("transport_stiff....");
    fflush(stdout);
    flint_randinit(st);
    problem_init(P);
    if (problem_read_string(P, json, err, sizeof err, prec) != 0)
    {
        flint_printf("FAIL (read): %s\n", err);
        fflush(stdout);
        flint_abort();
    }

    for (iter = 0; iter < 2; iter++)
    {
        wkb_transport_opt_t opt;
        arb_poly_t c;
        arb_t x, r, u, mx;
        int fail;

        arb_poly_init(c);
        arb_init(x);
        arb_init(r);
        arb_init(u);
        arb_init(mx);
        /* x = 1/4 + j/1024, |j| <= 16 */
        arb_set_si(x, (slong) n_randint(st, 33) - 16);
        arb_mul_2exp_si(x, x, -10);
        arb_set_ui(u, 1);
        arb_mul_2exp_si(u, u, -2);
        arb_add(x, x, u, prec);
        arb_set_ui(mx, 1);
        arb_mul_2exp_si(mx, mx, -20);   /* 1e-6 > 2^-20 */

        wkb_transport_opt_init(opt);
        fail = (wkb_transport_loglik_series(c, P, x, 1, opt, prec) != WKB_OK);
        target_log_density(r, P->data, P->sde, P->t0, x, prec);
        arb_poly_get_coeff_arb(u, c, 0);
        fail = fail || !arb_overlaps(r, u);
        arb_poly_get_coeff_arb(u, c, 1);
        fail = fail || !arb_contains_zero(u) || arf_cmpabs_mag(arb_midref(mx), arb_radref(u)) < 0;
        fail = fail || opt->jac_switched < 1;
        if (fail)
        {
            flint_printf("FAIL (transport) x = ");
            arb_printd(x, 20);
            flint_printf(", switched %wd, steps %wd/%wd\nc = ", opt->jac_switched,
                         opt->steps_fwd, opt->steps_bwd);
            arb_poly_printd(c, 20);
            flint_printf("\nlog p_t0(x) = ");
            arb_printd(r, 20);
            flint_printf("\n");
            fflush(stdout);
            flint_abort();
        }

        if (iter > 0)
            goto next;
        wkb_transport_opt_init(opt);
        fail = (wkb_thm42_c1(u, P, x, opt, prec) != WKB_OK);
        fail = fail || !arb_contains_zero(u) || arf_cmpabs_mag(arb_midref(mx), arb_radref(u)) < 0;
        if (fail)
        {
            flint_printf("FAIL (thm42) x = ");
            arb_printd(x, 20);
            flint_printf(", switched %wd\nc_1 = ", opt->jac_switched);
            arb_printd(u, 20);
            flint_printf("\n");
            fflush(stdout);
            flint_abort();
        }

    next:
        arb_poly_clear(c);
        arb_clear(x);
        arb_clear(r);
        arb_clear(u);
        arb_clear(mx);
    }

    problem_clear(P);
    flint_randclear(st);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
