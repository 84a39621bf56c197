/* Taylor-model quadrature of a real analytic function given by its time
   series (Lagrange remainder from the series at the wide ball), with
   adaptive bisection of the pieces whose remainder is too large. */
#include "diffwkb/action.h"

#define MAX_DEPTH 24

/* integral over [u, u + w]; res is added to tot.  Returns 0 or 1 (fail). */
static int
piece(arb_t tot, action_series_func G, void * param, const arb_t u, const arb_t w,
      slong order, int depth, slong prec)
{
    arb_poly_t g;
    arb_t U, wk, c, sum, rem;
    slong k;
    int fail = 0, split = 0;

    arb_poly_init(g);
    arb_init(U);
    arb_init(wk);
    arb_init(c);
    arb_init(sum);
    arb_init(rem);

    /* remainder: G_order([u, u + w]) w^{order+1}/(order+1) */
    /* U = [u, u + w] as u + w/2 +/- w/2 (exact ends for exact dyadic u, w) */
    arb_mul_2exp_si(c, w, -1);
    arb_add(U, u, c, prec);
    if (arb_is_exact(c) && arf_bits(arb_midref(c)) <= MAG_BITS)
        arf_get_mag_lower(arb_radref(wk), arb_midref(c));   /* exact */
    else
        arb_get_mag(arb_radref(wk), c);
    if (mag_is_zero(arb_radref(U)))
        mag_set(arb_radref(U), arb_radref(wk));    /* exact: no rounding up */
    else
        mag_add(arb_radref(U), arb_radref(U), arb_radref(wk));
    arb_zero(c);
    if (G(g, U, order + 1, param, prec))
        fail = 1;
    else
    {
        arb_pow_ui(wk, w, order + 1, prec);
        arb_poly_get_coeff_arb(rem, g, order);
        arb_mul(rem, rem, wk, prec);
        arb_div_si(rem, rem, order + 1, prec);
        if (!arb_is_finite(rem))
            split = 1;
        else
        {
            /* polynomial part: sum_{k < order} G_k(u) w^{k+1}/(k+1) */
            if (G(g, u, order, param, prec))
                fail = 1;
            else
            {
                arb_set(wk, w);
                for (k = 0; k < order; k++)
                {
                    arb_poly_get_coeff_arb(c, g, k);
                    arb_mul(c, c, wk, prec);
                    arb_div_si(c, c, k + 1, prec);
                    arb_add(sum, sum, c, prec);
                    arb_mul(wk, wk, w, prec);
                }
                /* accept if |rem| <= 2^(-3 prec/4) max(1, |sum|) */
                arb_get_mag(arb_radref(c), sum);
                if (mag_cmp_2exp_si(arb_radref(c), 0) < 0)
                    mag_one(arb_radref(c));
                mag_mul_2exp_si(arb_radref(c), arb_radref(c), -(3 * prec) / 4);
                arb_get_mag(arb_radref(wk), rem);
                if (mag_cmp(arb_radref(wk), arb_radref(c)) > 0)
                    split = 1;
            }
        }
    }
    if (!fail && split && depth < MAX_DEPTH)
    {
        arb_mul_2exp_si(c, w, -1);
        fail = piece(tot, G, param, u, c, order, depth + 1, prec);
        if (!fail)
        {
            arb_add(U, u, c, prec);
            fail = piece(tot, G, param, U, c, order, depth + 1, prec);
        }
    }
    else if (!fail)
    {
        arb_add(tot, tot, sum, prec);
        arb_add(tot, tot, rem, prec);
    }
    arb_poly_clear(g);
    arb_clear(U);
    arb_clear(wk);
    arb_clear(c);
    arb_clear(sum);
    arb_clear(rem);
    return fail;
}

int
action_integrate_series(arb_t res, action_series_func G, void * param, const arb_t a,
                        const arb_t b, slong nsub, slong order, slong prec)
{
    arb_t w, u, tot;
    slong j;
    int fail = 0;

    if (nsub < 1)
        nsub = 1;
    if (order < 1)
        order = 1;
    arb_init(w);
    arb_init(u);
    arb_init(tot);
    /* pieces 0..nsub-2 of an exact dyadic width w (20 bits) so that the wide
       balls [u, u + w] have exact lower ends when a is exact (schedules
       refuse balls reaching below t = 0); the last piece ends at b */
    arb_sub(w, b, a, prec);
    arb_div_si(w, w, nsub, prec);
    arf_set_round(arb_midref(w), arb_midref(w), 20, ARF_RND_DOWN);
    mag_zero(arb_radref(w));
    if (!arb_is_positive(w))
        fail = 1;
    for (j = 0; j < nsub && !fail; j++)
    {
        arb_mul_si(u, w, j, prec);
        arb_add(u, u, a, prec);
        if (j == nsub - 1)
        {
            arb_sub(w, b, u, prec);
            if (!arb_is_positive(w))
            {
                fail = 1;
                break;
            }
        }
        fail = piece(tot, G, param, u, w, order, 0, prec);
    }
    if (fail || !arb_is_finite(tot))
    {
        arb_indeterminate(res);
        fail = 1;
    }
    else
        arb_set(res, tot);
    arb_clear(w);
    arb_clear(u);
    arb_clear(tot);
    return fail;
}
