/*
    Tests of the d = 1 NLL-quadrature building blocks (nll_quad*.c):
      (a) wkb_nll_quad_c0_jet at random points of random 1D mixture problems
          (exact, scaled, misspecified-mixture scores; normal or marginal
          prior): the value coefficient must overlap c_0 from
          wkb_problem_loglik_series at order 0 (jet transport, an
          independent route: other ODE system, other solver set-up); the
          whole jet, evaluated at a step delta, must agree with the point
          value at x + delta up to the truncation delta^(K+1) (a loose
          tolerance 1e-6, which a wrong coefficient of degree >= 1 misses
          by orders of magnitude);
      (b) wkb_nll_quad_dscore contains d/dy s(y, t) (score_jet, first
          order) at random points y, including far ones, and random t;
      (c) |c_0(x)| <= A + B x^2 (wkb_nll_quad_tail_consts) at random x,
          |x| up to 12, with c_0 from the transport route.
*/
#include "common.h"

static void
make_json(char * buf, size_t len, flint_rand_t st)
{
    char data[512], score[512], w[3][32], m[3][32], v[3][32];
    slong n = 1 + n_randint(st, 3), k, acc = 0;
    for (k = 0; k < n; k++)
    {
        slong wk = (k == n - 1) ? 10 - acc : 1 + (slong) n_randint(st, 10 - acc - (n - 1 - k));
        if (k == n - 1 && wk <= 0) wk = 1;
        acc += wk;
        snprintf(w[k], 32, "\"%ld/10\"", (long) wk);
        snprintf(m[k], 32, "[\"%ld/4\"]", (long) n_randint(st, 13) - 6);
        snprintf(v[k], 32, "[[\"%ld/10\"]]", (long) (1 + n_randint(st, 8)));
    }
    /* renormalise the weights so that they sum to 1 exactly */
    if (acc != 10)
        for (k = 0; k < n; k++)
            snprintf(w[k], 32, "\"1/%ld\"", (long) n);
    if (n == 1)
        snprintf(data, 512, "{\"type\": \"mixture\", \"weights\": [%s], \"means\": [%s], \"covs\": [%s]}",
                 w[0], m[0], v[0]);
    else if (n == 2)
        snprintf(data, 512, "{\"type\": \"mixture\", \"weights\": [%s, %s], \"means\": [%s, %s], \"covs\": [%s, %s]}",
                 w[0], w[1], m[0], m[1], v[0], v[1]);
    else
        snprintf(data, 512, "{\"type\": \"mixture\", \"weights\": [%s, %s, %s], \"means\": [%s, %s, %s], \"covs\": [%s, %s, %s]}",
                 w[0], w[1], w[2], m[0], m[1], m[2], v[0], v[1], v[2]);
    switch (n_randint(st, 3))
    {
        case 0: snprintf(score, 512, "{\"type\": \"exact\"}"); break;
        case 1: snprintf(score, 512, "{\"type\": \"scaled\", \"eps\": \"%ld/20\"}",
                         (long) n_randint(st, 9) - 4); break;
        default: snprintf(score, 512, "{\"type\": \"mixture\", \"weights\": [\"1/2\", \"1/2\"], "
                          "\"means\": [[\"-%ld/4\"], [\"%ld/4\"]], \"covs\": [[[\"%ld/10\"]], [[\"%ld/10\"]]]}",
                          (long) n_randint(st, 6), (long) n_randint(st, 6),
                          (long) (1 + n_randint(st, 8)), (long) (1 + n_randint(st, 8)));
    }
    snprintf(buf, len, "{\"dim\": 1, \"sde\": {\"schedule\": \"const\", \"beta\": \"%ld/2\", "
             "\"t0\": \"0\", \"T\": \"%ld/2\"}, \"data\": %s, \"score\": %s, "
             "\"prior\": {\"type\": \"%s\"}}",
             (long) (1 + n_randint(st, 4)), (long) (1 + n_randint(st, 4)), data, score,
             n_randint(st, 2) ? "normal" : "marginal");
}

