/* Classical paths of the linear SDE: closed-form action against quadrature
   along the classical path, end points, Euler-Lagrange (the cross term with
   a perturbation vanishing at the ends integrates to 0), the Gel'fand-Yaglom
   determinant against the quadrature a int g^2/a^2, and the semiclassical
   density against the exact Gaussian transition density. */
#include "common.h"

typedef struct
{
    const sched_struct * S;
    arb_srcptr x0, x1;
    slong d;
    const arb_struct * t0, * t1;
    int what;            /* 0: |x' - f x|^2/(2 g2); 1: cross term with eta;
                            2: g2 (a_{t0}/a_t)^2 */
}
cl_param;

/* eta(t) = (t - t0)(t1 - t) in every coordinate */
static int
series(arb_poly_t res, const arb_t t, slong len, void * param, slong prec)
{
    cl_param * C = param;
    slong d = C->d, i;
    arb_poly_struct * xs = flint_malloc(d * sizeof(arb_poly_struct));
    arb_poly_t f, g2, u, v, eta, w;
    arb_t c;

    for (i = 0; i < d; i++)
        arb_poly_init(xs + i);
    arb_poly_init(f); arb_poly_init(g2); arb_poly_init(u); arb_poly_init(v);
    arb_poly_init(eta); arb_poly_init(w);
    arb_init(c);
    sched_f_series(f, C->S, t, len, prec);
    sched_g2_series(g2, C->S, t, len, prec);
    if (C->what == 2)
    {
        sched_a_series(u, C->S, t, len, prec);
        arb_poly_inv_series(u, u, len, prec);
        sched_a(c, C->S, C->t0, prec);
        arb_poly_scalar_mul(u, u, c, prec);
        arb_poly_mullow(u, u, u, len, prec);
        arb_poly_mullow(res, u, g2, len, prec);
    }
    else
    {
        action_classical_linear_path_series(xs, C->S, C->x0, C->x1, d, C->t0, C->t1, t,
                                            len + 1, prec);
        /* eta - f eta' ... : w = eta' - f eta, eta(t + tau) */
        arb_poly_zero(eta);
        arb_sub(c, t, C->t0, prec);
        arb_poly_set_coeff_arb(eta, 0, c);
        arb_poly_set_coeff_si(eta, 1, 1);
        arb_poly_zero(w);
        arb_sub(c, C->t1, t, prec);
        arb_poly_set_coeff_arb(w, 0, c);
        arb_poly_set_coeff_si(w, 1, -1);
        arb_poly_mullow(eta, eta, w, len + 1, prec);
        arb_poly_derivative(w, eta, prec);
        arb_poly_mullow(u, f, eta, len, prec);
        arb_poly_sub(w, w, u, prec);
        arb_poly_zero(res);
        for (i = 0; i < d; i++)
        {
            arb_poly_derivative(v, xs + i, prec);
            arb_poly_truncate(v, len);
            arb_poly_mullow(u, f, xs + i, len, prec);
            arb_poly_sub(v, v, u, prec);
            if (C->what == 0)
                arb_poly_mullow(u, v, v, len, prec);
            else
                arb_poly_mullow(u, v, w, len, prec);
            arb_poly_add(res, res, u, prec);
        }
        arb_poly_div_series(res, res, g2, len, prec);
        if (C->what == 0)
            arb_poly_scalar_mul_2exp_si(res, res, -1);
    }
    for (i = 0; i < d; i++)
        arb_poly_clear(xs + i);
    flint_free(xs);
    arb_poly_clear(f); arb_poly_clear(g2); arb_poly_clear(u); arb_poly_clear(v);
    arb_poly_clear(eta); arb_poly_clear(w);
    arb_clear(c);
    return 0;
}

