/*
    t-a-s2: a_t, log a_t and s_t^2 of every schedule against rigorous
    quadrature (acb_calc_integrate):
        log a_t = int_0^t f,    s_t^2 = a_t^2 int_0^t g^2 / a^2,
    with the integrands written here, in acb arithmetic, straight from the
    table of f, g^2 and the antiderivative of f (math.md section 1).
    Also f(t), g^2(t) against those integrands at z = t.
    Checks overlap and that the library's balls are tight.
*/
#include <stdlib.h>
#include "diffwkb/sched.h"

typedef struct
{
    const sched_struct * S;
    int which;                  /* 0: f,  1: g^2 / a^2 */
}
integrand_param;

/* r = b(z) = b0 + z (b1 - b0) */
static void
acb_b(acb_t r, const sched_struct * S, const acb_t z, slong prec)
{
    acb_t d;
    acb_init(d);
    acb_set_arb(d, S->b1);
    acb_sub_arb(d, d, S->b0, prec);
    acb_mul(d, d, z, prec);
    acb_add_arb(r, d, S->b0, prec);
    acb_clear(d);
}

/* r = int_0^z b = b0 z + (b1 - b0) z^2 / 2 */
static void
acb_int_b(acb_t r, const sched_struct * S, const acb_t z, slong prec)
{
    acb_t u, v;
    acb_init(u);
    acb_init(v);
    acb_sqr(u, z, prec);
    acb_set_arb(v, S->b1);
    acb_sub_arb(v, v, S->b0, prec);
    acb_mul(u, u, v, prec);
    acb_mul_2exp_si(u, u, -1);
    acb_mul_arb(v, z, S->b0, prec);
    acb_add(r, u, v, prec);
    acb_clear(u);
    acb_clear(v);
}

static int
integrand(acb_ptr out, const acb_t z, void * vp, slong order, slong prec)
{
    const integrand_param * P = vp;
    const sched_struct * S = P->S;
    acb_t u, v, w;

    if (order > 1)
        flint_abort();

    acb_init(u);
    acb_init(v);
    acb_init(w);

    switch (S->type)
    {
        case SCHED_CONST:
            if (P->which == 0)          /* -beta/2 */
            {
                acb_set_arb(u, S->beta);
                acb_mul_2exp_si(u, u, -1);
                acb_neg(u, u);
            }
            else                        /* beta e^{beta z} */
            {
                acb_mul_arb(u, z, S->beta, prec);
                acb_exp(u, u, prec);
                acb_mul_arb(u, u, S->beta, prec);
            }
            break;
        case SCHED_VP:
            if (P->which == 0)          /* -b/2 */
            {
                acb_b(u, S, z, prec);
                acb_mul_2exp_si(u, u, -1);
                acb_neg(u, u);
            }
            else                        /* b e^{B} */
            {
                acb_int_b(v, S, z, prec);
                acb_exp(v, v, prec);
                acb_b(u, S, z, prec);
                acb_mul(u, u, v, prec);
            }
            break;
        case SCHED_SUBVP:
            if (P->which == 0)
            {
                acb_b(u, S, z, prec);
                acb_mul_2exp_si(u, u, -1);
                acb_neg(u, u);
            }
            else                        /* b (1 - e^{-2B}) e^{B} */
            {
                acb_int_b(v, S, z, prec);
                acb_exp(w, v, prec);            /* e^B */
                acb_mul_si(v, v, -2, prec);
                acb_expm1(v, v, prec);          /* e^{-2B} - 1, no cancellation */
                acb_neg(v, v);
                acb_mul(v, v, w, prec);
                acb_b(u, S, z, prec);
                acb_mul(u, u, v, prec);
            }
            break;
        case SCHED_SIMPLE:
            if (P->which == 0)          /* -10 z */
            {
                acb_mul_si(u, z, -10, prec);
            }
            else                        /* 20 z e^{10 z^2} */
            {
                acb_sqr(v, z, prec);
                acb_mul_si(v, v, 10, prec);
                acb_exp(v, v, prec);
                acb_mul_si(u, z, 20, prec);
                acb_mul(u, u, v, prec);
            }
            break;
        case SCHED_COSINE:
            /* tan(pi z/2) = sin/cos; the division is non-finite when the
               cos ball contains 0, which is exactly where holomorphy fails
               (poles only, no branch cuts). */
            acb_mul_2exp_si(w, z, -1);
            acb_sin_cos_pi(u, v, w, prec);
            acb_div(u, u, v, prec);             /* tan */
            acb_const_pi(w, prec);
            if (P->which == 0)          /* -(pi/2) tan */
            {
                acb_mul(u, u, w, prec);
                acb_mul_2exp_si(u, u, -1);
                acb_neg(u, u);
            }
            else                        /* pi tan / cos^2 */
            {
                acb_mul(u, u, w, prec);
                acb_sqr(v, v, prec);
                acb_div(u, u, v, prec);
            }
            break;
        case SCHED_VE:
            if (P->which == 0)
            {
                acb_zero(u);
            }
            else    /* d/dz smin^2 (smax/smin)^{2z} = 2 log(smax/smin) smin^2 (smax/smin)^{2z} */
            {
                acb_set_arb(v, S->smax);
                acb_div_arb(v, v, S->smin, prec);
                acb_log(w, v, prec);
                acb_mul_2exp_si(u, z, 1);
                acb_pow(u, v, u, prec);
                acb_mul(u, u, w, prec);
                acb_mul_2exp_si(u, u, 1);
                acb_mul_arb(u, u, S->smin, prec);
                acb_mul_arb(u, u, S->smin, prec);
            }
            break;
        default:
            flint_abort();
    }

    acb_swap(out, u);
    acb_clear(u);
    acb_clear(v);
    acb_clear(w);
    return 0;
}

