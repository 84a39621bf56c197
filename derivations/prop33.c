/*
    Prop. 3.3 (math.md section 4):
        KL(P || Q) = KL(p_T || pi) + int_0^T (g^2/2) E_{p_t} |grad log p_t - s|^2 dt,
    P the path law of the forward process dx = f x dt + g dw from p_0,
    Q the path law of the model backward SDE dx = [f x - g^2 s] dt + g dwbar
    started from the prior pi = N(0, I) at T.

    Setting: const schedule (f = -beta/2, g^2 = beta), Gaussian data
    p_0 = N(m, S) in d = 1 and d = 2, misspecified score
    s = (1 + eps) grad log p_t = -(1 + eps) V_t^{-1} (x - a_t m),
    V_t = a_t^2 S + s_t^2 I.

    Right side.  grad log p_t - s = -eps grad log p_t, so the integrand is
    (eps^2/2) beta tr V_t^{-1}; with V_t = e^{-beta t}(S + (e^{beta t} - 1) I)
    its integral is (eps^2/2)[log det(S + (e^{beta T} - 1) I) - log det S]
    (closed form), and independently the time integral by acb_calc_integrate
    of the integrand (complex t); KL(p_T || pi) =
    (1/2)[tr V_T + |a_T m|^2 - d - log det V_T].

    Left side, independently (no time reversal, no score of p_t): on the
    grid t_n = n T/N both path laws are discretised by the Euler scheme,
        P: x_{n+1} = (1 + f dt) x_n + g sqrt(dt) xi_n,        x_0 ~ N(m, S),
        Q: x_n = x_{n+1} - [f x - g^2 s](x_{n+1}, t_{n+1}) dt + g sqrt(dt) xi_n,
           x_N ~ N(0, I),
    so (x_0..x_N) is a Gaussian vector under both.  KL(P_N || Q_N) is computed
    in two ways: (a) E_P[log dP_N - log dQ_N] from the factorised densities,
    which needs only the first and second moments of P at neighbouring grid
    points (O(N) small-matrix operations: every N); (b) the closed form for
    two Gaussian vectors, (1/2)[tr(Sq^{-1} Sp) - D + dmu^T Sq^{-1} dmu
    + log det Sq - log det Sp], with the full (N+1)d-dimensional covariance
    matrices (arb_mat_spd_inv, Cholesky log-determinants: small N only).
    (a) and (b) must overlap.

    What is certified: the exact KL_N of the two discretised path laws for
    N = 2^4 .. 2^12 (balls); the right side (balls, two routes overlapping);
    that the errors e_N = KL_N - RHS all have the same strict sign and
    strictly decreasing absolute value; that e_N / e_{2N} lies in [1.9, 2.1]
    for the last four doublings (first order in dt); and that the
    Richardson values 2 KL_{2N} - KL_N are closer to the right side than
    KL_{2N} for the last four doublings.  The limit N -> oo itself is not a
    finite computation: the certified monotone first-order behaviour is the
    evidence that lim KL_N = RHS.
*/
#include <acb_calc.h>
#include "deriv.h"

#define KMIN 4
#define KMAX 12

typedef struct
{
    slong d;
    arb_t beta, T, eps;
    arb_ptr m;
    arb_mat_t S;
}
p33_model;

/* y = A x (y must not alias x) */
static void
p33_matvec(arb_ptr y, const arb_mat_t A, arb_srcptr x, slong prec)
{
    slong i;
    for (i = 0; i < arb_mat_nrows(A); i++)
        arb_dot(y + i, NULL, 0, arb_mat_entry(A, i, 0), 1, x, 1, arb_mat_ncols(A), prec);
}

/* V = a^2 S + s2 I, at time t (const schedule) */
static void
p33_V(arb_mat_t V, arb_t a, const p33_model * M, const arb_t t, slong prec)
{
    arb_t s2, a2;
    slong i;
    arb_init(s2);
    arb_init(a2);
    arb_mul(a2, M->beta, t, prec);
    arb_neg(a2, a2);
    arb_expm1(s2, a2, prec);
    arb_neg(s2, s2);                  /* 1 - e^{-beta t} */
    arb_exp(a2, a2, prec);            /* a^2 = e^{-beta t} */
    arb_sqrt(a, a2, prec);
    arb_mat_scalar_mul_arb(V, M->S, a2, prec);
    for (i = 0; i < M->d; i++)
        arb_add(arb_mat_entry(V, i, i), arb_mat_entry(V, i, i), s2, prec);
    arb_clear(s2);
    arb_clear(a2);
}

