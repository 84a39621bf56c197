/*
    Prop. 3.2 (math.md section 3): on smooth paths, with the Stratonovich
    choice alpha = 1/2,
        p_0(x_0) e^{-A} = p_T(x_T) e^{-A~},
    A = int |x' - f x|^2/(2 g^2) dt + (1/2) int div f dt,
    A~ = int |x' - f x + g^2 grad log p_t|^2/(2 g^2) dt
         - (1/2) int div(f - g^2 grad log p_t) dt.
    Both actions are computed as certified time integrals along random
    polynomial paths (action_forward_poly, action_backward_poly: Taylor-model
    quadrature of the Lagrangian's time series), log p_0, log p_T with
    target.h, for Gaussian and two-component mixture data in 1D and 2D
    (const schedule, T = 1).  Also shown: with alpha = 0 the identity fails
    on smooth paths (for other alpha the identity holds only for the
    discretised measure as dt -> 0, where the stochastic integral supplies
    the difference).
*/
#include "deriv.h"

int
derivation_prop32(void)
{
    slong prec = 96, iter, i, j, d;
    flint_rand_t st;
    sched_t S;
    arb_t beta, T0, T1, al, A, At, lhs, rhs, c;

    printf("Prop. 3.2: p_0(x_0) exp(-A) = p_T(x_T) exp(-A~) on smooth paths (alpha = 1/2),\n"
           "A the forward Onsager-Machlup action, A~ the backward one with J~.\n"
           "Random quadratic paths on [0, 1], const schedule (beta = 1).\n\n");
    flint_randinit(st);
    sched_init(S);
    arb_init(beta); arb_init(T0); arb_init(T1); arb_init(al); arb_init(A); arb_init(At);
    arb_init(lhs); arb_init(rhs); arb_init(c);
    arb_one(beta);
    sched_set_const(S, beta);
    arb_zero(T0);
    arb_one(T1);
    for (iter = 0; iter < 4; iter++)
    {
        slong n = (iter & 1) ? 2 : 1;
        target_t P;
        arb_poly_struct x[2];
        arb_ptr xv = _arb_vec_init(2), cf = _arb_vec_init(3);

        d = (iter < 2) ? 1 : 2;
        target_init(P, d, n);
        for (j = 0; j < n; j++)
        {
            arb_one(target_weight(P, j));
            arb_div_ui(target_weight(P, j), target_weight(P, j), n, prec);
            deriv_rand_point(target_mean(P, j), d, st, prec);
            arb_mat_one(target_cov(P, j));
            arb_set_str(c, j ? "0.3" : "0.5", prec);
            arb_mat_scalar_mul_arb(target_cov(P, j), target_cov(P, j), c, prec);
        }
        for (i = 0; i < d; i++)
        {
            arb_poly_init(x + i);
            deriv_rand_point(cf, 3, st, prec);
            for (j = 0; j < 3; j++)
                arb_poly_set_coeff_arb(x + i, j, cf + j);
        }
        printf("%s data, d = %ld, path x(t) = ", n == 1 ? "Gaussian" : "mixture", (long) d);
        for (i = 0; i < d; i++)
        {
            arb_poly_printd(x + i, 4);
            printf(i + 1 < d ? ", " : "\n");
        }
        arb_one(al);
        arb_mul_2exp_si(al, al, -1);
        action_forward_poly(A, S, x, d, T0, T1, al, prec);
        action_backward_poly(At, P, S, x, T0, T1, al, prec);
        for (i = 0; i < d; i++)
            arb_poly_evaluate(xv + i, x + i, T0, prec);
        target_log_density(lhs, P, S, T0, xv, prec);
        arb_sub(lhs, lhs, A, prec);
        for (i = 0; i < d; i++)
            arb_poly_evaluate(xv + i, x + i, T1, prec);
        target_log_density(rhs, P, S, T1, xv, prec);
        arb_sub(rhs, rhs, At, prec);
        printf("  A = ");
        arb_printn(A, 20, 0);
        printf(", A~ = ");
        arb_printn(At, 20, 0);
        printf("\n");
        deriv_check("log p_0(x_0) - A  vs  log p_T(x_T) - A~", lhs, rhs, -67, 1);
        if (iter == 0)
        {
            /* alpha = 0: the identity fails on smooth paths */
            arb_zero(al);
            action_forward_poly(A, S, x, d, T0, T1, al, prec);
            action_backward_poly(At, P, S, x, T0, T1, al, prec);
            for (i = 0; i < d; i++)
                arb_poly_evaluate(xv + i, x + i, T0, prec);
            target_log_density(lhs, P, S, T0, xv, prec);
            arb_sub(lhs, lhs, A, prec);
            for (i = 0; i < d; i++)
                arb_poly_evaluate(xv + i, x + i, T1, prec);
            target_log_density(rhs, P, S, T1, xv, prec);
            arb_sub(rhs, rhs, At, prec);
            arb_sub(c, lhs, rhs, prec);
            printf("  with alpha = 0 instead (Ito): difference of the two sides = ");
            arb_printn(c, 15, 0);
            printf("\n  (nonzero: on smooth paths only alpha = 1/2 makes the identity exact)\n");
            if (arb_contains_zero(c))
                deriv_fail("alpha = 0 unexpectedly satisfies the identity");
        }
        printf("\n");
        for (i = 0; i < d; i++)
            arb_poly_clear(x + i);
        target_clear(P);
        _arb_vec_clear(xv, 2);
        _arb_vec_clear(cf, 3);
    }
    sched_clear(S);
    arb_clear(beta); arb_clear(T0); arb_clear(T1); arb_clear(al); arb_clear(A); arb_clear(At);
    arb_clear(lhs); arb_clear(rhs); arb_clear(c);
    flint_randclear(st);
    return deriv_finish();
}

#ifdef DERIVATION_MAIN
int
main(void)
{
    return derivation_prop32();
}
#endif
