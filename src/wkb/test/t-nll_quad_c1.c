/*
    Tests of the d = 1 c_1 jets (wkb_nll_quad_c1_jet: forward flow only)
    and the certified C_1 quadrature (wkb_nll_quad_cn, n = 1):
      (a) c_1(x) at random points of random 1D mixture problems (const and
          vp schedules, exact and scaled scores, normal and marginal
          priors) against the jet transport (wkb_transport_loglik_series:
          backward jets, an independent method);
      (b) the Taylor model of a subinterval B = m +/- r: for random points
          y of B, the transport's c_1(y) must lie in
          sum_{k<K} a_k (y - m)^k + b_K (y - m)^K, a_k the point jet at m
          and b_K the jet over the whole ball B (catches a ball jet that
          misses, or a wrong derivative coefficient);
      (c) C_1 for data that is a mixture of two identical N(0, 1/2) with a
          scaled score and the normal prior (the mixture code) against the
          closed form of the same Gaussian problem (wkb_problem_nll_series,
          gauss1d route); with the exact score and the marginal prior
          q^h = p for every h, so C_1 = 0; two threads give the same ball;
      (d) n = 2 and dim 2 are unsupported.
*/
#include "common.h"
#include "../nll_quad_impl.h"

/* transport c_1 at the point y */
static void
_c1_transport(arb_t res, const problem_t P, const arb_t y, const char * json, slong prec)
{
    wkb_transport_opt_t opt;
    arb_poly_t c;
    arb_poly_init(c);
    wkb_transport_opt_init(opt);
    if (wkb_transport_loglik_series(c, P, y, 1, opt, prec) != WKB_OK)
        fail("transport failed", json, res, res);
    arb_poly_get_coeff_arb(res, c, 1);
    arb_poly_clear(c);
}

