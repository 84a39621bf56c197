/*
    problem_init, problem_clear, problem_swap, problem_contains_time and names.
*/
#include <stdlib.h>
#include "diffwkb/problem.h"

void
problem_init(problem_t P)
{
    P->dim = 0;
    sched_init(P->sde);
    arb_init(P->t0);
    arb_init(P->T);
    fmpq_init(P->t0_exact);
    fmpq_init(P->T_exact);
    P->data = NULL;
    score_init(P->score, 1);
    P->prior = PRIOR_NORMAL;
    P->json_text = NULL;
    P->prec = 0;
}

void
problem_clear(problem_t P)
{
    sched_clear(P->sde);
    arb_clear(P->t0);
    arb_clear(P->T);
    fmpq_clear(P->t0_exact);
    fmpq_clear(P->T_exact);
    if (P->data != NULL)
    {
        target_clear(P->data);
        flint_free(P->data);
    }
    score_clear(P->score);
    free(P->json_text);
}

void
problem_swap(problem_t P, problem_t Q)
{
    problem_struct t = *P;
    *P = *Q;
    *Q = t;
}

int
problem_contains_time(const problem_t P, const fmpq_t t)
{
    if (P->dim == 0)
        return 0;
    return fmpq_cmp(P->t0_exact, t) <= 0 && fmpq_cmp(t, P->T_exact) <= 0;
}

const char *
problem_prior_name(prior_type prior)
{
    switch (prior)
    {
        case PRIOR_NORMAL: return "normal";
        case PRIOR_MARGINAL: return "marginal";
        default: return NULL;
    }
}

const char *
problem_score_name(const problem_t P)
{
    switch (P->score->type)
    {
        case SCORE_EXACT: return "exact";
        case SCORE_SCALED: return "scaled";
        case SCORE_OTHER:
            return (P->score->other != NULL && P->score->other->n == 1) ? "gaussian" : "mixture";
        case SCORE_AFFINE: return "affine";
        default: return NULL;
    }
}
