/*
    The h-series of u_0, log q^h_0(x) and NLL against independent routes:
    (1) wkb_gauss1d_u0_series (closed form, 1F1 terms) and
        wkb_gauss1d_u0_series_quad (one acb_calc_integrate per coefficient)
        overlap coefficient by coefficient;
    (2) partial sums against the finite-h value: u_0 is entire in h and on
        |h| = R, with c = 1 + eps > 0, W = 1 + expm1(beta T)/v0,
          |u_0(h)| <= M(R) = uT e^{beta T} W^{-c(1-R)}
                            + R v0 (W - 1) max(1, W^{-c(1-R)}),
        so for |h| = r < R the tail after h^N is at most
        M(R) (r/R)^{N+1} / (1 - r/R) (Cauchy).  The partial sum widened by
        this bound must overlap wkb_gauss1d_u0(h) and wkb_gauss1d_u0_quad(h);
    (3) c_1, c_2, c_3 of the log-likelihood and of NLL against the Cauchy
        integral c_n = (2 pi)^{-1} r^{-n} int_0^{2 pi} F(r e^{i th}) e^{-i n th} dth,
        F evaluated in complex h from the closed form (acb_hypgeom_m for
        phi), r chosen so that |u_0(h) - U_0| <= U_0/2 on |h| <= r by (2)'s
        bound (so log is analytic there), integrated by acb_calc_integrate;
    (4) c_1 from Thm 4.2 (wkb_gauss1d_c1_thm42) overlaps the series c_1.
*/
#include "diffwkb/wkb.h"
#include "common.h"

/* dyadic parameters (exact balls): the Cauchy integrals in (3) divide by
   r^n, which would magnify the radius of inexact parameters */
static void
rand_model(wkb_gauss1d_t M, flint_rand_t st, slong prec)
{
    rand_frac(M->v0, st, 52, 3020, 1024, prec);     /* (0.05, 3) */
    rand_frac(M->beta, st, 205, 2867, 1024, prec);  /* (0.2, 3) */
    rand_frac(M->T, st, 129, 894, 128, prec);       /* (1, 8) */
    rand_frac(M->eps, st, -307, 614, 1024, prec);   /* (-0.3, 0.3) */
    arb_one(M->uT);
    if (n_randint(st, 2))
        rand_frac(M->uT, st, 103, 1945, 1024, prec);
}

/* res >= max_{|h| = R} |u_0(h)| */
static void
bound_M(arb_t res, const wkb_gauss1d_t M, const arb_t R, slong prec)
{
    arb_t W, c, e, t;
    arb_init(W); arb_init(c); arb_init(e); arb_init(t);
    arb_mul(W, M->beta, M->T, prec);
    arb_expm1(W, W, prec);
    arb_div(W, W, M->v0, prec);
    arb_add_ui(W, W, 1, prec);
    arb_add_ui(c, M->eps, 1, prec);
    arb_sub_ui(t, R, 1, prec);
    arb_mul(c, c, t, prec);                  /* -c (1 - R) */
    arb_pow(e, W, c, prec);                  /* W^{-c(1-R)} */
    arb_mul(t, M->beta, M->T, prec);
    arb_exp(t, t, prec);
    arb_mul(t, t, e, prec);
    arb_mul(res, t, M->uT, prec);            /* uT e^{beta T} W^{-c(1-R)} */
    arb_one(t);
    arb_max(e, e, t, prec);
    arb_sub_ui(t, W, 1, prec);
    arb_mul(t, t, e, prec);
    arb_mul(t, t, M->v0, prec);
    arb_mul(t, t, R, prec);
    arb_add(res, res, t, prec);
    arb_clear(W); arb_clear(c); arb_clear(e); arb_clear(t);
}

/* tail >= M(R) (r/R)^{N+1}/(1 - r/R) */
static void
tail_bound(arb_t res, const wkb_gauss1d_t M, const arb_t r, const arb_t R,
        slong N, slong prec)
{
    arb_t q, t;
    arb_init(q); arb_init(t);
    bound_M(res, M, R, prec);
    arb_div(q, r, R, prec);
    arb_pow_ui(t, q, N + 1, prec);
    arb_mul(res, res, t, prec);
    arb_sub_ui(t, q, 1, prec);
    arb_neg(t, t);
    arb_div(res, res, t, prec);
    arb_clear(q); arb_clear(t);
}