/* res = log det A for A SPD (Cholesky); indeterminate if not certified */
static void
p33_logdet(arb_t res, const arb_mat_t A, slong prec)
{
    arb_mat_t L;
    slong i;
    arb_mat_init(L, arb_mat_nrows(A), arb_mat_nrows(A));
    if (!arb_mat_cho(L, A, prec))
        arb_indeterminate(res);
    else
    {
        arb_zero(res);
        for (i = 0; i < arb_mat_nrows(A); i++)
        {
            arb_t u;
            arb_init(u);
            arb_log(u, arb_mat_entry(L, i, i), prec);
            arb_add(res, res, u, prec);
            arb_clear(u);
        }
        arb_mul_2exp_si(res, res, 1);
    }
    arb_mat_clear(L);
}

/* Q's Euler step at t_{n+1} = t: x_n = B x_{n+1} + b + noise,
   B = (1 - f dt) I - lam beta dt V^{-1}, b = lam beta dt V^{-1} a m */
static void
p33_Qstep(arb_mat_t B, arb_ptr b, const p33_model * M, const arb_t t, const arb_t dt,
          slong prec)
{
    slong d = M->d, i;
    arb_mat_t V, W;
    arb_t a, c, lam;
    arb_ptr am = _arb_vec_init(d);
    arb_mat_init(V, d, d);
    arb_mat_init(W, d, d);
    arb_init(a);
    arb_init(c);
    arb_init(lam);
    p33_V(V, a, M, t, prec);
    if (!arb_mat_spd_inv(W, V, prec))
        arb_mat_indeterminate(W);
    arb_add_ui(lam, M->eps, 1, prec);
    arb_mul(c, lam, M->beta, prec);
    arb_mul(c, c, dt, prec);                       /* lam beta dt */
    arb_mat_scalar_mul_arb(W, W, c, prec);
    _arb_vec_scalar_mul(am, M->m, d, a, prec);
    p33_matvec(b, W, am, prec);
    arb_mat_neg(B, W);
    arb_mul(c, M->beta, dt, prec);
    arb_mul_2exp_si(c, c, -1);
    arb_add_ui(c, c, 1, prec);                      /* 1 - f dt = 1 + beta dt/2 */
    for (i = 0; i < d; i++)
        arb_add(arb_mat_entry(B, i, i), arb_mat_entry(B, i, i), c, prec);
    arb_mat_clear(V);
    arb_mat_clear(W);
    arb_clear(a);
    arb_clear(c);
    arb_clear(lam);
    _arb_vec_clear(am, d);
}

