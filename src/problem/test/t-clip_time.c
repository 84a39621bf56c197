/* Test problem_clip_time: for random [t0, T] and random balls t (inside,
   straddling either end, around the whole interval, outside), every point
   of t in [t0, T] lies in tc (points sampled at the ends of the
   intersection and at random inside), and when t straddles t0 the lower
   end of tc is not below lbound(t0) rounded down to prec bits, nor below 0. */
#include <stdio.h>
#include "diffwkb/problem.h"

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("clip_time....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 20000; iter++)
    {
        problem_t P;
        arb_t t, tc, p, lo, hi;
        slong prec = 2 + n_randint(state, 200), j;
        char json[512], err[256];
        ulong a = n_randint(state, 50), b = a + 1 + n_randint(state, 50);

        /* t0 = a/64, T = b/64 (exact), const schedule */
        flint_sprintf(json, "{\"dim\": 1, \"sde\": {\"schedule\": \"const\", \"beta\": \"1\", \"t0\": \"%wu/64\", "
                      "\"T\": \"%wu/64\"}, \"data\": {\"type\": \"gaussian\", \"mean\": [\"0\"], "
                      "\"cov\": [[\"1\"]]}}", a, b);
        problem_init(P);
        arb_init(t); arb_init(tc); arb_init(p); arb_init(lo); arb_init(hi);
        if (problem_read_string(P, json, err, sizeof(err), 64))
        {
            flint_printf("FAIL: problem %s: %s\n", json, err);
            fflush(stdout);
            flint_abort();
        }
        /* t: midpoint in [-1, 2], radius up to 1 */
        arb_set_si(t, (slong) n_randint(state, 3 * 256) - 256);
        arb_mul_2exp_si(t, t, -8);
        arb_set_ui(p, n_randint(state, 256));
        arb_mul_2exp_si(p, p, -8 - (slong) n_randint(state, 4));
        arb_add_error(t, p);

        problem_clip_time(tc, P, t, prec);

        /* the intersection [max(lo t, t0), min(hi t, T)] */
        arb_get_lbound_arf(arb_midref(lo), t, 300);
        arb_get_ubound_arf(arb_midref(hi), t, 300);
        mag_zero(arb_radref(lo));
        mag_zero(arb_radref(hi));
        if (arf_cmp(arb_midref(lo), arb_midref(P->t0)) < 0)
            arb_set(lo, P->t0);
        if (arf_cmp(arb_midref(hi), arb_midref(P->T)) > 0)
            arb_set(hi, P->T);
        if (arb_lt(hi, lo))
            goto next;   /* t misses [t0, T]: nothing to contain */
        for (j = 0; j < 10; j++)
        {
            if (j == 0)
                arb_set(p, lo);
            else if (j == 1)
                arb_set(p, hi);
            else
            {
                arb_sub(p, hi, lo, 300);
                arb_mul_ui(p, p, n_randint(state, 1025), 300);
                arb_mul_2exp_si(p, p, -10);
                arb_add(p, p, lo, 300);
            }
            if (!arb_contains(tc, p))
            {
                flint_printf("FAIL: containment\nt0 = %wu/64, T = %wu/64, prec = %wd\nt = ", a, b, prec);
                arb_printd(t, 20);
                flint_printf("\ntc = ");
                arb_printd(tc, 20);
                flint_printf("\npoint = ");
                arb_printd(p, 20);
                flint_printf("\n");
                fflush(stdout);
                flint_abort();
            }
        }
        /* straddling t0: the clipped ball does not reach below t0's lower
           bound rounded down to prec bits (never below 0) */
        arb_get_lbound_arf(arb_midref(p), t, 300);
        if (arf_cmp(arb_midref(p), arb_midref(P->t0)) < 0)
        {
            arb_get_lbound_arf(arb_midref(lo), P->t0, prec);
            arb_get_lbound_arf(arb_midref(p), tc, 300);
            if (arf_cmp(arb_midref(p), arb_midref(lo)) < 0 || arf_sgn(arb_midref(p)) < 0)
            {
                flint_printf("FAIL: below t0\nt0 = %wu/64\nt = ", a);
                arb_printd(t, 20);
                flint_printf("\ntc = ");
                arb_printd(tc, 20);
                flint_printf("\n");
                fflush(stdout);
                flint_abort();
            }
        }
    next:
        problem_clear(P);
        arb_clear(t); arb_clear(tc); arb_clear(p); arb_clear(lo); arb_clear(hi);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
