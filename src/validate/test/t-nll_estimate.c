/*
    t-nll_estimate: the estimates of validate_nll_estimate on a 1D mixture
    with a misspecified mixture score (no certified reference at h > 0).

    Checks, for random seeds:
      - validate_ref_set_problem has no route (returns 1, kind NONE);
      - the estimates are finite, with finite standard errors, and the
        first-order prediction mean overlaps lq0_mean + h c1_mean;
      - ll_mean agrees with the mean of log p_0 computed independently in
        double precision (to 1e-9);
      - for samples drawn from the data law itself (sample_mix_draw),
        ll_mean lies within 5 standard errors of -H(p_0), H the
        differential entropy by acb_calc_integrate of -p log p over
        [-12, 12] (the tails outside are below 1e-25).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "diffwkb/validate.h"
#include "common.h"

static const double W[2] = {0.3, 0.7}, M[2] = {-1.0, 1.5}, V[2] = {0.2, 0.5};

/* p(z) log p(z) for the mixture 0.3 N(-1, 0.2) + 0.7 N(1.5, 0.5) */
static int
_plogp(acb_ptr res, const acb_t z, void * param, slong order, slong prec)
{
    acb_t p, t, u;
    slong k;
    (void) param;
    if (order > 1)
        flint_abort();
    acb_init(p);
    acb_init(t);
    acb_init(u);
    for (k = 0; k < 2; k++)
    {
        arb_t w, m, v;
        arb_init(w);
        arb_init(m);
        arb_init(v);
        arb_set_str(w, k ? "0.7" : "0.3", prec);
        arb_set_str(m, k ? "1.5" : "-1", prec);
        arb_set_str(v, k ? "0.5" : "0.2", prec);
        acb_sub_arb(t, z, m, prec);
        acb_sqr(t, t, prec);
        acb_div_arb(t, t, v, prec);
        acb_mul_2exp_si(t, t, -1);
        acb_neg(t, t);
        acb_exp(t, t, prec);
        arb_const_pi(m, prec);
        arb_mul(v, v, m, prec);
        arb_mul_2exp_si(v, v, 1);
        arb_rsqrt(v, v, prec);
        arb_mul(w, w, v, prec);
        acb_addmul_arb(p, t, w, prec);
        arb_clear(w);
        arb_clear(m);
        arb_clear(v);
    }
    acb_log_analytic(u, p, order != 0, prec);
    acb_mul(res, p, u, prec);
    acb_clear(p);
    acb_clear(t);
    acb_clear(u);
    return 0;
}