/* Route (a): KL_N = E_P[log p(x) - log q(x)] with the moments of P. */
static void
p33_kl_moments(arb_t res, const p33_model * M, slong N, slong prec)
{
    slong d = M->d, n, i;
    arb_t dt, c, sig2, t, u, acc;
    arb_ptr mu0 = _arb_vec_init(d), mu1 = _arb_vec_init(d), b = _arb_vec_init(d),
            r = _arb_vec_init(d);
    arb_mat_t C0, C1, B, X, Y;

    arb_init(dt); arb_init(c); arb_init(sig2); arb_init(t); arb_init(u); arb_init(acc);
    arb_mat_init(C0, d, d); arb_mat_init(C1, d, d); arb_mat_init(B, d, d);
    arb_mat_init(X, d, d); arb_mat_init(Y, d, d);

    arb_div_si(dt, M->T, N, prec);
    arb_mul(sig2, M->beta, dt, prec);               /* g^2 dt */
    arb_mul_2exp_si(c, sig2, -1);
    arb_sub_ui(c, c, 1, prec);
    arb_neg(c, c);                                  /* 1 + f dt = 1 - beta dt/2 */

    /* E_P log p_0 + sum E_P log k_n, without the (d/2) log 2 pi (sigma^2) terms
       that cancel against Q's: -(1/2) log det S - d/2 - N d/2 */
    p33_logdet(acc, M->S, prec);
    arb_add_si(acc, acc, d * (N + 1), prec);
    arb_mul_2exp_si(acc, acc, -1);
    arb_neg(acc, acc);

    _arb_vec_set(mu0, M->m, d);
    arb_mat_set(C0, M->S);
    for (n = 0; n < N; n++)
    {
        /* P moments at n + 1 */
        _arb_vec_scalar_mul(mu1, mu0, d, c, prec);
        arb_mul(u, c, c, prec);
        arb_mat_scalar_mul_arb(C1, C0, u, prec);
        for (i = 0; i < d; i++)
            arb_add(arb_mat_entry(C1, i, i), arb_mat_entry(C1, i, i), sig2, prec);
        /* Q step at t_{n+1} */
        arb_mul_si(t, dt, n + 1, prec);
        p33_Qstep(B, b, M, t, dt, prec);
        /* E|x_n - B x_{n+1} - b|^2 = |mu_n - B mu_{n+1} - b|^2
             + tr(C_n) - 2 c tr(B C_n) + tr(B C_{n+1} B^T) */
        p33_matvec(r, B, mu1, prec);
        _arb_vec_sub(r, mu0, r, d, prec);
        _arb_vec_sub(r, r, b, d, prec);
        arb_dot(u, NULL, 0, r, 1, r, 1, d, prec);
        arb_mat_trace(t, C0, prec);
        arb_add(u, u, t, prec);
        arb_mat_mul(X, B, C0, prec);
        arb_mat_trace(t, X, prec);
        arb_mul(t, t, c, prec);
        arb_mul_2exp_si(t, t, 1);
        arb_sub(u, u, t, prec);
        arb_mat_mul(X, B, C1, prec);
        arb_mat_transpose(Y, B);
        arb_mat_mul(X, X, Y, prec);
        arb_mat_trace(t, X, prec);
        arb_add(u, u, t, prec);
        arb_div(u, u, sig2, prec);
        arb_mul_2exp_si(u, u, -1);
        arb_add(acc, acc, u, prec);
        _arb_vec_swap(mu0, mu1, d);
        arb_mat_swap(C0, C1);
    }
    /* - E_P log pi(x_N) (without (d/2) log 2 pi) = (1/2)(tr C_N + |mu_N|^2) */
    arb_mat_trace(t, C0, prec);
    arb_dot(u, t, 0, mu0, 1, mu0, 1, d, prec);
    arb_mul_2exp_si(u, u, -1);
    arb_add(res, acc, u, prec);

    arb_clear(dt); arb_clear(c); arb_clear(sig2); arb_clear(t); arb_clear(u); arb_clear(acc);
    arb_mat_clear(C0); arb_mat_clear(C1); arb_mat_clear(B); arb_mat_clear(X); arb_mat_clear(Y);
    _arb_vec_clear(mu0, d); _arb_vec_clear(mu1, d); _arb_vec_clear(b, d); _arb_vec_clear(r, d);
}

