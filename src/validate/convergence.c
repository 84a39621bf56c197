/*
    validate_convergence: step-size convergence check of two runs of one
    fixed-step sampler at K and 2K steps (see validate.h).
*/
#include <string.h>
#include "diffwkb/validate.h"

int
validate_method_order(int method)
{
    switch (method)
    {
        case SAMPLE_EM: return 1;
        case SAMPLE_PF_EULER: return 1;
        case SAMPLE_PF_HEUN: return 2;
        case SAMPLE_PF_RK4: return 4;
        default: return 0;
    }
}

void
validate_conv_init(validate_conv_t C)
{
    C->mode = VALIDATE_CONV_NONE;
    C->kind = VALIDATE_REF_NONE;
    C->order = 0;
    C->K = 0;
    C->nA = C->nB = C->d = 0;
    C->len = 0;
    C->items = NULL;
    C->note[0] = '\0';
}

static void
_items_clear(validate_conv_t C)
{
    slong i;
    for (i = 0; i < C->len; i++)
    {
        validate_conv_item_struct * I = C->items + i;
        arb_clear(I->a); arb_clear(I->b); arb_clear(I->diff); arb_clear(I->diff_ref);
        arb_clear(I->se); arb_clear(I->extrap); arb_clear(I->extrap_se);
        arb_clear(I->bias_est); arb_clear(I->cont); arb_clear(I->bias_ref);
    }
    flint_free(C->items);
    C->items = NULL;
    C->len = 0;
}

void
validate_conv_clear(validate_conv_t C)
{
    _items_clear(C);
}

static void
_items_init(validate_conv_t C, slong len)
{
    slong i;
    _items_clear(C);
    C->items = (validate_conv_item_struct *) flint_calloc(len, sizeof(validate_conv_item_struct));
    C->len = len;
    for (i = 0; i < len; i++)
    {
        validate_conv_item_struct * I = C->items + i;
        arb_init(I->a); arb_init(I->b); arb_init(I->diff); arb_init(I->diff_ref);
        arb_init(I->se); arb_init(I->extrap); arb_init(I->extrap_se);
        arb_init(I->bias_est); arb_init(I->cont); arb_init(I->bias_ref);
        arb_indeterminate(I->diff_ref);
        arb_indeterminate(I->cont);
        arb_indeterminate(I->bias_ref);
        I->test = -1;
    }
}

/* Per coordinate i of S: m[i] encloses the sample mean, v[i] the sample
   variance (n - 1 denominator), q[i] the estimate m4 - v^2 of the variance
   of the sample variance, m4 = (1/n) sum (x - m)^4 (all of the doubles). */
static void
_sample_stats(arb_ptr m, arb_ptr v, arb_ptr q, const validate_samples_t S, slong prec)
{
    slong d = S->d, n = S->n, i, k;
    arb_t t, y2;
    arb_init(t);
    arb_init(y2);
    _arb_vec_zero(m, d);
    _arb_vec_zero(v, d);
    _arb_vec_zero(q, d);
    for (k = 0; k < n; k++)
        for (i = 0; i < d; i++)
        {
            arb_set_d(t, S->x[k * d + i]);
            arb_add(m + i, m + i, t, prec);
        }
    for (i = 0; i < d; i++)
        arb_div_ui(m + i, m + i, n, prec);
    for (k = 0; k < n; k++)
        for (i = 0; i < d; i++)
        {
            arb_set_d(t, S->x[k * d + i]);
            arb_sub(t, t, m + i, prec);
            arb_sqr(y2, t, prec);
            arb_add(v + i, v + i, y2, prec);
            arb_addmul(q + i, y2, y2, prec);
        }
    for (i = 0; i < d; i++)
    {
        arb_div_ui(q + i, q + i, n, prec);
        arb_div_ui(v + i, v + i, n - 1, prec);
        arb_submul(q + i, v + i, v + i, prec);
        if (arb_is_negative(q + i))
            arb_zero(q + i);
    }
    arb_clear(t);
    arb_clear(y2);
}

/* res = sqrt(x / nx + c y / ny) */
static void
_se2(arb_t res, const arb_t x, slong nx, const arb_t y, slong ny, const arb_t c, slong prec)
{
    arb_t t;
    arb_init(t);
    arb_div_ui(res, x, nx, prec);
    arb_div_ui(t, y, ny, prec);
    arb_addmul(res, t, c, prec);
    arb_sqrtpos(res, res, prec);
    arb_clear(t);
}

