/* target_init, target_clear, target_set. */
#include "diffwkb/target.h"

void
target_init(target_t P, slong d, slong n)
{
    slong k;
    P->d = d;
    P->n = n;
    P->w = _arb_vec_init(n);
    P->m = _arb_vec_init(n * d);
    P->S = flint_malloc(sizeof(arb_mat_struct) * n);
    for (k = 0; k < n; k++)
        arb_mat_init(P->S + k, d, d);
}

void
target_clear(target_t P)
{
    slong k;
    _arb_vec_clear(P->w, P->n);
    _arb_vec_clear(P->m, P->n * P->d);
    for (k = 0; k < P->n; k++)
        arb_mat_clear(P->S + k);
    flint_free(P->S);
}

void
target_set(target_t P, const target_t Q)
{
    slong k;
    if (P == Q)
        return;
    if (P->d != Q->d || P->n != Q->n)
    {
        flint_printf("target_set: shapes differ\n");
        flint_abort();
    }
    _arb_vec_set(P->w, Q->w, Q->n);
    _arb_vec_set(P->m, Q->m, Q->n * Q->d);
    for (k = 0; k < Q->n; k++)
        arb_mat_set(P->S + k, Q->S + k);
}
