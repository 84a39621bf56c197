/*
    Tests of the C_1 tail bounds (nll_quad_tail1.c):
      (a) the derivation: at random points, s', s'', s''' of a random 1D
          mixture from the moment formulas of nll_quad_tail1.c
            s'   = -E lambda + Var(s_k),
            s''  = -3 Cov(lambda, s_k) + kappa3(s_k),
            s''' = 3 Var(lambda) - 6 E[(lambda - E lambda)(s_k - s)^2]
                   + kappa4(s_k)
          (posterior weights computed directly) overlap the log-density
          jet (_target_log_density_jet, degree 4: s^(n) = (n+1)! J_{n+1}),
          and are tight (so the check has teeth);
      (b) _wkb_nll_quad_mix_dnscore, n = 1, 2, 3, for random mixtures (2-4
          components, unequal variances) and random balls (a, s2): the jet
          values at random points of the balls and random y (|y| up to
          1e3) lie in the bound;
      (c) small problems (const/vp schedules; exact, scaled and mixture
          scores; normal and marginal priors, including
          examples/mixture1d.json): A, B finite, the s'' bounds finite on
          every time piece, and |c_1(x)| <= A + B x^2 at random x in
          [-20, 20], c_1 from the jet transport
          (wkb_transport_loglik_series, coefficient 1); affine score:
          exactly 0 for n = 2, 3; dim 2 unsupported.
*/
#include "common.h"
#include "../nll_quad_impl.h"

/* a random 1D mixture: nc components, weights (1 + randint 8)/sum,
   means (randint 81 - 40)/10, variances (1 + randint 200)/100, made
   unequal */
static void
_rand_mix(target_t Q, flint_rand_t st, slong nc, slong prec)
{
    slong k, wsum = 0, w[4], v[4];
    for (k = 0; k < nc; k++)
    {
        w[k] = 1 + n_randint(st, 8);
        wsum += w[k];
    again:
        v[k] = 1 + n_randint(st, 200);
        {
            slong j;
            for (j = 0; j < k; j++)
                if (v[j] == v[k])
                    goto again;
        }
    }
    for (k = 0; k < nc; k++)
    {
        arb_set_si(target_weight(Q, k), w[k]);
        arb_div_si(target_weight(Q, k), target_weight(Q, k), wsum, prec);
        arb_set_si(target_mean(Q, k), (slong) n_randint(st, 81) - 40);
        arb_div_si(target_mean(Q, k), target_mean(Q, k), 10, prec);
        arb_set_si(arb_mat_entry(target_cov(Q, k), 0, 0), v[k]);
        arb_div_si(arb_mat_entry(target_cov(Q, k), 0, 0),
                   arb_mat_entry(target_cov(Q, k), 0, 0), 100, prec);
    }
}

static void
_print_mix(const target_t Q)
{
    slong k;
    for (k = 0; k < Q->n; k++)
    {
        flint_printf("w = "); arb_printd(target_weight(Q, k), 15);
        flint_printf("  m = "); arb_printd(target_mean(Q, k), 15);
        flint_printf("  v = "); arb_printd(arb_mat_entry(target_cov(Q, k), 0, 0), 15);
        flint_printf("\n");
    }
}

static void
_fail_mix(const char * what, const target_t Q, const arb_t a, const arb_t s2, const arb_t y,
          const arb_t got, const arb_t want)
{
    flint_printf("FAIL (%s)\n", what);
    _print_mix(Q);
    flint_printf("a = "); arb_printd(a, 20);
    flint_printf("\ns2 = "); arb_printd(s2, 20);
    flint_printf("\ny = "); arb_printd(y, 20);
    flint_printf("\ngot  "); arb_printd(got, 20);
    flint_printf("\nwant "); arb_printd(want, 20);
    flint_printf("\n");
    fflush(stdout);
    flint_abort();
}

/* ds[0..2] = s', s'', s''' at y from the jet of log Q_t (degree 4) */
static void
_jet_derivs(arb_ptr ds, const target_t Q, const arb_t a, const arb_t s2, const arb_t y,
            slong prec)
{
    jet_ctx_t ctx;
    jet_t J;
    jet_ctx_init(ctx, 1, 4);
    jet_init(J, ctx);
    _target_log_density_jet(J, Q, a, s2, y, ctx, prec);
    arb_mul_ui(ds + 0, J->coeffs + 2, 2, prec);
    arb_mul_ui(ds + 1, J->coeffs + 3, 6, prec);
    arb_mul_ui(ds + 2, J->coeffs + 4, 24, prec);
    jet_clear(J, ctx);
    jet_ctx_clear(ctx);
}