/* --- Cauchy integral of the complex closed form --- */

typedef struct
{
    acb_t v0, beta, T, eps, uT, L, r, x2;
    slong n;
}
cparam_struct;

/* res = u_0(h) for complex h */
static void
u0_complex(acb_t res, const cparam_struct * P, const acb_t h, slong prec)
{
    acb_t m, t, a, b;
    acb_init(m); acb_init(t); acb_init(a); acb_init(b);
    acb_add_ui(m, h, 1, prec);
    acb_add_ui(t, P->eps, 1, prec);
    acb_mul(m, m, t, prec);
    acb_mul(t, P->beta, P->T, prec);
    acb_submul(t, m, P->L, prec);
    acb_exp(t, t, prec);
    acb_mul(res, t, P->uT, prec);
    acb_sub_ui(t, m, 1, prec);
    acb_neg(t, t);
    acb_mul(t, t, P->L, prec);               /* (1 - m) L */
    acb_one(a);
    acb_set_ui(b, 2);
    acb_hypgeom_m(t, a, b, t, 0, prec);      /* phi = 1F1(1; 2; .) */
    acb_mul(t, t, P->L, prec);
    acb_mul(t, t, P->v0, prec);
    acb_mul(t, t, h, prec);
    acb_add(res, res, t, prec);
    acb_clear(m); acb_clear(t); acb_clear(a); acb_clear(b);
}

/* out = F(r e^{i th}) e^{-i n th}, F = -(log(2 pi u_0) + x^2/u_0)/2 */
static int
cauchy_integrand(acb_ptr out, const acb_t th, void * param, slong order, slong prec)
{
    cparam_struct * P = (cparam_struct *) param;
    acb_t h, u, l, e;
    if (order > 1)
        flint_abort();
    acb_init(h); acb_init(u); acb_init(l); acb_init(e);
    acb_mul_onei(h, th);
    acb_exp(h, h, prec);
    acb_mul(h, h, P->r, prec);
    u0_complex(u, P, h, prec);
    acb_const_pi(l, prec);
    acb_mul_2exp_si(l, l, 1);
    acb_mul(l, l, u, prec);
    acb_log_analytic(l, l, order != 0, prec);
    acb_div(u, P->x2, u, prec);
    acb_add(l, l, u, prec);
    acb_mul_2exp_si(l, l, -1);
    acb_neg(l, l);
    acb_mul_onei(e, th);
    acb_mul_si(e, e, -P->n, prec);
    acb_exp(e, e, prec);
    acb_mul(out, l, e, prec);
    acb_clear(h); acb_clear(u); acb_clear(l); acb_clear(e);
    return 0;
}

/* res encloses the n-th Taylor coefficient of F by the Cauchy integral */
static void
cauchy_coeff(arb_t res, cparam_struct * P, slong n, slong prec)
{
    acb_t a, b, r;
    mag_t tol;
    acb_calc_integrate_opt_t opt;
    acb_init(a); acb_init(b); acb_init(r);
    mag_init(tol);
    acb_calc_integrate_opt_init(opt);
    acb_const_pi(b, prec);
    acb_mul_2exp_si(b, b, 1);
    P->n = n;
    mag_set_ui_2exp_si(tol, 1, -prec);
    acb_calc_integrate(r, cauchy_integrand, P, a, b, prec, tol, opt, prec);
    acb_div(r, r, b, prec);
    acb_pow_si(a, P->r, -n, prec);
    acb_mul(r, r, a, prec);
    arb_set(res, acb_realref(r));            /* real coefficients */
    acb_clear(a); acb_clear(b); acb_clear(r);
    mag_clear(tol);
}