int
main(void)
{
    slong iter, n = 2000, i, prec = 64;
    flint_rand_t state;
    problem_t P;
    char err[256];
    arb_t negH, t;
    acb_t a, b, r;
    mag_t tol;
    sample_mix_t X;
    fmpq_t h;

    flint_randinit(state);
    arb_init(negH);
    arb_init(t);
    acb_init(a);
    acb_init(b);
    acb_init(r);
    mag_init(tol);
    fmpq_init(h);
    problem_init(P);
    if (problem_read_string(P, prob_mix1d_flow, err, sizeof(err), 128) != 0)
    {
        printf("FAIL: problem: %s\n", err);
        return 1;
    }
    sample_mix_init(X, 1, 2);
    sample_mix_set_target(X, P->data);

    /* -H(p_0) = int p log p */
    acb_set_si(a, -12);
    acb_set_si(b, 12);
    mag_set_ui_2exp_si(tol, 1, -40);
    acb_calc_integrate(r, _plogp, NULL, a, b, 40, tol, NULL, prec);
    arb_set(negH, acb_realref(r));
    mag_set_ui_2exp_si(tol, 1, -80);    /* the tails beyond +-12 */
    arb_add_error_mag(negH, tol);
    if (!arb_is_finite(negH) || mag_cmp_2exp_si(arb_radref(negH), -20) > 0)
    {
        printf("FAIL: entropy integral ");
        arb_printd(negH, 15);
        printf("\n");
        return 1;
    }

    for (iter = 0; iter < 6; iter++)
    {
        validate_samples_t S;
        validate_ref_t Ref;
        validate_nll_t E;
        uint64_t seed = n_randtest(state);
        slong npts = (iter < 2) ? 3 : 0;
        double sum = 0, work[4];
        int ok;

        fmpq_set_si(h, 1 + (slong) n_randint(state, 4), 4);
        validate_samples_init(S);
        validate_ref_init(Ref);
        validate_nll_init(E);
        for (i = 0; i < n; i++)
        {
            double u[2], z[2], x;
            sample_uniforms(u, seed, (uint64_t) i, 0, SAMPLE_LANE_COMPONENT);
            sample_normals(z, 1, seed, (uint64_t) i, 0);
            sample_mix_draw(&x, X, 1.0, 0.0, u[1], z, work);
            validate_samples_push(S, &x, 1);
            sum += log(W[0] * exp(-(x - M[0]) * (x - M[0]) / (2 * V[0])) / sqrt(2 * M_PI * V[0])
                       + W[1] * exp(-(x - M[1]) * (x - M[1]) / (2 * V[1])) / sqrt(2 * M_PI * V[1]));
        }
        sum /= n;

        if (validate_ref_set_problem(Ref, P, h, SAMPLE_EM, 100, prec) != 1
            || Ref->kind != VALIDATE_REF_NONE)
        {
            printf("FAIL: a reference route applies (%s)\n", Ref->note);
            return 1;
        }
        if (validate_nll_estimate(E, S, P, h, npts, prec) != 0)
        {
            printf("FAIL: estimate: %s\n", E->note);
            return 1;
        }
        ok = arb_is_finite(E->ll_mean) && arb_is_finite(E->ll_se) && E->n == n
             && arb_is_positive(E->ll_se);
        if (npts > 0)
        {
            ok = ok && E->status == WKB_OK && E->npts == npts
                 && arb_is_finite(E->lq0_se) && arb_is_finite(E->c1_se)
                 && arb_is_finite(E->pred_se);
            arb_set_fmpq(t, h, prec);
            arb_mul(t, t, E->c1_mean, prec);
            arb_add(t, t, E->lq0_mean, prec);
            ok = ok && arb_overlaps(t, E->pred_mean);
        }
        else
            ok = ok && E->status == -1 && E->npts == 0 && !arb_is_finite(E->pred_mean);
        if (!ok)
        {
            printf("FAIL: estimates not finite / inconsistent, seed %llu npts %ld\n",
                   (unsigned long long) seed, (long) npts);
            arb_printd(E->ll_mean, 10); printf(" se "); arb_printd(E->ll_se, 10); printf("\n");
            arb_printd(E->pred_mean, 10); printf(" se "); arb_printd(E->pred_se, 10); printf("\n");
            return 1;
        }
        /* independent double evaluation */
        if (fabs(arf_get_d(arb_midref(E->ll_mean), ARF_RND_NEAR) - sum) > 1e-9)
        {
            printf("FAIL: ll_mean vs double mean %.17g, seed %llu: ", sum,
                   (unsigned long long) seed);
            arb_printd(E->ll_mean, 17);
            printf("\n");
            return 1;
        }
        /* |ll_mean - (-H)| <= 5 se */
        arb_sub(t, E->ll_mean, negH, prec);
        arb_abs(t, t);
        {
            arb_t s5;
            arb_init(s5);
            arb_mul_si(s5, E->ll_se, 5, prec);
            ok = !arb_gt(t, s5);
            arb_clear(s5);
        }
        if (!ok)
        {
            printf("FAIL: ll_mean far from -H, seed %llu: ", (unsigned long long) seed);
            arb_printd(E->ll_mean, 10);
            printf(" se ");
            arb_printd(E->ll_se, 5);
            printf(" -H ");
            arb_printd(negH, 15);
            printf("\n");
            return 1;
        }
        validate_nll_clear(E);
        validate_ref_clear(Ref);
        validate_samples_clear(S);
    }

    sample_mix_clear(X);
    problem_clear(P);
    fmpq_clear(h);
    arb_clear(negH);
    arb_clear(t);
    acb_clear(a);
    acb_clear(b);
    acb_clear(r);
    mag_clear(tol);
    flint_randclear(state);
    flint_cleanup();
    printf("PASS\n");
    return 0;
}
