/*
    wkb_gauss1d_u0 (closed form) and wkb_gauss1d_u0_quad (quadrature of
    1/E(t)) against each other and against the variance ODE itself:

    (1) the test builds u(t) for t in [0, T] from the solution formula
          u(t) = e^{-beta t} w_t^m [uT e^{beta T} W^{-m}
                 + h v0 (W^{1-m} - w_t^{1-m})/(1-m)],  w_t = 1 + expm1(beta t)/v0,
        and checks with Taylor arithmetic in t (arb_poly) that at random t
        the residual u' - 2 a_h(t) u + h beta, a_h from v_t as defined
        (-beta/2 + m beta/(2 v_t)), encloses 0, and that u(T) encloses uT;
        then u(0) must overlap wkb_gauss1d_u0;
    (2) wkb_gauss1d_u0 and wkb_gauss1d_u0_quad overlap, also for ball h;
    (3) eps = 0 with prior N(0, v_T): u_0(h) contains v0 for every h;
        eps = 0 with prior N(0, uT): u_0 = v0 + v0 W^{-h} (uT/v_T - 1).
*/
#include "diffwkb/wkb.h"
#include "common.h"

static void
rand_model(wkb_gauss1d_t M, flint_rand_t st, slong prec)
{
    rand_frac(M->v0, st, 50, 2950, 1000, prec);     /* (0.05, 3) */
    rand_frac(M->beta, st, 200, 2800, 1000, prec);  /* (0.2, 3) */
    rand_frac(M->T, st, 100, 700, 100, prec);       /* (1, 8) */
    rand_frac(M->eps, st, -300, 600, 1000, prec);   /* (-0.3, 0.3) */
    arb_one(M->uT);
    if (n_randint(st, 2))
        rand_frac(M->uT, st, 100, 1900, 1000, prec);
}

/* U = u(t + d) to length 2 (value and derivative), from the formula above. */
static void
u_formula(arb_poly_t U, const wkb_gauss1d_t M, const arb_t h, const arb_t t, slong prec)
{
    arb_poly_t x, w, p1, p2;
    arb_t m, om, W, c, e;

    arb_poly_init(x); arb_poly_init(w); arb_poly_init(p1); arb_poly_init(p2);
    arb_init(m); arb_init(om); arb_init(W); arb_init(c); arb_init(e);

    arb_add_ui(m, h, 1, prec);
    arb_add_ui(c, M->eps, 1, prec);
    arb_mul(m, m, c, prec);
    arb_sub_ui(om, m, 1, prec);
    arb_neg(om, om);                          /* 1 - m */

    /* W = 1 + (e^{beta T} - 1)/v0 */
    arb_mul(W, M->beta, M->T, prec);
    arb_exp(W, W, prec);
    arb_sub_ui(W, W, 1, prec);
    arb_div(W, W, M->v0, prec);
    arb_add_ui(W, W, 1, prec);

    /* x = beta (t + d) */
    arb_poly_set_coeff_arb(x, 1, M->beta);
    arb_mul(c, M->beta, t, prec);
    arb_poly_set_coeff_arb(x, 0, c);
    /* w = 1 + (e^x - 1)/v0 */
    arb_poly_exp_series(w, x, 2, prec);
    arb_poly_add_si(w, w, -1, prec);
    arb_inv(c, M->v0, prec);
    arb_poly_scalar_mul(w, w, c, prec);
    arb_poly_add_si(w, w, 1, prec);

    /* bracket = uT e^{beta T} W^{-m} + h v0 (W^{1-m} - w^{1-m})/(1-m) */
    arb_poly_pow_arb_series(p1, w, om, 2, prec);
    arb_pow(c, W, om, prec);
    arb_poly_neg(p1, p1);
    {
        arb_poly_t k;
        arb_poly_init(k);
        arb_poly_set_arb(k, c);
        arb_poly_add(p1, p1, k, prec);
        arb_poly_clear(k);
    }
    arb_mul(c, h, M->v0, prec);
    arb_div(c, c, om, prec);
    arb_poly_scalar_mul(p1, p1, c, prec);
    arb_neg(c, m);
    arb_pow(c, W, c, prec);
    arb_mul(e, M->beta, M->T, prec);
    arb_exp(e, e, prec);
    arb_mul(c, c, e, prec);
    arb_mul(c, c, M->uT, prec);
    {
        arb_poly_t k;
        arb_poly_init(k);
        arb_poly_set_arb(k, c);
        arb_poly_add(p1, p1, k, prec);
        arb_poly_clear(k);
    }

    /* e^{-x} w^m */
    arb_poly_pow_arb_series(p2, w, m, 2, prec);
    arb_poly_neg(x, x);
    arb_poly_exp_series(x, x, 2, prec);
    arb_poly_mullow(p2, p2, x, 2, prec);
    arb_poly_mullow(U, p1, p2, 2, prec);

    arb_poly_clear(x); arb_poly_clear(w); arb_poly_clear(p1); arb_poly_clear(p2);
    arb_clear(m); arb_clear(om); arb_clear(W); arb_clear(c); arb_clear(e);
}