/* ds[0..2] = s', s'', s''' at y from the moment formulas */
static void
_moment_derivs(arb_ptr ds, const target_t Q, const arb_t a, const arb_t s2, const arb_t y,
               slong prec)
{
    slong n = Q->n, k;
    arb_ptr pi, sk, lk;
    arb_t V, u, mx, Z, El, s, Var, Cov, k3, m4, Vl, Elr2;
    pi = _arb_vec_init(n);
    sk = _arb_vec_init(n);
    lk = _arb_vec_init(n);
    arb_init(V); arb_init(u); arb_init(mx); arb_init(Z); arb_init(El); arb_init(s);
    arb_init(Var); arb_init(Cov); arb_init(k3); arb_init(m4); arb_init(Vl); arb_init(Elr2);
    for (k = 0; k < n; k++)
    {
        /* log w_k N(y; mu_k, V_k) */
        arb_mul(V, a, a, prec);
        arb_mul(V, V, arb_mat_entry(target_cov(Q, k), 0, 0), prec);
        arb_add(V, V, s2, prec);
        arb_inv(lk + k, V, prec);
        arb_mul(u, a, target_mean(Q, k), prec);
        arb_sub(u, y, u, prec);
        arb_mul(sk + k, u, lk + k, prec);
        arb_neg(sk + k, sk + k);
        arb_mul(u, u, sk + k, prec);
        arb_mul_2exp_si(u, u, -1);          /* -(y - mu)^2/(2V) */
        arb_const_pi(Z, prec);
        arb_mul_2exp_si(Z, Z, 1);
        arb_mul(Z, Z, V, prec);
        arb_log(Z, Z, prec);
        arb_mul_2exp_si(Z, Z, -1);
        arb_sub(u, u, Z, prec);
        arb_log(Z, target_weight(Q, k), prec);
        arb_add(pi + k, u, Z, prec);
        if (k == 0)
            arb_set(mx, pi + k);
        else
            arb_max(mx, mx, pi + k, prec);
    }
    arb_zero(Z);
    for (k = 0; k < n; k++)
    {
        arb_sub(pi + k, pi + k, mx, prec);
        arb_exp(pi + k, pi + k, prec);
        arb_add(Z, Z, pi + k, prec);
    }
    for (k = 0; k < n; k++)
        arb_div(pi + k, pi + k, Z, prec);
    for (k = 0; k < n; k++)
    {
        arb_addmul(El, pi + k, lk + k, prec);
        arb_addmul(s, pi + k, sk + k, prec);
    }
    for (k = 0; k < n; k++)
    {
        arb_t r, l, r2;
        arb_init(r); arb_init(l); arb_init(r2);
        arb_sub(r, sk + k, s, prec);
        arb_sub(l, lk + k, El, prec);
        arb_mul(r2, r, r, prec);
        arb_mul(u, pi + k, r2, prec);
        arb_add(Var, Var, u, prec);
        arb_addmul(Elr2, u, l, prec);
        arb_mul(u, u, r, prec);
        arb_add(k3, k3, u, prec);
        arb_mul(u, u, r, prec);
        arb_add(m4, m4, u, prec);
        arb_mul(u, pi + k, l, prec);
        arb_addmul(Cov, u, r, prec);
        arb_addmul(Vl, u, l, prec);
        arb_clear(r); arb_clear(l); arb_clear(r2);
    }
    /* s' */
    arb_sub(ds + 0, Var, El, prec);
    /* s'' */
    arb_mul_si(ds + 1, Cov, -3, prec);
    arb_add(ds + 1, ds + 1, k3, prec);
    /* s''' = 3 Var(l) - 6 E[l r^2] + m4 - 3 Var^2 */
    arb_mul_ui(ds + 2, Vl, 3, prec);
    arb_submul_ui(ds + 2, Elr2, 6, prec);
    arb_add(ds + 2, ds + 2, m4, prec);
    arb_mul(u, Var, Var, prec);
    arb_submul_ui(ds + 2, u, 3, prec);
    _arb_vec_clear(pi, n);
    _arb_vec_clear(sk, n);
    _arb_vec_clear(lk, n);
    arb_clear(V); arb_clear(u); arb_clear(mx); arb_clear(Z); arb_clear(El); arb_clear(s);
    arb_clear(Var); arb_clear(Cov); arb_clear(k3); arb_clear(m4); arb_clear(Vl); arb_clear(Elr2);
}

