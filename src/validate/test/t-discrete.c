/*
    validate_discrete_moments against independent values.

    1. Constant coefficients (const schedule, constant affine score
       s = A x + b, d = 1): the drift v = D x + e is autonomous, so every
       scheme is x -> m x + c with the stability polynomial
         em, pf-euler  m = 1 - dt D
         pf-heun       m = 1 - dt D + (dt D)^2 / 2
         pf-rk4        m = sum_{k <= 4} (-dt D)^k / k!
       and the fixed point mu* = -e / D, so in closed form
         mu_K = m^K (mu_0 - mu*) + mu*,
         Sigma_K = m^{2K} Sigma_0 + q (1 - m^{2K}) / (1 - m^2),  q = h g^2 dt (em).
       Random A, b, beta, h, K, prior: the balls must overlap.
    2. Convergence to the continuous law (wkb_affine_moments) on the
       paper's 1D model and the 2D VP problem: the error ratio between K and
       2K steps must be close to 2^p (p = 1 em / pf-euler, 2 pf-heun,
       4 pf-rk4), which catches a wrong stage, weight or time.
*/
#include "common.h"

static int
check_const(flint_rand_t state, slong iter)
{
    slong prec = 128, K = 1 + n_randint(state, 60), k;
    int method = n_randint(state, 4), ok = 1;
    wkb_affine_t M;
    sched_t S;
    arb_t beta, t0, T, h, dt, D, e, c, m, x, mstar, mu0, S0, mK, q, g2, f;
    arb_mat_t A, Sig, cov;
    arb_ptr b, mu;

    arb_init(beta); arb_init(t0); arb_init(T); arb_init(h); arb_init(dt); arb_init(D);
    arb_init(e); arb_init(c); arb_init(m); arb_init(x); arb_init(mstar); arb_init(mu0);
    arb_init(S0); arb_init(mK); arb_init(q); arb_init(g2); arb_init(f);
    arb_mat_init(A, 1, 1); arb_mat_init(Sig, 1, 1); arb_mat_init(cov, 1, 1);
    b = _arb_vec_init(1);
    mu = _arb_vec_init(1);
    sched_init(S);
    wkb_affine_init(M, 1);

    arb_set_ui(beta, 1 + n_randint(state, 4));
    arb_div_ui(beta, beta, 2, prec);
    sched_set_const(S, beta);
    arb_set_ui(t0, n_randint(state, 3));
    arb_div_ui(t0, t0, 10, prec);
    arb_set_ui(T, 1 + n_randint(state, 4));
    wkb_affine_set_sched(M, S, t0, T);
    arb_set_si(arb_mat_entry(A, 0, 0), -1 - (slong) n_randint(state, 30));
    arb_div_ui(arb_mat_entry(A, 0, 0), arb_mat_entry(A, 0, 0), 10, prec);
    arb_set_si(b, (slong) n_randint(state, 21) - 10);
    arb_div_ui(b, b, 10, prec);
    wkb_affine_set_score_const(M, A, b);
    arb_set_si(mu0, (slong) n_randint(state, 11) - 5);
    arb_div_ui(mu0, mu0, 10, prec);
    arb_set_ui(S0, 1 + n_randint(state, 20));
    arb_div_ui(S0, S0, 10, prec);
    arb_set(arb_mat_entry(cov, 0, 0), S0);
    wkb_affine_set_prior(M, mu0, cov);
    arb_set_ui(h, (method == SAMPLE_EM) ? n_randint(state, 9) : 0);
    arb_div_ui(h, h, 4, prec);

    if (validate_discrete_moments(mu, Sig, M, (sample_method) method, h, K, prec))
    {
        flint_printf("FAIL: const case %wd: enclosure failed\n", iter);
        return 0;
    }
    /* closed form */
    sched_f(f, S, t0, prec);
    sched_g2(g2, S, t0, prec);
    arb_sub(dt, T, t0, prec);
    arb_div_si(dt, dt, K, prec);
    arb_add_ui(c, h, 1, prec);
    arb_mul(c, c, g2, prec);
    arb_mul_2exp_si(c, c, -1);
    arb_mul(D, c, arb_mat_entry(A, 0, 0), prec);
    arb_sub(D, f, D, prec);                 /* D = f - c A */
    arb_mul(e, c, b, prec);
    arb_neg(e, e);                          /* e = -c b */
    arb_mul(x, dt, D, prec);
    arb_neg(x, x);                          /* x = -dt D */
    arb_one(m);
    {
        slong kmax = (method == SAMPLE_PF_HEUN) ? 2 : (method == SAMPLE_PF_RK4 ? 4 : 1);
        arb_t term;
        arb_init(term);
        arb_one(term);
        for (k = 1; k <= kmax; k++)
        {
            arb_mul(term, term, x, prec);
            arb_div_ui(term, term, k, prec);
            arb_add(m, m, term, prec);
        }
        arb_clear(term);
    }
    arb_div(mstar, e, D, prec);
    arb_neg(mstar, mstar);
    arb_pow_ui(mK, m, K, prec);
    arb_sub(x, mu0, mstar, prec);
    arb_mul(x, x, mK, prec);
    arb_add(x, x, mstar, prec);
    if (!arb_overlaps(x, mu))
    {
        flint_printf("FAIL: const case %wd, method %d, K = %wd: mean\n", iter, method, K);
        arb_printd(mu, 30); flint_printf("\n"); arb_printd(x, 30); flint_printf("\n");
        ok = 0;
    }
    /* Sigma_K = m^{2K} S0 + q (1 - m^{2K}) / (1 - m^2) */
    arb_sqr(mK, mK, prec);
    arb_mul(x, mK, S0, prec);
    arb_mul(q, h, g2, prec);
    arb_mul(q, q, dt, prec);
    if (!arb_is_zero(q))
    {
        arb_t u, w;
        arb_init(u); arb_init(w);
        arb_sub_ui(u, mK, 1, prec);
        arb_sqr(w, m, prec);
        arb_sub_ui(w, w, 1, prec);
        arb_div(u, u, w, prec);
        arb_addmul(x, q, u, prec);
        arb_clear(u); arb_clear(w);
    }
    if (!arb_overlaps(x, arb_mat_entry(Sig, 0, 0)) || arb_rel_accuracy_bits(x) < 60)
    {
        flint_printf("FAIL: const case %wd, method %d, K = %wd: variance\n", iter, method, K);
        arb_printd(arb_mat_entry(Sig, 0, 0), 30); flint_printf("\n"); arb_printd(x, 30);
        flint_printf("\n");
        ok = 0;
    }

    arb_clear(beta); arb_clear(t0); arb_clear(T); arb_clear(h); arb_clear(dt); arb_clear(D);
    arb_clear(e); arb_clear(c); arb_clear(m); arb_clear(x); arb_clear(mstar); arb_clear(mu0);
    arb_clear(S0); arb_clear(mK); arb_clear(q); arb_clear(g2); arb_clear(f);
    arb_mat_clear(A); arb_mat_clear(Sig); arb_mat_clear(cov);
    _arb_vec_clear(b, 1);
    _arb_vec_clear(mu, 1);
    sched_clear(S);
    wkb_affine_clear(M);
    return ok;
}

