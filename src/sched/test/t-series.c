/*
    t-series: the time jets sched_*_series against
    (a) central finite differences of the value functions at 600 bits,
        step h = 2^-133 (coefficients 0..3; the truncation error of the
        differences, below 2^-250 (1 + max |c_j|), is added to their radius);
    (b) exact identities between the jets:
        d/dtau log a = f,  d/dtau s^2 = 2 f s^2 + g^2,  a = exp(log a);
    (c) wide time balls: the jets (and values) at a wide ball t contain
        the jets at a point of t.
*/
#include "diffwkb/sched.h"

typedef void (*value_fn)(arb_t, const sched_t, const arb_t, slong);
typedef void (*series_fn)(arb_poly_t, const sched_t, const arb_t, slong, slong);

static const value_fn vals[5] = { sched_f, sched_g2, sched_log_a, sched_a, sched_s2 };
static const series_fn sers[5] = { sched_f_series, sched_g2_series,
    sched_log_a_series, sched_a_series, sched_s2_series };
static const char * const qname[5] = { "f", "g2", "log_a", "a", "s2" };

static void
rand_param(arb_t x, flint_rand_t state, ulong lo, ulong hi, ulong den, slong prec)
{
    arb_set_ui(x, lo + n_randint(state, hi - lo + 1));
    arb_div_ui(x, x, den, prec);
}

/* Random schedule; parameters are exact dyadics (denominator 128), so that
   every precision sees the same schedule. */
static void
rand_sched(sched_t S, flint_rand_t state, int type)
{
    arb_t x, y;
    arb_init(x);
    arb_init(y);
    switch (type)
    {
        case SCHED_CONST:
            rand_param(x, state, 1, 1000, 128, 600);
            sched_set_const(S, x);
            break;
        case SCHED_VP:
        case SCHED_SUBVP:
            rand_param(x, state, 1, 128, 128, 600);
            rand_param(y, state, 0, 30 * 128, 128, 600);
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
            rand_param(x, state, 1, 128, 128, 600);
            rand_param(y, state, 128, 100 * 128, 128, 600);
            sched_set_ve(S, x, y);
            break;
    }
    arb_clear(x);
    arb_clear(y);
}

static void
print_sched(const sched_t S, const arb_t t)
{
    flint_printf("type = %s\nbeta = ", sched_name(S->type)); arb_printd(S->beta, 20);
    flint_printf("\nb0 = "); arb_printd(S->b0, 20);
    flint_printf("\nb1 = "); arb_printd(S->b1, 20);
    flint_printf("\nsmin = "); arb_printd(S->smin, 20);
    flint_printf("\nsmax = "); arb_printd(S->smax, 20);
    flint_printf("\nt = "); arb_printd(t, 30);
    flint_printf("\n");
}

/* every coefficient 0..n-1 of A overlaps that of B */
static int
poly_overlaps(const arb_poly_t A, const arb_poly_t B, slong n)
{
    slong i;
    arb_t x, y;
    int ok = 1;
    arb_init(x);
    arb_init(y);
    for (i = 0; i < n && ok; i++)
    {
        arb_poly_get_coeff_arb(x, A, i);
        arb_poly_get_coeff_arb(y, B, i);
        ok = arb_overlaps(x, y);
    }
    arb_clear(x);
    arb_clear(y);
    return ok;
}

/* every coefficient 0..n-1 of A contains that of B */
static int
poly_contains(const arb_poly_t A, const arb_poly_t B, slong n)
{
    slong i;
    arb_t x, y;
    int ok = 1;
    arb_init(x);
    arb_init(y);
    for (i = 0; i < n && ok; i++)
    {
        arb_poly_get_coeff_arb(x, A, i);
        arb_poly_get_coeff_arb(y, B, i);
        ok = arb_contains(x, y);
    }
    arb_clear(x);
    arb_clear(y);
    return ok;
}

/* rough bound M >= max_{j < 8} |c_j| from a short jet at 64 bits */
static void
coeff_bound(mag_t M, series_fn F, const sched_t S, const arb_t t)
{
    arb_poly_t p;
    mag_t m;
    slong j;
    arb_poly_init(p);
    mag_init(m);
    F(p, S, t, 8, 64);
    mag_zero(M);
    for (j = 0; j < p->length; j++)
    {
        arb_get_mag(m, p->coeffs + j);
        mag_max(M, M, m);
    }
    arb_poly_clear(p);
    mag_clear(m);
}

/* d[k] encloses the Taylor coefficient k (k = 0..3) of F at t from central
   differences at 600 bits, with the truncation error added. */
