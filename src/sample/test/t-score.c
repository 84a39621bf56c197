/*
    The double mixture marginals and score models against the certified Arb
    ones at random mixtures (d = 1..3, 1..4 components, random covariances,
    non-diagonal or diagonal), random schedules, times and points:
      - sample_mix_score (log p_t and grad log p_t with coefficients (a, s2))
        against _target_log_density and _target_score at the same (a, s2);
      - sample_model_score (all four score types, coefficients from t through
        the double schedule) against score_eval at the same t;
      - sample_model_pf against f x - g^2/2 score_eval.
    Agreement: |double - Arb| <= 1e-12 (|Arb| + scale), where scale is the
    largest |C_k^{-1} (x - a m_k)| of the components: the size of the terms
    the score is a weighted sum of (so cancellation between them cannot make
    the check flaky).  The conversion sample_model_set from the Arb objects
    is exercised every iteration.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "diffwkb/sample.h"

static double
runif(flint_rand_t state, double lo, double hi)
{
    return lo + (hi - lo) * ((double) n_randint(state, UWORD(1) << 30) / (double) (UWORD(1) << 30));
}

/* Random mixture with dyadic weights summing exactly to 1. */
static void
random_target(target_t P, slong d, slong n, int diag, flint_rand_t state)
{
    slong k, i, j, l, tot = 0, c[8];
    double L[9], S[9];
    for (k = 0; k < n; k++)
    {
        c[k] = 1 + n_randint(state, 16);
        tot += c[k];
    }
    /* make the counts sum to a power of two: put the remainder on the last */
    {
        slong p = 1;
        while (p < tot) p *= 2;
        c[n - 1] += p - tot;
        tot = p;
    }
    for (k = 0; k < n; k++)
    {
        arb_set_d(P->w + k, (double) c[k] / (double) tot);
        for (i = 0; i < d; i++)
            arb_set_d(P->m + k * d + i, runif(state, -2.0, 2.0));
        for (i = 0; i < d * d; i++)
            L[i] = diag ? 0.0 : runif(state, -0.6, 0.6);
        for (i = 0; i < d; i++)
            for (j = 0; j <= i; j++)
            {
                double s = (i == j) ? runif(state, 0.01, 0.5) : 0.0;
                for (l = 0; l < d; l++)
                    s += L[i * d + l] * L[j * d + l];
                S[i * d + j] = S[j * d + i] = s;
            }
        for (i = 0; i < d; i++)
            for (j = 0; j < d; j++)
                arb_set_d(arb_mat_entry(P->S + k, i, j), S[i * d + j]);
    }
}

/* max_k |C_k^{-1} (x - a m_k)|_inf computed in double (eigen form) */
static double
term_scale(const sample_mix_t X, double a, double s2, const double * x)
{
    slong k, i, j, d = X->d;
    double sc = 0.0;
    for (k = 0; k < X->n; k++)
        for (i = 0; i < d; i++)
        {
            double y = 0.0, z = 0.0;
            for (j = 0; j < d; j++)
                y += X->Q[k * d * d + j * d + i] * (x[j] - a * X->m[k * d + j]);
            z = fabs(y) / (a * a * X->lam[k * d + i] + s2);
            sc = fmax(sc, z * sqrt((double) d));
        }
    return sc;
}

static int
check_vec(const char * what, const double * got, arb_srcptr want, slong d, double scale,
          double * maxerr)
{
    slong i;
    for (i = 0; i < d; i++)
    {
        double m = arf_get_d(arb_midref(want + i), ARF_RND_NEAR);
        double r = mag_get_d(arb_radref(want + i));
        double e = fabs(got[i] - m);
        if (!arb_is_finite(want + i) || !(e <= 1e-12 * (fabs(m) + scale) + r))
        {
            printf("FAIL: %s, coordinate %ld: double %.17g, Arb ", what, (long) i, got[i]);
            arb_printd(want + i, 20);
            printf(" (scale %g)\n", scale);
            return 1;
        }
        *maxerr = fmax(*maxerr, e / (fabs(m) + scale));
    }
    return 0;
}

