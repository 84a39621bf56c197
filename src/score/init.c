/* score_init, score_clear, score_set_exact, score_set_scaled,
   score_set_other, score_set_affine, score_is_affine. */
#include "diffwkb/score.h"

void
score_init(score_t M, slong d)
{
    M->type = SCORE_EXACT;
    M->d = d;
    arb_init(M->eps);
    M->other = NULL;
    arb_mat_init(M->A, d, d);
    M->b = _arb_vec_init(d);
}

static void
_score_free_other(score_t M)
{
    if (M->other != NULL)
    {
        target_clear(M->other);
        flint_free(M->other);
        M->other = NULL;
    }
}

void
score_clear(score_t M)
{
    arb_clear(M->eps);
    _score_free_other(M);
    arb_mat_clear(M->A);
    _arb_vec_clear(M->b, M->d);
}

void
score_set_exact(score_t M)
{
    M->type = SCORE_EXACT;
}

void
score_set_scaled(score_t M, const arb_t eps)
{
    M->type = SCORE_SCALED;
    arb_set(M->eps, eps);
}

void
score_set_other(score_t M, const target_t Q)
{
    target_struct * T;

    if (Q->d != M->d)
    {
        flint_printf("score_set_other: dimension %wd != %wd\n", Q->d, M->d);
        flint_abort();
    }
    /* copy first: Q may be M->other itself */
    T = flint_malloc(sizeof(target_struct));
    target_init(T, Q->d, Q->n);
    target_set(T, Q);
    _score_free_other(M);
    M->other = T;
    M->type = SCORE_OTHER;
}

void
score_set_affine(score_t M, const arb_mat_t A, arb_srcptr b)
{
    M->type = SCORE_AFFINE;
    arb_mat_set(M->A, A);
    _arb_vec_set(M->b, b, M->d);
}

int
score_is_affine(const score_t M, const target_t P)
{
    switch (M->type)
    {
        case SCORE_EXACT:
        case SCORE_SCALED:
            return P->n == 1;
        case SCORE_OTHER:
            return M->other->n == 1;
        case SCORE_AFFINE:
            return 1;
        default:
            return 0;
    }
}