int
main(void)
{
    flint_rand_t st;
    slong iter;

    flint_printf("gauss1d_u0....");
    fflush(stdout);
    flint_randinit(st);

    for (iter = 0; iter < 300; iter++)
    {
        wkb_gauss1d_t M;
        arb_t h, t, u0, uq, r, a, vt, c;
        arb_poly_t U;
        slong prec = 64 + n_randint(st, 200);
        slong j;

        wkb_gauss1d_init(M);
        arb_init(h); arb_init(t); arb_init(u0); arb_init(uq); arb_init(r);
        arb_init(a); arb_init(vt); arb_init(c);
        arb_poly_init(U);

        rand_model(M, st, prec);
        rand_frac(h, st, 0, 1500, 1000, prec);    /* h in [0, 1.5) */
        if (n_randint(st, 4) == 0)
            arb_zero(h);

        wkb_gauss1d_u0(u0, M, h, prec);

        /* (1) the ODE residual at random t and the terminal value */
        arb_add_ui(c, h, 1, prec);
        arb_add_ui(r, M->eps, 1, prec);
        arb_mul(c, c, r, prec);
        arb_sub_ui(c, c, 1, prec);               /* m - 1 */
        if (!arb_contains_zero(c))
        {
            for (j = 0; j < 4; j++)
            {
                arb_set_ui(t, n_randint(st, 1001));
                arb_div_ui(t, t, 1000, prec);
                arb_mul(t, t, M->T, prec);
                if (j == 0) arb_set(t, M->T);
                if (j == 1) arb_zero(t);

                u_formula(U, M, h, t, prec);

                /* a = -beta/2 + m beta/(2 v_t) */
                wkb_gauss1d_vt(vt, M, t, prec);
                arb_add_ui(a, c, 1, prec);
                arb_mul(a, a, M->beta, prec);
                arb_div(a, a, vt, prec);
                arb_sub(a, a, M->beta, prec);
                arb_mul_2exp_si(a, a, -1);

                /* r = u' - 2 a u + h beta */
                arb_poly_get_coeff_arb(r, U, 1);
                arb_poly_get_coeff_arb(vt, U, 0);
                arb_mul(vt, vt, a, prec);
                arb_mul_2exp_si(vt, vt, 1);
                arb_sub(r, r, vt, prec);
                arb_addmul(r, h, M->beta, prec);

                if (!arb_contains_zero(r) || arb_rel_accuracy_bits(U->coeffs) < prec / 4
                    || mag_cmp_2exp_si(arb_radref(r), -prec / 4) > 0)
                {
                    flint_printf("FAIL (ODE residual)\n");
                    print_model(M);
                    flint_printf("h = "); arb_printd(h, 20);
                    flint_printf("\nt = "); arb_printd(t, 20);
                    flint_printf("\nresidual = "); arb_printd(r, 20);
                    flint_printf("\n");
                    fflush(stdout); flint_abort();
                }

                if (j == 0)
                {
                    arb_poly_get_coeff_arb(r, U, 0);
                    if (!arb_overlaps(r, M->uT))
                    {
                        flint_printf("FAIL (u(T) != uT)\n");
                        print_model(M);
                        fflush(stdout); flint_abort();
                    }
                }
                if (j == 1)
                {
                    arb_poly_get_coeff_arb(r, U, 0);
                    if (!arb_overlaps(r, u0) || arb_rel_accuracy_bits(u0) < prec - 30)
                    {
                        flint_printf("FAIL (u(0) from ODE solution vs u0)\n");
                        print_model(M);
                        flint_printf("h = "); arb_printd(h, 20);
                        flint_printf("\nu(0) = "); arb_printd(r, 30);
                        flint_printf("\nu0 = "); arb_printd(u0, 30);
                        flint_printf("\n");
                        fflush(stdout); flint_abort();
                    }
                }
            }
        }

        /* (2) closed form vs quadrature, point h and (sometimes) ball h */
        if (iter % 3 == 0)
        {
            slong qprec = FLINT_MIN(prec, 64 + (slong) n_randint(st, 64));
            if (iter % 2 == 0)
                mag_set_ui_2exp_si(arb_radref(h), 1, -10 - (slong) n_randint(st, 40));
            wkb_gauss1d_u0(u0, M, h, qprec);
            wkb_gauss1d_u0_quad(uq, M, h, qprec);
            if (!arb_overlaps(u0, uq) || !arb_is_finite(uq))
            {
                flint_printf("FAIL (closed form vs quadrature)\n");
                print_model(M);
                flint_printf("h = "); arb_printd(h, 20);
                flint_printf("\nclosed = "); arb_printd(u0, 30);
                flint_printf("\nquad = "); arb_printd(uq, 30);
                flint_printf("\n");
                fflush(stdout); flint_abort();
            }
            if (mag_is_zero(arb_radref(h)) && arb_rel_accuracy_bits(uq) < qprec - 30)
            {
                flint_printf("FAIL (quadrature accuracy)\n");
                print_model(M);
                fflush(stdout); flint_abort();
            }
        }

        /* (3) eps = 0 */
        arb_zero(M->eps);
        arb_set(c, M->uT);
        wkb_gauss1d_set_prior_exact(M, prec);
        arb_set(vt, M->uT);                      /* v_T */
        wkb_gauss1d_u0(u0, M, h, prec);
        if (!arb_contains(u0, M->v0) && !arb_overlaps(u0, M->v0))
        {
            flint_printf("FAIL (eps = 0, exact prior)\n");
            print_model(M);
            flint_printf("h = "); arb_printd(h, 20);
            flint_printf("\nu0 = "); arb_printd(u0, 30);
            flint_printf("\n");
            fflush(stdout); flint_abort();
        }
        wkb_gauss1d_set_prior_var(M, c);
        wkb_gauss1d_u0(u0, M, h, prec);
        /* r = v0 + v0 W^{-h} (uT/v_T - 1), W = e^{beta T} v_T / v0 */
        arb_mul(r, M->beta, M->T, prec);
        arb_exp(r, r, prec);
        arb_mul(r, r, vt, prec);
        arb_div(r, r, M->v0, prec);
        arb_neg(a, h);
        arb_pow(r, r, a, prec);
        arb_div(a, c, vt, prec);
        arb_sub_ui(a, a, 1, prec);
        arb_mul(r, r, a, prec);
        arb_add_ui(r, r, 1, prec);
        arb_mul(r, r, M->v0, prec);
        if (!arb_overlaps(u0, r))
        {
            flint_printf("FAIL (eps = 0 closed form)\n");
            print_model(M);
            flint_printf("h = "); arb_printd(h, 20);
            flint_printf("\nu0 = "); arb_printd(u0, 30);
            flint_printf("\nexpected = "); arb_printd(r, 30);
            flint_printf("\n");
            fflush(stdout); flint_abort();
        }

        wkb_gauss1d_clear(M);
        arb_clear(h); arb_clear(t); arb_clear(u0); arb_clear(uq); arb_clear(r);
        arb_clear(a); arb_clear(vt); arb_clear(c);
        arb_poly_clear(U);
    }

    flint_randclear(st);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
