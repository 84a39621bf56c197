/*
    t-domain: behaviour at the edges of the domain, hand values, names.
    - t < 0, balls straddling 0 from below, non-finite t, cosine at t >= 1
      and balls straddling 1: every value and every series coefficient is
      non-finite (never a finite wrong number), sched_contains_time is 0;
    - t = 0: log a = 0, a = 1, s^2 = 0 exactly (also as series constant term);
    - cosine just below 1: a = cos(pi t/2) keeps its relative accuracy;
    - hand values: const beta = 1, simple, cosine at 1/2, vp/subvp with
      b0 = 0.1, b1 = 20, ve with smin = 0.01, smax = 50, all at t = 1 or 1/2;
    - sched_name / sched_type_from_name round trip, sched_set, aliasing.
*/
#include <string.h>
#include "diffwkb/sched.h"

typedef void (*value_fn)(arb_t, const sched_t, const arb_t, slong);
typedef void (*series_fn)(arb_poly_t, const sched_t, const arb_t, slong, slong);

static const value_fn vals[5] = { sched_f, sched_g2, sched_log_a, sched_a, sched_s2 };
static const series_fn sers[5] = { sched_f_series, sched_g2_series,
    sched_log_a_series, sched_a_series, sched_s2_series };
static const char * const qname[5] = { "f", "g2", "log_a", "a", "s2" };

static void
set_type(sched_t S, int type, slong prec)
{
    arb_t x, y;
    arb_init(x);
    arb_init(y);
    switch (type)
    {
        case SCHED_CONST:
            arb_set_str(x, "1.5", prec);
            sched_set_const(S, x);
            break;
        case SCHED_VP:
            arb_set_str(x, "0.1", prec);
            arb_set_str(y, "20", prec);
            sched_set_vp(S, x, y);
            break;
        case SCHED_SUBVP:
            arb_set_str(x, "0.1", prec);
            arb_set_str(y, "20", prec);
            sched_set_subvp(S, x, y);
            break;
        case SCHED_SIMPLE:
            sched_set_simple(S);
            break;
        case SCHED_COSINE:
            sched_set_cosine(S);
            break;
        case SCHED_VE:
            arb_set_str(x, "0.01", prec);
            arb_set_str(y, "50", prec);
            sched_set_ve(S, x, y);
            break;
    }
    arb_clear(x);
    arb_clear(y);
}

/* 1 if every value and every series coefficient (len 5) at t is non-finite */
static int
all_nonfinite(const sched_t S, const arb_t t, slong prec)
{
    arb_t v;
    arb_poly_t p;
    slong q, k;
    int ok = 1;
    arb_init(v);
    arb_poly_init(p);
    for (q = 0; q < 5 && ok; q++)
    {
        vals[q](v, S, t, prec);
        if (arb_is_finite(v))
        {
            flint_printf("%s finite: ", qname[q]); arb_printd(v, 20); flint_printf("\n");
            ok = 0;
        }
        sers[q](p, S, t, 5, prec);
        if (p->length != 5)
            ok = 0;
        for (k = 0; k < p->length && ok; k++)
            if (arb_is_finite(p->coeffs + k))
            {
                flint_printf("%s_series[%wd] finite\n", qname[q], k);
                ok = 0;
            }
    }
    ok = ok && !sched_contains_time(S, t);
    arb_clear(v);
    arb_poly_clear(p);
    return ok;
}

static int
check_hand(const char * what, const arb_t got, const arb_t want, slong prec)
{
    if (!arb_overlaps(got, want) || arb_rel_accuracy_bits(got) < prec - 10)
    {
        flint_printf("FAIL hand value %s\ngot  ", what); arb_printd(got, 30);
        flint_printf("\nwant "); arb_printd(want, 30); flint_printf("\n");
        return 0;
    }
    return 1;
}

