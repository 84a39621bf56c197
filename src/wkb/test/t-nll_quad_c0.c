/*
    Tests of the certified d = 1 NLL quadrature (wkb_nll_quad_c0) and its
    moments:
      (a) _wkb_nll_quad_moments over random finite intervals against
          acb_calc_integrate of p_0(x) (x - m)^k (an independent rigorous
          integral), and over the whole line (a = -inf, b = +inf) against
          the closed forms M_0 = 1, M_2 = sum_j w_j (v_j + (mu_j - m)^2);
      (b) mixture data with its exact score and the marginal prior, t0 = 0:
          then q^0_0 = p_0, so C_0 is the entropy H(p_0) = -int p_0 log p_0,
          computed by acb_calc_integrate on [-30, 30] (the rest is below
          1e-300: for |x| >= 30, with |mu| <= 1 and v = 1/2,
          0 < -log p_0(x) <= 2 + (|x| + 1)^2 and p_0(x) <= e^{-(|x|-1)^2});
          the quadrature must overlap it and have radius <= tol;
      (c) mixture data with an affine score s = -x/2 + b, against the
          affine route's certified NLL (wkb_problem_nll_series: other
          method, no quadrature);
      (d) two threads give the same ball; dim 2 is unsupported.
*/
#include "common.h"
#include "acb_calc.h"
#include "../nll_quad_impl.h"

typedef struct
{
    const problem_struct * P;
    slong k;            /* (a): the power; (b): -1 for -p_0 log p_0 */
    arb_srcptr m;
}
_integrand_param;

/* p_0(z) at a complex ball z */
static void
_p0(acb_t res, const problem_struct * P, const acb_t z, slong prec)
{
    const target_struct * Q = P->data;
    acb_t u;
    arb_t c;
    slong j;
    acb_init(u);
    arb_init(c);
    acb_zero(res);
    for (j = 0; j < Q->n; j++)
    {
        const arb_struct * v = arb_mat_entry(target_cov(Q, j), 0, 0);
        acb_sub_arb(u, z, target_mean(Q, j), prec);
        acb_sqr(u, u, prec);
        acb_div_arb(u, u, v, prec);
        acb_mul_2exp_si(u, u, -1);
        acb_neg(u, u);
        acb_exp(u, u, prec);
        arb_const_pi(c, prec);
        arb_mul_2exp_si(c, c, 1);
        arb_mul(c, c, v, prec);
        arb_rsqrt(c, c, prec);
        arb_mul(c, c, target_weight(Q, j), prec);
        acb_addmul_arb(res, u, c, prec);
    }
    acb_clear(u);
    arb_clear(c);
}

static int
_integrand(acb_ptr res, const acb_t z, void * param, slong order, slong prec)
{
    _integrand_param * I = param;
    acb_t p, u;
    if (order > 1)
        flint_abort();
    acb_init(p);
    acb_init(u);
    _p0(p, I->P, z, prec);
    if (I->k >= 0)
    {
        acb_sub_arb(u, z, I->m, prec);
        acb_pow_ui(u, u, I->k, prec);
        acb_mul(res, p, u, prec);
    }
    else
    {
        acb_log_analytic(u, p, order != 0, prec);
        acb_mul(res, p, u, prec);
        acb_neg(res, res);
    }
    acb_clear(p);
    acb_clear(u);
    return 0;
}

static void
_integrate(arb_t res, const problem_struct * P, slong k, const arb_t m, const arb_t a,
           const arb_t b, slong prec)
{
    _integrand_param I;
    acb_t A, B, r;
    mag_t tol;
    I.P = P;
    I.k = k;
    I.m = m;
    acb_init(A); acb_init(B); acb_init(r);
    mag_init(tol);
    acb_set_arb(A, a);
    acb_set_arb(B, b);
    mag_set_ui_2exp_si(tol, 1, -prec);
    acb_calc_integrate(r, _integrand, &I, A, B, prec, tol, NULL, prec);
    arb_set(res, acb_realref(r));
    acb_clear(A); acb_clear(B); acb_clear(r);
    mag_clear(tol);
}