/* Route (b): the full Gaussian vectors (x_0, .., x_N) in R^{(N+1) d}. */
static void
p33_kl_full(arb_t res, const p33_model * M, slong N, slong prec)
{
    slong d = M->d, D = (N + 1) * d, n, i, j, k, l;
    arb_mat_t Sp, Sq, Sqi, X, Kn, B, Pr;
    arb_mat_struct * Bs = flint_malloc(N * sizeof(arb_mat_struct));
    arb_mat_struct * Ks = flint_malloc((N + 1) * sizeof(arb_mat_struct));
    arb_mat_struct * Cs = flint_malloc((N + 1) * sizeof(arb_mat_struct));
    arb_ptr mp = _arb_vec_init(D), mq = _arb_vec_init(D), b = _arb_vec_init(d),
            dm = _arb_vec_init(D), w = _arb_vec_init(D);
    arb_t dt, c, sig2, t, u, v, cp;

    arb_init(dt); arb_init(c); arb_init(sig2); arb_init(t); arb_init(u); arb_init(v);
    arb_init(cp);
    arb_mat_init(Sp, D, D); arb_mat_init(Sq, D, D); arb_mat_init(Sqi, D, D);
    arb_mat_init(X, D, D); arb_mat_init(Kn, d, d); arb_mat_init(B, d, d); arb_mat_init(Pr, d, d);
    for (n = 0; n < N; n++)
        arb_mat_init(Bs + n, d, d);
    for (n = 0; n <= N; n++)
    {
        arb_mat_init(Ks + n, d, d);
        arb_mat_init(Cs + n, d, d);
    }
    arb_div_si(dt, M->T, N, prec);
    arb_mul(sig2, M->beta, dt, prec);
    arb_mul_2exp_si(c, sig2, -1);
    arb_sub_ui(c, c, 1, prec);
    arb_neg(c, c);

    /* P: means and marginal covariances, then Cov(x_j, x_i) = c^{j-i} C_i */
    arb_mat_set(Cs + 0, M->S);
    for (i = 0; i < d; i++)
        arb_set(mp + i, M->m + i);
    for (n = 1; n <= N; n++)
    {
        arb_mul(u, c, c, prec);
        arb_mat_scalar_mul_arb(Cs + n, Cs + n - 1, u, prec);
        for (i = 0; i < d; i++)
        {
            arb_add(arb_mat_entry(Cs + n, i, i), arb_mat_entry(Cs + n, i, i), sig2, prec);
            arb_mul(mp + n * d + i, mp + (n - 1) * d + i, c, prec);
        }
    }
    for (i = 0; i <= N; i++)
    {
        arb_one(cp);
        for (j = i; j <= N; j++)
        {
            for (k = 0; k < d; k++)
                for (l = 0; l < d; l++)
                {
                    arb_mul(u, cp, arb_mat_entry(Cs + i, k, l), prec);
                    arb_set(arb_mat_entry(Sp, j * d + k, i * d + l), u);
                    arb_set(arb_mat_entry(Sp, i * d + l, j * d + k), u);
                }
            arb_mul(cp, cp, c, prec);
        }
    }
    /* Q: backward chain; K_N = I, nu_N = 0 */
    arb_mat_one(Ks + N);
    for (n = N - 1; n >= 0; n--)
    {
        arb_mul_si(t, dt, n + 1, prec);
        p33_Qstep(Bs + n, b, M, t, dt, prec);
        arb_mat_mul(Kn, Bs + n, Ks + n + 1, prec);
        arb_mat_transpose(B, Bs + n);
        arb_mat_mul(Ks + n, Kn, B, prec);
        for (i = 0; i < d; i++)
            arb_add(arb_mat_entry(Ks + n, i, i), arb_mat_entry(Ks + n, i, i), sig2, prec);
        p33_matvec(mq + n * d, Bs + n, mq + (n + 1) * d, prec);
        _arb_vec_add(mq + n * d, mq + n * d, b, d, prec);
    }
    /* Cov_Q(x_i, x_j) = B_i .. B_{j-1} K_j, i <= j */
    for (j = 0; j <= N; j++)
    {
        arb_mat_one(Pr);
        for (i = j; i >= 0; i--)
        {
            if (i < j)
                arb_mat_mul(Pr, Bs + i, Pr, prec);
            arb_mat_mul(Kn, Pr, Ks + j, prec);
            for (k = 0; k < d; k++)
                for (l = 0; l < d; l++)
                {
                    arb_set(arb_mat_entry(Sq, i * d + k, j * d + l), arb_mat_entry(Kn, k, l));
                    arb_set(arb_mat_entry(Sq, j * d + l, i * d + k), arb_mat_entry(Kn, k, l));
                }
        }
    }
    if (!arb_mat_spd_inv(Sqi, Sq, prec))
        arb_indeterminate(res);
    else
    {
        arb_mat_mul(X, Sqi, Sp, prec);
        arb_mat_trace(u, X, prec);
        arb_sub_si(u, u, D, prec);
        _arb_vec_sub(dm, mq, mp, D, prec);
        p33_matvec(w, Sqi, dm, prec);
        arb_dot(u, u, 0, dm, 1, w, 1, D, prec);
        p33_logdet(t, Sq, prec);
        arb_add(u, u, t, prec);
        p33_logdet(t, Sp, prec);
        arb_sub(u, u, t, prec);
        arb_mul_2exp_si(res, u, -1);
    }
    arb_clear(dt); arb_clear(c); arb_clear(sig2); arb_clear(t); arb_clear(u); arb_clear(v);
    arb_clear(cp);
    arb_mat_clear(Sp); arb_mat_clear(Sq); arb_mat_clear(Sqi); arb_mat_clear(X);
    arb_mat_clear(Kn); arb_mat_clear(B); arb_mat_clear(Pr);
    for (n = 0; n < N; n++)
        arb_mat_clear(Bs + n);
    for (n = 0; n <= N; n++)
    {
        arb_mat_clear(Ks + n);
        arb_mat_clear(Cs + n);
    }
    flint_free(Bs); flint_free(Ks); flint_free(Cs);
    _arb_vec_clear(mp, D); _arb_vec_clear(mq, D); _arb_vec_clear(b, d); _arb_vec_clear(dm, D);
    _arb_vec_clear(w, D);
}

