/*
    Prop. 3.1 (math.md section 2): the Onsager-Machlup path density of the
    alpha-discretised linear SDE dx = f(t) x dt + g dw, with the measure
    prod (2 pi g^2 dt)^{-1/2} and the Jacobian |1 - alpha f dt|, integrated
    over the intermediate points of an N-step grid (Gaussian integrals done
    exactly in balls, completing the square step by step), is
        M_N N(x_N; R_N x_0, V_N),
    with M_N = 1 exactly for every dt, and (R_N, V_N) -> (a_T, s_T^2), the
    exact transition kernel, at rate O(dt) (error ratio >= ~2 per doubling;
    ~4 where the scheme happens to be second order).  Without the Jacobian
    the mass is M_N = prod 1/|1 - alpha f dt| -> exp(alpha int f dt):
    the limit is off by the factor exp(-alpha int div f dt) (printed).
*/
#include "deriv.h"

#define KMIN 2
#define KMAX 10

static void
run(const char * name, const sched_t S, const arb_t T, const arb_t alpha, slong prec)
{
    arb_t aT, s2T, R, V, M, rest, e, eR[KMAX + 1], eV[KMAX + 1], eM[KMAX + 1], ratio, lim,
          tol, two;
    arb_ptr t;
    slong k, n, N;
    char buf[100];

    arb_init(aT); arb_init(s2T); arb_init(R); arb_init(V); arb_init(M); arb_init(rest);
    arb_init(e); arb_init(ratio); arb_init(lim); arb_init(tol); arb_init(two);
    for (k = 0; k <= KMAX; k++)
    {
        arb_init(eR[k]);
        arb_init(eV[k]);
        arb_init(eM[k]);
    }
    sched_a(aT, S, T, prec);
    sched_s2(s2T, S, T, prec);
    /* limit of the mass without Jacobian: exp(alpha int_0^T f) = a_T^alpha */
    sched_log_a(lim, S, T, prec);
    arb_mul(lim, lim, alpha, prec);
    arb_exp(lim, lim, prec);

    printf("schedule %s, T = ", name);
    arb_printn(T, 5, 0);
    printf(", alpha = ");
    arb_printn(alpha, 5, 0);
    printf("\n     N   R_N - a_T            V_N - s_T^2          M_N(no J) - a_T^alpha\n");
    for (k = KMIN; k <= KMAX; k++)
    {
        N = WORD(1) << k;
        t = _arb_vec_init(N + 1);
        for (n = 0; n <= N; n++)
        {
            arb_mul_si(t + n, T, n, prec);
            arb_div_si(t + n, t + n, N, prec);
        }
        action_linear_compose(R, V, M, rest, S, t, N, alpha, 1, prec);
        snprintf(buf, sizeof buf, "N = %ld: mass with Jacobian = 1", (long) N);
        arb_one(e);
        deriv_check(buf, M, e, -70, k == KMAX);
        deriv_check_zero("x_0^2 remainder of the completed square", rest, -70, k == KMAX);
        arb_sub(eR[k], R, aT, prec);
        arb_sub(eV[k], V, s2T, prec);
        action_linear_compose(R, V, M, rest, S, t, N, alpha, 0, prec);
        arb_sub(eM[k], M, lim, prec);
        {
            char * s1 = arb_get_str(eR[k], 6, ARB_STR_NO_RADIUS);
            char * s2 = arb_get_str(eV[k], 6, ARB_STR_NO_RADIUS);
            char * s3 = arb_get_str(eM[k], 6, ARB_STR_NO_RADIUS);
            printf("  %4ld  %-20s %-20s %-20s\n", (long) N, s1, s2, s3);
            flint_free(s1);
            flint_free(s2);
            flint_free(s3);
        }
        _arb_vec_clear(t, N + 1);
    }
    /* convergence rate: err_N / err_2N in [1.8, 4.5] over the last 3 doublings
       (certified from the balls; skipped when the error is exactly 0) */
    arb_set_str(tol, "1.8", prec);
    arb_set_str(two, "4.5", prec);
    for (k = KMAX - 2; k <= KMAX; k++)
    {
        arb_ptr errs[3];
        int j;
        errs[0] = eR[k - 1]; errs[1] = eV[k - 1]; errs[2] = eM[k - 1];
        for (j = 0; j < 3; j++)
        {
            arb_srcptr cur = (j == 0 ? eR[k] : j == 1 ? eV[k] : eM[k]);
            if (j == 2 && arb_is_zero(alpha))
                continue;   /* no Jacobian to drop: M_N = 1 */
            arb_div(ratio, errs[j], cur, prec);
            if (!(arb_gt(ratio, tol) && arb_lt(ratio, two)))
            {
                printf("  ratio err(N/2)/err(N) at N = %ld, column %d: ", (long) (WORD(1) << k), j);
                arb_printn(ratio, 8, 0);
                printf("\n");
                deriv_fail("convergence ratio outside [1.8, 4.5]");
            }
        }
    }
    arb_div(ratio, eR[KMAX - 1], eR[KMAX], prec);
    printf("  error ratio at N = %d: mean ", 1 << KMAX);
    arb_printn(ratio, 6, 0);
    arb_div(ratio, eV[KMAX - 1], eV[KMAX], prec);
    printf(", variance ");
    arb_printn(ratio, 6, 0);
    if (!arb_is_zero(alpha))
    {
        arb_div(ratio, eM[KMAX - 1], eM[KMAX], prec);
        printf(", mass without J ");
        arb_printn(ratio, 6, 0);
    }
    arb_inv(e, lim, prec);
    printf("\n  missing factor exp(-alpha int div f dt) = ");
    arb_printn(e, 20, 0);
    printf("\n\n");

    arb_clear(aT); arb_clear(s2T); arb_clear(R); arb_clear(V); arb_clear(M); arb_clear(rest);
    arb_clear(e); arb_clear(ratio); arb_clear(lim); arb_clear(tol); arb_clear(two);
    for (k = 0; k <= KMAX; k++)
    {
        arb_clear(eR[k]);
        arb_clear(eV[k]);
        arb_clear(eM[k]);
    }
}

int
derivation_prop31(void)
{
    slong prec = 256;
    int i, j;
    sched_t S;
    arb_t T, alpha, p, q;

    printf("Prop. 3.1: the alpha-discretised Onsager-Machlup path density of a linear SDE,\n"
           "integrated over the intermediate grid points, is normalised for every dt (with\n"
           "the Jacobian |1 - alpha f dt|) and converges at rate O(dt) to the exact\n"
           "transition kernel N(a_T x0, s_T^2); without the Jacobian the limit is off by\n"
           "exp(-alpha int div f dt).\n\n");
    sched_init(S);
    arb_init(T); arb_init(alpha); arb_init(p); arb_init(q);
    for (i = 0; i < 2; i++)
    {
        if (i == 0)
        {
            arb_one(p);
            sched_set_const(S, p);
        }
        else
        {
            arb_set_str(p, "0.1", prec);
            arb_set_ui(q, 20);
            sched_set_vp(S, p, q);
        }
        arb_one(T);
        for (j = 0; j < 3; j++)
        {
            arb_set_ui(alpha, j);
            arb_mul_2exp_si(alpha, alpha, -1);
            run(i == 0 ? "const (beta = 1)" : "vp (b0 = 0.1, b1 = 20)", S, T, alpha, prec);
        }
    }
    sched_clear(S);
    arb_clear(T); arb_clear(alpha); arb_clear(p); arb_clear(q);
    return deriv_finish();
}

#ifdef DERIVATION_MAIN
int
main(void)
{
    return derivation_prop31();
}
#endif