/* A random parameter: a random integer in [lo, hi] divided by den
   (a ball with a radius for non-dyadic den). */
static void
rand_param(arb_t x, flint_rand_t state, ulong lo, ulong hi, ulong den, slong prec)
{
    arb_set_ui(x, lo + n_randint(state, hi - lo + 1));
    arb_div_ui(x, x, den, prec);
}

static void
rand_sched(sched_t S, flint_rand_t state, int type, slong prec)
{
    arb_t x, y;
    arb_init(x);
    arb_init(y);
    switch (type)
    {
        case SCHED_CONST:
            rand_param(x, state, 1, 1000, 100, prec);       /* (0, 10] */
            sched_set_const(S, x);
            break;
        case SCHED_VP:
        case SCHED_SUBVP:
            rand_param(x, state, 1, 100, 100, prec);        /* b0 in (0, 1] */
            rand_param(y, state, 0, 3000, 100, prec);       /* b1 in [0, 30] */
            if (type == SCHED_VP)
                sched_set_vp(S, x, y);
            else
                sched_set_subvp(S, x, y);
            break;
        case SCHED_SIMPLE:
            sched_set_simple(S);
            break;
        case SCHED_COSINE:
            sched_set_cosine(S);
            break;
        case SCHED_VE:
            rand_param(x, state, 1, 100, 100, prec);        /* smin in (0, 1] */
            rand_param(y, state, 100, 10000, 100, prec);    /* smax in [1, 100] */
            sched_set_ve(S, x, y);
            break;
    }
    arb_clear(x);
    arb_clear(y);
}

/* A random time in [0, tmax]: sometimes tiny (2^-e), sometimes k/1000. */
static void
rand_time(arb_t t, flint_rand_t state, ulong tmax_thousandths, slong prec)
{
    if (n_randint(state, 4) == 0)
    {
        arb_one(t);
        arb_mul_2exp_si(t, t, -(slong) (1 + n_randint(state, 60)));
    }
    else
    {
        arb_set_ui(t, 1 + n_randint(state, tmax_thousandths));
        arb_div_ui(t, t, 1000, prec);
    }
}

