/* Test _score_tjet, score_tjet, score_pf_drift_tjet for all model types.
   (1) L = 1: _score_tjet overlaps _score_jet (every type).
   (2) General L (schedule versions, every schedule):
       - the tau^0 slice overlaps score_jet at (t, x(0)); the drift's tau^0
         slice overlaps f (x + xi) - (g^2/2) score_jet built with jets;
       - scaled = (1 + eps) exact; other with Q = P equals exact exactly;
       - affine: constant series A x(tau) + b, linear part A, nothing else;
       - the tau^1 slices of the score and of the drift overlap central
         finite differences in t (600 bits, h = 2^-130, allowance
         32 h^2 (1 + |c_3|)) of score_jet / the drift jet along x(tau). */
#include "target/test/target_test.h"
#include "diffwkb/score.h"

#define FD_PREC 600
#define FD_LOG2H 130

/* G[i] = f (x_i + xi_i) - (g2/2) s_i as ordinary jets at time t, point x */
static void
drift_jets(jet_struct * G, const score_t M, const target_t P, const sched_t S,
           const arb_t t, arb_srcptr x, const jet_ctx_t jc, slong prec)
{
    slong i, d = jc->d;
    arb_t f, g2;
    jet_t X;
    arb_init(f); arb_init(g2);
    jet_init(X, jc);
    score_jet(G, M, P, S, t, x, jc, prec);
    sched_f(f, S, t, prec);
    sched_g2(g2, S, t, prec);
    arb_mul_2exp_si(g2, g2, -1);
    arb_neg(g2, g2);
    for (i = 0; i < d; i++)
    {
        jet_scalar_mul(G + i, G + i, g2, jc, prec);
        jet_zero(X, jc);
        arb_set(X->coeffs, x + i);
        if (jc->K >= 1)
            arb_one(X->coeffs + 1 + i);
        jet_scalar_addmul(G + i, X, f, jc, prec);
    }
    arb_clear(f); arb_clear(g2);
    jet_clear(X, jc);
}

static void
rand_sched(sched_t S, flint_rand_t state)
{
    arb_t p1, p2;
    slong type = n_randint(state, 6);
    arb_init(p1); arb_init(p2);
    arb_set_ui(p1, 1); arb_mul_2exp_si(p1, p1, -3);
    arb_set_ui(p2, 20);
    if (type == 0) { arb_set_ui(p1, 3); arb_mul_2exp_si(p1, p1, -1); sched_set_const(S, p1); }
    else if (type == 1) sched_set_vp(S, p1, p2);
    else if (type == 2) sched_set_simple(S);
    else if (type == 3) sched_set_cosine(S);
    else if (type == 4)
    {
        arb_set_ui(p1, 1); arb_mul_2exp_si(p1, p1, -6);
        arb_set_ui(p2, 50);
        sched_set_ve(S, p1, p2);
    }
    else sched_set_subvp(S, p1, p2);
    arb_clear(p1); arb_clear(p2);
}