/* a random point of the ball x */
static void
_rand_point(arb_t p, flint_rand_t st, const arb_t x, slong prec)
{
    arb_t u;
    arb_init(u);
    arb_set_si(u, (slong) n_randint(st, 1999) - 999);
    arb_div_ui(u, u, 1000, prec);
    arb_get_rad_arb(p, x);
    arb_mul(p, p, u, prec);
    arb_add_arf(p, p, arb_midref(x), prec);
    arb_get_mid_arb(p, p);      /* inside x up to rounding at prec bits */
    arb_clear(u);
}

static const char * _problems[] = {
    /* examples/mixture1d.json */
    "{\"dim\": 1, \"sde\": {\"schedule\": \"const\", \"beta\": \"1\", \"t0\": \"0\", \"T\": \"5\"}, "
    "\"data\": {\"type\": \"mixture\", \"weights\": [\"0.3\", \"0.7\"], \"means\": [[\"-1\"], [\"1.5\"]], "
    "\"covs\": [[[\"0.2\"]], [[\"0.5\"]]]}, \"score\": {\"type\": \"exact\"}, "
    "\"prior\": {\"type\": \"normal\"}}",
    /* vp, scaled score, marginal prior */
    "{\"dim\": 1, \"sde\": {\"schedule\": \"vp\", \"t0\": \"0.05\", \"T\": \"1\"}, "
    "\"data\": {\"type\": \"mixture\", \"weights\": [\"1/3\", \"2/3\"], \"means\": [[\"-0.8\"], [\"0.6\"]], "
    "\"covs\": [[[\"0.15\"]], [[\"0.4\"]]]}, \"score\": {\"type\": \"scaled\", \"eps\": \"0.1\"}, "
    "\"prior\": {\"type\": \"marginal\"}}",
    /* const, a misspecified mixture score, marginal prior */
    "{\"dim\": 1, \"sde\": {\"schedule\": \"const\", \"beta\": \"2\", \"t0\": \"0\", \"T\": \"2\"}, "
    "\"data\": {\"type\": \"mixture\", \"weights\": [\"0.5\", \"0.25\", \"0.25\"], "
    "\"means\": [[\"0\"], [\"-1\"], [\"1.2\"]], \"covs\": [[[\"0.3\"]], [[\"0.1\"]], [[\"0.25\"]]]}, "
    "\"score\": {\"type\": \"mixture\", \"weights\": [\"0.4\", \"0.6\"], \"means\": [[\"-0.5\"], [\"0.7\"]], "
    "\"covs\": [[[\"0.2\"]], [[\"0.35\"]]]}, \"prior\": {\"type\": \"marginal\"}}",
    /* vp, exact score, normal prior */
    "{\"dim\": 1, \"sde\": {\"schedule\": \"vp\", \"t0\": \"0.02\", \"T\": \"1\"}, "
    "\"data\": {\"type\": \"mixture\", \"weights\": [\"0.6\", \"0.4\"], \"means\": [[\"0.5\"], [\"-0.5\"]], "
    "\"covs\": [[[\"0.1\"]], [[\"0.3\"]]]}, \"score\": {\"type\": \"exact\"}, "
    "\"prior\": {\"type\": \"normal\"}}"
};