/* integrand (eps^2/2) beta tr V_t^{-1} at complex t (d = 1, 2) */
static int
p33_integrand(acb_ptr res, const acb_t z, void * param, slong order, slong prec)
{
    const p33_model * M = param;
    acb_t E, V00, V01, V11, tr, det, u;
    if (order > 1)
        flint_abort();
    acb_init(E); acb_init(V00); acb_init(V01); acb_init(V11); acb_init(tr); acb_init(det);
    acb_init(u);
    acb_mul_arb(E, z, M->beta, prec);
    acb_neg(E, E);
    acb_exp(E, E, prec);                                /* e^{-beta t} */
    acb_mul_arb(V00, E, arb_mat_entry(M->S, 0, 0), prec);
    acb_sub_ui(u, E, 1, prec);
    acb_sub(V00, V00, u, prec);                         /* E S00 + 1 - E */
    if (M->d == 1)
        acb_inv(tr, V00, prec);
    else
    {
        acb_mul_arb(V11, E, arb_mat_entry(M->S, 1, 1), prec);
        acb_sub(V11, V11, u, prec);
        acb_mul_arb(V01, E, arb_mat_entry(M->S, 0, 1), prec);
        acb_add(tr, V00, V11, prec);
        acb_mul(det, V00, V11, prec);
        acb_submul(det, V01, V01, prec);
        acb_div(tr, tr, det, prec);
    }
    acb_mul_arb(tr, tr, M->beta, prec);
    arb_mul(acb_realref(u), M->eps, M->eps, prec);
    arb_zero(acb_imagref(u));
    acb_mul(tr, tr, u, prec);
    acb_mul_2exp_si(res, tr, -1);
    acb_clear(E); acb_clear(V00); acb_clear(V01); acb_clear(V11); acb_clear(tr);
    acb_clear(det); acb_clear(u);
    return 0;
}

/* rhs = KL(p_T || pi) + int; rq = the same with the integral by quadrature */
static void
p33_rhs(arb_t rhs, arb_t rq, const p33_model * M, slong prec)
{
    slong d = M->d, i;
    arb_mat_t V, W;
    arb_t a, u, t, I;
    arb_ptr am = _arb_vec_init(d);
    acb_t r, lo, hi;
    mag_t tol;
    acb_calc_integrate_opt_t opt;

    arb_mat_init(V, d, d);
    arb_mat_init(W, d, d);
    arb_init(a); arb_init(u); arb_init(t); arb_init(I);
    acb_init(r); acb_init(lo); acb_init(hi);
    mag_init(tol);

    p33_V(V, a, M, M->T, prec);
    _arb_vec_scalar_mul(am, M->m, d, a, prec);
    arb_mat_trace(u, V, prec);
    arb_dot(u, u, 0, am, 1, am, 1, d, prec);
    arb_sub_si(u, u, d, prec);
    p33_logdet(t, V, prec);
    arb_sub(u, u, t, prec);
    arb_mul_2exp_si(u, u, -1);                          /* KL(p_T || pi) */

    /* closed form (eps^2/2)[log det(S + (e^{beta T} - 1) I) - log det S] */
    arb_mul(t, M->beta, M->T, prec);
    arb_expm1(t, t, prec);
    arb_mat_set(W, M->S);
    for (i = 0; i < d; i++)
        arb_add(arb_mat_entry(W, i, i), arb_mat_entry(W, i, i), t, prec);
    p33_logdet(I, W, prec);
    p33_logdet(t, M->S, prec);
    arb_sub(I, I, t, prec);
    arb_mul(t, M->eps, M->eps, prec);
    arb_mul(I, I, t, prec);
    arb_mul_2exp_si(I, I, -1);
    arb_add(rhs, u, I, prec);

    acb_calc_integrate_opt_init(opt);
    mag_set_ui_2exp_si(tol, 1, -prec);
    acb_zero(lo);
    acb_set_arb(hi, M->T);
    acb_calc_integrate(r, p33_integrand, (void *) M, lo, hi, prec, tol, opt, prec);
    arb_add(rq, u, acb_realref(r), prec);

    arb_mat_clear(V); arb_mat_clear(W);
    arb_clear(a); arb_clear(u); arb_clear(t); arb_clear(I);
    acb_clear(r); acb_clear(lo); acb_clear(hi);
    mag_clear(tol);
    _arb_vec_clear(am, d);
}

