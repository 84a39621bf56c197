/*
    Thm. 4.1 (math.md section 6, Eqs. 14-15) at finite h for the section 5.1
    model (p_0 = N(0, v0), f = -beta x/2, g^2 = beta, s = -(1+eps) x / v_t,
    prior pi = N(0, uT)):

        log q^h_0(x_0) = log pi(x_T)
            + int_0^T [div f_PF - (h g^2/2)(div s - Lap log q^h_t)](x_t, t) dt,     (14)
        x_t' = f_PF - (h g^2/2)(s - grad log q^h_t),   x(0) = x_0,                   (15)

    with q^h_t = N(0, u_t), u' = 2 a_h u - h beta, u(T) = uT,
    a_h = -beta/2 + (1+h)(1+eps) beta/(2 v_t).  The right side is computed in
    two ways, the left side by wkb_gauss1d_loglik (closed form of u_0):

    (A) closed form of u_t on all of [0, T]: with m = (1+h)(1+eps),
        w_t = (e^{beta t} - 1 + v0)/v0, D_t = log(w_T/w_t),
            u_t = uT e^{beta (T - t) - m D_t} + h v_t D_t phi((1 - m) D_t),
        phi(y) = (e^y - 1)/y = 1F1(1; 2; y) (integrating factor
        E(t) = e^{-beta t} w_t^m, substitution w = w_s in int ds/E).  The
        integrand of (14) and the rate x'/x of the linear characteristic (15)
        are written out from f_PF, s, grad/Lap log q^h_t and integrated over
        [0, T] with acb_calc_integrate (holomorphic in t near [0, T]:
        acb_log_analytic, 1F1 entire); x_T = x_0 exp(int_0^T x'/x dt).
    (B) no closed form for u_t at all: the variance ODE, the integral of (14)
        and log(x_T/x_0) integrated together from T down to 0 with the
        validated integrator ode_solve (u(T) = uT), the right-hand side built
        from the time series of v_t.

    Every pair of balls must overlap (radii < 2^-60); h in {0, 1/2, 1} and two
    random h in [0, 1] (multiples of 1/1000), random x_0, several models (eps = 0 included; prior N(0, 1)
    and the exact marginal p_T).  At h = 0 this is the change of variables of
    the probability-flow ODE (CNF likelihood).
*/
#include <acb_calc.h>
#include <acb_hypgeom.h>
#include "diffwkb/ode.h"
#include "deriv.h"

typedef struct
{
    const wkb_gauss1d_struct * M;
    arb_t h;
    int which;    /* 0: integrand of (14), 1: rate x'/x of (15) */
}
t41_param;