/* |error| of the discrete covariance entry (0,0) + mean 0 vs the continuous law. */
static double
disc_error(const wkb_affine_t M, int method, const arb_t h, slong K, arb_srcptr muc,
           const arb_mat_t Sc)
{
    slong d = M->d, i;
    arb_ptr mu = _arb_vec_init(d);
    arb_mat_t S;
    arb_t e, t;
    double r;
    arb_mat_init(S, d, d);
    arb_init(e);
    arb_init(t);
    validate_discrete_moments(mu, S, M, (sample_method) method, h, K, 256);
    arb_zero(e);
    for (i = 0; i < d; i++)
    {
        arb_sub(t, mu + i, muc + i, 256);
        arb_abs(t, t);
        arb_add(e, e, t, 256);
        arb_sub(t, arb_mat_entry(S, i, i), arb_mat_entry(Sc, i, i), 256);
        arb_abs(t, t);
        arb_add(e, e, t, 256);
    }
    r = arf_get_d(arb_midref(e), ARF_RND_NEAR);
    _arb_vec_clear(mu, d);
    arb_mat_clear(S);
    arb_clear(e);
    arb_clear(t);
    return r;
}

static int
check_order(const char * text, const char * name, slong K0)
{
    problem_t P;
    wkb_affine_t M;
    arb_ptr muc;
    arb_mat_t Sc;
    arb_t h;
    int method, ok = 1;
    static const int order[4] = {1, 1, 2, 4};

    read_problem(P, text);
    problem_set_prec(P, 256);
    wkb_affine_init(M, P->dim);
    wkb_affine_set_problem(M, P, 256);
    muc = _arb_vec_init(P->dim);
    arb_mat_init(Sc, P->dim, P->dim);
    arb_init(h);
    for (method = 0; method < 4; method++)
    {
        double e1, e2, ratio, want;
        arb_set_ui(h, method == SAMPLE_EM ? 1 : 0);
        wkb_affine_moments(muc, Sc, M, h, 256);
        e1 = disc_error(M, method, h, K0, muc, Sc);
        e2 = disc_error(M, method, h, 2 * K0, muc, Sc);
        ratio = e1 / e2;
        want = (double) (1 << order[method]);
        flint_printf("  %s %-8s K = %wd: error %.3e, K = %wd: %.3e, ratio %.3f (2^%d)\n",
                     name, sample_method_name(method), K0, e1, 2 * K0, e2, ratio, order[method]);
        if (!(ratio > 0.8 * want && ratio < 1.25 * want))
        {
            flint_printf("FAIL: convergence order of %s on %s\n", sample_method_name(method), name);
            ok = 0;
        }
    }
    _arb_vec_clear(muc, P->dim);
    arb_mat_clear(Sc);
    arb_clear(h);
    wkb_affine_clear(M);
    problem_clear(P);
    return ok;
}

int
main(void)
{
    flint_rand_t state;
    slong iter;
    int ok = 1;

    flint_printf("discrete....\n");
    fflush(stdout);
    flint_randinit(state);
    for (iter = 0; iter < 400 && ok; iter++)
        ok = check_const(state, iter);
    ok = ok && check_order(prob_paper1d, "paper-1d", 400);
    ok = ok && check_order(prob_gauss2d, "gauss2d-vp", 400);
    flint_randclear(state);
    flint_cleanup();
    if (!ok)
        return 1;
    flint_printf("PASS\n");
    return 0;
}