static void
p33_run(const p33_model * M, const char * name, slong prec)
{
    arb_t rhs, rq, kl, kf, e[KMAX + 2], rich, ratio, lo, hi, ae, ar;
    slong k, N;
    int sign_ok = 1;

    arb_init(rhs); arb_init(rq); arb_init(kl); arb_init(kf); arb_init(rich); arb_init(ratio);
    arb_init(lo); arb_init(hi); arb_init(ae); arb_init(ar);
    for (k = 0; k <= KMAX + 1; k++)
        arb_init(e[k]);

    printf("%s\n", name);
    p33_rhs(rhs, rq, M, prec);
    deriv_check("right side: closed-form time integral vs acb_calc_integrate", rhs, rq, -80, 1);

    /* the two left-side routes at small N */
    for (N = 4; N <= (M->d == 1 ? 32 : 16); N *= 2)
    {
        char buf[120];
        p33_kl_moments(kl, M, N, prec);
        p33_kl_full(kf, M, N, 2 * prec);   /* ill-conditioned: more bits */
        snprintf(buf, sizeof buf, "N = %ld: KL_N by moments vs full Gaussian vectors "
                 "(dim %ld)", (long) N, (long) ((N + 1) * M->d));
        deriv_check(buf, kl, kf, -60, N == 4);
        if (N == 4)
            printf("  (also N = 8 .. %d: overlap checked)\n", M->d == 1 ? 32 : 16);
    }

    printf("     N   KL_N                      e_N = KL_N - RHS     e_N/e_2N   "
           "2 KL_2N - KL_N - RHS\n");
    for (k = KMIN; k <= KMAX; k++)
    {
        N = WORD(1) << k;
        p33_kl_moments(kl, M, N, prec);
        arb_sub(e[k], kl, rhs, prec);
    }
    arb_set_str(lo, "1.9", prec);
    arb_set_str(hi, "2.1", prec);
    for (k = KMIN; k <= KMAX; k++)
    {
        char * s1, * s2, * s3 = NULL, * s4 = NULL;
        N = WORD(1) << k;
        arb_add(kl, e[k], rhs, prec);
        s1 = arb_get_str(kl, 20, ARB_STR_NO_RADIUS);
        s2 = arb_get_str(e[k], 8, ARB_STR_NO_RADIUS);
        if (k < KMAX)
        {
            arb_div(ratio, e[k], e[k + 1], prec);
            s3 = arb_get_str(ratio, 6, ARB_STR_NO_RADIUS);
            /* Richardson 2 KL_2N - KL_N - RHS = 2 e_2N - e_N */
            arb_mul_2exp_si(rich, e[k + 1], 1);
            arb_sub(rich, rich, e[k], prec);
            s4 = arb_get_str(rich, 6, ARB_STR_NO_RADIUS);
            if (!(arb_is_positive(e[k]) && arb_is_positive(e[k + 1]))
                && !(arb_is_negative(e[k]) && arb_is_negative(e[k + 1])))
                sign_ok = 0;
            arb_abs(ae, e[k]);
            arb_abs(ar, e[k + 1]);
            if (!arb_gt(ae, ar))
                deriv_fail("|e_N| not certified strictly decreasing");
            if (k >= KMAX - 4)
            {
                if (!(arb_gt(ratio, lo) && arb_lt(ratio, hi)))
                    deriv_fail("e_N / e_2N not certified in [1.9, 2.1]");
                arb_abs(ae, rich);
                if (!arb_lt(ae, ar))
                    deriv_fail("Richardson value not closer than KL_2N");
            }
        }
        printf("  %4ld  %-25s %-20s %-10s %s\n", (long) N, s1, s2, s3 ? s3 : "",
               s4 ? s4 : "");
        flint_free(s1); flint_free(s2); flint_free(s3); flint_free(s4);
    }
    if (!sign_ok)
        deriv_fail("the errors e_N do not have one certified sign");
    printf("  RHS = KL(p_T || pi) + int (g^2/2) E|grad log p_t - s|^2 dt = ");
    arb_printn(rhs, 20, 0);
    arb_mul_si(ratio, e[KMAX], WORD(1) << KMAX, prec);
    printf("\n  N e_N at N = %ld: ", (long) (WORD(1) << KMAX));
    arb_printn(ratio, 8, 0);
    printf("  (first order: KL_N = RHS + C/N + ...)\n\n");

    arb_clear(rhs); arb_clear(rq); arb_clear(kl); arb_clear(kf); arb_clear(rich);
    arb_clear(ratio); arb_clear(lo); arb_clear(hi); arb_clear(ae); arb_clear(ar);
    for (k = 0; k <= KMAX + 1; k++)
        arb_clear(e[k]);
}