/* u_t (closed form (A)) and v_t at complex t */
static void
t41_u(acb_t u, acb_t v, const t41_param * Q, const acb_t t, slong prec)
{
    const wkb_gauss1d_struct * M = Q->M;
    acb_t e, w, D, y, a, b;
    arb_t m, wT;
    acb_init(e); acb_init(w); acb_init(D); acb_init(y); acb_init(a); acb_init(b);
    arb_init(m); arb_init(wT);
    /* m = (1+h)(1+eps) */
    arb_add_ui(m, Q->h, 1, prec);
    arb_add_ui(wT, M->eps, 1, prec);
    arb_mul(m, m, wT, prec);
    /* log w_T = log(1 + expm1(beta T)/v0) */
    arb_mul(wT, M->beta, M->T, prec);
    arb_expm1(wT, wT, prec);
    arb_div(wT, wT, M->v0, prec);
    arb_log1p(wT, wT, prec);
    /* w_t = 1 + expm1(beta t)/v0, D = log w_T - log w_t */
    acb_mul_arb(e, t, M->beta, prec);
    acb_expm1(w, e, prec);
    acb_div_arb(w, w, M->v0, prec);
    acb_add_ui(w, w, 1, prec);
    acb_log_analytic(D, w, 1, prec);
    acb_neg(D, D);
    acb_add_arb(D, D, wT, prec);
    /* v_t = 1 - (1 - v0) e^{-beta t} */
    acb_neg(e, e);
    acb_exp(a, e, prec);                         /* e^{-beta t} */
    arb_sub_ui(acb_realref(b), M->v0, 1, prec);
    arb_zero(acb_imagref(b));
    acb_mul(v, a, b, prec);
    acb_add_ui(v, v, 1, prec);
    /* uT e^{beta (T - t) - m D} */
    acb_mul_arb(y, D, m, prec);
    acb_sub(y, e, y, prec);                      /* - beta t - m D */
    arb_mul(acb_realref(a), M->beta, M->T, prec);
    arb_zero(acb_imagref(a));
    acb_add(y, y, a, prec);                      /* beta (T - t) - m D */
    acb_exp(u, y, prec);
    acb_mul_arb(u, u, M->uT, prec);
    /* + h v_t D phi((1 - m) D) = h v_t expm1((1 - m) D)/(1 - m) when 1 - m != 0,
       1F1(1; 2; .) only when the ball 1 - m contains 0 */
    arb_sub_ui(m, m, 1, prec);
    arb_neg(m, m);
    acb_mul_arb(y, D, m, prec);
    if (arb_contains_zero(m))
    {
        acb_one(a);
        acb_set_ui(b, 2);
        acb_hypgeom_m(y, a, b, y, 0, prec);
        acb_mul(y, y, D, prec);
    }
    else
    {
        acb_expm1(y, y, prec);
        acb_div_arb(y, y, m, prec);
    }
    acb_mul(y, y, v, prec);
    acb_mul_arb(y, y, Q->h, prec);
    acb_add(u, u, y, prec);
    acb_clear(e); acb_clear(w); acb_clear(D); acb_clear(y); acb_clear(a); acb_clear(b);
    arb_clear(m); arb_clear(wT);
}

/* (14): div f_PF - (h beta/2)(div s - Lap log q);  (15): x'/x with
   f_PF = -beta x/2 - (beta/2) s, s = -lam x/v, grad log q = -x/u */
static int
t41_integrand(acb_ptr res, const acb_t t, void * param, slong order, slong prec)
{
    const t41_param * Q = param;
    const wkb_gauss1d_struct * M = Q->M;
    acb_t u, v, s, fpf, r, hb;
    if (order > 1)
        flint_abort();
    acb_init(u); acb_init(v); acb_init(s); acb_init(fpf); acb_init(r); acb_init(hb);
    t41_u(u, v, Q, t, prec);
    /* s' := d s/dx = s(1) = -lam/v  (div s in 1D, and s(x)/x) */
    arb_add_ui(acb_realref(r), M->eps, 1, prec);
    arb_zero(acb_imagref(r));
    acb_div(s, r, v, prec);
    acb_neg(s, s);
    /* f_PF(1) = -beta/2 - (beta/2) s(1)  (= div f_PF) */
    acb_set_arb(fpf, M->beta);
    acb_mul_2exp_si(fpf, fpf, -1);
    acb_mul(r, fpf, s, prec);
    acb_add(fpf, fpf, r, prec);
    acb_neg(fpf, fpf);
    /* hb = h beta/2 */
    acb_set_arb(hb, M->beta);
    acb_mul_arb(hb, hb, Q->h, prec);
    acb_mul_2exp_si(hb, hb, -1);
    acb_inv(u, u, prec);                       /* 1/u */
    if (Q->which == 0)
    {
        /* div s - Lap log q = s(1) + 1/u */
        acb_add(r, s, u, prec);
    }
    else
    {
        /* (s(x) - grad log q(x))/x = s(1) + 1/u */
        acb_neg(r, u);
        acb_sub(r, s, r, prec);
    }
    acb_mul(r, r, hb, prec);
    acb_sub(res, fpf, r, prec);
    acb_clear(u); acb_clear(v); acb_clear(s); acb_clear(fpf); acb_clear(r); acb_clear(hb);
    return 0;
}