int
main(void)
{
    slong iter, prec = 100, i;
    flint_rand_t st;
    flint_randinit(st);

    for (iter = 0; iter < 24; iter++)
    {
        sched_t S;
        arb_t tmax, t0, t1, A, J, D, lsc, lex, Aq, cross, Vq, a, s2, c;
        arb_ptr x0, x1;
        arb_poly_struct xs[3];
        slong d = 1 + n_randint(st, 3);
        int k = n_randint(st, 6), ok = 1;
#ifdef ONLYK
        k = ONLYK;
#endif
        cl_param C;

        sched_init(S);
        arb_init(tmax); arb_init(t0); arb_init(t1); arb_init(A); arb_init(J); arb_init(D);
        arb_init(lsc); arb_init(lex); arb_init(Aq); arb_init(cross); arb_init(Vq);
        arb_init(a); arb_init(s2); arb_init(c);
        x0 = _arb_vec_init(d);
        x1 = _arb_vec_init(d);
        for (i = 0; i < 3; i++)
            arb_poly_init(xs + i);

        test_sched_set(S, k, tmax, prec);
        /* t0 in [tmax/64 * 2, tmax/2], t1 in [t0 + .., tmax] */
        test_rand_time(t0, st, tmax, 3, 32, prec);
        test_rand_time(t1, st, tmax, 40, 64, prec);
        test_rand_point(x0, d, st, prec);
        test_rand_point(x1, d, st, prec);

        action_classical_linear(A, J, D, S, x0, x1, d, t0, t1, prec);
        action_semiclassical_log_density(lsc, A, J, D, d, prec);
        action_transition_log_density(lex, S, x0, x1, d, t0, t1, prec);
        ok = ok && arb_overlaps(lsc, lex) && arb_rel_accuracy_bits(lsc) > 70;

        /* independent transition density: a Gaussian target N(x0, 0) under (a, s2) */
        {
            target_t P;
            target_init(P, d, 1);
            arb_one(target_weight(P, 0));
            _arb_vec_set(target_mean(P, 0), x0, d);
            action_linear_kernel(a, s2, S, t0, t1, prec);
            _target_log_density(c, P, a, s2, x1, prec);
            ok = ok && arb_overlaps(c, lex);
            target_clear(P);
        }

        C.S = S; C.x0 = x0; C.x1 = x1; C.d = d; C.t0 = t0; C.t1 = t1;
        /* end points */
        action_classical_linear_path_series(xs, S, x0, x1, d, t0, t1, t0, 2, prec);
        for (i = 0; i < d; i++)
        {
            arb_poly_get_coeff_arb(c, xs + i, 0);
            ok = ok && arb_overlaps(c, x0 + i);
        }
        action_classical_linear_path_series(xs, S, x0, x1, d, t0, t1, t1, 2, prec);
        for (i = 0; i < d; i++)
        {
            arb_poly_get_coeff_arb(c, xs + i, 0);
            ok = ok && arb_overlaps(c, x1 + i);
        }
        /* action by quadrature */
        C.what = 0;
        action_integrate_series(Aq, series, &C, t0, t1, 8, 30, prec);
        ok = ok && arb_overlaps(Aq, A) && arb_rel_accuracy_bits(Aq) > 40;
        /* Euler-Lagrange: cross term vanishes */
        C.what = 1;
        action_integrate_series(cross, series, &C, t0, t1, 8, 30, prec);
        ok = ok && arb_contains_zero(cross) && mag_cmp_2exp_si(arb_radref(cross), -40) < 0;
        /* Gel'fand-Yaglom: eta(t1) = (a_{t1}/a_{t0}) int g2 (a_{t0}/a_t)^2 dt */
        C.what = 2;
        action_integrate_series(Vq, series, &C, t0, t1, 8, 30, prec);
        arb_mul(Vq, Vq, a, prec);
        arb_pow_ui(Vq, Vq, d, prec);
        ok = ok && arb_overlaps(Vq, D) && arb_rel_accuracy_bits(Vq) > 40;

        if (!ok)
        {
            flint_printf("FAIL: schedule %d, d = %wd\n", k, d);
            flint_printf("t0 = "); arb_printd(t0, 20); flint_printf("  t1 = "); arb_printd(t1, 20);
            flint_printf("\nA = "); arb_printd(A, 30); flint_printf("\nAq = "); arb_printd(Aq, 30);
            flint_printf("\ncross = "); arb_printd(cross, 30);
            flint_printf("\nD = "); arb_printd(D, 30); flint_printf("\nDq = "); arb_printd(Vq, 30);
            flint_printf("\nlog semiclassical = "); arb_printd(lsc, 30);
            flint_printf("\nlog exact = "); arb_printd(lex, 30);
            flint_printf("\nlog target = "); arb_printd(c, 30); flint_printf("\n");
            return 1;
        }

        sched_clear(S);
        arb_clear(tmax); arb_clear(t0); arb_clear(t1); arb_clear(A); arb_clear(J); arb_clear(D);
        arb_clear(lsc); arb_clear(lex); arb_clear(Aq); arb_clear(cross); arb_clear(Vq);
        arb_clear(a); arb_clear(s2); arb_clear(c);
        _arb_vec_clear(x0, d);
        _arb_vec_clear(x1, d);
        for (i = 0; i < 3; i++)
            arb_poly_clear(xs + i);
    }
    flint_randclear(st);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