static void
finite_diff(arb_ptr d, value_fn F, series_fn Fs, const sched_t S, const arb_t t)
{
    const slong fp = 600;
    arb_t h, x, Fm2, Fm1, F0, Fp1, Fp2;
    mag_t M;
    slong k;

    arb_init(h); arb_init(x);
    arb_init(Fm2); arb_init(Fm1); arb_init(F0); arb_init(Fp1); arb_init(Fp2);
    mag_init(M);

    arb_one(h);
    arb_mul_2exp_si(h, h, -133);

    F(F0, S, t, fp);
    arb_add(x, t, h, fp); F(Fp1, S, x, fp);
    arb_sub(x, t, h, fp); F(Fm1, S, x, fp);
    arb_mul_2exp_si(x, h, 1);
    arb_add(x, t, x, fp); F(Fp2, S, x, fp);
    arb_mul_2exp_si(x, h, 1);
    arb_sub(x, t, x, fp); F(Fm2, S, x, fp);

    arb_set(d + 0, F0);

    /* c1 = (F(t+h) - F(t-h)) / (2h) */
    arb_sub(d + 1, Fp1, Fm1, fp);
    arb_div(d + 1, d + 1, h, fp);
    arb_mul_2exp_si(d + 1, d + 1, -1);

    /* c2 = (F(t+h) - 2F(t) + F(t-h)) / (2h^2) */
    arb_add(d + 2, Fp1, Fm1, fp);
    arb_submul_ui(d + 2, F0, 2, fp);
    arb_div(d + 2, d + 2, h, fp);
    arb_div(d + 2, d + 2, h, fp);
    arb_mul_2exp_si(d + 2, d + 2, -1);

    /* c3 = (F(t+2h) - 2F(t+h) + 2F(t-h) - F(t-2h)) / (12 h^3) */
    arb_sub(d + 3, Fp2, Fm2, fp);
    arb_submul_ui(d + 3, Fp1, 2, fp);
    arb_addmul_ui(d + 3, Fm1, 2, fp);
    arb_div(d + 3, d + 3, h, fp);
    arb_div(d + 3, d + 3, h, fp);
    arb_div(d + 3, d + 3, h, fp);
    arb_div_ui(d + 3, d + 3, 12, fp);

    /* truncation: c1 err = c3 h^2 + c5 h^4 + ..., c2 err = c4 h^2 + ...,
       c3 err = 5 c5 h^2 + ...; all below 2^-250 (1 + M) */
    coeff_bound(M, Fs, S, t);
    mag_add_ui(M, M, 1);
    mag_mul_2exp_si(M, M, -250);
    for (k = 1; k < 4; k++)
        arb_add_error_mag(d + k, M);

    arb_clear(h); arb_clear(x);
    arb_clear(Fm2); arb_clear(Fm1); arb_clear(F0); arb_clear(Fp1); arb_clear(Fp2);
    mag_clear(M);
}

