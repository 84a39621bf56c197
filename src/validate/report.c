/*
    validate_report_*: the list of tests, their p-values and the
    Bonferroni decision (see validate.h).
*/
#include <string.h>
#include "diffwkb/validate.h"

void
validate_report_init(validate_report_t R)
{
    R->len = 0;
    R->alloc = 0;
    R->tests = NULL;
    R->n = 0;
    R->reject = 0;
    R->want_w2 = 1;
    arb_init(R->alpha);
    arb_init(R->alpha_each);
    arb_init(R->w2);
    arb_init(R->w2_data);
    arb_init(R->w2_ref_data);
    arb_indeterminate(R->w2);
    arb_indeterminate(R->w2_data);
    arb_indeterminate(R->w2_ref_data);
}

void
validate_report_clear(validate_report_t R)
{
    slong i;
    for (i = 0; i < R->len; i++)
    {
        validate_test_struct * T = R->tests + i;
        arb_clear(T->sample);
        arb_clear(T->reference);
        arb_clear(T->cont);
        arb_clear(T->se);
        arb_clear(T->stat);
        arb_clear(T->pvalue);
        arb_clear(T->threshold);
    }
    flint_free(R->tests);
    arb_clear(R->alpha);
    arb_clear(R->alpha_each);
    arb_clear(R->w2);
    arb_clear(R->w2_data);
    arb_clear(R->w2_ref_data);
}

static validate_test_struct *
_new_test(validate_report_t R, const char * name, validate_test_kind kind)
{
    validate_test_struct * T;
    if (R->len == R->alloc)
    {
        R->alloc = FLINT_MAX(8, 2 * R->alloc);
        R->tests = (validate_test_struct *) flint_realloc(R->tests,
                                                  sizeof(validate_test_struct) * R->alloc);
    }
    T = R->tests + R->len++;
    strncpy(T->name, name, sizeof(T->name) - 1);
    T->name[sizeof(T->name) - 1] = '\0';
    T->kind = kind;
    T->reject = 0;
    arb_init(T->sample);
    arb_init(T->reference);
    arb_init(T->cont);
    arb_init(T->se);
    arb_init(T->stat);
    arb_init(T->pvalue);
    arb_init(T->threshold);
    arb_indeterminate(T->cont);
    arb_indeterminate(T->threshold);
    return T;
}

/* p = erfc(|z|_lo / sqrt 2): the two-sided normal p-value at the point of
   the ball z nearest to 0 (an upper bound for every z in the ball). */
static void
_z_pvalue(arb_t p, const arb_t z, slong prec)
{
    arf_t lo;
    arb_t s;
    arf_init(lo);
    arb_init(s);
    if (!arb_is_finite(z))
        arb_one(p);
    else
    {
        arb_get_abs_lbound_arf(lo, z, prec);
        arb_set_arf(p, lo);
        arb_sqrt_ui(s, 2, prec);
        arb_div(p, p, s, prec);
        arb_hypgeom_erfc(p, p, prec);
    }
    arf_clear(lo);
    arb_clear(s);
}

void
validate_report_add_z(validate_report_t R, const char * name, const arb_t sample,
                      const arb_t reference, const arb_t se, slong prec)
{
    validate_test_struct * T = _new_test(R, name, VALIDATE_TEST_Z);
    arb_set(T->sample, sample);
    arb_set(T->reference, reference);
    arb_set(T->se, se);
    arb_sub(T->stat, sample, reference, prec);
    arb_div(T->stat, T->stat, se, prec);
    _z_pvalue(T->pvalue, T->stat, prec);
}

void
validate_report_add_ks(validate_report_t R, const char * name, const arb_t D, slong n,
                       slong prec)
{
    validate_test_struct * T = _new_test(R, name, VALIDATE_TEST_KS);
    arf_t lo;
    arb_t p;
    arf_init(lo);
    arb_init(p);
    arb_set(T->sample, D);
    arb_zero(T->reference);
    arb_set(T->stat, D);
    arb_zero(T->se);
    /* p = min(1, 2 exp(-2 n D_lo^2)) */
    if (!arb_is_finite(D))
        arb_one(T->pvalue);
    else
    {
        arb_get_lbound_arf(lo, D, prec);
        if (arf_sgn(lo) < 0)
            arf_zero(lo);
        arb_set_arf(p, lo);
        arb_sqr(p, p, prec);
        arb_mul_si(p, p, -2 * n, prec);
        arb_exp(p, p, prec);
        arb_mul_2exp_si(p, p, 1);
        arb_one(T->pvalue);
        if (arb_lt(p, T->pvalue))
            arb_set(T->pvalue, p);
        else if (!arb_gt(p, T->pvalue))
            arb_union(T->pvalue, T->pvalue, p, prec);
    }
    arf_clear(lo);
    arb_clear(p);
}

/* c with erfc(c / sqrt 2) <= a certified, c within 2^-20 of the exact
   threshold (bisection on [0, 64]). */
static void
_z_threshold(arb_t c, const arb_t a, slong prec)
{
    arb_t lo, hi, m, p, s;
    slong it;
    arb_init(lo); arb_init(hi); arb_init(m); arb_init(p); arb_init(s);
    arb_zero(lo);
    arb_set_ui(hi, 64);
    arb_sqrt_ui(s, 2, prec);
    for (it = 0; it < 30; it++)
    {
        arb_add(m, lo, hi, prec);
        arb_mul_2exp_si(m, m, -1);
        arb_div(p, m, s, prec);
        arb_hypgeom_erfc(p, p, prec);
        if (arb_le(p, a))
            arb_set(hi, m);
        else
            arb_set(lo, m);
    }
    arb_set(c, hi);
    arb_clear(lo); arb_clear(hi); arb_clear(m); arb_clear(p); arb_clear(s);
}

void
validate_report_finish(validate_report_t R, const arb_t alpha, slong prec)
{
    slong i;
    arb_t epsk;
    arb_init(epsk);
    arb_set(R->alpha, alpha);
    if (R->len > 0)
        arb_div_si(R->alpha_each, alpha, R->len, prec);
    else
        arb_set(R->alpha_each, alpha);
    R->reject = 0;
    for (i = 0; i < R->len; i++)
    {
        validate_test_struct * T = R->tests + i;
        T->reject = arb_lt(T->pvalue, R->alpha_each);
        R->reject |= T->reject;
        if (T->kind == VALIDATE_TEST_Z)
            _z_threshold(T->threshold, R->alpha_each, prec);
        else
        {
            /* eps = sqrt(log(2 / a) / (2 n)) */
            arb_ui_div(epsk, 2, R->alpha_each, prec);
            arb_log(epsk, epsk, prec);
            arb_div_si(epsk, epsk, 2 * R->n, prec);
            arb_sqrt(T->threshold, epsk, prec);
        }
    }
    arb_clear(epsk);
}

void
validate_report_min_pvalue(arb_t res, const validate_report_t R)
{
    slong i;
    arb_one(res);
    for (i = 0; i < R->len; i++)
        arb_min(res, res, R->tests[i].pvalue, 64);
}