static void
t41_quad(arb_t res, t41_param * Q, slong prec)
{
    acb_t r, a, b;
    mag_t tol;
    acb_calc_integrate_opt_t opt;
    acb_init(r); acb_init(a); acb_init(b);
    mag_init(tol);
    acb_calc_integrate_opt_init(opt);
    mag_set_ui_2exp_si(tol, 1, -prec);
    acb_zero(a);
    acb_set_arb(b, Q->M->T);
    acb_calc_integrate(r, t41_integrand, Q, a, b, prec, tol, opt, prec);
    arb_set(res, acb_realref(r));
    acb_clear(r); acb_clear(a); acb_clear(b);
    mag_clear(tol);
}

/* Route (B): state (u, Y, Z), Y(t) = int_t^T (14) integrand, Z(t) = int_t^T x'/x,
   u' = 2 a_h u - h beta, Y' = -I, Z' = -c (forward-time derivatives). */
static int
t41_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t, slong len,
        void * param, slong prec)
{
    const t41_param * Q = param;
    const wkb_gauss1d_struct * M = Q->M;
    arb_poly_t v, iv, iu, tmp, I, c;
    arb_t lam, hb, w;
    arb_poly_init(v); arb_poly_init(iv); arb_poly_init(iu); arb_poly_init(tmp);
    arb_poly_init(I); arb_poly_init(c);
    arb_init(lam); arb_init(hb); arb_init(w);

    /* v(t + tau) = 1 - (1 - v0) exp(-beta (t + tau)) */
    arb_poly_zero(tmp);
    arb_mul(w, M->beta, t, prec);
    arb_neg(w, w);
    arb_poly_set_coeff_arb(tmp, 0, w);
    arb_neg(w, M->beta);
    arb_poly_set_coeff_arb(tmp, 1, w);
    arb_poly_exp_series(v, tmp, len, prec);
    arb_sub_ui(w, M->v0, 1, prec);
    arb_poly_scalar_mul(v, v, w, prec);
    arb_poly_add_si(v, v, 1, prec);
    arb_poly_inv_series(iv, v, len, prec);
    arb_poly_inv_series(iu, x + 0, len, prec);
    if (!arb_is_finite(iu->coeffs) || !arb_is_finite(iv->coeffs))
    {
        arb_poly_clear(v); arb_poly_clear(iv); arb_poly_clear(iu); arb_poly_clear(tmp);
        arb_poly_clear(I); arb_poly_clear(c);
        arb_clear(lam); arb_clear(hb); arb_clear(w);
        return 1;
    }
    arb_add_ui(lam, M->eps, 1, prec);
    arb_mul(hb, M->beta, Q->h, prec);
    arb_mul_2exp_si(hb, hb, -1);

    /* u' = 2 a_h u - h beta, 2 a_h = -beta + (1+h) lam beta / v */
    arb_add_ui(w, Q->h, 1, prec);
    arb_mul(w, w, lam, prec);
    arb_mul(w, w, M->beta, prec);
    arb_poly_scalar_mul(tmp, iv, w, prec);
    arb_poly_get_coeff_arb(w, tmp, 0);
    arb_sub(w, w, M->beta, prec);
    arb_poly_set_coeff_arb(tmp, 0, w);
    arb_poly_mullow(res + 0, tmp, x + 0, len, prec);
    arb_mul_si(w, hb, 2, prec);
    arb_poly_get_coeff_arb(lam, res + 0, 0);
    arb_sub(lam, lam, w, prec);
    arb_poly_set_coeff_arb(res + 0, 0, lam);
    arb_add_ui(lam, M->eps, 1, prec);

    /* I = div f_PF - hb (div s - Lap log q) = -beta/2 + (beta/2) lam/v - hb(-lam/v + 1/u) */
    arb_mul(w, M->beta, lam, prec);
    arb_mul_2exp_si(w, w, -1);
    arb_poly_scalar_mul(I, iv, w, prec);        /* (beta/2) lam / v = div of -(beta/2) s */
    arb_poly_scalar_mul(tmp, iv, lam, prec);
    arb_poly_neg(tmp, tmp);                     /* div s = -lam/v */
    arb_poly_add(tmp, tmp, iu, prec);           /* div s - Lap log q */
    arb_poly_scalar_mul(tmp, tmp, hb, prec);
    arb_poly_sub(I, I, tmp, prec);
    arb_mul_2exp_si(w, M->beta, -1);
    arb_poly_get_coeff_arb(lam, I, 0);
    arb_sub(lam, lam, w, prec);
    arb_poly_set_coeff_arb(I, 0, lam);
    arb_poly_neg(res + 1, I);
    arb_poly_truncate(res + 1, len);

    /* c = x'/x = f_PF(1) - hb (s(1) - grad log q(1)), s(1) = -lam/v,
       grad log q(1) = -1/u */
    arb_add_ui(lam, M->eps, 1, prec);
    arb_poly_scalar_mul(tmp, iv, lam, prec);
    arb_poly_neg(tmp, tmp);                     /* s(1) */
    arb_mul_2exp_si(w, M->beta, -1);
    arb_poly_scalar_mul(c, tmp, w, prec);
    arb_poly_neg(c, c);
    arb_poly_get_coeff_arb(lam, c, 0);
    arb_sub(lam, lam, w, prec);
    arb_poly_set_coeff_arb(c, 0, lam);          /* f_PF(1) = -beta/2 - (beta/2) s(1) */
    arb_poly_add(tmp, tmp, iu, prec);           /* s(1) - (-1/u) */
    arb_poly_scalar_mul(tmp, tmp, hb, prec);
    arb_poly_sub(c, c, tmp, prec);
    arb_poly_neg(res + 2, c);
    arb_poly_truncate(res + 2, len);

    arb_poly_clear(v); arb_poly_clear(iv); arb_poly_clear(iu); arb_poly_clear(tmp);
    arb_poly_clear(I); arb_poly_clear(c);
    arb_clear(lam); arb_clear(hb); arb_clear(w);
    return 0;
}