static void
_fail(const char * what, const char * json, const arb_t got, const arb_t want)
{
    flint_printf("FAIL (%s)\n%s\ngot  ", what, json);
    arb_printd(got, 20);
    flint_printf("\nwant ");
    arb_printd(want, 20);
    flint_printf("\n");
    fflush(stdout);
    flint_abort();
}

/* a random mixture (1..3 components, means j/4 in [-1, 1], weights summing
   to 1) with equal variances v (or random ones) and the given score/prior */
static void
_json(char * buf, size_t len, flint_rand_t st, int equal_v, const char * score,
      const char * prior, const char * T)
{
    slong n = 1 + n_randint(st, 3), j, w0 = 1 + n_randint(st, 4);
    char data[600], s[64];
    strcpy(data, "{\"type\": \"mixture\", \"weights\": [");
    for (j = 0; j < n; j++)
    {
        /* weights w0/(w0 + n - 1) and 1/(w0 + n - 1) */
        snprintf(s, 64, "%s\"%ld/%ld\"", j ? ", " : "", (long) (j ? 1 : w0), (long) (w0 + n - 1));
        strcat(data, s);
    }
    strcat(data, "], \"means\": [");
    for (j = 0; j < n; j++)
    {
        snprintf(s, 64, "%s[\"%ld/4\"]", j ? ", " : "", (long) n_randint(st, 9) - 4);
        strcat(data, s);
    }
    strcat(data, "], \"covs\": [");
    for (j = 0; j < n; j++)
    {
        snprintf(s, 64, "%s[[\"%ld/10\"]]", j ? ", " : "",
                 (long) (equal_v ? 5 : 3 + n_randint(st, 8)));
        strcat(data, s);
    }
    strcat(data, "]}");
    snprintf(buf, len, "{\"dim\": 1, \"sde\": {\"schedule\": \"const\", \"beta\": \"1\", "
             "\"t0\": \"0\", \"T\": \"%s\"}, \"data\": %s, \"score\": %s, "
             "\"prior\": {\"type\": \"%s\"}}", T, data, score, prior);
}