int
main(void)
{
    slong iter, prec = 128;
    flint_rand_t state;
    sched_t S, T;
    arb_t t, v, w, x;
    arb_poly_t p;
    int type, q;

    flint_printf("domain....");
    fflush(stdout);

    flint_randinit(state);
    sched_init(S);
    sched_init(T);
    arb_init(t); arb_init(v); arb_init(w); arb_init(x);
    arb_poly_init(p);

    /* outside the domain */
    for (iter = 0; iter < 600; iter++)
    {
        type = n_randint(state, 6);
        set_type(S, type, prec);
        switch (n_randint(state, 5))
        {
            case 0:     /* t = -k/1000 */
                arb_set_si(t, -1 - (slong) n_randint(state, 5000));
                arb_div_ui(t, t, 1000, prec);
                break;
            case 1:     /* t = -2^-e */
                arb_set_si(t, -1);
                arb_mul_2exp_si(t, t, -(slong) n_randint(state, 100));
                break;
            case 2:     /* ball around 0 */
                arb_zero(t);
                mag_set_ui_2exp_si(arb_radref(t), 1, -(slong) n_randint(state, 100));
                break;
            case 3:     /* non-finite */
                if (n_randint(state, 2))
                    arb_indeterminate(t);
                else
                    arb_pos_inf(t);
                break;
            default:    /* cosine: t >= 1 or straddling 1 */
                set_type(S, type = SCHED_COSINE, prec);
                arb_set_ui(t, 1000 + n_randint(state, 3000));
                arb_div_ui(t, t, 1000, prec);
                if (n_randint(state, 2))
                {
                    arb_one(t);
                    arb_set_ui(x, 1 + n_randint(state, 100));
                    arb_mul_2exp_si(x, x, -(slong) n_randint(state, 60));
                    arb_sub(t, t, x, prec);    /* midpoint 1 - x  */
                    arb_add_error(t, x);       /* radius >= x: straddles 1 */
                    arb_add_error(t, x);
                }
                break;
        }
        if (!all_nonfinite(S, t, prec))
        {
            flint_printf("FAIL outside the domain\ntype %s, t = ", sched_name(type));
            arb_printd(t, 30); flint_printf("\n");
            return 1;
        }
    }

    /* t = 0 */
    for (type = 0; type < 6; type++)
    {
        set_type(S, type, prec);
        arb_zero(t);
        sched_log_a(v, S, t, prec);
        sched_a(w, S, t, prec);
        sched_s2(x, S, t, prec);
        if (!arb_is_zero(v) || !arb_is_one(w) || !arb_is_zero(x) || !sched_contains_time(S, t))
        {
            flint_printf("FAIL t = 0, type %s\n", sched_name(type));
            arb_printd(v, 20); flint_printf("\n");
            arb_printd(w, 20); flint_printf("\n");
            arb_printd(x, 20); flint_printf("\n");
            return 1;
        }
        for (q = 2; q < 5; q++)
        {
            sers[q](p, S, t, 6, prec);
            arb_poly_get_coeff_arb(v, p, 0);
            if (!(q == 3 ? arb_is_one(v) : arb_is_zero(v)))
            {
                flint_printf("FAIL t = 0, type %s, %s_series[0] = ", sched_name(type), qname[q]);
                arb_printd(v, 20); flint_printf("\n");
                return 1;
            }
        }
        /* f, g2 finite at 0 */
        sched_f(v, S, t, prec);
        sched_g2(w, S, t, prec);
        if (!arb_is_finite(v) || !arb_is_finite(w))
        {
            flint_printf("FAIL t = 0 f, g2 not finite, type %s\n", sched_name(type));
            return 1;
        }
    }

    /* cosine just below 1: a = cos(pi t/2) = sin(pi (1 - t)/2) */
    set_type(S, SCHED_COSINE, prec);
    for (iter = 1; iter < 100; iter++)
    {
        arb_one(x);
        arb_mul_2exp_si(x, x, -iter);
        arb_one(t);
        arb_sub(t, t, x, prec);           /* exact for iter < prec */
        sched_a(v, S, t, prec);
        arb_mul_2exp_si(w, x, -1);
        arb_sin_pi(w, w, prec);
        if (!arb_overlaps(v, w) || arb_rel_accuracy_bits(v) < prec - 10)
        {
            flint_printf("FAIL cosine near 1: t = 1 - 2^-%wd\n", iter);
            arb_printd(v, 30); flint_printf("\n");
            arb_printd(w, 30); flint_printf("\n");
            return 1;
        }
        sched_f(v, S, t, prec);           /* -(pi/2) cot(pi x/2) */
        arb_mul_2exp_si(w, x, -1);
        arb_cot_pi(w, w, prec);
        arb_const_pi(x, prec);
        arb_mul(w, w, x, prec);
        arb_mul_2exp_si(w, w, -1);
        arb_neg(w, w);
        if (!arb_overlaps(v, w) || !arb_is_finite(v))
        {
            flint_printf("FAIL cosine f near 1: t = 1 - 2^-%wd\n", iter);
            return 1;
        }
    }

    /* hand values */
    {
        arb_t b, e;
        arb_init(b);
        arb_init(e);

        /* const beta = 1, t = 1: a = e^{-1/2}, s2 = 1 - e^{-1} */
        arb_one(b);
        sched_set_const(S, b);
        arb_one(t);
        sched_a(v, S, t, prec);
        arb_set_si(e, -1); arb_mul_2exp_si(e, e, -1); arb_exp(w, e, prec);
        if (!check_hand("const a", v, w, prec)) return 1;
        sched_s2(v, S, t, prec);
        arb_set_si(e, -1); arb_exp(w, e, prec); arb_sub_ui(w, w, 1, prec); arb_neg(w, w);
        if (!check_hand("const s2", v, w, prec)) return 1;

        /* simple, t = 1: f = -10, g2 = 20, a = e^{-5}, s2 = 1 - e^{-10} */
        sched_set_simple(S);
        sched_f(v, S, t, prec); arb_set_si(w, -10);
        if (!check_hand("simple f", v, w, prec)) return 1;
        sched_g2(v, S, t, prec); arb_set_si(w, 20);
        if (!check_hand("simple g2", v, w, prec)) return 1;
        sched_a(v, S, t, prec); arb_set_si(e, -5); arb_exp(w, e, prec);
        if (!check_hand("simple a", v, w, prec)) return 1;
        sched_s2(v, S, t, prec); arb_set_si(e, -10); arb_exp(w, e, prec);
        arb_sub_ui(w, w, 1, prec); arb_neg(w, w);
        if (!check_hand("simple s2", v, w, prec)) return 1;

        /* cosine, t = 1/2: f = -pi/2, g2 = pi, a = sqrt(2)/2, s2 = 1/2,
           log a = -log(2)/2 */
        sched_set_cosine(S);
        arb_set_str(t, "0.5", prec);
        sched_f(v, S, t, prec); arb_const_pi(w, prec); arb_mul_2exp_si(w, w, -1); arb_neg(w, w);
        if (!check_hand("cosine f", v, w, prec)) return 1;
        sched_g2(v, S, t, prec); arb_const_pi(w, prec);
        if (!check_hand("cosine g2", v, w, prec)) return 1;
        sched_a(v, S, t, prec); arb_sqrt_ui(w, 2, prec); arb_mul_2exp_si(w, w, -1);
        if (!check_hand("cosine a", v, w, prec)) return 1;
        sched_s2(v, S, t, prec); arb_set_str(w, "0.5", prec);
        if (!check_hand("cosine s2", v, w, prec)) return 1;
        sched_log_a(v, S, t, prec); arb_const_log2(w, prec); arb_mul_2exp_si(w, w, -1); arb_neg(w, w);
        if (!check_hand("cosine log a", v, w, prec)) return 1;

        /* vp b0 = 0.1, b1 = 20, t = 1: f = -10, g2 = 20, log a = -5.025,
           s2 = 1 - e^{-10.05};  subvp: s2 = (1 - e^{-10.05})^2,
           g2 = 20 (1 - e^{-20.1}) */
        arb_one(t);
        set_type(S, SCHED_VP, prec);
        sched_f(v, S, t, prec); arb_set_si(w, -10);
        if (!check_hand("vp f", v, w, prec)) return 1;
        sched_g2(v, S, t, prec); arb_set_si(w, 20);
        if (!check_hand("vp g2", v, w, prec)) return 1;
        sched_log_a(v, S, t, prec); arb_set_str(w, "-5.025", prec);
        if (!check_hand("vp log a", v, w, prec)) return 1;
        sched_s2(v, S, t, prec); arb_set_str(e, "-10.05", prec); arb_exp(w, e, prec);
        arb_sub_ui(w, w, 1, prec); arb_neg(w, w);
        if (!check_hand("vp s2", v, w, prec)) return 1;
        set_type(S, SCHED_SUBVP, prec);
        sched_s2(v, S, t, prec); arb_sqr(w, w, prec);
        if (!check_hand("subvp s2", v, w, prec)) return 1;
        sched_g2(v, S, t, prec); arb_set_str(e, "-20.1", prec); arb_exp(w, e, prec);
        arb_sub_ui(w, w, 1, prec); arb_mul_si(w, w, -20, prec);
        if (!check_hand("subvp g2", v, w, prec)) return 1;

        /* ve smin = 0.01, smax = 50, t = 1: s2 = 2500 - 0.0001,
           g2 = 2 log(5000) 2500, a = 1, f = 0 */
        set_type(S, SCHED_VE, prec);
        sched_s2(v, S, t, prec); arb_set_str(w, "2499.9999", prec);
        if (!check_hand("ve s2", v, w, prec)) return 1;
        sched_g2(v, S, t, prec); arb_log_ui(w, 5000, prec); arb_mul_ui(w, w, 5000, prec);
        if (!check_hand("ve g2", v, w, prec)) return 1;
        sched_a(v, S, t, prec); sched_f(w, S, t, prec);
        if (!arb_is_one(v) || !arb_is_zero(w))
        {
            flint_printf("FAIL ve a, f\n");
            return 1;
        }

        arb_clear(b);
        arb_clear(e);
    }

    /* names */
    for (type = 0; type < 6; type++)
    {
        const char * nm = sched_name(type);
        if (nm == NULL || sched_type_from_name(nm) != type)
        {
            flint_printf("FAIL name %d\n", type);
            return 1;
        }
    }
    if (strcmp(sched_name(SCHED_SUBVP), "subvp") != 0 || strcmp(sched_name(SCHED_CONST), "const") != 0
        || sched_type_from_name("VP") != -1 || sched_type_from_name("") != -1
        || sched_type_from_name(NULL) != -1 || sched_name((sched_type) 6) != NULL
        || sched_name((sched_type) -1) != NULL)
    {
        flint_printf("FAIL names\n");
        return 1;
    }

    /* sched_set and aliasing of parameters */
    set_type(S, SCHED_VE, prec);
    sched_set(T, S);
    sched_set_ve(T, T->smax, T->smin);        /* swapped, aliased */
    if (T->type != SCHED_VE || !arb_equal(T->smin, S->smax) || !arb_equal(T->smax, S->smin))
    {
        flint_printf("FAIL sched_set / aliasing\n");
        return 1;
    }
    sched_set_const(T, T->smin);
    if (T->type != SCHED_CONST || !arb_equal(T->beta, S->smax) || !arb_is_zero(T->smin))
    {
        flint_printf("FAIL sched_set_const aliasing\n");
        return 1;
    }

    sched_clear(S);
    sched_clear(T);
    arb_clear(t); arb_clear(v); arb_clear(w); arb_clear(x);
    arb_poly_clear(p);
    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