int
main(void)
{
    flint_rand_t st;
    slong iter, prec = 64;
    char json[2048];

    flint_printf("nll_quad....");
    fflush(stdout);
    flint_randinit(st);

    for (iter = 0; iter < 6; iter++)
    {
        problem_t P;
        slong K = 2 * n_randint(st, 3) + 2, i;
        arb_ptr c;
        arb_poly_t r;
        arb_t x, y, A, B, ds, t, bound, v;
        jet_ctx_t jc;
        jet_struct J[1];

        make_json(json, sizeof json, st);
        problem_init(P);
        read_problem(P, json, prec);
        c = _arb_vec_init(K + 1);
        arb_poly_init(r);
        arb_init(x); arb_init(y); arb_init(A); arb_init(B); arb_init(ds); arb_init(t);
        arb_init(bound); arb_init(v);

        /* (a) */
        rand_frac(x, st, -12, 25, 8, prec);
        if (wkb_nll_quad_c0_jet(c, P, x, K, 0, prec) != WKB_OK
            || wkb_problem_loglik_series(r, P, x, 0, prec) != WKB_OK)
            fail("solve (a)", json, x, c);
        if (!arb_overlaps(c, r->coeffs))
            fail("c0 jet value vs transport", json, c, r->coeffs);
        {
            /* sum_k c_k delta^k vs c_0(x + delta), delta = 1/64 */
            arb_t d, s;
            arb_init(d); arb_init(s);
            arb_set_ui(d, 1); arb_mul_2exp_si(d, d, -6);
            for (i = K; i >= 0; i--)
            {
                arb_mul(s, s, d, prec);
                arb_add(s, s, c + i, prec);
            }
            arb_add(y, x, d, prec);
            wkb_problem_loglik_series(r, P, y, 0, prec);
            arb_sub(s, s, r->coeffs, prec);
            arb_abs(s, s);
            arb_set_ui(d, 1); arb_div_ui(d, d, 1000000, prec);
            if (!arb_lt(s, d))
                fail("c0 jet at x + delta", json, x, s);
            arb_clear(d); arb_clear(s);
        }

        /* (b) */
        jet_ctx_init(jc, 1, 1);
        jet_init(J, jc);
        for (i = 0; i < 200; i++)
        {
            rand_frac(t, st, 0, 1001, 1000, prec);
            arb_mul(t, t, P->T, prec);
            if (i % 4 == 0)
                rand_frac(y, st, -1000, 2001, 10, prec);   /* far */
            else
                rand_frac(y, st, -400, 801, 100, prec);
            if (wkb_nll_quad_dscore(ds, P, t, prec) != WKB_OK)
                fail("dscore", json, t, ds);
            score_jet(J, P->score, P->data, P->sde, t, y, jc, prec);
            if (!arb_overlaps(ds, J->coeffs + 1))
            {
                flint_printf("y = "); arb_printd(y, 20); flint_printf("\n");
                fail("dscore bound", json, ds, J->coeffs + 1);
            }
        }
        jet_clear(J, jc);
        jet_ctx_clear(jc);

        /* (c) */
        if (wkb_nll_quad_tail_consts(A, B, P, 0, prec) != WKB_OK)
            fail("tail consts", json, A, B);
        for (i = 0; i < 2; i++)
        {
            rand_frac(x, st, -96, 193, 8, prec);
            if (wkb_problem_loglik_series(r, P, x, 0, prec) != WKB_OK)
                fail("solve (c)", json, x, A);
            arb_mul(bound, x, x, prec);
            arb_mul(bound, bound, B, prec);
            arb_add(bound, bound, A, prec);
            arb_abs(v, r->coeffs);
            if (!arb_le(v, bound))
                fail("tail bound", json, v, bound);
        }

        _arb_vec_clear(c, K + 1);
        arb_poly_clear(r);
        arb_clear(x); arb_clear(y); arb_clear(A); arb_clear(B); arb_clear(ds); arb_clear(t);
        arb_clear(bound); arb_clear(v);
        problem_clear(P);
    }

    flint_randclear(st);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
