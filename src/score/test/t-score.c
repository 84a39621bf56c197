/* Test _score_eval, _score_div, _score_jet for all model types:
   - exact: the jets along lines x + s v satisfy sum_i v_i J_i(s v) =
     d/ds log p_t(x + s v), checked against the independent line route of
     the target tests (LU solve, exp_series, log_series), orders K = 1..7;
   - every type: eval = constant terms of the jets, div = trace of the
     degree-1 coefficients of the component jets;
   - scaled = (1 + eps) exact (eval, div, jets);
   - other with Q = P equals exact (eval, div, jets); with Q != P it is
     the target score and Laplacian of Q;
   - affine: jets exact (A x + b, A, zero above degree 1), div = tr A;
   - score_is_affine. */
#include "target/test/target_test.h"
#include "diffwkb/score.h"

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("score....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 300; iter++)
    {
        slong d = 1 + n_randint(state, 3), n = 1 + n_randint(state, 4), K = 1 + n_randint(state, 7);
        slong prec = 64 + n_randint(state, 128), i, j, r, type;
        target_t P;
        score_t M, E;
        jet_ctx_t ctx;
        jet_struct * J, * JE;
        jet_t T;
        arb_t a, s2, eps, c, dv, dvE, tr;
        arb_ptr x, v, s, sE;
        arb_mat_t A;
        arb_poly_t pj, pi, u;
        int bad = 0;

        target_init(P, d, n);
        score_init(M, d);
        score_init(E, d);
        jet_ctx_init(ctx, d, K);
        J = flint_malloc(sizeof(jet_struct) * d);
        JE = flint_malloc(sizeof(jet_struct) * d);
        for (i = 0; i < d; i++)
        {
            jet_init(J + i, ctx);
            jet_init(JE + i, ctx);
        }
        jet_init(T, ctx);
        arb_init(a); arb_init(s2); arb_init(eps); arb_init(c); arb_init(dv); arb_init(dvE); arb_init(tr);
        x = _arb_vec_init(d);
        v = _arb_vec_init(d);
        s = _arb_vec_init(d);
        sE = _arb_vec_init(d);
        arb_mat_init(A, d, d);
        arb_poly_init(pj); arb_poly_init(pi); arb_poly_init(u);

        _t_rand_target(P, state, n_randint(state, 2), prec);
        _t_rand_a_s2(a, s2, state);
        for (i = 0; i < d; i++)
            _t_rand_dyadic(x + i, state, 320, 6);

        /* exact model, checked along lines against the independent route */
        _score_jet(JE, E, P, a, s2, x, ctx, prec);
        _score_eval(sE, E, P, a, s2, x, prec);
        _score_div(dvE, E, P, a, s2, x, prec);
        for (j = 0; j < 2 && !bad; j++)
        {
            for (i = 0; i < d; i++)
                _t_rand_dyadic(v + i, state, 64, 6);
            arb_poly_zero(pj);
            for (i = 0; i < d; i++)
            {
                jet_restrict_line(u, JE + i, v, ctx, prec);
                arb_poly_scalar_mul(u, u, v + i, prec);
                arb_poly_add(pj, pj, u, prec);
            }
            _t_log_density_line(pi, P, a, s2, x, v, K + 2, 2 * prec);
            arb_poly_derivative(pi, pi, 2 * prec);
            arb_poly_truncate(pi, K + 1);
            if (!arb_poly_overlaps(pj, pi))
                bad = 1;
            for (r = 0; r < pj->length; r++)
                if (!arb_is_finite(pj->coeffs + r))
                    bad = 1;
        }

        /* each type */
        for (type = 0; type < 4 && !bad; type++)
        {
            if (type == SCORE_EXACT)
                score_set_exact(M);
            else if (type == SCORE_SCALED)
            {
                _t_rand_dyadic(eps, state, 64, 7);
                score_set_scaled(M, eps);
            }
            else if (type == SCORE_OTHER)
                score_set_other(M, P);
            else
            {
                for (i = 0; i < d; i++)
                    for (j = 0; j < d; j++)
                        _t_rand_dyadic(arb_mat_entry(A, i, j), state, 64, 5);
                for (i = 0; i < d; i++)
                    _t_rand_dyadic(v + i, state, 64, 5);
                score_set_affine(M, A, v);
            }

            _score_eval(s, M, P, a, s2, x, prec);
            _score_div(dv, M, P, a, s2, x, prec);
            _score_jet(J, M, P, a, s2, x, ctx, prec);

            /* eval = constant terms, div = trace of the linear parts */
            arb_zero(tr);
            for (i = 0; i < d; i++)
            {
                if (!arb_overlaps(s + i, J[i].coeffs))
                    bad = 2;
                arb_add(tr, tr, J[i].coeffs + 1 + i, prec);
            }
            if (!arb_overlaps(tr, dv) || !arb_is_finite(dv))
                bad = bad ? bad : 3;

            if (type == SCORE_EXACT || type == SCORE_OTHER || type == SCORE_SCALED)
            {
                if (type == SCORE_SCALED)
                    arb_add_ui(c, eps, 1, prec);
                else
                    arb_one(c);
                for (i = 0; i < d; i++)
                {
                    arb_mul(tr, sE + i, c, prec);
                    if (!arb_overlaps(s + i, tr))
                        bad = bad ? bad : 4;
                    jet_scalar_mul(T, JE + i, c, ctx, prec);
                    for (r = 0; r < ctx->len; r++)
                        if (!arb_overlaps(J[i].coeffs + r, T->coeffs + r))
                            bad = bad ? bad : 4;
                }
                arb_mul(tr, dvE, c, prec);
                if (!arb_overlaps(dv, tr))
                    bad = bad ? bad : 4;
                if (score_is_affine(M, P) != (n == 1))
                    bad = bad ? bad : 6;
            }
            else
            {
                /* affine: exact jets */
                arb_zero(tr);
                for (i = 0; i < d; i++)
                {
                    arb_set(c, v + i);
                    for (j = 0; j < d; j++)
                        arb_addmul(c, arb_mat_entry(A, i, j), x + j, 2 * prec);
                    if (!arb_overlaps(J[i].coeffs, c))
                        bad = 5;
                    for (j = 0; j < d; j++)
                        if (!arb_equal(J[i].coeffs + 1 + j, arb_mat_entry(A, i, j)))
                            bad = 5;
                    for (r = d + 1; r < ctx->len; r++)
                        if (!arb_is_zero(J[i].coeffs + r))
                            bad = 5;
                    arb_add(tr, tr, arb_mat_entry(A, i, i), prec);
                }
                if (!arb_equal(tr, dv))
                    bad = bad ? bad : 5;
                if (!score_is_affine(M, P))
                    bad = bad ? bad : 6;
            }
            if (bad)
                flint_printf("model type %wd\n", type);
        }

        /* other with Q != P: the exact score and Laplacian of Q */
        if (!bad)
        {
            target_t Q;
            target_init(Q, d, 1 + n_randint(state, 3));
            _t_rand_target(Q, state, 0, prec);
            score_set_other(M, Q);
            _score_eval(s, M, P, a, s2, x, prec);
            _score_div(dv, M, P, a, s2, x, prec);
            _score_jet(J, M, P, a, s2, x, ctx, prec);
            _target_score(sE, Q, a, s2, x, 2 * prec);
            _target_laplacian_log(dvE, Q, a, s2, x, 2 * prec);
            for (i = 0; i < d; i++)
                if (!arb_overlaps(s + i, sE + i) || !arb_overlaps(J[i].coeffs, sE + i))
                    bad = 7;
            if (!arb_overlaps(dv, dvE) || score_is_affine(M, P) != (Q->n == 1))
                bad = 7;
            target_clear(Q);
        }

        if (bad)
        {
            flint_printf("FAIL (case %d) K = %wd prec = %wd\n", bad, K, prec);
            _t_print_target(P, a, s2, x);
            flint_printf("v = ");
            for (i = 0; i < d; i++) { arb_printd(v + i, 20); flint_printf(" "); }
            flint_printf("\neps = "); arb_printd(eps, 20);
            flint_printf("\njet line = "); arb_poly_printd(pj, 20);
            flint_printf("\nindependent = "); arb_poly_printd(pi, 20);
            flint_printf("\ndiv = "); arb_printd(dv, 20);
            flint_printf("\n");
            for (i = 0; i < d; i++)
                jet_printd(J + i, 20, ctx);
            fflush(stdout);
            flint_abort();
        }

        target_clear(P);
        score_clear(M);
        score_clear(E);
        for (i = 0; i < d; i++)
        {
            jet_clear(J + i, ctx);
            jet_clear(JE + i, ctx);
        }
        flint_free(J);
        flint_free(JE);
        jet_clear(T, ctx);
        jet_ctx_clear(ctx);
        arb_clear(a); arb_clear(s2); arb_clear(eps); arb_clear(c); arb_clear(dv); arb_clear(dvE); arb_clear(tr);
        _arb_vec_clear(x, d);
        _arb_vec_clear(v, d);
        _arb_vec_clear(s, d);
        _arb_vec_clear(sE, d);
        arb_mat_clear(A);
        arb_poly_clear(pj); arb_poly_clear(pi); arb_poly_clear(u);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