int
validate_convergence(validate_conv_t C, validate_report_t R, const validate_samples_t A,
                     const validate_samples_t B, const problem_t P, const fmpq_t h,
                     int method, slong K, const arb_t alpha, slong prec)
{
    slong d = P->dim, i, s;
    int status = 0, r1, r2;
    validate_ref_t RA, RB;
    arb_ptr mA, vA, qA, mB, vB, qB, lmA, lmB, lmC;
    arb_mat_t CA, CB, VA, VB, CC;
    arb_t one, zero, c, cp, den;

    C->order = validate_method_order(method);
    C->K = K;
    C->nA = A->n;
    C->nB = B->n;
    C->d = d;
    C->mode = VALIDATE_CONV_NONE;
    C->kind = VALIDATE_REF_NONE;
    C->note[0] = '\0';
    _items_clear(C);
    R->n = A->n;
    if (C->order == 0)
    {
        snprintf(C->note, sizeof(C->note),
                 "the convergence check needs a fixed-step method (em, pf-euler, pf-heun, pf-rk4)");
        return 2;
    }
    if (K < 1 || 2 * K > (slong) 0xFFFFFFF0)
    {
        snprintf(C->note, sizeof(C->note), "the number of steps K must satisfy 1 <= 2K < 2^32");
        return 2;
    }
    if (A->d != d || B->d != d)
    {
        snprintf(C->note, sizeof(C->note), "samples of dimension %ld and %ld, the problem has %ld",
                 (long) A->d, (long) B->d, (long) d);
        return 2;
    }
    if (A->n < 2 || B->n < 2)
    {
        snprintf(C->note, sizeof(C->note), "at least 2 samples per run are needed");
        return 2;
    }

    validate_ref_init(RA);
    validate_ref_init(RB);
    r1 = validate_ref_set_problem(RA, P, h, method, K, prec);
    r2 = (r1 == 0 && RA->kind == VALIDATE_REF_AFFINE)
        ? validate_ref_set_problem(RB, P, h, method, 2 * K, prec) : 0;
    if (r1 == 2 || r2 != 0)
    {
        snprintf(C->note, sizeof(C->note), "%s", r1 == 2 ? RA->note : RB->note);
        validate_ref_clear(RA);
        validate_ref_clear(RB);
        return 2;
    }
    if (r1 == 0 && RA->kind == VALIDATE_REF_AFFINE && RA->has_discrete && RB->has_discrete)
    {
        C->mode = VALIDATE_CONV_DIFF;
        C->kind = RA->kind;
        snprintf(C->note, sizeof(C->note),
                 "affine: observed differences tested against the exact laws of the scheme "
                 "at K and 2K steps (independent runs assumed)");
    }
    else if (r1 == 0 && RA->kind == VALIDATE_REF_MARGINAL)
    {
        C->mode = VALIDATE_CONV_EXTRAP;
        C->kind = RA->kind;
        snprintf(C->note, sizeof(C->note),
                 "exact score, marginal prior: Richardson values tested against p_t0 "
                 "(asymptotic; the O(dt^(p+1)) remainder is not modelled)");
    }
    else
    {
        C->mode = VALIDATE_CONV_NONE;
        C->kind = (r1 == 0) ? RA->kind : VALIDATE_REF_NONE;
        snprintf(C->note, sizeof(C->note),
                 "no certified law of the moments: Richardson estimates only, no test");
    }

    mA = _arb_vec_init(d); vA = _arb_vec_init(d); qA = _arb_vec_init(d);
    mB = _arb_vec_init(d); vB = _arb_vec_init(d); qB = _arb_vec_init(d);
    lmA = _arb_vec_init(d); lmB = _arb_vec_init(d); lmC = _arb_vec_init(d);
    arb_mat_init(CA, d, d); arb_mat_init(CB, d, d); arb_mat_init(CC, d, d);
    arb_mat_init(VA, d, d); arb_mat_init(VB, d, d);
    arb_init(one); arb_init(zero); arb_init(c); arb_init(cp); arb_init(den);

    _sample_stats(mA, vA, qA, A, prec);
    _sample_stats(mB, vB, qB, B, prec);
    arb_one(one);
    arb_zero(zero);
    if (C->mode == VALIDATE_CONV_DIFF)
    {
        validate_mix_moments4(lmA, CA, VA, RA->law, prec);
        validate_mix_moments4(lmB, CB, VB, RB->law, prec);
        _target_moments(lmC, CC, RA->cont, one, zero, prec);
    }
    else if (C->mode == VALIDATE_CONV_EXTRAP)
        _target_moments(lmC, CC, RA->law, one, zero, prec);

    /* cp = 2^p, c = 4^p, den = 2^p - 1 */
    arb_set_ui(cp, 1);
    arb_mul_2exp_si(cp, cp, C->order);
    arb_sqr(c, cp, prec);
    arb_sub_ui(den, cp, 1, prec);

    _items_init(C, 2 * d);
    for (s = 0; s < 2; s++)
        for (i = 0; i < d; i++)
        {
            validate_conv_item_struct * I = C->items + s * d + i;
            arb_srcptr a = s ? vA + i : mA + i, b = s ? vB + i : mB + i;
            arb_srcptr ea = s ? qA + i : vA + i, eb = s ? qB + i : vB + i;
            char tname[64];
            I->is_var = s;
            if (d == 1)
                snprintf(I->name, sizeof(I->name), "%s", s ? "var" : "mean");
            else
                snprintf(I->name, sizeof(I->name), "%s[%ld]", s ? "var" : "mean", (long) i);
            arb_set(I->a, a);
            arb_set(I->b, b);
            arb_sub(I->diff, a, b, prec);
            /* Richardson (estimates) */
            arb_mul(I->extrap, cp, b, prec);
            arb_sub(I->extrap, I->extrap, a, prec);
            arb_div(I->extrap, I->extrap, den, prec);
            _se2(I->extrap_se, ea, A->n, eb, B->n, c, prec);
            arb_div(I->extrap_se, I->extrap_se, den, prec);
            arb_div(I->bias_est, I->diff, den, prec);
            /* estimated se of the difference (replaced by the certified one below) */
            _se2(I->se, ea, A->n, eb, B->n, one, prec);

            if (C->mode == VALIDATE_CONV_DIFF)
            {
                arb_srcptr la = s ? arb_mat_entry(CA, i, i) : lmA + i;
                arb_srcptr lb = s ? arb_mat_entry(CB, i, i) : lmB + i;
                arb_srcptr va = s ? arb_mat_entry(VA, i, i) : arb_mat_entry(CA, i, i);
                arb_srcptr vb = s ? arb_mat_entry(VB, i, i) : arb_mat_entry(CB, i, i);
                arb_sub(I->diff_ref, la, lb, prec);
                arb_set(I->cont, s ? arb_mat_entry(CC, i, i) : lmC + i);
                arb_sub(I->bias_ref, lb, I->cont, prec);
                _se2(I->se, va, A->n, vb, B->n, one, prec);
                snprintf(tname, sizeof(tname), "diff %s", I->name);
                I->test = R->len;
                validate_report_add_z(R, tname, I->diff, I->diff_ref, I->se, prec);
                arb_set(R->tests[I->test].cont, I->cont);
            }
            else if (C->mode == VALIDATE_CONV_EXTRAP)
            {
                arb_set(I->cont, s ? arb_mat_entry(CC, i, i) : lmC + i);
                snprintf(tname, sizeof(tname), "extrap %s", I->name);
                I->test = R->len;
                validate_report_add_z(R, tname, I->extrap, I->cont, I->extrap_se, prec);
            }
        }
    validate_report_finish(R, alpha, prec);

    _arb_vec_clear(mA, d); _arb_vec_clear(vA, d); _arb_vec_clear(qA, d);
    _arb_vec_clear(mB, d); _arb_vec_clear(vB, d); _arb_vec_clear(qB, d);
    _arb_vec_clear(lmA, d); _arb_vec_clear(lmB, d); _arb_vec_clear(lmC, d);
    arb_mat_clear(CA); arb_mat_clear(CB); arb_mat_clear(CC);
    arb_mat_clear(VA); arb_mat_clear(VB);
    arb_clear(one); arb_clear(zero); arb_clear(c); arb_clear(cp); arb_clear(den);
    validate_ref_clear(RA);
    validate_ref_clear(RB);
    return status;
}