int
main(void)
{
    flint_rand_t st;
    slong iter, prec = 64, k;
    char json[2048];

    flint_printf("nll_quad_c1....");
    fflush(stdout);
    flint_randinit(st);

    /* (a) points, (b) Taylor models */
    for (iter = 0; iter < 6; iter++)
    {
        problem_t P;
        slong K = 3;
        arb_ptr a, b;
        arb_t x, y, ref, u, v, e;
        const char * score = (iter % 2) ? "{\"type\": \"scaled\", \"eps\": \"1/10\"}"
                                        : "{\"type\": \"exact\"}";
        const char * prior = (iter % 3 == 0) ? "{\"type\": \"marginal\"}"
                                             : "{\"type\": \"normal\"}";
        rand_mixture_json(json, sizeof json, st, 1, 1 + n_randint(st, 3), iter % 4 >= 2,
                          score, prior);
        problem_init(P);
        read_problem(P, json, prec);
        a = _arb_vec_init(K);
        b = _arb_vec_init(K + 1);
        arb_init(x); arb_init(y); arb_init(ref); arb_init(u); arb_init(v); arb_init(e);

        rand_frac(x, st, -64, 129, 64, prec);          /* x in [-1, 1] */
        if (_wkb_nll_quad_c1_jet(a, P, x, K - 1, 0, NULL, prec) != WKB_OK)
            fail("point jet failed", json, x, x);
        _c1_transport(ref, P, x, json, prec);
        if (!arb_overlaps(a + 0, ref) || mag_cmp_2exp_si(arb_radref(a + 0), -30) > 0)
            fail("(a) c_1 at a point vs transport", json, a + 0, ref);

        /* B = x +/- 2^-10 */
        arb_set(u, x);
        mag_set_ui_2exp_si(arb_radref(u), 1, -10);
        if (_wkb_nll_quad_c1_jet(b, P, u, K, 0, NULL, prec) != WKB_OK
            || !arb_is_finite(b + K))
            fail("ball jet failed", json, u, u);
        for (k = 0; k < 3; k++)
        {
            slong i;
            rand_frac(e, st, -64, 129, 1 << 16, prec);  /* y - x in [-2^-10, 2^-10] */
            arb_add(y, x, e, prec);
            _c1_transport(ref, P, y, json, prec);
            arb_pow_ui(v, e, K, prec);
            arb_mul(v, v, b + K, prec);
            for (i = K - 1; i >= 0; i--)
            {
                arb_pow_ui(u, e, i, prec);
                arb_addmul(v, a + i, u, prec);
            }
            if (!arb_overlaps(v, ref))
            {
                flint_printf("y = ");
                arb_printd(y, 20);
                flint_printf("\n");
                fail("(b) Taylor model vs transport c_1(y)", json, v, ref);
            }
        }
        _arb_vec_clear(a, K);
        _arb_vec_clear(b, K + 1);
        arb_clear(x); arb_clear(y); arb_clear(ref); arb_clear(u); arb_clear(v); arb_clear(e);
        problem_clear(P);
    }

    /* (c) quadrature */
    {
        const char * twin = "{\"dim\": 1, \"sde\": {\"schedule\": \"const\", \"beta\": \"1\", "
            "\"t0\": \"0\", \"T\": \"1/2\"}, \"data\": {\"type\": \"mixture\", \"weights\": "
            "[\"1/2\", \"1/2\"], \"means\": [[\"0\"], [\"0\"]], \"covs\": [[[\"1/2\"]], "
            "[[\"1/2\"]]]}, \"score\": %s, \"prior\": {\"type\": \"%s\"}}";
        const char * gauss = "{\"dim\": 1, \"sde\": {\"schedule\": \"const\", \"beta\": \"1\", "
            "\"t0\": \"0\", \"T\": \"1/2\"}, \"data\": {\"type\": \"gaussian\", \"mean\": [\"0\"], "
            "\"cov\": [[\"1/2\"]]}, \"score\": {\"type\": \"scaled\", \"eps\": \"1/10\"}, "
            "\"prior\": {\"type\": \"normal\"}}";
        problem_t P, G;
        wkb_nll_quad_opt_t opt;
        arb_t res, res2, ref;
        arb_poly_t c;
        mag_t tol;

        problem_init(P);
        problem_init(G);
        arb_init(res); arb_init(res2); arb_init(ref);
        arb_poly_init(c);
        mag_init(tol);
        mag_set_ui_2exp_si(tol, 1, -20);

        snprintf(json, sizeof json, twin, "{\"type\": \"scaled\", \"eps\": \"1/10\"}", "normal");
        read_problem(P, json, prec);
        read_problem(G, gauss, prec);
        wkb_nll_quad_opt_init(opt);
        if (wkb_nll_quad_cn(res, P, 1, tol, opt, prec) != WKB_OK)
            fail("(c) quadrature failed", json, res, res);
        if (wkb_problem_nll_series(c, G, 1, prec) != WKB_OK)
            fail("(c) gauss1d route", gauss, res, res);
        arb_poly_get_coeff_arb(ref, c, 1);
        if (!arb_overlaps(res, ref) || mag_cmp(arb_radref(res), tol) > 0)
            fail("(c) C_1 vs the Gaussian closed form", json, res, ref);
        opt->threads = 2;
        if (wkb_nll_quad_cn(res2, P, 1, tol, opt, prec) != WKB_OK || !arb_equal(res, res2))
            fail("(c) two threads", json, res2, res);

        problem_clear(P);
        problem_init(P);
        snprintf(json, sizeof json, twin, "{\"type\": \"exact\"}", "marginal");
        read_problem(P, json, prec);
        arb_zero(ref);
        if (wkb_nll_quad_cn(res, P, 1, tol, NULL, prec) != WKB_OK
            || !arb_contains_zero(res) || mag_cmp(arb_radref(res), tol) > 0)
            fail("(c) C_1 = 0 for the exact score and the marginal prior", json, res, ref);

        /* (d) */
        if (wkb_nll_quad_cn(res, P, 2, tol, NULL, prec) != WKB_UNSUPPORTED)
            fail("(d) n = 2 must be unsupported", json, res, res);
        problem_clear(P);
        problem_init(P);
        read_problem(P, "{\"dim\": 2, \"sde\": {\"schedule\": \"const\", \"beta\": \"1\", "
                     "\"t0\": \"0\", \"T\": \"1\"}, \"data\": {\"type\": \"gaussian\", "
                     "\"mean\": [\"0\", \"0\"], \"cov\": [[\"1\", \"0\"], [\"0\", \"1\"]]}}", prec);
        if (wkb_nll_quad_cn(res, P, 1, tol, NULL, prec) != WKB_UNSUPPORTED)
            fail("(d) dim 2 must be unsupported", "", res, res);

        arb_clear(res); arb_clear(res2); arb_clear(ref);
        arb_poly_clear(c);
        mag_clear(tol);
        problem_clear(P);
        problem_clear(G);
    }

    flint_randclear(st);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