int
main(void)
{
    slong iter;
    flint_rand_t state;
    sched_t S;
    arb_t t, tw, v;
    arb_poly_t P[5], Q, R;
    arb_ptr d;

    flint_printf("series....");
    fflush(stdout);

    flint_randinit(state);
    sched_init(S);
    arb_init(t); arb_init(tw); arb_init(v);
    for (iter = 0; iter < 5; iter++)
        arb_poly_init(P[iter]);
    arb_poly_init(Q);
    arb_poly_init(R);
    d = _arb_vec_init(4);

    for (iter = 0; iter < 1500; iter++)
    {
        int type = n_randint(state, 6);
        slong prec = 64 + n_randint(state, 100);
        slong len = 1 + n_randint(state, 30);
        ulong tmax = (type == SCHED_CONST) ? 5000 : (type == SCHED_COSINE) ? 900 : 1000;
        slong q, k;

        rand_sched(S, state, type);
        /* t = k/1000 in [1/1000, tmax/1000] (keeps t - 2h inside the domain) */
        arb_set_ui(t, 1 + n_randint(state, tmax));
        arb_div_ui(t, t, 1000, 600);

        for (q = 0; q < 5; q++)
            sers[q](P[q], S, t, len, prec);

        /* (a) finite differences and the value functions */
        for (q = 0; q < 5; q++)
        {
            finite_diff(d, vals[q], sers[q], S, t);
            for (k = 0; k < FLINT_MIN(len, 4); k++)
            {
                arb_poly_get_coeff_arb(v, P[q], k);
                if (!arb_overlaps(v, d + k) || !arb_is_finite(v))
                {
                    flint_printf("FAIL (finite differences)\n");
                    print_sched(S, t);
                    flint_printf("quantity %s, coefficient %wd, len %wd, prec %wd\n",
                        qname[q], k, len, prec);
                    flint_printf("series = "); arb_printd(v, 30);
                    flint_printf("\ndiff   = "); arb_printd(d + k, 30);
                    flint_printf("\n");
                    return 1;
                }
            }
            /* the series' constant term is as tight as the value */
            arb_poly_get_coeff_arb(v, P[q], 0);
            if (!arb_is_zero(v) && arb_rel_accuracy_bits(v) < prec - 12)
            {
                flint_printf("FAIL (constant term not tight)\n");
                print_sched(S, t);
                flint_printf("quantity %s, prec %wd: ", qname[q], prec);
                arb_printd(v, 30); flint_printf("\n");
                return 1;
            }
        }

        /* (b) identities */
        if (len >= 2)
        {
            arb_poly_derivative(Q, P[2], prec);          /* (log a)' = f */
            if (!poly_overlaps(Q, P[0], len - 1))
            {
                flint_printf("FAIL (log a)' = f\n");
                print_sched(S, t);
                arb_poly_printd(Q, 20); flint_printf("\n");
                arb_poly_printd(P[0], 20); flint_printf("\n");
                return 1;
            }

            arb_poly_derivative(Q, P[4], prec);          /* (s2)' = 2 f s2 + g2 */
            arb_poly_mullow(R, P[0], P[4], len - 1, prec);
            arb_poly_scalar_mul_2exp_si(R, R, 1);
            arb_poly_add(R, R, P[1], prec);
            if (!poly_overlaps(Q, R, len - 1))
            {
                flint_printf("FAIL (s2)' = 2 f s2 + g2\n");
                print_sched(S, t);
                arb_poly_printd(Q, 20); flint_printf("\n");
                arb_poly_printd(R, 20); flint_printf("\n");
                return 1;
            }
        }
        arb_poly_exp_series(Q, P[2], len, prec);         /* a = exp(log a) */
        if (!poly_overlaps(Q, P[3], len))
        {
            flint_printf("FAIL a = exp(log a)\n");
            print_sched(S, t);
            arb_poly_printd(Q, 20); flint_printf("\n");
            arb_poly_printd(P[3], 20); flint_printf("\n");
            return 1;
        }

        /* (c) wide ball: t widened by up to 2^-10 (kept inside the domain),
           point p = t + offset inside it */
        {
            arb_t p;
            mag_t r;
            arb_init(p);
            mag_init(r);
            mag_set_ui_2exp_si(r, 1 + n_randint(state, 1000), -20 - n_randint(state, 20));
            arb_set(tw, t);
            arb_add_error_mag(tw, r);
            arb_set(p, t);
            {
                arb_t off;
                arb_init(off);
                arb_set_si(off, (slong) n_randint(state, 2001) - 1000);
                arb_mul_2exp_si(off, off, -10);
                arf_set_mag(arb_midref(p), r);
                arb_mul_arf(off, off, arb_midref(p), 600);   /* off in [-r, r] */
                arb_add(p, t, off, 600);
                arb_clear(off);
            }
            if (sched_contains_time(S, tw) && arb_contains(tw, p))
            {
                for (q = 0; q < 5; q++)
                {
                    sers[q](Q, S, tw, len, prec);
                    sers[q](R, S, p, len, prec + 100);
                    vals[q](v, S, tw, prec);
                    arb_poly_get_coeff_arb(d + 0, R, 0);
                    if (!poly_contains(Q, R, len) || !arb_contains(v, d + 0))
                    {
                        flint_printf("FAIL (wide ball)\n");
                        print_sched(S, tw);
                        flint_printf("quantity %s, len %wd, prec %wd\np = ", qname[q], len, prec);
                        arb_printd(p, 30); flint_printf("\n");
                        arb_poly_printd(Q, 20); flint_printf("\n");
                        arb_poly_printd(R, 20); flint_printf("\n");
                        return 1;
                    }
                }
            }
            arb_clear(p);
            mag_clear(r);
        }
    }

    sched_clear(S);
    arb_clear(t); arb_clear(tw); arb_clear(v);
    for (iter = 0; iter < 5; iter++)
        arb_poly_clear(P[iter]);
    arb_poly_clear(Q);
    arb_poly_clear(R);
    _arb_vec_clear(d, 4);
    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
