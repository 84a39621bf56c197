/* _ode_lohner_q: the orthogonal coordinate matrix of Lohner's QR method. */
#include "impl.h"

/*
    Q is set to an (approximately) orthogonal matrix with exact entries:
    the Q factor of mid(M) P, P sorting the columns by decreasing
    |mid M_j|_2 rad(r_j) (Lohner's choice: the longest edge of the
    parallelepiped M r comes first).  Any invertible Q is correct for the
    caller (it inverts Q rigorously); orthogonality only keeps the wrapping
    small.  Falls back to the identity if the columns are degenerate.
*/
void
_ode_lohner_q(arb_mat_t Q, const arb_mat_t M, arb_srcptr r, slong prec)
{
    slong n = arb_mat_nrows(M), i, j, k, pass;
    slong * perm;
    arb_ptr key;
    arb_t s, nrm;
    int ok = 1;

    perm = flint_malloc(sizeof(slong) * n);
    key = _arb_vec_init(n);
    arb_init(s);
    arb_init(nrm);

    for (j = 0; j < n; j++)
    {
        perm[j] = j;
        arb_zero(key + j);
        for (i = 0; i < n; i++)
        {
            arb_get_mid_arb(s, arb_mat_entry(M, i, j));
            arb_addmul(key + j, s, s, 30);
        }
        arb_get_mid_arb(key + j, key + j);
        arb_get_rad_arb(s, r + j);
        arb_mul(key + j, key + j, s, 30);
        arb_mul(key + j, key + j, s, 30);
        arb_get_mid_arb(key + j, key + j);
    }
    /* insertion sort, decreasing key */
    for (j = 1; j < n; j++)
    {
        slong v = perm[j];
        k = j - 1;
        while (k >= 0 && arf_cmp(arb_midref(key + perm[k]), arb_midref(key + v)) < 0)
        {
            perm[k + 1] = perm[k];
            k--;
        }
        perm[k + 1] = v;
    }

    for (j = 0; j < n; j++)
        for (i = 0; i < n; i++)
            arb_get_mid_arb(arb_mat_entry(Q, i, j), arb_mat_entry(M, i, perm[j]));

    /* modified Gram-Schmidt, two passes, on midpoints */
    for (j = 0; j < n && ok; j++)
    {
        for (pass = 0; pass < 2; pass++)
        {
            for (k = 0; k < j; k++)
            {
                arb_zero(s);
                for (i = 0; i < n; i++)
                    arb_addmul(s, arb_mat_entry(Q, i, k), arb_mat_entry(Q, i, j), prec);
                arb_get_mid_arb(s, s);
                for (i = 0; i < n; i++)
                {
                    arb_submul(arb_mat_entry(Q, i, j), s, arb_mat_entry(Q, i, k), prec);
                    arb_get_mid_arb(arb_mat_entry(Q, i, j), arb_mat_entry(Q, i, j));
                }
            }
        }
        arb_zero(nrm);
        for (i = 0; i < n; i++)
            arb_addmul(nrm, arb_mat_entry(Q, i, j), arb_mat_entry(Q, i, j), prec);
        arb_get_mid_arb(nrm, nrm);
        if (!arf_is_finite(arb_midref(nrm)) || arf_sgn(arb_midref(nrm)) <= 0)
        {
            ok = 0;
            break;
        }
        arb_rsqrt(nrm, nrm, prec);
        arb_get_mid_arb(nrm, nrm);
        for (i = 0; i < n; i++)
        {
            arb_mul(arb_mat_entry(Q, i, j), arb_mat_entry(Q, i, j), nrm, prec);
            arb_get_mid_arb(arb_mat_entry(Q, i, j), arb_mat_entry(Q, i, j));
        }
    }

    if (!ok)
        arb_mat_one(Q);

    arb_clear(s);
    arb_clear(nrm);
    _arb_vec_clear(key, n);
    flint_free(perm);
}
