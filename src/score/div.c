/* _score_div: res encloses div_x of the model score at x under (a, s2):
   the Laplacian of log p_t (times 1 + eps when scaled), of log q_t for the
   other law, or tr A. */
#include "diffwkb/score.h"

void
_score_div(arb_t res, const score_t M, const target_t P, const arb_t a,
           const arb_t s2, arb_srcptr x, slong prec)
{
    slong i;
    arb_t c;

    switch (M->type)
    {
        case SCORE_EXACT:
            _target_laplacian_log(res, P, a, s2, x, prec);
            break;
        case SCORE_SCALED:
            arb_init(c);
            arb_add_ui(c, M->eps, 1, prec);
            _target_laplacian_log(res, P, a, s2, x, prec);
            arb_mul(res, res, c, prec);
            arb_clear(c);
            break;
        case SCORE_OTHER:
            _target_laplacian_log(res, M->other, a, s2, x, prec);
            break;
        case SCORE_AFFINE:
            arb_zero(res);
            for (i = 0; i < M->d; i++)
                arb_add(res, res, arb_mat_entry(M->A, i, i), prec);
            break;
        default:
            arb_indeterminate(res);
    }
}