/* Y = int_0^T I, Z = int_0^T c, u0 by route (B); returns 1 on success */
static int
t41_ode(arb_t Y, arb_t Z, arb_t u0, t41_param * Q, slong prec)
{
    ode_problem_t P;
    ode_options_t opt;
    ode_solution_t sol;
    int ok;
    ode_problem_init(P, 3);
    ode_options_init(opt);
    ode_solution_init(sol, 3);
    ode_problem_set_rhs(P, t41_rhs, NULL, Q);
    arb_set(P->t0, Q->M->T);
    arb_zero(P->t1);
    arb_set(P->x0 + 0, Q->M->uT);
    arb_zero(P->x0 + 1);
    arb_zero(P->x0 + 2);
    opt->store = 0;
    ok = (ode_solve(sol, P, opt, prec) == ODE_SUCCESS);
    arb_set(u0, sol->x + 0);
    arb_set(Y, sol->x + 1);
    arb_set(Z, sol->x + 2);
    ode_solution_clear(sol);
    ode_options_clear(opt);
    ode_problem_clear(P);
    return ok;
}

/* log pi(x_T) + integral, x_T = x0 e^Z, pi = N(0, uT) */
static void
t41_rhs_value(arb_t res, const wkb_gauss1d_struct * M, const arb_t x0, const arb_t Iint,
              const arb_t Z, slong prec)
{
    arb_t xT, c;
    arb_init(xT);
    arb_init(c);
    arb_exp(xT, Z, prec);
    arb_mul(xT, xT, x0, prec);
    arb_mul(xT, xT, xT, prec);
    arb_div(xT, xT, M->uT, prec);
    arb_const_pi(c, prec);
    arb_mul_2exp_si(c, c, 1);
    arb_mul(c, c, M->uT, prec);
    arb_log(c, c, prec);
    arb_add(c, c, xT, prec);
    arb_mul_2exp_si(c, c, -1);
    arb_sub(res, Iint, c, prec);
    arb_clear(xT);
    arb_clear(c);
}