static void
fail(const char * what, slong iter, const target_t P, const sched_t S, const arb_t t)
{
    flint_printf("FAIL: %s (iter %wd, schedule %s, t = ", what, iter,
                 S == NULL ? "-" : sched_name(S->type));
    arb_printd(t, 20);
    flint_printf(")\n");
    _t_print_target(P, t, t, NULL);
    fflush(stdout);
    flint_abort();
}

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("tjet....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 120; iter++)
    {
        slong d = 1 + n_randint(state, 3), n = 1 + n_randint(state, 4), K = n_randint(state, 5);
        slong L = 4 + n_randint(state, 3), prec = 128, i, j, r, k, type;
        target_t P, Q;
        score_t M[5];
        sched_t S;
        jet_ctx_t jc;
        tjet_ctx_t ctx, ctx1;
        tjet_struct * J[5], * F;
        jet_struct * G, * Gm, * Gp;
        arb_poly_struct * px;
        arb_poly_t pa, ps2, u;
        arb_t a, s2, t, eps, c, h, tau, tm;
        arb_ptr x0, xm, xp, bvec;
        arb_mat_t A;

        target_init(P, d, n);
        target_init(Q, d, 1 + n_randint(state, 3));
        sched_init(S);
        jet_ctx_init(jc, d, K);
        tjet_ctx_init(ctx, jc, L);
        tjet_ctx_init(ctx1, jc, 1);
        arb_init(a); arb_init(s2); arb_init(t); arb_init(eps); arb_init(c); arb_init(h);
        arb_init(tau); arb_init(tm);
        arb_poly_init(pa); arb_poly_init(ps2); arb_poly_init(u);
        x0 = _arb_vec_init(d); xm = _arb_vec_init(d); xp = _arb_vec_init(d); bvec = _arb_vec_init(d);
        arb_mat_init(A, d, d);
        px = flint_malloc(sizeof(arb_poly_struct) * d);
        G = flint_malloc(sizeof(jet_struct) * d);
        Gm = flint_malloc(sizeof(jet_struct) * d);
        Gp = flint_malloc(sizeof(jet_struct) * d);
        F = flint_malloc(sizeof(tjet_struct) * d);
        for (i = 0; i < d; i++)
        {
            arb_poly_init(px + i);
            jet_init(G + i, jc); jet_init(Gm + i, jc); jet_init(Gp + i, jc);
            tjet_init(F + i, ctx);
        }

        _t_rand_target(P, state, n_randint(state, 2), prec);
        _t_rand_target(Q, state, n_randint(state, 2), prec);
        _t_rand_dyadic(eps, state, 32, 6);
        for (i = 0; i < d; i++)
        {
            _t_rand_dyadic(bvec + i, state, 64, 5);
            for (j = 0; j < d; j++)
                _t_rand_dyadic(arb_mat_entry(A, i, j), state, 64, 5);
        }
        for (type = 0; type < 5; type++)
        {
            score_init(M[type], d);
            J[type] = flint_malloc(sizeof(tjet_struct) * d);
            for (i = 0; i < d; i++)
                tjet_init(J[type] + i, ctx);
        }
        score_set_scaled(M[1], eps);
        score_set_other(M[2], P);
        score_set_other(M[3], Q);
        score_set_affine(M[4], A, bvec);

        for (i = 0; i < d; i++)
        {
            arb_poly_zero(px + i);
            for (k = 0; k < 3; k++)
            {
                _t_rand_dyadic(c, state, k == 0 ? 320 : 64, 6);
                arb_poly_set_coeff_arb(px + i, k, c);
            }
            arb_poly_get_coeff_arb(x0 + i, px + i, 0);
        }

        /* (1) L = 1 against _score_jet */
        _t_rand_a_s2(a, s2, state);
        arb_poly_set_arb(pa, a);
        arb_poly_set_arb(ps2, s2);
        for (type = 0; type < 5; type++)
        {
            tjet_struct * J1 = flint_malloc(sizeof(tjet_struct) * d);
            for (i = 0; i < d; i++)
                tjet_init(J1 + i, ctx1);
            _score_tjet(J1, M[type], P, pa, ps2, px, ctx1, prec);
            _score_jet(G, M[type], P, a, s2, x0, jc, prec);
            for (i = 0; i < d; i++)
                for (r = 0; r < jc->len; r++)
                    if (!arb_overlaps(J1[i].coeffs + r, G[i].coeffs + r)
                        || !arb_is_finite(J1[i].coeffs + r))
                        fail("L = 1 vs _score_jet", iter, P, NULL, a);
            for (i = 0; i < d; i++)
                tjet_clear(J1 + i, ctx1);
            flint_free(J1);
        }

        /* (2) general L with a schedule */
        rand_sched(S, state);
        arb_set_ui(t, 1 + n_randint(state, 15));
        arb_mul_2exp_si(t, t, -4);
        for (type = 0; type < 5; type++)
            score_tjet(J[type], M[type], P, S, t, px, ctx, prec);

        for (type = 0; type < 5; type++)
        {
            score_jet(G, M[type], P, S, t, x0, jc, prec);
            for (i = 0; i < d; i++)
                for (r = 0; r < jc->len; r++)
                    if (!arb_overlaps(tjet_coeff(J[type] + i, r, ctx), G[i].coeffs + r))
                        fail("tau^0 vs score_jet", iter, P, S, t);
        }

        arb_add_ui(c, eps, 1, prec);
        for (i = 0; i < d; i++)
            for (r = 0; r < jc->len * L; r++)
            {
                arb_mul(tm, J[0][i].coeffs + r, c, prec);
                if (!arb_overlaps(tm, J[1][i].coeffs + r))
                    fail("scaled = (1 + eps) exact", iter, P, S, t);
                if (!arb_equal(J[0][i].coeffs + r, J[2][i].coeffs + r))
                    fail("other(P) = exact", iter, P, S, t);
            }

        for (i = 0; i < d; i++)
        {
            arb_poly_set_arb(u, bvec + i);
            for (j = 0; j < d; j++)
            {
                arb_poly_t v;
                arb_poly_init(v);
                arb_poly_scalar_mul(v, px + j, arb_mat_entry(A, i, j), prec);
                arb_poly_add(u, u, v, prec);
                arb_poly_clear(v);
            }
            for (r = 0; r < jc->len; r++)
                for (k = 0; k < L; k++)
                {
                    arb_srcptr z = tjet_coeff(J[4] + i, r, ctx) + k;
                    if (r == 0)
                        arb_poly_get_coeff_arb(tm, u, k);
                    else if (r <= d && k == 0)
                        arb_set(tm, arb_mat_entry(A, i, r - 1));
                    else
                        arb_zero(tm);
                    if (!arb_equal(z, tm))
                        fail("affine", iter, P, S, t);
                }
        }

        /* tau^1 by finite differences: score (types 0, 3) and drift (type 1) */
        arb_one(h);
        arb_mul_2exp_si(h, h, -FD_LOG2H);
        for (type = 0; type < 5; type++)
        {
            int drift = (type == 1 || type == 4);
            if (type == 2)
                continue;
            if (drift)
                score_pf_drift_tjet(F, M[type], P, S, t, px, ctx, prec);
            for (j = -1; j <= 1; j += 2)
            {
                arb_mul_si(tau, h, j, FD_PREC);
                arb_add(tm, t, tau, FD_PREC);
                for (i = 0; i < d; i++)
                    arb_poly_evaluate(j < 0 ? xm + i : xp + i, px + i, tau, FD_PREC);
                if (drift)
                    drift_jets(j < 0 ? Gm : Gp, M[type], P, S, tm, j < 0 ? xm : xp, jc, FD_PREC);
                else
                    score_jet(j < 0 ? Gm : Gp, M[type], P, S, tm, j < 0 ? xm : xp, jc, FD_PREC);
            }
            if (drift)
                drift_jets(G, M[type], P, S, t, x0, jc, prec);
            for (i = 0; i < d; i++)
                for (r = 0; r < jc->len; r++)
                {
                    arb_srcptr z = tjet_coeff((drift ? F : J[type]) + i, r, ctx);
                    mag_t al;
                    if (drift && !arb_overlaps(z, G[i].coeffs + r))
                        fail("drift tau^0", iter, P, S, t);
                    arb_sub(c, Gp[i].coeffs + r, Gm[i].coeffs + r, FD_PREC);
                    arb_div(c, c, h, FD_PREC);
                    arb_mul_2exp_si(c, c, -1);
                    mag_init(al);
                    arb_get_mag(al, z + 3);
                    mag_add_ui(al, al, 1);
                    mag_mul_2exp_si(al, al, 5 - 2 * FD_LOG2H);
                    mag_add(arb_radref(c), arb_radref(c), al);
                    mag_clear(al);
                    if (!arb_overlaps(z + 1, c))
                    {
                        flint_printf("type %wd, component %wd, monomial %wd: ", type, i, r);
                        arb_printd(z + 1, 30); flint_printf(" vs ");
                        arb_printd(c, 30); flint_printf("\n");
                        fail(drift ? "drift tau^1 vs finite difference"
                                   : "score tau^1 vs finite difference", iter, P, S, t);
                    }
                    if (!arb_is_finite(z + 1) || mag_cmp_2exp_si(arb_radref(z + 1), -40) > 0)
                        fail("wide tau^1", iter, P, S, t);
                }
        }

        for (type = 0; type < 5; type++)
        {
            for (i = 0; i < d; i++)
                tjet_clear(J[type] + i, ctx);
            flint_free(J[type]);
            score_clear(M[type]);
        }
        for (i = 0; i < d; i++)
        {
            arb_poly_clear(px + i);
            jet_clear(G + i, jc); jet_clear(Gm + i, jc); jet_clear(Gp + i, jc);
            tjet_clear(F + i, ctx);
        }
        flint_free(px); flint_free(G); flint_free(Gm); flint_free(Gp); flint_free(F);
        target_clear(P);
        target_clear(Q);
        sched_clear(S);
        tjet_ctx_clear(ctx);
        tjet_ctx_clear(ctx1);
        jet_ctx_clear(jc);
        arb_clear(a); arb_clear(s2); arb_clear(t); arb_clear(eps); arb_clear(c); arb_clear(h);
        arb_clear(tau); arb_clear(tm);
        arb_poly_clear(pa); arb_poly_clear(ps2); arb_poly_clear(u);
        _arb_vec_clear(x0, d); _arb_vec_clear(xm, d); _arb_vec_clear(xp, d); _arb_vec_clear(bvec, d);
        arb_mat_clear(A);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