static void
p33_model_init(p33_model * M, slong d, const char * beta, const char * T, const char * eps,
               const char ** m, const char ** S, slong prec)
{
    slong i, j;
    M->d = d;
    arb_init(M->beta); arb_init(M->T); arb_init(M->eps);
    M->m = _arb_vec_init(d);
    arb_mat_init(M->S, d, d);
    arb_set_str(M->beta, beta, prec);
    arb_set_str(M->T, T, prec);
    arb_set_str(M->eps, eps, prec);
    for (i = 0; i < d; i++)
    {
        arb_set_str(M->m + i, m[i], prec);
        for (j = 0; j < d; j++)
            arb_set_str(arb_mat_entry(M->S, i, j), S[i * d + j], prec);
    }
}

static void
p33_model_clear(p33_model * M)
{
    arb_clear(M->beta); arb_clear(M->T); arb_clear(M->eps);
    _arb_vec_clear(M->m, M->d);
    arb_mat_clear(M->S);
}

int
derivation_prop33(void)
{
    slong prec = 192;
    p33_model M;
    static const char * m1[1] = {"0.5"}, * S1[1] = {"0.3"};
    static const char * m2[2] = {"0.5", "-0.3"}, * S2[4] = {"0.3", "0.1", "0.1", "0.6"};

    printf("Prop. 3.3: KL(P || Q) = KL(p_T || pi) + int_0^T (g^2/2) E_{p_t}|grad log p_t - s|^2 dt\n"
           "for Gaussian data, s = (1 + eps) grad log p_t, pi = N(0, I), const schedule.\n"
           "Left side: the exact KL of the Euler-discretised path laws (Gaussian vectors)\n"
           "on N = 2^k steps; it converges to the right side at rate 1/N.\n\n");
    p33_model_init(&M, 1, "1", "5", "0.1", m1, S1, prec);
    p33_run(&M, "d = 1: p_0 = N(0.5, 0.3), beta = 1, T = 5, eps = 0.1", prec);
    p33_model_clear(&M);
    p33_model_init(&M, 1, "2", "1", "-0.3", m1, S1, prec);
    p33_run(&M, "d = 1: p_0 = N(0.5, 0.3), beta = 2, T = 1, eps = -0.3", prec);
    p33_model_clear(&M);
    p33_model_init(&M, 2, "1", "2", "0.2", m2, S2, prec);
    p33_run(&M, "d = 2: p_0 = N((0.5, -0.3), [[0.3, 0.1], [0.1, 0.6]]), beta = 1, T = 2, "
            "eps = 0.2", prec);
    p33_model_clear(&M);
    return deriv_finish();
}

#ifdef DERIVATION_MAIN
int
main(void)
{
    return derivation_prop33();
}
#endif