int
main(void)
{
    slong iter;
    flint_rand_t state;
    sched_t S;
    arb_t t, la, a, s2, la2, a2, s22;
    acb_t lo, hi, r;
    mag_t tol;
    acb_calc_integrate_opt_t opt;
    integrand_param P;

    flint_printf("a_s2....");
    fflush(stdout);

    flint_randinit(state);
    sched_init(S);
    arb_init(t); arb_init(la); arb_init(a); arb_init(s2);
    arb_init(la2); arb_init(a2); arb_init(s22);
    acb_init(lo); acb_init(hi); acb_init(r);
    mag_init(tol);
    acb_calc_integrate_opt_init(opt);

    for (iter = 0; iter < 2000; iter++)
    {
        int type = n_randint(state, 6);
        slong prec = 64 + n_randint(state, 100);
        ulong tmax = (type == SCHED_CONST) ? 5000 : (type == SCHED_COSINE) ? 900 : 1000;
        int ok;

        rand_sched(S, state, type, prec);
        rand_time(t, state, tmax, prec);

        sched_log_a(la, S, t, prec);
        sched_a(a, S, t, prec);
        sched_s2(s2, S, t, prec);

        /* independent route */
        P.S = S;
        acb_zero(lo);
        acb_set_arb(hi, t);
        /* absolute tolerance scaled to the expected size (only steers the
           quadrature; the enclosure is rigorous whatever tol is) */
        mag_set_ui_2exp_si(tol, 1, -prec - 10);
        {
            mag_t m;
            mag_init(m);
            arb_get_mag_lower(m, s2);
            if (mag_is_zero(m))
                mag_set_ui_2exp_si(m, 1, -2 * prec);
            mag_mul(tol, tol, m);
            mag_clear(m);
        }

        P.which = 0;
        acb_calc_integrate(r, integrand, &P, lo, hi, prec, tol, opt, prec + 20);
        arb_set(la2, acb_realref(r));
        arb_exp(a2, la2, prec + 20);

        P.which = 1;
        acb_calc_integrate(r, integrand, &P, lo, hi, prec, tol, opt, prec + 20);
        arb_sqr(s22, a2, prec + 20);
        arb_mul(s22, s22, acb_realref(r), prec + 20);

        ok = arb_overlaps(la, la2) && arb_overlaps(a, a2) && arb_overlaps(s2, s22);

        /* f(t) and g^2(t) against the integrands at z = t */
        {
            arb_t f, g2, f2, g22;
            arb_init(f); arb_init(g2); arb_init(f2); arb_init(g22);
            sched_f(f, S, t, prec);
            sched_g2(g2, S, t, prec);
            P.which = 0;
            integrand(r, hi, &P, 0, prec + 20);
            arb_set(f2, acb_realref(r));
            P.which = 1;
            integrand(r, hi, &P, 0, prec + 20);
            arb_sqr(g22, a2, prec + 20);
            arb_mul(g22, g22, acb_realref(r), prec + 20);
            ok = ok && arb_overlaps(f, f2) && arb_overlaps(g2, g22)
                    && (arb_is_zero(f) || arb_rel_accuracy_bits(f) >= prec - 10)
                    && arb_rel_accuracy_bits(g2) >= prec - 10;
            if (!ok)
            {
                flint_printf("f = "); arb_printd(f, 30);
                flint_printf("\n    "); arb_printd(f2, 30);
                flint_printf("\ng2 = "); arb_printd(g2, 30);
                flint_printf("\n     "); arb_printd(g22, 30);
                flint_printf("\n");
            }
            arb_clear(f); arb_clear(g2); arb_clear(f2); arb_clear(g22);
        }
        /* tightness: a and s2 within a few bits of prec (relative) */
        ok = ok && arb_rel_accuracy_bits(a) >= prec - 10
                && arb_rel_accuracy_bits(s2) >= prec - 10
                && (arb_is_zero(la) || arb_rel_accuracy_bits(la) >= prec - 10);
        /* the quadrature itself must have converged */
        ok = ok && arb_rel_accuracy_bits(s22) >= prec / 2;

        if (!ok)
        {
            flint_printf("FAIL\ntype = %s, prec = %wd\n", sched_name(type), prec);
            flint_printf("beta = "); arb_printd(S->beta, 20);
            flint_printf("\nb0 = "); arb_printd(S->b0, 20);
            flint_printf("\nb1 = "); arb_printd(S->b1, 20);
            flint_printf("\nsmin = "); arb_printd(S->smin, 20);
            flint_printf("\nsmax = "); arb_printd(S->smax, 20);
            flint_printf("\nt = "); arb_printd(t, 30);
            flint_printf("\nlog a = "); arb_printd(la, 30);
            flint_printf("\nquad  = "); arb_printd(la2, 30);
            flint_printf("\na = "); arb_printd(a, 30);
            flint_printf("\nquad  = "); arb_printd(a2, 30);
            flint_printf("\ns2 = "); arb_printd(s2, 30);
            flint_printf("\nquad  = "); arb_printd(s22, 30);
            flint_printf("\n");
            return 1;
        }
    }

    sched_clear(S);
    arb_clear(t); arb_clear(la); arb_clear(a); arb_clear(s2);
    arb_clear(la2); arb_clear(a2); arb_clear(s22);
    acb_clear(lo); acb_clear(hi); acb_clear(r);
    mag_clear(tol);
    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