int
main(void)
{
    flint_rand_t st;
    slong iter, prec = 64, k;
    char json[2048];

    flint_printf("nll_quad_c0....");
    fflush(stdout);
    flint_randinit(st);

    /* (a) moments */
    for (iter = 0; iter < 30; iter++)
    {
        problem_t P;
        slong K = n_randint(st, 9);
        arb_ptr M;
        arb_t a, b, m, ref, u;
        _json(json, sizeof json, st, 0, "{\"type\": \"exact\"}", "normal", "1");
        problem_init(P);
        read_problem(P, json, prec);
        M = _arb_vec_init(K + 3);
        arb_init(a); arb_init(b); arb_init(m); arb_init(ref); arb_init(u);
        rand_frac(a, st, -32, 64, 8, prec);
        rand_frac(b, st, 1, 64, 16, prec);
        arb_add(b, b, a, prec);
        rand_frac(m, st, 0, 33, 32, prec);
        arb_sub(u, b, a, prec);
        arb_mul(m, m, u, prec);
        arb_add(m, m, a, prec);
        _wkb_nll_quad_moments(M, P, a, b, m, K, prec);
        for (k = 0; k <= K; k++)
        {
            /* tight: radius <= 2^-30 (b - a) max(|a - m|, |b - m|)^k (p_0 < 1) */
            arb_t sc;
            arb_init(sc);
            arb_sub(u, a, m, prec);
            arb_abs(u, u);
            arb_sub(sc, b, m, prec);
            arb_abs(sc, sc);
            arb_max(u, u, sc, prec);
            arb_pow_ui(u, u, k, prec);
            arb_sub(sc, b, a, prec);
            arb_mul(sc, sc, u, prec);
            arb_mul_2exp_si(sc, sc, -30);
            arb_get_rad_arb(u, M + k);
            _integrate(ref, P, k, m, a, b, prec);
            if (!arb_overlaps(M + k, ref) || !arb_le(u, sc))
                _fail("moment vs acb_calc_integrate", json, M + k, ref);
            arb_clear(sc);
        }
        /* the whole line */
        arb_neg_inf(a);
        arb_pos_inf(b);
        _wkb_nll_quad_moments(M, P, a, b, m, 2, prec);
        arb_one(ref);
        if (!arb_overlaps(M + 0, ref))
            _fail("mass on the line", json, M + 0, ref);
        arb_zero(ref);
        for (k = 0; k < P->data->n; k++)
        {
            arb_sub(u, target_mean(P->data, k), m, prec);
            arb_sqr(u, u, prec);
            arb_add(u, u, arb_mat_entry(target_cov(P->data, k), 0, 0), prec);
            arb_addmul(ref, u, target_weight(P->data, k), prec);
        }
        if (!arb_overlaps(M + 2, ref))
            _fail("second moment on the line", json, M + 2, ref);
        _arb_vec_clear(M, K + 3);
        arb_clear(a); arb_clear(b); arb_clear(m); arb_clear(ref); arb_clear(u);
        problem_clear(P);
    }

    /* (b) entropy, (c) affine score, (d) threads */
    for (iter = 0; iter < 4; iter++)
    {
        problem_t P;
        wkb_nll_quad_opt_t opt;
        arb_t res, res2, ref, a, b;
        arb_poly_t c;
        mag_t tol;
        int entropy = (iter % 2 == 0);

        if (entropy)
            _json(json, sizeof json, st, 1, "{\"type\": \"exact\"}", "marginal",
                  n_randint(st, 2) ? "1/4" : "1/2");
        else
            _json(json, sizeof json, st, 0,
                  "{\"type\": \"affine\", \"A\": [[\"-1/2\"]], \"b\": [\"1/5\"]}",
                  n_randint(st, 2) ? "normal" : "marginal", "1");
        problem_init(P);
        read_problem(P, json, prec);
        arb_init(res); arb_init(res2); arb_init(ref); arb_init(a); arb_init(b);
        arb_poly_init(c);
        mag_init(tol);
        mag_set_ui_2exp_si(tol, 1, -24);
        wkb_nll_quad_opt_init(opt);
        if (wkb_nll_quad_c0(res, P, tol, opt, prec) != WKB_OK)
            _fail("quadrature failed", json, res, res);
        if (mag_cmp(arb_radref(res), tol) > 0)
            _fail("radius above tol", json, res, res);
        if (entropy)
        {
            arb_set_si(a, -30);
            arb_set_si(b, 30);
            _integrate(ref, P, -1, a, a, b, prec);
            mag_set_ui_2exp_si(tol, 1, -1000);
            arb_add_error_mag(ref, tol);
            if (!arb_overlaps(res, ref))
                _fail("C_0 vs the entropy of p_0", json, res, ref);
        }
        else
        {
            if (wkb_problem_nll_series(c, P, 0, prec) != WKB_OK)
                _fail("affine route", json, res, res);
            arb_poly_get_coeff_arb(ref, c, 0);
            if (!arb_overlaps(res, ref))
                _fail("C_0 vs the affine route", json, res, ref);
        }
        if (iter < 2)
        {
            mag_set_ui_2exp_si(tol, 1, -24);
            opt->threads = 2;
            if (wkb_nll_quad_c0(res2, P, tol, opt, prec) != WKB_OK || !arb_equal(res, res2))
                _fail("two threads", json, res2, res);
        }
        arb_clear(res); arb_clear(res2); arb_clear(ref); arb_clear(a); arb_clear(b);
        arb_poly_clear(c);
        mag_clear(tol);
        problem_clear(P);
    }

    /* (d) dim 2 */
    {
        problem_t P;
        arb_t res;
        mag_t tol;
        problem_init(P);
        arb_init(res);
        mag_init(tol);
        mag_one(tol);
        read_problem(P, "{\"dim\": 2, \"sde\": {\"schedule\": \"const\", \"beta\": \"1\", "
                     "\"t0\": \"0\", \"T\": \"1\"}, \"data\": {\"type\": \"gaussian\", "
                     "\"mean\": [\"0\", \"0\"], \"cov\": [[\"1\", \"0\"], [\"0\", \"1\"]]}}", prec);
        if (wkb_nll_quad_c0(res, P, tol, NULL, prec) != WKB_UNSUPPORTED)
            _fail("dim 2 must be unsupported", "", res, res);
        arb_clear(res);
        mag_clear(tol);
        problem_clear(P);
    }

    flint_randclear(st);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
