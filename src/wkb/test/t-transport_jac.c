/*
    The backward jet blocks solved two ways: without the Jacobian callback
    (naive Taylor recurrence, direct interval Taylor step) and with
    _wkb_tr_bwd_jac (Newton-doubling series, mean-value hull series,
    Lohner step).  Random Gaussian mixtures (d = 1, N = 2 or 3, 2 or 3
    components; d = 2, N = 1, 2 components; random weights, means, SPD
    covariances), const or vp schedule, random point:
      - exact score, prior N(0, I) or scaled score: c_0 .. c_N of the two
        ways overlap;
      - exact score, prior p_T ("marginal"), where log q^h_{t0} = log p_{t0}
        for every h: with the Jacobian c_0 overlaps the closed form
        target_log_density and c_n (n >= 1) contains 0 (an independent
        check that the Jacobian route's enclosures hold the true values).
    Also checks _wkb_tr_bwd_jac against a difference of the right-hand side
    at two states (the block is linear: F(U + e_q) - F(U) = column q of the
    Jacobian, exactly, up to the balls).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diffwkb/wkb.h"
#include "../transport_impl.h"
#include "common.h"

static void
_fail(void)
{
    fflush(stdout);
    exit(1);
}

static void
_json(char * json, size_t sz, flint_rand_t st, slong d, slong nc, int vp, int kind)
{
    rand_mixture_json(json, sz, st, d, nc, vp,
                      kind == 1 ? "{\"type\": \"scaled\", \"eps\": \"0.1\"}"
                                : "{\"type\": \"exact\"}",
                      kind == 2 ? "{\"type\": \"marginal\"}" : "{\"type\": \"normal\"}");
}

/* Jacobian vs the difference of the right-hand side at U and U + e_q
   (block n of the integrated T, random U, at the time T - 1/8, series
   length len); returns 1 if all overlap. */
static int
_check_jac(_wkb_tr_t T, slong n, flint_rand_t st, slong prec)
{
    const problem_struct * P = T->P;
    slong m, len = 1 + n_randint(st, 6), q, r, k;
    arb_poly_struct * U, * F0, * F1, * J;
    arb_t t, u, v;
    int ok = 1;

    m = T->m[n];
    U = flint_malloc(sizeof(arb_poly_struct) * m);
    F0 = flint_malloc(sizeof(arb_poly_struct) * m);
    F1 = flint_malloc(sizeof(arb_poly_struct) * m);
    J = flint_malloc(sizeof(arb_poly_struct) * m * m);
    for (q = 0; q < m; q++)
    {
        arb_poly_init(U + q);
        arb_poly_init(F0 + q);
        arb_poly_init(F1 + q);
        arb_poly_randtest(U + q, st, len, prec, 3);
    }
    for (q = 0; q < m * m; q++)
        arb_poly_init(J + q);
    arb_init(t);
    arb_init(u);
    arb_init(v);
    arb_set_si(t, -1);
    arb_mul_2exp_si(t, t, -3);
    arb_add(t, t, P->T, prec);

    T->blk[n].inc_valid = 0;
    if (_wkb_tr_bwd_rhs(F0, U, t, len, T->blk + n, prec) != 0 ||
        _wkb_tr_bwd_jac(J, U, t, len, T->blk + n, prec) != 0)
        ok = 0;
    for (q = 0; q < m && ok; q++)
    {
        /* U + tau^0 e_q (the Jacobian's constant term times 1) */
        arb_poly_t w;
        arb_poly_init(w);
        arb_poly_set(w, U + q);
        arb_poly_get_coeff_arb(u, w, 0);
        arb_add_ui(u, u, 1, prec);
        arb_poly_set_coeff_arb(U + q, 0, u);
        T->blk[n].inc_valid = 0;
        if (_wkb_tr_bwd_rhs(F1, U, t, len, T->blk + n, prec) != 0)
            ok = 0;
        arb_poly_swap(U + q, w);
        arb_poly_clear(w);
        for (r = 0; r < m && ok; r++)
            for (k = 0; k < len && ok; k++)
            {
                arb_poly_get_coeff_arb(u, F1 + r, k);
                arb_poly_get_coeff_arb(v, F0 + r, k);
                arb_sub(u, u, v, prec);
                arb_poly_get_coeff_arb(v, J + r * m + q, k);
                if (!arb_overlaps(u, v))
                {
                    flint_printf("FAIL (jacobian) n = %wd r = %wd q = %wd k = %wd\n", n, r, q, k);
                    arb_printd(u, 20); flint_printf("\n");
                    arb_printd(v, 20); flint_printf("\n");
                    ok = 0;
                }
            }
    }
    for (q = 0; q < m; q++)
    {
        arb_poly_clear(U + q);
        arb_poly_clear(F0 + q);
        arb_poly_clear(F1 + q);
    }
    for (q = 0; q < m * m; q++)
        arb_poly_clear(J + q);
    flint_free(U);
    flint_free(F0);
    flint_free(F1);
    flint_free(J);
    arb_clear(t);
    arb_clear(u);
    arb_clear(v);
    return ok;
}