int
main(void)
{
    flint_rand_t state;
    slong iter, prec = 128;
    double maxerr = 0.0;

    printf("score....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 3000; iter++)
    {
        slong d = 1 + n_randint(state, 3), n = 1 + n_randint(state, 4), i, j;
        int diag = (n_randint(state, 3) == 0);
        target_t P, Q;
        sched_t S;
        score_t Msc;
        sample_model_t M;
        sample_mixcoef_t MC;
        sample_tcoef_t TC;
        arb_t t, a, s2, t0, T, eps, lp, f, g2;
        arb_ptr x, want;
        arb_mat_t A;
        double xd[3], got[3], work[64], lpd, td, ad, s2d, scale;
        char err[200];
        int stype;

        target_init(P, d, n);
        random_target(P, d, n, diag, state);
        sched_init(S);
        arb_init(t); arb_init(a); arb_init(s2); arb_init(t0); arb_init(T); arb_init(eps);
        arb_init(lp); arb_init(f); arb_init(g2);
        x = _arb_vec_init(d);
        want = _arb_vec_init(d);

        switch (n_randint(state, 4))
        {
            case 0: sched_set_simple(S); td = runif(state, 0.01, 1.0); break;
            case 1: sched_set_cosine(S); td = runif(state, 0.01, 0.99); break;
            case 2:
                arb_set_d(t0, 0.1); arb_set_d(T, 20.0);
                sched_set_vp(S, t0, T); td = runif(state, 0.001, 1.0); break;
            default:
                arb_set_d(t0, 1.0); sched_set_const(S, t0); td = runif(state, 0.0, 3.0); break;
        }
        arb_set_d(t, td);
        arb_zero(t0);
        arb_set_d(T, 0.999);
        for (i = 0; i < d; i++)
        {
            xd[i] = runif(state, -3.0, 3.0);
            arb_set_d(x + i, xd[i]);
        }

        /* the model, with a random score type */
        stype = (int) n_randint(state, 4);
        score_init(Msc, d);
        target_init(Q, d, 1 + n_randint(state, 3));
        if (stype == SCORE_SCALED)
        {
            arb_set_d(eps, runif(state, -0.5, 0.5));
            score_set_scaled(Msc, eps);
        }
        else if (stype == SCORE_OTHER)
        {
            random_target(Q, d, Q->n, 0, state);
            score_set_other(Msc, Q);
        }
        else if (stype == SCORE_AFFINE)
        {
            arb_mat_init(A, d, d);
            for (i = 0; i < d; i++)
            {
                arb_set_d(want + i, runif(state, -1.0, 1.0));
                for (j = 0; j < d; j++)
                    arb_set_d(arb_mat_entry(A, i, j), runif(state, -2.0, 2.0));
            }
            score_set_affine(Msc, A, want);
            arb_mat_clear(A);
        }
        else
            score_set_exact(Msc);

        sample_model_init(M, d);
        if (sample_model_set(M, S, P, Msc, PRIOR_NORMAL, t0, T, err, sizeof(err)) != SAMPLE_OK)
        {
            printf("FAIL: sample_model_set: %s\n", err);
            return 1;
        }

        /* 1. mixture marginal at (a, s2) from the double schedule */
        sample_sched_eval(NULL, NULL, &ad, &s2d, M->sched, td);
        arb_set_d(a, ad);
        arb_set_d(s2, s2d);
        sample_mixcoef_init(MC, M->data);
        sample_mixcoef_set(MC, M->data, ad, s2d);
        lpd = sample_mix_score(got, M->data, MC, xd, work);
        _target_log_density(lp, P, a, s2, x, prec);
        _target_score(want, P, a, s2, x, prec);
        scale = term_scale(M->data, ad, s2d, xd);
        if (check_vec("log p_t", &lpd, lp, 1, 1.0 + 0.5 * scale * scale, &maxerr)
            || check_vec("grad log p_t", got, want, d, scale, &maxerr))
        {
            printf("iter %ld, d %ld, n %ld, a %.17g, s2 %.17g\n", (long) iter, (long) d,
                   (long) n, ad, s2d);
            return 1;
        }
        sample_mixcoef_clear(MC);

        /* 2. score model at t, and the probability-flow velocity */
        sample_tcoef_init(TC, M);
        sample_tcoef_set(TC, M, td);
        sample_model_score(got, M, TC, xd, work);
        score_eval(want, Msc, P, S, t, x, prec);
        if (stype == SCORE_OTHER)
            scale = term_scale(M->other, TC->a, TC->s2, xd);
        else if (stype == SCORE_AFFINE)
        {
            scale = 0.0;
            for (i = 0; i < d; i++)
            {
                double r = fabs(M->b[i]);
                for (j = 0; j < d; j++)
                    r += fabs(M->A[i * d + j] * xd[j]);
                scale = fmax(scale, r);
            }
        }
        else
            scale = term_scale(M->data, TC->a, TC->s2, xd) * (1.0 + fabs(M->eps));
        if (check_vec("score model", got, want, d, scale, &maxerr))
        {
            printf("iter %ld, type %d, d %ld, t %.17g\n", (long) iter, stype, (long) d, td);
            return 1;
        }
        sample_model_pf(got, M, TC, xd, work);
        sched_f(f, S, t, prec);
        sched_g2(g2, S, t, prec);
        arb_mul_2exp_si(g2, g2, -1);
        for (i = 0; i < d; i++)
        {
            arb_mul(want + i, want + i, g2, prec);
            arb_neg(want + i, want + i);
            arb_addmul(want + i, f, x + i, prec);
        }
        if (check_vec("pf velocity", got, want, d,
                      scale * fabs(TC->g2) + fabs(TC->f) * 3.0, &maxerr))
        {
            printf("iter %ld, type %d, d %ld, t %.17g\n", (long) iter, stype, (long) d, td);
            return 1;
        }
        sample_tcoef_clear(TC);

        sample_model_clear(M);
        score_clear(Msc);
        target_clear(Q);
        target_clear(P);
        sched_clear(S);
        arb_clear(t); arb_clear(a); arb_clear(s2); arb_clear(t0); arb_clear(T); arb_clear(eps);
        arb_clear(lp); arb_clear(f); arb_clear(g2);
        _arb_vec_clear(x, d);
        _arb_vec_clear(want, d);
    }

    flint_randclear(state);
    flint_cleanup();
    printf("  max scaled error %.2g  PASS\n", maxerr);
    return 0;
}