int
main(void)
{
    flint_rand_t st;
    slong iter, prec = 128, n, i;

    flint_printf("nll_quad_tail1....");
    fflush(stdout);
    flint_randinit(st);

    /* (a) the moment formulas against the jet */
    for (iter = 0; iter < 50; iter++)
    {
        target_t Q;
        slong nc = 2 + n_randint(st, 3);
        arb_ptr dj, dm;
        arb_t a, s2, y;
        target_init(Q, 1, nc);
        _rand_mix(Q, st, nc, prec);
        dj = _arb_vec_init(3);
        dm = _arb_vec_init(3);
        arb_init(a); arb_init(s2); arb_init(y);
        rand_frac(a, st, 1, 100, 100, prec);
        rand_frac(s2, st, 0, 100, 100, prec);
        rand_frac(y, st, -400, 801, 100, prec);
        _jet_derivs(dj, Q, a, s2, y, prec);
        _moment_derivs(dm, Q, a, s2, y, prec);
        for (n = 0; n < 3; n++)
        {
            /* overlap, and both tight (absolute 2^-60 times the scale) */
            mag_t m, sc;
            mag_init(m);
            mag_init(sc);
            mag_max(m, arb_radref(dj + n), arb_radref(dm + n));
            arb_get_mag(sc, dj + n);
            mag_add_ui(sc, sc, 1);
            mag_mul_2exp_si(sc, sc, -60);
            if (!arb_overlaps(dj + n, dm + n) || mag_cmp(m, sc) > 0)
                _fail_mix(n == 0 ? "formula s'" : n == 1 ? "formula s''" : "formula s'''",
                          Q, a, s2, y, dm + n, dj + n);
            mag_clear(m);
            mag_clear(sc);
        }
        _arb_vec_clear(dj, 3);
        _arb_vec_clear(dm, 3);
        arb_clear(a); arb_clear(s2); arb_clear(y);
        target_clear(Q);
    }

    /* (b) the bounds at random points of random balls */
    for (iter = 0; iter < 300; iter++)
    {
        target_t Q;
        slong nc = 2 + n_randint(st, 3), p;
        arb_ptr dj;
        arb_t a, s2, y, ap, s2p, bnd[3], u;
        target_init(Q, 1, nc);
        _rand_mix(Q, st, nc, prec);
        dj = _arb_vec_init(3);
        arb_init(a); arb_init(s2); arb_init(y); arb_init(ap); arb_init(s2p); arb_init(u);
        for (n = 0; n < 3; n++)
            arb_init(bnd[n]);
        /* a in [0.01, 1], s2 in [0, 1] (with s2 = 0 exactly sometimes),
           radii 0 or up to 1/8 of the value */
        rand_frac(a, st, 1, 100, 100, prec);
        if (n_randint(st, 4) == 0)
            arb_zero(s2);
        else
            rand_frac(s2, st, 1, 100, 100, prec);
        if (n_randint(st, 2))
        {
            rand_frac(u, st, 0, 17, 128, prec);
            arb_mul(u, u, a, prec);
            arb_add_error(a, u);
            if (!arb_is_zero(s2))
            {
                rand_frac(u, st, 0, 17, 128, prec);
                arb_mul(u, u, s2, prec);
                arb_add_error(s2, u);
            }
        }
        for (n = 0; n < 3; n++)
            _wkb_nll_quad_mix_dnscore(bnd[n], Q, a, s2, n + 1, prec);
        for (n = 0; n < 3; n++)
            if (!arb_is_finite(bnd[n]))
                _fail_mix("bound not finite", Q, a, s2, a, bnd[n], bnd[n]);
        for (p = 0; p < 20; p++)
        {
            _rand_point(ap, st, a, prec);
            _rand_point(s2p, st, s2, prec);
            if (p % 4 == 0)
                rand_frac(y, st, -1000, 2001, 1, prec);
            else
                rand_frac(y, st, -1000, 2001, 100, prec);
            _jet_derivs(dj, Q, ap, s2p, y, prec);
            for (n = 0; n < 3; n++)
                if (!arb_contains(bnd[n], dj + n))
                    _fail_mix(n == 0 ? "s' bound" : n == 1 ? "s'' bound" : "s''' bound",
                              Q, ap, s2p, y, bnd[n], dj + n);
        }
        _arb_vec_clear(dj, 3);
        arb_clear(a); arb_clear(s2); arb_clear(y); arb_clear(ap); arb_clear(s2p); arb_clear(u);
        for (n = 0; n < 3; n++)
            arb_clear(bnd[n]);
        target_clear(Q);
    }

    /* (c) problems (at 64 bits: the transport solves dominate the time) */
    prec = 64;
    for (i = 0; i < (slong) (sizeof _problems / sizeof _problems[0]); i++)
    {
        problem_t P;
        arb_t A, B, t, ds, x, bound, u;
        arb_poly_t c;
        slong k, M = 64;
        problem_init(P);
        read_problem(P, _problems[i], prec);
        arb_init(A); arb_init(B); arb_init(t); arb_init(ds); arb_init(x); arb_init(bound);
        arb_init(u);
        arb_poly_init(c);
        if (wkb_nll_quad_tail_consts_c1(A, B, P, M, prec) != WKB_OK
            || !arb_is_finite(A) || !arb_is_finite(B) || !arb_is_exact(A) || !arb_is_exact(B))
            fail("tail_consts_c1", _problems[i], A, B);
        if (i == 0 && getenv("DIFFWKB_TEST_VERBOSE") != NULL)
        {
            flint_printf("\nmixture1d: A = "); arb_printd(A, 10);
            flint_printf(", B = "); arb_printd(B, 10); flint_printf("\n");
        }
        /* the s'' and s''' bounds on every time piece are finite */
        for (k = 0; k < M; k++)
        {
            arb_sub(u, P->T, P->t0, prec);
            arb_mul_si(t, u, k, prec);
            arb_div_si(t, t, M, prec);
            arb_add(t, t, P->t0, prec);
            arb_div_si(u, u, 2 * M, prec);
            arb_add(t, t, u, prec);
            arb_get_mid_arb(t, t);
            arb_add_error(t, u);
            problem_clip_time(t, P, t, prec);
            for (n = 2; n <= 3; n++)
                if (wkb_nll_quad_dnscore(ds, P, t, n, prec) != WKB_OK || !arb_is_finite(ds))
                    fail("s'' / s''' bound not finite", _problems[i], ds, t);
        }
        /* |c_1(x)| <= A + B x^2 */
        for (k = 0; k < 3; k++)
        {
            rand_frac(x, st, -2000, 4001, 100, prec);
            if (wkb_transport_loglik_series(c, P, x, 1, NULL, prec) != WKB_OK)
                fail("transport", _problems[i], x, x);
            arb_poly_get_coeff_arb(u, c, 1);
            arb_abs(u, u);
            arb_mul(bound, x, x, prec);
            arb_mul(bound, bound, B, prec);
            arb_add(bound, bound, A, prec);
            if (!arb_is_finite(u) || !arb_le(u, bound))
            {
                flint_printf("x = "); arb_printd(x, 20); flint_printf("\n");
                fail("|c_1(x)| <= A + B x^2", _problems[i], u, bound);
            }
        }
        arb_clear(A); arb_clear(B); arb_clear(t); arb_clear(ds); arb_clear(x); arb_clear(bound);
        arb_clear(u);
        arb_poly_clear(c);
        problem_clear(P);
    }

    /* affine score: s'' = s''' = 0 exactly; dim 2 unsupported */
    {
        problem_t P;
        arb_t r, t;
        problem_init(P);
        arb_init(r); arb_init(t);
        read_problem(P, "{\"dim\": 1, \"sde\": {\"schedule\": \"const\", \"beta\": \"1\", "
                     "\"t0\": \"0\", \"T\": \"1\"}, \"data\": {\"type\": \"gaussian\", "
                     "\"mean\": [\"0\"], \"cov\": [[\"0.5\"]]}, \"score\": {\"type\": \"affine\", "
                     "\"A\": [[\"-1/2\"]], \"b\": [\"1/5\"]}}", prec);
        arb_set_d(t, 0.5);
        for (n = 2; n <= 3; n++)
            if (wkb_nll_quad_dnscore(r, P, t, n, prec) != WKB_OK || !arb_is_zero(r))
                fail("affine s'', s''' = 0", "", r, r);
        if (wkb_nll_quad_dnscore(r, P, t, 1, prec) != WKB_OK
            || !arb_equal(r, arb_mat_entry(P->score->A, 0, 0)))
            fail("affine s' = A", "", r, r);
        problem_clear(P);
        problem_init(P);
        read_problem(P, "{\"dim\": 2, \"sde\": {\"schedule\": \"const\", \"beta\": \"1\", "
                     "\"t0\": \"0\", \"T\": \"1\"}, \"data\": {\"type\": \"gaussian\", "
                     "\"mean\": [\"0\", \"0\"], \"cov\": [[\"1\", \"0\"], [\"0\", \"1\"]]}}", prec);
        if (wkb_nll_quad_dnscore(r, P, t, 2, prec) != WKB_UNSUPPORTED)
            fail("dim 2 must be unsupported", "", r, r);
        {
            arb_t A, B;
            arb_init(A); arb_init(B);
            if (wkb_nll_quad_tail_consts_c1(A, B, P, 0, prec) != WKB_UNSUPPORTED)
                fail("dim 2 must be unsupported (c1)", "", A, B);
            arb_clear(A); arb_clear(B);
        }
        arb_clear(r); arb_clear(t);
        problem_clear(P);
    }

    flint_randclear(st);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
