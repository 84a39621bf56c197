/*
    Eq. (11) (math.md section 5): the Lagrangian of the h-family (9)
        L~_h = |x' - f + (1+h)/2 g^2 s|^2 / (2 h g^2)
    expands around the probability-flow drift f_PF = f - (g^2/2) s as
        L~_h = |x' - f_PF|^2/(2 h g^2) + (x' - f_PF).s/2 + h g^2 |s|^2/8.
    Checked (a) as values at random x, x', t, h (2D two-component mixture
    data, scaled score s = (1+eps) grad log p_t, all schedules), with the two
    forms computed by action_lagrangian_h and action_lagrangian_h_pf; and
    (b) as a polynomial identity in h: h L~_h from the first form, expanded
    here with x' - f + (1+h)/2 g^2 s = v0 + h v1 (v0 = x' - f_PF,
    v1 = (g^2/2) s), has coefficients |v0|^2/(2 g^2), v0.v1/g^2, |v1|^2/(2 g^2),
    which must equal |x' - f_PF|^2/(2 g^2), (x' - f_PF).s/2, g^2 |s|^2/8.
*/
#include "deriv.h"

int
derivation_eq11(void)
{
    slong prec = 128, iter, i, d = 2;
    flint_rand_t st;
    static const char * sch[3] = {"const", "vp", "cosine"};

    printf("Eq. (11): L~_h = |x' - f_PF|^2/(2 h g^2) + (x' - f_PF).s/2 + h g^2 |s|^2/8,\n"
           "f_PF = f - (g^2/2) s: the two forms agree as values and as polynomials in h.\n\n");
    flint_randinit(st);
    for (iter = 0; iter < 30; iter++)
    {
        sched_t S;
        target_t P;
        score_t M;
        arb_t p, t, h, L1, L2, f, g2, a, b, c, q;
        arb_ptr x = _arb_vec_init(d), xd = _arb_vec_init(d), s = _arb_vec_init(d);
        arb_ptr v0 = _arb_vec_init(d), v1 = _arb_vec_init(d);
        int k = iter % 3, verbose = iter < 3;

        sched_init(S);
        target_init(P, d, 2);
        score_init(M, d);
        arb_init(p); arb_init(t); arb_init(h); arb_init(L1); arb_init(L2); arb_init(f);
        arb_init(g2); arb_init(a); arb_init(b); arb_init(c); arb_init(q);
        if (k == 0) { arb_one(p); sched_set_const(S, p); }
        else if (k == 1) { arb_set_str(p, "0.1", prec); arb_set_ui(q, 20); sched_set_vp(S, p, q); }
        else sched_set_cosine(S);
        arb_set_ui(t, 1 + n_randint(st, 99));
        arb_div_ui(t, t, 100, prec);
        for (i = 0; i < 2; i++)
        {
            arb_set_str(target_weight(P, i), i ? "0.6" : "0.4", prec);
            deriv_rand_point(target_mean(P, i), d, st, prec);
            arb_mat_one(target_cov(P, i));
            arb_mat_scalar_mul_2exp_si(target_cov(P, i), target_cov(P, i), -1 - i);
        }
        arb_set_si(p, (slong) n_randint(st, 41) - 20);
        arb_div_ui(p, p, 100, prec);
        score_set_scaled(M, p);
        arb_set_ui(h, 1 + n_randint(st, 200));
        arb_div_ui(h, h, 100, prec);
        deriv_rand_point(x, d, st, prec);
        deriv_rand_point(xd, d, st, prec);

        /* (a) values */
        action_lagrangian_h(L1, M, P, S, h, x, xd, t, prec);
        action_lagrangian_h_pf(L2, M, P, S, h, x, xd, t, prec);
        if (verbose)
        {
            printf("schedule %s, t = ", sch[k]);
            arb_printn(t, 5, ARB_STR_NO_RADIUS);
            printf(", h = ");
            arb_printn(h, 5, ARB_STR_NO_RADIUS);
            printf(":\n");
        }
        deriv_check("first form vs PF expansion", L1, L2, -80, verbose);

        /* (b) coefficients in h */
        sched_f(f, S, t, prec);
        sched_g2(g2, S, t, prec);
        score_eval(s, M, P, S, t, x, prec);
        for (i = 0; i < d; i++)
        {
            arb_mul_2exp_si(v1 + i, s + i, -1);
            arb_mul(v1 + i, v1 + i, g2, prec);       /* (g2/2) s */
            arb_set(v0 + i, xd + i);
            arb_submul(v0 + i, f, x + i, prec);
            arb_add(v0 + i, v0 + i, v1 + i, prec);   /* x' - f_PF */
        }
        /* h^0 */
        arb_dot(a, NULL, 0, v0, 1, v0, 1, d, prec);
        arb_div(a, a, g2, prec);
        arb_mul_2exp_si(a, a, -1);
        arb_zero(b);                                  /* |x' - f_PF|^2 directly */
        for (i = 0; i < d; i++)
        {
            /* f_PF_i = f x_i - (g2/2) s_i */
            arb_mul(q, f, x + i, prec);
            arb_mul_2exp_si(c, g2, -1);
            arb_submul(q, c, s + i, prec);
            arb_sub(q, xd + i, q, prec);
            arb_addmul(b, q, q, prec);
        }
        arb_div(b, b, g2, prec);
        arb_mul_2exp_si(b, b, -1);
        deriv_check("  h^0 coefficient of h L~_h", a, b, -80, verbose);
        /* h^1: v0.v1/g2 vs (x' - f_PF).s/2 */
        arb_dot(a, NULL, 0, v0, 1, v1, 1, d, prec);
        arb_div(a, a, g2, prec);
        arb_dot(b, NULL, 0, v0, 1, s, 1, d, prec);
        arb_mul_2exp_si(b, b, -1);
        deriv_check("  h^1 coefficient", a, b, -80, verbose);
        /* h^2: |v1|^2/(2 g2) vs g2 |s|^2/8 */
        arb_dot(a, NULL, 0, v1, 1, v1, 1, d, prec);
        arb_div(a, a, g2, prec);
        arb_mul_2exp_si(a, a, -1);
        arb_dot(b, NULL, 0, s, 1, s, 1, d, prec);
        arb_mul(b, b, g2, prec);
        arb_mul_2exp_si(b, b, -3);
        deriv_check("  h^2 coefficient", a, b, -80, verbose);

        sched_clear(S);
        target_clear(P);
        score_clear(M);
        arb_clear(p); arb_clear(t); arb_clear(h); arb_clear(L1); arb_clear(L2); arb_clear(f);
        arb_clear(g2); arb_clear(a); arb_clear(b); arb_clear(c); arb_clear(q);
        _arb_vec_clear(x, d); _arb_vec_clear(xd, d); _arb_vec_clear(s, d);
        _arb_vec_clear(v0, d); _arb_vec_clear(v1, d);
    }
    flint_randclear(st);
    printf("  (30 random cases checked)\n");
    return deriv_finish();
}

#ifdef DERIVATION_MAIN
int
main(void)
{
    return derivation_eq11();
}
#endif
