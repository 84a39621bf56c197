/* _score_eval: s[0..d-1] encloses the model score at x under (a, s2):
   exact grad log p_t, (1 + eps) grad log p_t, grad log q_t of the other law
   q, or A x + b. */
#include "diffwkb/score.h"

void
_score_eval(arb_ptr s, const score_t M, const target_t P, const arb_t a,
            const arb_t s2, arb_srcptr x, slong prec)
{
    slong d = M->d, i;
    arb_t c;

    switch (M->type)
    {
        case SCORE_EXACT:
            _target_score(s, P, a, s2, x, prec);
            break;
        case SCORE_SCALED:
            arb_init(c);
            arb_add_ui(c, M->eps, 1, prec);
            _target_score(s, P, a, s2, x, prec);
            _arb_vec_scalar_mul(s, s, d, c, prec);
            arb_clear(c);
            break;
        case SCORE_OTHER:
            _target_score(s, M->other, a, s2, x, prec);
            break;
        case SCORE_AFFINE:
            for (i = 0; i < d; i++)
                arb_dot(s + i, M->b + i, 0, arb_mat_entry(M->A, i, 0), 1, x, 1, d, prec);
            break;
        default:
            _arb_vec_indeterminate(s, d);
    }
}
