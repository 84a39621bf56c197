/*
    wkb_affine_problem_applies, wkb_affine_set_problem: the affine route
    for a problem file.
*/
#include "diffwkb/wkb.h"

int
wkb_affine_problem_applies(const problem_t P)
{
    const target_struct * D = P->data;
    if (P->dim < 1 || D == NULL)
        return 0;
    if (!score_is_affine(P->score, P->data))
        return 0;
    if (P->prior == PRIOR_MARGINAL && D->n != 1)
        return 0;
    return P->prior == PRIOR_NORMAL || P->prior == PRIOR_MARGINAL;
}

int
wkb_affine_set_problem(wkb_affine_t M, const problem_t P, slong prec)
{
    const target_struct * D = P->data;
    arb_t lambda;

    if (!wkb_affine_problem_applies(P) || M->d != P->dim)
        return 0;

    arb_init(lambda);
    arb_one(lambda);
    wkb_affine_set_sched(M, P->sde, P->t0, P->T);
    switch (P->score->type)
    {
        case SCORE_SCALED:
            arb_add_ui(lambda, P->score->eps, 1, prec);
            /* fall through */
        case SCORE_EXACT:
            wkb_affine_set_score_gauss(M, target_mean(D, 0), target_cov(D, 0), lambda);
            break;
        case SCORE_OTHER:
            wkb_affine_set_score_gauss(M, target_mean(P->score->other, 0),
                    target_cov(P->score->other, 0), lambda);
            break;
        default:
            wkb_affine_set_score_const(M, P->score->A, P->score->b);
            break;
    }
    if (P->prior == PRIOR_MARGINAL)
        wkb_affine_set_prior_marginal(M, target_mean(D, 0), target_cov(D, 0), prec);
    else
        wkb_affine_set_prior_normal(M);
    arb_clear(lambda);
    return 1;
}