/* c[0..N] by the transport route with the Jacobian for blocks of size <= jm;
   with jm > 0 also the Jacobian check on a random block */
static int
_series(arb_ptr c, const problem_t P, arb_srcptr x, slong N, slong jm, flint_rand_t st,
        const char * json, slong prec)
{
    _wkb_tr_t T;
    slong n;
    int ok;
    _wkb_tr_init(T, P, N, N + 1, NULL);
    T->jac_max_m = jm;
    ok = _wkb_tr_forward(T, x, prec) && _wkb_tr_backward(T, prec);
    for (n = 0; n <= N; n++)
        arb_set(c + n, T->blk[n].sol->x + 0);
    if (ok && jm > 0 && !_check_jac(T, n_randint(st, N + 1), st, prec))
    {
        flint_printf("FAIL (jacobian check)\n%s\n", json);
        _fail();
    }
    _wkb_tr_clear(T);
    return ok;
}

int
main(void)
{
    flint_rand_t st;
    slong iter;

    flint_printf("transport_jac....");
    fflush(stdout);
    flint_randinit(st);

    for (iter = 0; iter < 6; iter++)
    {
        slong prec = 64, d = (iter < 4) ? 1 : 2, nc = (d == 1) ? 2 + n_randint(st, 2) : 2;
        slong N = (d == 1) ? 2 + (iter == 0) : 1, n, i;
        int kind = (iter < 4) ? iter % 3 : 2 * (iter - 4);   /* d = 2: 0, 2 */
        char json[2048], err[256];
        problem_t P;
        arb_ptr c0, c1, x;
        arb_t r;

        _json(json, sizeof json, st, d, nc, n_randint(st, 2), kind);
        problem_init(P);
        if (problem_read_string(P, json, err, sizeof err, prec) != 0)
        {
            flint_printf("FAIL (read): %s\n%s\n", err, json);
            _fail();
        }
        c0 = _arb_vec_init(N + 1);
        c1 = _arb_vec_init(N + 1);
        arb_init(r);
        x = _arb_vec_init(d);
        for (i = 0; i < d; i++)
        {
            arb_set_si(x + i, (slong) n_randint(st, 301) - 150);
            arb_div_ui(x + i, x + i, 100, prec);
        }

        if (!_series(c0, P, x, N, 0, st, json, prec) ||
            !_series(c1, P, x, N, WORD_MAX, st, json, prec))
        {
            flint_printf("FAIL (status)\n%s\n", json);
            _fail();
        }
        for (n = 0; n <= N; n++)
        {
            if (!arb_is_finite(c1 + n) || !arb_overlaps(c0 + n, c1 + n))
            {
                flint_printf("FAIL (overlap c_%wd)\n%s\n", n, json);
                arb_printd(c0 + n, 30); flint_printf("\n");
                arb_printd(c1 + n, 30); flint_printf("\n");
                _fail();
            }
        }
        if (kind == 2)
        {
            target_log_density(r, P->data, P->sde, P->t0, x, prec);
            if (!arb_overlaps(r, c1 + 0))
            {
                flint_printf("FAIL (c_0 closed form)\n%s\n", json);
                arb_printd(c1 + 0, 30); flint_printf("\n");
                arb_printd(r, 30); flint_printf("\n");
                _fail();
            }
            for (n = 1; n <= N; n++)
                if (!arb_contains_zero(c1 + n))
                {
                    flint_printf("FAIL (c_%wd contains 0)\n%s\n", n, json);
                    arb_printd(c1 + n, 30); flint_printf("\n");
                    _fail();
                }
        }
        problem_clear(P);
        _arb_vec_clear(c0, N + 1);
        _arb_vec_clear(c1, N + 1);
        arb_clear(r);
        _arb_vec_clear(x, d);
    }

    flint_randclear(st);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
