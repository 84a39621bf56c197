/* Test _target_moments against an independent route: the raw moments
   E[X] = sum_k w_k a m_k, E[X X^T] = sum_k w_k (C_k + mu_k mu_k^T) computed
   at higher precision, cov = E[X X^T] - E[X] E[X]^T; the one-component case
   must give exactly (a m, a^2 S + s2 I) up to rounding, and the covariance
   must be symmetric. */
#include "target_test.h"

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("moments....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 1000; iter++)
    {
        slong d = 1 + n_randint(state, 4), n = 1 + n_randint(state, 5), prec = 64 + n_randint(state, 128);
        slong hp = 3 * prec, i, j, k;
        target_t P;
        arb_ptr mean, mean2, mu;
        arb_mat_t cov, M2;
        arb_t a, s2, t;
        int bad = 0;

        target_init(P, d, n);
        mean = _arb_vec_init(d);
        mean2 = _arb_vec_init(d);
        mu = _arb_vec_init(d);
        arb_mat_init(cov, d, d);
        arb_mat_init(M2, d, d);
        arb_init(a); arb_init(s2); arb_init(t);

        _t_rand_target(P, state, n_randint(state, 3), prec);
        _t_rand_a_s2(a, s2, state);
        _target_moments(mean, cov, P, a, s2, prec);

        for (k = 0; k < n; k++)
        {
            _arb_vec_scalar_mul(mu, target_mean(P, k), d, a, hp);
            _arb_vec_scalar_addmul(mean2, mu, d, P->w + k, hp);
            for (i = 0; i < d; i++)
                for (j = 0; j < d; j++)
                {
                    arb_sqr(t, a, hp);
                    arb_mul(t, t, arb_mat_entry(P->S + k, i, j), hp);
                    if (i == j)
                        arb_add(t, t, s2, hp);
                    arb_addmul(t, mu + i, mu + j, hp);
                    arb_addmul(arb_mat_entry(M2, i, j), t, P->w + k, hp);
                }
        }
        for (i = 0; i < d; i++)
        {
            if (!arb_overlaps(mean + i, mean2 + i))
                bad = 1;
            for (j = 0; j < d; j++)
            {
                arb_submul(arb_mat_entry(M2, i, j), mean2 + i, mean2 + j, hp);
                if (!arb_overlaps(arb_mat_entry(cov, i, j), arb_mat_entry(M2, i, j))
                    || !arb_overlaps(arb_mat_entry(cov, i, j), arb_mat_entry(cov, j, i)))
                    bad = bad ? bad : 2;
            }
        }
        if (n == 1)
        {
            /* weights: w = 1 exactly up to the ball from u / u */
            for (i = 0; i < d; i++)
            {
                arb_mul(t, a, P->m + i, hp);
                if (!arb_overlaps(mean + i, t))
                    bad = bad ? bad : 3;
            }
        }

        if (bad)
        {
            flint_printf("FAIL (case %d) prec = %wd\n", bad, prec);
            _t_print_target(P, a, s2, NULL);
            flint_printf("mean = ");
            for (i = 0; i < d; i++) { arb_printd(mean + i, 20); flint_printf(" "); }
            flint_printf("\ncov = "); arb_mat_printd(cov, 20);
            flint_printf("raw route = "); arb_mat_printd(M2, 20);
            fflush(stdout);
            flint_abort();
        }

        target_clear(P);
        _arb_vec_clear(mean, d);
        _arb_vec_clear(mean2, d);
        _arb_vec_clear(mu, d);
        arb_mat_clear(cov);
        arb_mat_clear(M2);
        arb_clear(a); arb_clear(s2); arb_clear(t);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
