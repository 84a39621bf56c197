/* problem_clip_time: tc encloses t intersected with [t0, T] of the problem,
   with an exact lower end where it was clipped. */
#include "diffwkb/problem.h"

/*
    With lo = max(lbound t, lbound t0) and hi = min(ubound t, ubound T)
    (lower bounds rounded down, upper bounds up, to prec bits):
    tc = [lo, lo + 2r], r >= (hi - lo)/2, when t reaches outside [t0, T]
    (the lower end stays exact: the schedules refuse balls reaching below
    0); tc = t when t lies inside or misses the interval.  The validated
    solver's time balls t + [0, h] may leak beyond the ends by rounding.
*/
void
problem_clip_time(arb_t tc, const problem_t P, const arb_t t, slong prec)
{
    arf_t lo, hi, a, b;
    mag_t r;
    int clip = 0;

    arf_init(lo); arf_init(hi); arf_init(a); arf_init(b);
    mag_init(r);
    arb_get_lbound_arf(lo, t, prec);
    arb_get_ubound_arf(hi, t, prec);
    arb_get_lbound_arf(a, P->t0, prec);
    arb_get_ubound_arf(b, P->T, prec);
    if (arf_cmp(lo, a) < 0)
    {
        arf_set(lo, a);
        clip = 1;
    }
    if (arf_cmp(hi, b) > 0)
    {
        arf_set(hi, b);
        clip = 1;
    }
    if (!clip || arf_cmp(lo, hi) > 0)
        arb_set(tc, t);
    else
    {
        arf_sub(a, hi, lo, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_mul_2exp_si(a, a, -1);
        arf_get_mag(r, a);
        arf_set_mag(b, r);
        arf_add(arb_midref(tc), lo, b, ARF_PREC_EXACT, ARF_RND_DOWN);
        mag_set(arb_radref(tc), r);
    }
    arf_clear(lo); arf_clear(hi); arf_clear(a); arf_clear(b);
    mag_clear(r);
}
