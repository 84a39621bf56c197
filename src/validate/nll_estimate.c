/*
    validate_nll_estimate: log-likelihood estimates for problems without a
    certified law of the sampler's output (see validate.h).  Estimates
    only: no test is run.
*/
#include <string.h>
#include "diffwkb/validate.h"

void
validate_nll_init(validate_nll_t E)
{
    E->n = 0;
    E->npts = 0;
    E->status = -1;
    arb_init(E->ll_mean);
    arb_init(E->ll_se);
    arb_init(E->lq0_mean);
    arb_init(E->lq0_se);
    arb_init(E->c1_mean);
    arb_init(E->c1_se);
    arb_init(E->pred_mean);
    arb_init(E->pred_se);
    arb_indeterminate(E->ll_mean);
    arb_indeterminate(E->ll_se);
    arb_indeterminate(E->lq0_mean);
    arb_indeterminate(E->lq0_se);
    arb_indeterminate(E->c1_mean);
    arb_indeterminate(E->c1_se);
    arb_indeterminate(E->pred_mean);
    arb_indeterminate(E->pred_se);
    E->note[0] = '\0';
}

void
validate_nll_clear(validate_nll_t E)
{
    arb_clear(E->ll_mean);
    arb_clear(E->ll_se);
    arb_clear(E->lq0_mean);
    arb_clear(E->lq0_se);
    arb_clear(E->c1_mean);
    arb_clear(E->c1_se);
    arb_clear(E->pred_mean);
    arb_clear(E->pred_se);
}

void
validate_mean_se(arb_t mean, arb_t se, arb_srcptr v, slong n, slong prec)
{
    slong i;
    arb_t s, t;
    if (n < 1)
    {
        arb_indeterminate(mean);
        arb_indeterminate(se);
        return;
    }
    arb_init(s);
    arb_init(t);
    for (i = 0; i < n; i++)
        arb_add(s, s, v + i, prec);
    arb_div_si(mean, s, n, prec);
    if (n < 2)
        arb_indeterminate(se);
    else
    {
        arb_zero(s);
        for (i = 0; i < n; i++)
        {
            arb_sub(t, v + i, mean, prec);
            arb_addmul(s, t, t, prec);
        }
        arb_div_si(s, s, n - 1, prec);
        arb_div_si(s, s, n, prec);
        arb_sqrtpos(se, s, prec);
    }
    arb_clear(s);
    arb_clear(t);
}

int
validate_nll_estimate(validate_nll_t E, const validate_samples_t S, const problem_t P,
                      const fmpq_t hq, slong npts, slong prec)
{
    slong n = S->n, d = S->d, i, j, m;
    arb_ptr x = _arb_vec_init(d);
    arb_ptr v = _arb_vec_init(FLINT_MAX(n, 1));
    arb_t h;
    arb_poly_t c;
    int status = 0;

    arb_init(h);
    arb_poly_init(c);
    arb_set_fmpq(h, hq, prec);
    E->n = n;
    E->npts = 0;
    E->status = -1;
    E->note[0] = '\0';
    if (d != P->dim || n < 1)
    {
        snprintf(E->note, sizeof(E->note), "the samples do not fit the problem");
        status = 2;
        goto cleanup;
    }

    /* (a) log p_t0(x_i), certified per point */
    for (i = 0; i < n; i++)
    {
        for (j = 0; j < d; j++)
            arb_set_d(x + j, S->x[i * d + j]);
        target_log_density(v + i, P->data, P->sde, P->t0, x, prec);
        if (!arb_is_finite(v + i))
        {
            snprintf(E->note, sizeof(E->note),
                     "log p_t0 could not be enclosed at sample %ld", (long) (i + 1));
            status = 2;
            goto cleanup;
        }
    }
    validate_mean_se(E->ll_mean, E->ll_se, v, n, prec);

    /* (b) c_0, c_1 at the first npts samples */
    m = FLINT_MIN(npts, n);
    if (m > 0)
    {
        arb_ptr w = _arb_vec_init(m), p = _arb_vec_init(m);
        int r = WKB_OK;
        for (i = 0; i < m && r == WKB_OK; i++)
        {
            for (j = 0; j < d; j++)
                arb_set_d(x + j, S->x[i * d + j]);
            r = wkb_problem_loglik_series(c, P, x, 1, prec);
            if (r == WKB_OK)
            {
                arb_poly_get_coeff_arb(v + i, c, 0);
                arb_poly_get_coeff_arb(w + i, c, 1);
                if (!arb_is_finite(v + i) || !arb_is_finite(w + i))
                    r = WKB_FAIL;
                else
                {
                    arb_set(p + i, v + i);
                    arb_addmul(p + i, h, w + i, prec);
                }
            }
        }
        E->status = r;
        if (r == WKB_OK)
        {
            E->npts = m;
            validate_mean_se(E->lq0_mean, E->lq0_se, v, m, prec);
            validate_mean_se(E->c1_mean, E->c1_se, w, m, prec);
            validate_mean_se(E->pred_mean, E->pred_se, p, m, prec);
        }
        else
            snprintf(E->note, sizeof(E->note),
                     "c_0, c_1 could not be %s at sample %ld: first-order prediction omitted",
                     r == WKB_UNSUPPORTED ? "computed (no route)" : "enclosed", (long) i);
        _arb_vec_clear(w, m);
        _arb_vec_clear(p, m);
    }

cleanup:
    arb_clear(h);
    arb_poly_clear(c);
    _arb_vec_clear(x, d);
    _arb_vec_clear(v, FLINT_MAX(n, 1));
    return status;
}
