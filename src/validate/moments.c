/*
    validate_test_moments: z-tests of the sample mean and covariance
    against a certified mixture law (see validate.h).
*/
#include <stdio.h>
#include "diffwkb/validate.h"

void
validate_test_moments(validate_report_t R, const validate_samples_t S, const target_t law,
                      const target_t cont, slong prec)
{
    slong d = S->d, n = S->n, i, j, k, first;
    arb_ptr m, mr, mc, y;
    arb_mat_t C, Cr, Cc, V;
    arb_t t, se;
    char name[48];

    m = _arb_vec_init(d);
    mr = _arb_vec_init(d);
    mc = _arb_vec_init(d);
    y = _arb_vec_init(d);
    arb_mat_init(C, d, d);
    arb_mat_init(Cr, d, d);
    arb_mat_init(Cc, d, d);
    arb_mat_init(V, d, d);
    arb_init(t);
    arb_init(se);

    validate_mix_moments4(mr, Cr, V, law, prec);
    if (cont != NULL)
    {
        arb_t one, zero;
        arb_init(one);
        arb_init(zero);
        arb_one(one);
        _target_moments(mc, Cc, cont, one, zero, prec);
        arb_clear(one);
        arb_clear(zero);
    }

    /* sample mean and covariance (n - 1 denominator), in Arb from the doubles */
    for (k = 0; k < n; k++)
        for (i = 0; i < d; i++)
        {
            arb_set_d(t, S->x[k * d + i]);
            arb_add(m + i, m + i, t, prec);
        }
    for (i = 0; i < d; i++)
        arb_div_ui(m + i, m + i, n, prec);
    for (k = 0; k < n; k++)
    {
        for (i = 0; i < d; i++)
        {
            arb_set_d(t, S->x[k * d + i]);
            arb_sub(y + i, t, m + i, prec);
        }
        for (i = 0; i < d; i++)
            for (j = i; j < d; j++)
                arb_addmul(arb_mat_entry(C, i, j), y + i, y + j, prec);
    }
    for (i = 0; i < d; i++)
        for (j = i; j < d; j++)
        {
            if (n > 1)
                arb_div_ui(arb_mat_entry(C, i, j), arb_mat_entry(C, i, j), n - 1, prec);
            else
                arb_indeterminate(arb_mat_entry(C, i, j));
        }

    for (i = 0; i < d; i++)
    {
        /* se = sqrt(Sigma_ii / n) */
        arb_div_ui(se, arb_mat_entry(Cr, i, i), n, prec);
        arb_sqrt(se, se, prec);
        snprintf(name, sizeof(name), d == 1 ? "mean" : "mean[%ld]", (long) i);
        validate_report_add_z(R, name, m + i, mr + i, se, prec);
        if (cont != NULL)
            arb_set(R->tests[R->len - 1].cont, mc + i);
    }
    first = R->len;
    for (i = 0; i < d; i++)
        for (j = i; j < d; j++)
        {
            arb_div_ui(se, arb_mat_entry(V, i, j), n, prec);
            arb_sqrt(se, se, prec);
            if (d == 1)
                snprintf(name, sizeof(name), "var");
            else
                snprintf(name, sizeof(name), "cov[%ld][%ld]", (long) i, (long) j);
            validate_report_add_z(R, name, arb_mat_entry(C, i, j), arb_mat_entry(Cr, i, j),
                                  se, prec);
            if (cont != NULL)
                arb_set(R->tests[R->len - 1].cont, arb_mat_entry(Cc, i, j));
        }
    (void) first;

    _arb_vec_clear(m, d);
    _arb_vec_clear(mr, d);
    _arb_vec_clear(mc, d);
    _arb_vec_clear(y, d);
    arb_mat_clear(C);
    arb_mat_clear(Cr);
    arb_mat_clear(Cc);
    arb_mat_clear(V);
    arb_clear(t);
    arb_clear(se);
}
