/*
    validate_run: all tests of a sample set against a reference law
    (see validate.h).
*/
#include <stdlib.h>
#include <string.h>
#include "diffwkb/validate.h"

static int
_cmp_double(const void * a, const void * b)
{
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

/* W2 between two 1D Gaussians: sqrt((m1 - m2)^2 + (s1 - s2)^2). */
static void
_w2_gauss(arb_t res, const target_t A, const target_t B, slong prec)
{
    arb_t s, t, u;
    arb_init(s); arb_init(t); arb_init(u);
    arb_sub(s, A->m, B->m, prec);
    arb_sqr(s, s, prec);
    arb_sqrt(t, arb_mat_entry(A->S, 0, 0), prec);
    arb_sqrt(u, arb_mat_entry(B->S, 0, 0), prec);
    arb_sub(t, t, u, prec);
    arb_addmul(s, t, t, prec);
    arb_sqrtpos(res, s, prec);
    arb_clear(s); arb_clear(t); arb_clear(u);
}

int
validate_run(validate_report_t R, const validate_samples_t S, const validate_ref_t Ref,
             const arb_t alpha, slong prec)
{
    slong n = S->n;
    int status = 0, has_law = (Ref->kind == VALIDATE_REF_AFFINE
                               || Ref->kind == VALIDATE_REF_MARGINAL);
    slong cprec = FLINT_MIN(prec, 64);      /* per-sample CDF work */
    slong stride = FLINT_MAX(1, n / VALIDATE_CDF_POINTS);

    R->n = n;
    if (has_law)
        validate_test_moments(R, S, Ref->law, Ref->has_discrete ? Ref->cont : NULL, prec);

    if (S->d == 1 && n > 0)
    {
        double * xs = (double *) flint_malloc(sizeof(double) * n);
        arb_ptr Fx = _arb_vec_init(n);
        arb_t D;
        arb_init(D);
        memcpy(xs, S->x, sizeof(double) * n);
        qsort(xs, n, sizeof(double), _cmp_double);
        if (has_law)
        {
            validate_mix_cdf_vec(Fx, Ref->law, xs, n, stride, cprec);
            validate_ks_stat(D, xs, Fx, n, cprec);
            validate_report_add_ks(R, "ks", D, n, prec);
            if (R->want_w2)
                validate_w2_1d(R->w2, xs, Fx, n, Ref->law, cprec);
            if (Ref->law->n == 1 && Ref->data->n == 1)
                _w2_gauss(R->w2_ref_data, Ref->law, Ref->data, prec);
        }
        else if (Ref->kind == VALIDATE_REF_FLOW)
        {
            if (!validate_flow_ks_stat(D, Ref->problem, xs, n, VALIDATE_FLOW_GRID, FLINT_MIN(prec, 64)))
                status = 2;
            else
                validate_report_add_ks(R, "ks", D, n, prec);
        }
        if (R->want_w2)
        {
            validate_mix_cdf_vec(Fx, Ref->data, xs, n, stride, cprec);
            validate_w2_1d(R->w2_data, xs, Fx, n, Ref->data, cprec);
        }
        arb_clear(D);
        _arb_vec_clear(Fx, n);
        flint_free(xs);
    }
    validate_report_finish(R, alpha, prec);
    return status;
}