int
derivation_thm41(void)
{
    slong prec = 96, iter, j;
    flint_rand_t st;
    static const char * v0s[] = {"0.3", "1.7", "0.05"};
    static const char * epss[] = {"0.1", "0", "-0.2", "0.5"};
    static const char * Ts[] = {"5", "1", "2.5"};
    static const char * betas[] = {"1", "2", "0.5"};

    printf("Thm. 4.1: log q^h_0(x0) = log pi(x_T) + int_0^T [div f_PF - (h g^2/2)(div s -\n"
           "Lap log q^h_t)] dt along x' = f_PF - (h g^2/2)(s - grad log q^h_t), x(0) = x0,\n"
           "at finite h (section 5.1 model; right side by (A) closed-form u_t + acb_calc_integrate,\n"
           "(B) ode_solve of the variance ODE and both integrals; left side wkb_gauss1d_loglik).\n\n");
    flint_randinit(st);
    for (iter = 0; iter < 6; iter++)
    {
        wkb_gauss1d_t M;
        arb_t v0, beta, T, eps, x, h, lhs, IA, ZA, rA, Y, Z, u0, rB, u0c;
        t41_param Q;
        char what[240], * xs;

        wkb_gauss1d_init(M);
        arb_init(v0); arb_init(beta); arb_init(T); arb_init(eps); arb_init(x); arb_init(h);
        arb_init(lhs); arb_init(IA); arb_init(ZA); arb_init(rA); arb_init(Y); arb_init(Z);
        arb_init(u0); arb_init(rB); arb_init(u0c);
        arb_init(Q.h);
        arb_set_str(v0, v0s[iter % 3], prec);
        arb_set_str(eps, epss[iter % 4], prec);
        arb_set_str(T, Ts[(iter / 2) % 3], prec);
        arb_set_str(beta, betas[(iter / 3) % 3], prec);
        wkb_gauss1d_set(M, v0, beta, T, eps);
        if (iter % 4 == 3)
            wkb_gauss1d_set_prior_exact(M, prec);
        Q.M = M;
        for (j = 0; j < 5; j++)
        {
            int verbose = (iter == 0 && j < 3) || (iter < 3 && j == 4);
            if (j < 3)
            {
                arb_set_ui(h, j);
                arb_mul_2exp_si(h, h, -1);
            }
            else
            {
                arb_set_ui(h, n_randint(st, 1001));
                arb_div_ui(h, h, 1000, prec);
            }
            arb_set(Q.h, h);
            deriv_rand_point(x, 1, st, prec);
            wkb_gauss1d_loglik(lhs, M, x, h, prec);
            Q.which = 0;
            t41_quad(IA, &Q, prec);
            Q.which = 1;
            t41_quad(ZA, &Q, prec);
            t41_rhs_value(rA, M, x, IA, ZA, prec);
            if (!t41_ode(Y, Z, u0, &Q, prec))
                deriv_fail("ode_solve failed");
            t41_rhs_value(rB, M, x, Y, Z, prec);
            xs = arb_get_str(x, 6, ARB_STR_NO_RADIUS);
            {
                char * hs = arb_get_str(h, 4, ARB_STR_NO_RADIUS);
                snprintf(what, sizeof what, "v0 = %s, beta = %s, T = %s, eps = %s, prior %s, "
                         "h = %s, x0 = %s: log q^h_0 vs (A)", v0s[iter % 3],
                         betas[(iter / 3) % 3], Ts[(iter / 2) % 3], epss[iter % 4],
                         iter % 4 == 3 ? "p_T" : "N(0,1)", hs, xs);
                flint_free(hs);
            }
            flint_free(xs);
            deriv_check(what, lhs, rA, -60, verbose);
            deriv_check("  ... vs (B) ode_solve", lhs, rB, -60, verbose);
            wkb_gauss1d_u0(u0c, M, h, prec);
            deriv_check("  ... u_0 from the ODE (B) vs closed form", u0, u0c, -60, verbose);
        }
        wkb_gauss1d_clear(M);
        arb_clear(v0); arb_clear(beta); arb_clear(T); arb_clear(eps); arb_clear(x); arb_clear(h);
        arb_clear(lhs); arb_clear(IA); arb_clear(ZA); arb_clear(rA); arb_clear(Y); arb_clear(Z);
        arb_clear(u0); arb_clear(rB); arb_clear(u0c);
        arb_clear(Q.h);
    }
    flint_randclear(st);
    printf("  (6 models x 5 values of h checked: 0, 1/2, 1 and two random h)\n");
    return deriv_finish();
}

#ifdef DERIVATION_MAIN
int
main(void)
{
    return derivation_thm41();
}
#endif
