/* Test score_eval, score_div, score_jet (schedule versions) under the
   const schedule against the underscore versions with a = exp(-beta t/2),
   s2 = 1 - exp(-beta t) written directly (not through module sched). */
#include "target/test/target_test.h"
#include "diffwkb/score.h"

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("sched_wrappers....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 200; iter++)
    {
        slong d = 1 + n_randint(state, 3), n = 1 + n_randint(state, 3), prec = 64 + n_randint(state, 128);
        slong i, r;
        target_t P;
        sched_t S;
        score_t M;
        jet_ctx_t ctx;
        jet_struct * J, * J2;
        arb_t a, s2, beta, t, u, v1, v2, eps;
        arb_ptr x, s1, s2v;
        int bad = 0;

        target_init(P, d, n);
        sched_init(S);
        score_init(M, d);
        jet_ctx_init(ctx, d, 3);
        J = flint_malloc(sizeof(jet_struct) * d);
        J2 = flint_malloc(sizeof(jet_struct) * d);
        for (i = 0; i < d; i++)
        {
            jet_init(J + i, ctx);
            jet_init(J2 + i, ctx);
        }
        arb_init(a); arb_init(s2); arb_init(beta); arb_init(t); arb_init(u);
        arb_init(v1); arb_init(v2); arb_init(eps);
        x = _arb_vec_init(d);
        s1 = _arb_vec_init(d);
        s2v = _arb_vec_init(d);

        _t_rand_target(P, state, 0, prec);
        for (i = 0; i < d; i++)
            _t_rand_dyadic(x + i, state, 320, 6);
        _t_rand_dyadic(eps, state, 64, 7);
        score_set_scaled(M, eps);
        arb_set_ui(beta, 1 + n_randint(state, 40));
        arb_mul_2exp_si(beta, beta, -2);
        sched_set_const(S, beta);
        arb_set_ui(t, 1 + n_randint(state, 64));
        arb_mul_2exp_si(t, t, -6);

        arb_mul(u, beta, t, 2 * prec);
        arb_neg(u, u);
        arb_expm1(s2, u, 2 * prec);
        arb_neg(s2, s2);
        arb_mul_2exp_si(u, u, -1);
        arb_exp(a, u, 2 * prec);

        score_eval(s1, M, P, S, t, x, prec);
        _score_eval(s2v, M, P, a, s2, x, 2 * prec);
        for (i = 0; i < d; i++)
            if (!arb_overlaps(s1 + i, s2v + i) || !arb_is_finite(s1 + i))
                bad = 1;
        score_div(v1, M, P, S, t, x, prec);
        _score_div(v2, M, P, a, s2, x, 2 * prec);
        if (!arb_overlaps(v1, v2) || !arb_is_finite(v1))
            bad = bad ? bad : 2;
        score_jet(J, M, P, S, t, x, ctx, prec);
        _score_jet(J2, M, P, a, s2, x, ctx, 2 * prec);
        for (i = 0; i < d; i++)
            for (r = 0; r < ctx->len; r++)
                if (!arb_overlaps(J[i].coeffs + r, J2[i].coeffs + r) || !arb_is_finite(J[i].coeffs + r))
                    bad = bad ? bad : 3;

        if (bad)
        {
            flint_printf("FAIL (case %d) prec = %wd, beta = ", bad, prec);
            arb_printd(beta, 20);
            flint_printf(", t = ");
            arb_printd(t, 20);
            flint_printf(", eps = ");
            arb_printd(eps, 20);
            flint_printf("\n");
            _t_print_target(P, a, s2, x);
            fflush(stdout);
            flint_abort();
        }

        target_clear(P);
        sched_clear(S);
        score_clear(M);
        for (i = 0; i < d; i++)
        {
            jet_clear(J + i, ctx);
            jet_clear(J2 + i, ctx);
        }
        flint_free(J);
        flint_free(J2);
        jet_ctx_clear(ctx);
        arb_clear(a); arb_clear(s2); arb_clear(beta); arb_clear(t); arb_clear(u);
        arb_clear(v1); arb_clear(v2); arb_clear(eps);
        _arb_vec_clear(x, d);
        _arb_vec_clear(s1, d);
        _arb_vec_clear(s2v, d);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
