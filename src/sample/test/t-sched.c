/*
    The double schedule formulas (sample_sched_eval) against the certified
    Arb ones (sched_f, sched_g2, sched_a, sched_s2) at random parameters and
    random times in the domain of each of the six schedules: relative
    agreement 1e-12 (the Arb ball is evaluated at the same double t and
    parameters; its radius is far below the tolerance).  Also checks the
    conversion sample_sched_set from the Arb schedule.
*/
#include <math.h>
#include <stdio.h>
#include "diffwkb/sample.h"

static double
runif(flint_rand_t state, double lo, double hi)
{
    return lo + (hi - lo) * ((double) n_randint(state, UWORD(1) << 30) / (double) (UWORD(1) << 30));
}

static int
close_to(double x, const arb_t y, double rtol)
{
    double m = arf_get_d(arb_midref(y), ARF_RND_NEAR);
    double r = mag_get_d(arb_radref(y));
    if (!arb_is_finite(y))
        return 0;
    return fabs(x - m) <= rtol * fabs(m) + r + 1e-300;
}

int
main(void)
{
    flint_rand_t state;
    slong iter;
    slong prec = 128;
    arb_t t, p0, p1, v;
    sched_t S;
    sample_sched_t D;
    double maxerr = 0.0;

    printf("sched....");
    fflush(stdout);
    flint_randinit(state);
    arb_init(t);
    arb_init(p0);
    arb_init(p1);
    arb_init(v);
    sched_init(S);

    for (iter = 0; iter < 20000; iter++)
    {
        int type = (int) n_randint(state, 6);
        double td, q0 = 0.0, q1 = 0.0, f, g2, a, s2, got[4];
        int which;

        switch (type)
        {
            case SCHED_CONST:
                q0 = runif(state, 0.05, 10.0);
                arb_set_d(p0, q0);
                sched_set_const(S, p0);
                td = runif(state, 0.0, 5.0);
                break;
            case SCHED_VP:
            case SCHED_SUBVP:
                q0 = runif(state, 0.01, 1.0);
                q1 = runif(state, 0.5, 30.0);
                arb_set_d(p0, q0);
                arb_set_d(p1, q1);
                if (type == SCHED_VP)
                    sched_set_vp(S, p0, p1);
                else
                    sched_set_subvp(S, p0, p1);
                td = runif(state, 0.0, 1.0);
                break;
            case SCHED_SIMPLE:
                sched_set_simple(S);
                td = runif(state, 0.0, 1.0);
                break;
            case SCHED_COSINE:
                sched_set_cosine(S);
                td = runif(state, 0.0, 0.999);
                break;
            default:
                q0 = runif(state, 0.002, 0.5);
                q1 = runif(state, 1.0, 100.0);
                arb_set_d(p0, q0);
                arb_set_d(p1, q1);
                sched_set_ve(S, p0, p1);
                td = runif(state, 0.0, 1.0);
                break;
        }
        if (n_randint(state, 20) == 0)
            td = ldexp(runif(state, 0.5, 1.0), -(int) n_randint(state, 40));  /* near 0 */
        arb_set_d(t, td);
        sample_sched_set(D, S);
        sample_sched_eval(&f, &g2, &a, &s2, D, td);
        got[0] = f; got[1] = g2; got[2] = a; got[3] = s2;

        for (which = 0; which < 4; which++)
        {
            static const char * names[4] = {"f", "g2", "a", "s2"};
            switch (which)
            {
                case 0: sched_f(v, S, t, prec); break;
                case 1: sched_g2(v, S, t, prec); break;
                case 2: sched_a(v, S, t, prec); break;
                default: sched_s2(v, S, t, prec); break;
            }
            if (!close_to(got[which], v, 1e-12))
            {
                printf("FAIL: %s, schedule %s (p0 = %.17g, p1 = %.17g), t = %.17g:\n"
                       "double %.17g, Arb ", names[which], sched_name(type), q0, q1, td,
                       got[which]);
                arb_printd(v, 20);
                printf("\n");
                return 1;
            }
            if (arb_is_finite(v) && !arf_is_zero(arb_midref(v)))
            {
                double m = arf_get_d(arb_midref(v), ARF_RND_NEAR);
                maxerr = fmax(maxerr, fabs(got[which] - m) / fabs(m));
            }
        }
    }

    arb_clear(t);
    arb_clear(p0);
    arb_clear(p1);
    arb_clear(v);
    sched_clear(S);
    flint_randclear(state);
    flint_cleanup();
    printf("  max relative error %.2g  PASS\n", maxerr);
    return 0;
}