int
main(void)
{
    flint_rand_t st;
    slong iter, n, ntight = 0;

    flint_printf("gauss1d_series....");
    fflush(stdout);
    flint_randinit(st);

    for (iter = 0; iter < 60; iter++)
    {
        wkb_gauss1d_t M;
        arb_poly_t S, Q;
        arb_t h, R, tail, s, u, uq, t, x, c1;
        slong prec = 64 + n_randint(st, 100);
        slong N = 1 + n_randint(st, 22);

        wkb_gauss1d_init(M);
        arb_poly_init(S); arb_poly_init(Q);
        arb_init(h); arb_init(R); arb_init(tail); arb_init(s); arb_init(u);
        arb_init(uq); arb_init(t); arb_init(x); arb_init(c1);

        rand_model(M, st, prec);
        wkb_gauss1d_u0_series(S, M, N, prec);

        /* (1) closed-form series vs quadrature series */
        if (iter % 4 == 0)
        {
            slong qprec = FLINT_MIN(prec, 64 + (slong) n_randint(st, 40));
            wkb_gauss1d_u0_series_quad(Q, M, N, qprec);
            for (n = 0; n <= N; n++)
            {
                arb_poly_get_coeff_arb(s, S, n);
                arb_poly_get_coeff_arb(t, Q, n);
                if (!arb_overlaps(s, t) || !arb_is_finite(t))
                {
                    flint_printf("FAIL (series: closed vs quadrature), n = %wd\n", n);
                    print_model(M);
                    flint_printf("closed = "); arb_printd(s, 30);
                    flint_printf("\nquad = "); arb_printd(t, 30);
                    flint_printf("\n");
                    fflush(stdout); flint_abort();
                }
            }
        }

        /* (2) partial sum + Cauchy tail vs finite h */
        rand_frac(h, st, 1, 400, 1000, prec);     /* h in (0, 0.4] */
        if (n_randint(st, 2))
            arb_neg(h, h);
        {
            /* R = max(2 |h|, (N+1)/((1+eps) L)), exact */
            arb_mul(R, M->beta, M->T, prec);
            arb_expm1(R, R, prec);
            arb_div(R, R, M->v0, prec);
            arb_log1p(R, R, prec);
            arb_add_ui(t, M->eps, 1, prec);
            arb_mul(R, R, t, prec);
            arb_inv(R, R, prec);
            arb_mul_ui(R, R, N + 1, prec);
            arb_get_mid_arb(R, R);
            arb_abs(t, h);
            arb_mul_2exp_si(t, t, 1);
            arb_get_ubound_arf(arb_midref(t), t, prec);
            mag_zero(arb_radref(t));
            arb_max(R, R, t, prec);
        }
        arb_abs(t, h);
        tail_bound(tail, M, t, R, N, prec);
        arb_poly_evaluate(s, S, h, prec);
        arb_add_error(s, tail);
        wkb_gauss1d_u0(u, M, h, prec);
        if (!arb_overlaps(s, u))
        {
            flint_printf("FAIL (partial sum + tail vs u0(h)), N = %wd\n", N);
            print_model(M);
            flint_printf("h = "); arb_printd(h, 20);
            flint_printf("\nsum = "); arb_printd(s, 30);
            flint_printf("\nu0 = "); arb_printd(u, 30);
            flint_printf("\n");
            fflush(stdout); flint_abort();
        }
        if (arb_rel_accuracy_bits(s) > 30)
            ntight++;
        if (iter % 6 == 0)
        {
            wkb_gauss1d_u0_quad(uq, M, h, FLINT_MIN(prec, 80));
            if (!arb_overlaps(s, uq))
            {
                flint_printf("FAIL (partial sum + tail vs quadrature u0(h))\n");
                print_model(M);
                fflush(stdout); flint_abort();
            }
        }

        /* (3) Cauchy integral for c_1..c_3 of loglik and NLL */
        if (iter % 3 == 0)
        {
            cparam_struct P;
            arb_t r, U0, Mb, q;
            slong k, cprec;
            int which;

            arb_init(r); arb_init(U0); arb_init(Mb); arb_init(q);
            acb_init(P.v0); acb_init(P.beta); acb_init(P.T); acb_init(P.eps);
            acb_init(P.uT); acb_init(P.L); acb_init(P.r); acb_init(P.x2);

            /* r = 2^{-k}: the smallest k >= 2 with M(1/2) rho/(1-rho) <= U0/2,
               rho = 2 r, which gives Re u_0 >= U0/2 on |h| <= r */
            arb_set_ui(R, 1);
            arb_mul_2exp_si(R, R, -1);
            bound_M(Mb, M, R, prec);
            arb_poly_get_coeff_arb(U0, S, 0);
            for (k = 2; k < 40; k++)
            {
                arb_one(q);
                arb_mul_2exp_si(q, q, 1 - k);    /* rho */
                arb_sub_ui(t, q, 1, prec);
                arb_neg(t, t);
                arb_div(t, q, t, prec);
                arb_mul(t, t, Mb, prec);
                arb_mul_2exp_si(t, t, 1);
                if (arb_le(t, U0))
                    break;
            }
            arb_one(r);
            arb_mul_2exp_si(r, r, -k);
            /* F ~ 1 on the circle while c_n r^n ~ 2^{-n k}: n k bits cancel */
            cprec = 64 + 3 * k;

            acb_set_arb(P.v0, M->v0);
            acb_set_arb(P.beta, M->beta);
            acb_set_arb(P.T, M->T);
            acb_set_arb(P.eps, M->eps);
            acb_set_arb(P.uT, M->uT);
            _wkb_gauss1d_logW(t, M, prec);
            acb_set_arb(P.L, t);
            acb_set_arb(P.r, r);

            for (which = 0; which < 2; which++)
            {
                if (which == 0)
                {
                    rand_frac(x, st, -3000, 6000, 1000, prec);
                    arb_sqr(t, x, prec);
                    wkb_gauss1d_loglik_series(Q, M, x, 3, prec);
                }
                else
                {
                    arb_set(t, M->v0);
                    wkb_gauss1d_nll_series(Q, M, 3, prec);
                    arb_poly_neg(Q, Q);   /* -NLL = loglik with x^2 = v0 */
                }
                acb_set_arb(P.x2, t);
                for (n = 1; n <= 3; n++)
                {
                    cauchy_coeff(s, &P, n, cprec);
                    arb_poly_get_coeff_arb(t, Q, n);
                    if (!arb_overlaps(s, t) || arb_rel_accuracy_bits(s) < 16)
                    {
                        flint_printf("FAIL (Cauchy integral, %s), n = %wd\n",
                            which ? "nll" : "loglik", n);
                        print_model(M);
                        flint_printf("x = "); arb_printd(x, 20);
                        flint_printf("\nr = "); arb_printd(r, 10);
                        flint_printf("\ncauchy = "); arb_printd(s, 30);
                        flint_printf("\nseries = "); arb_printd(t, 30);
                        flint_printf("\n");
                        fflush(stdout); flint_abort();
                    }
                }
            }

            arb_clear(r); arb_clear(U0); arb_clear(Mb); arb_clear(q);
            acb_clear(P.v0); acb_clear(P.beta); acb_clear(P.T); acb_clear(P.eps);
            acb_clear(P.uT); acb_clear(P.L); acb_clear(P.r); acb_clear(P.x2);
        }

        /* (4) Thm 4.2 c_1 vs series c_1 */
        rand_frac(x, st, -3000, 6000, 1000, prec);
        wkb_gauss1d_loglik_series(Q, M, x, 1, prec);
        arb_poly_get_coeff_arb(t, Q, 1);
        wkb_gauss1d_c1_thm42(c1, M, x, FLINT_MIN(prec, 100));
        if (!arb_overlaps(c1, t) || arb_rel_accuracy_bits(c1) < 30)
        {
            flint_printf("FAIL (Thm 4.2 c_1 vs series c_1)\n");
            print_model(M);
            flint_printf("x = "); arb_printd(x, 20);
            flint_printf("\nthm42 = "); arb_printd(c1, 30);
            flint_printf("\nseries = "); arb_printd(t, 30);
            flint_printf("\n");
            fflush(stdout); flint_abort();
        }

        wkb_gauss1d_clear(M);
        arb_poly_clear(S); arb_poly_clear(Q);
        arb_clear(h); arb_clear(R); arb_clear(tail); arb_clear(s); arb_clear(u);
        arb_clear(uq); arb_clear(t); arb_clear(x); arb_clear(c1);
    }

    /* the tail check must not be vacuous */
    if (ntight < 20)
    {
        flint_printf("FAIL (only %wd of 60 tail checks were tighter than 2^-30)\n", ntight);
        fflush(stdout); flint_abort();
    }

    flint_randclear(st);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
