/* Test _target_log_density_tjet and target_log_density_tjet (d = 1, 2, 3,
   1..5 components, xi-order K = 0..4, tau-length 6; half of the cases with
   diagonal covariances, where the exponentials take the factorised route,
   and half with most components sharing one covariance, where they are
   expressed through the dominant component's series; up to 11 components,
   computed with 1, 2 or 3 FLINT threads, which must give the same balls
   as one thread).
   (1) The tau^0 slice overlaps _target_log_density_jet at
       (a(0), s2(0), x(0)).
   (2) The tau^1..tau^3 slices overlap central finite differences, at 600
       bits with step h = 2^-130, of the ordinary log-density jet along the
       moving point: for the underscore version with polynomial a(tau),
       s2(tau), x(tau); for the schedule version with every schedule and a
       polynomial x(tau).  The truncation error of the differences,
       about c_{n+2} h^2, is allowed for with c_{n+2} read from the tjet.
   (3) Fokker-Planck for the exact marginal at a fixed point (x(tau) = x):
       d_t log p = -d f - f (x + xi).grad log p
                   + (g^2/2) (Lap log p + |grad log p|^2)
       holds for the tau^1 slice against the tau^0 slice as jets in xi,
       coefficient-wise through xi-degree K - 2. */
#include "target_test.h"
#include "diffwkb/tjet.h"

#define FD_PREC 600
#define FD_LOG2H 130

static int
check_fd(const tjet_t R, const tjet_ctx_t ctx, jet_struct * F, const char * what)
{
    /* F[0..4] = jets at tau = -2h, -h, 0, h, 2h (FD_PREC bits) */
    const jet_ctx_struct * jc = ctx->jctx;
    slong r, n;
    arb_t c, e, h, allow, t;
    int ok = 1;

    arb_init(c); arb_init(e); arb_init(h); arb_init(allow); arb_init(t);
    arb_one(h);
    arb_mul_2exp_si(h, h, -FD_LOG2H);

    for (r = 0; r < jc->len && ok; r++)
    {
        arb_srcptr fm2 = F[0].coeffs + r, fm1 = F[1].coeffs + r, f0 = F[2].coeffs + r;
        arb_srcptr fp1 = F[3].coeffs + r, fp2 = F[4].coeffs + r;
        arb_srcptr Rr = tjet_coeff(R, r, ctx);

        if (!arb_overlaps(Rr, f0))
        {
            flint_printf("FAIL (%s): tau^0, monomial %wd\n", what, r);
            ok = 0;
            break;
        }

        for (n = 1; n <= 3; n++)
        {
            if (n == 1)         /* (f(h) - f(-h)) / (2h) */
            {
                arb_sub(c, fp1, fm1, FD_PREC);
                arb_div(c, c, h, FD_PREC);
                arb_mul_2exp_si(c, c, -1);
            }
            else if (n == 2)    /* (f(h) + f(-h) - 2 f(0)) / (2 h^2) */
            {
                arb_add(c, fp1, fm1, FD_PREC);
                arb_submul_ui(c, f0, 2, FD_PREC);
                arb_div(c, c, h, FD_PREC);
                arb_div(c, c, h, FD_PREC);
                arb_mul_2exp_si(c, c, -1);
            }
            else                /* (f(2h) - f(-2h) - 2 (f(h) - f(-h))) / (12 h^3) */
            {
                arb_sub(c, fp2, fm2, FD_PREC);
                arb_sub(t, fp1, fm1, FD_PREC);
                arb_submul_ui(c, t, 2, FD_PREC);
                arb_pow_ui(t, h, 3, FD_PREC);
                arb_div(c, c, t, FD_PREC);
                arb_div_ui(c, c, 12, FD_PREC);
            }
            /* allowance 32 h^2 (1 + |c_{n+2}|) + 2^-400 */
            arb_get_abs_ubound_arf(arb_midref(allow), Rr + n + 2, 30);
            mag_zero(arb_radref(allow));
            arb_add_ui(allow, allow, 1, 30);
            arb_mul_2exp_si(allow, allow, 5 - 2 * FD_LOG2H);
            arb_get_mag(arb_radref(e), allow);
            arb_zero(allow);
            mag_set_ui_2exp_si(arb_radref(allow), 1, -400);
            mag_add(arb_radref(e), arb_radref(e), arb_radref(allow));
            arf_zero(arb_midref(e));
            arb_add(c, c, e, FD_PREC);

            if (!arb_overlaps(Rr + n, c))
            {
                flint_printf("FAIL (%s): tau^%wd, monomial %wd\ntjet: ", what, n, r);
                arb_printd(Rr + n, 30);
                flint_printf("\nfinite difference: ");
                arb_printd(c, 30);
                flint_printf("\n");
                ok = 0;
                break;
            }
        }
        /* non-vacuous: finite, radius <= 2^-50 (1 + |c|) */
        for (n = 0; n <= 3 && ok; n++)
        {
            mag_t m;
            mag_init(m);
            arb_get_mag(m, Rr + n);
            mag_add_ui(m, m, 1);
            mag_mul_2exp_si(m, m, -50);
            if (!arb_is_finite(Rr + n) || mag_cmp(arb_radref(Rr + n), m) > 0)
            {
                flint_printf("FAIL (%s): wide tau^%wd, monomial %wd: ", what, n, r);
                arb_printd(Rr + n, 30);
                flint_printf("\n");
                ok = 0;
            }
            mag_clear(m);
        }
    }

    arb_clear(c); arb_clear(e); arb_clear(h); arb_clear(allow); arb_clear(t);
    return ok;
}

static void
rand_poly(arb_poly_t p, flint_rand_t state, const arb_t c0, slong len, slong lim)
{
    slong k;
    arb_t t;
    arb_init(t);
    arb_poly_zero(p);
    arb_poly_set_coeff_arb(p, 0, c0);
    for (k = 1; k < len; k++)
    {
        _t_rand_dyadic(t, state, lim, 6);
        arb_poly_set_coeff_arb(p, k, t);
    }
    arb_clear(t);
}

int
main(void)
{
    slong iter;
    flint_rand_t state;

    flint_printf("log_density_tjet....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 180; iter++)
    {
        slong d = 1 + iter % 3, n = 1 + n_randint(state, (iter % 4 == 0) ? 11 : 5);
        slong K = n_randint(state, 5), L = 6;
        slong prec = 128, i, j, stype = (iter / 3) % 7;   /* 6: underscore version */
        target_t P;
        sched_t S;
        jet_ctx_t jc;
        tjet_ctx_t ctx;
        tjet_t R;
        jet_struct F[5];
        arb_poly_t pa, ps2;
        arb_poly_struct * px;
        arb_t a, s2, t, tj, tau, h, p1, p2;
        arb_ptr xj;
        int ok = 1;

        target_init(P, d, n);
        sched_init(S);
        jet_ctx_init(jc, d, K);
        tjet_ctx_init(ctx, jc, L);
        tjet_init(R, ctx);
        for (j = 0; j < 5; j++)
            jet_init(F + j, jc);
        arb_poly_init(pa); arb_poly_init(ps2);
        px = flint_malloc(sizeof(arb_poly_struct) * d);
        for (i = 0; i < d; i++)
            arb_poly_init(px + i);
        arb_init(a); arb_init(s2); arb_init(t); arb_init(tj); arb_init(tau); arb_init(h);
        arb_init(p1); arb_init(p2);
        xj = _arb_vec_init(d);

        _t_rand_target(P, state, n_randint(state, 3), prec);
        if (n_randint(state, 2))   /* diagonal covariances (factorised exponentials) */
        {
            slong k2, i2, j2;
            for (k2 = 0; k2 < n; k2++)
                for (i2 = 0; i2 < d; i2++)
                    for (j2 = 0; j2 < d; j2++)
                        if (i2 != j2)
                            arb_zero(arb_mat_entry(P->S + k2, i2, j2));
        }
        if (n_randint(state, 2))   /* shared covariances (group route) */
        {
            slong k2;
            for (k2 = 1; k2 < n; k2++)
                if (n_randint(state, 4) != 0)
                    arb_mat_set(P->S + k2, P->S + 0);
        }
        for (i = 0; i < d; i++)
        {
            _t_rand_dyadic(t, state, 320, 6);
            rand_poly(px + i, state, t, 3, 64);
        }
        arb_one(h);
        arb_mul_2exp_si(h, h, -FD_LOG2H);

        if (stype == 6)
        {
            _t_rand_a_s2(a, s2, state);
            rand_poly(pa, state, a, 3, 32);
            rand_poly(ps2, state, s2, 3, 32);
            flint_set_num_threads(1 + iter % 3);
            _target_log_density_tjet(R, P, pa, ps2, px, ctx, prec);
            {
                /* the result does not depend on the number of threads */
                tjet_t R1;
                tjet_init(R1, ctx);
                flint_set_num_threads(1);
                _target_log_density_tjet(R1, P, pa, ps2, px, ctx, prec);
                slong e;
                int same = 1;
                for (e = 0; e < jc->len * L; e++)
                    same = same && arb_equal(R->coeffs + e, R1->coeffs + e);
                if (!same)
                {
                    flint_printf("FAIL: %wd threads and 1 thread differ (iter %wd, d %wd, n %wd)\n",
                                 1 + iter % 3, iter, d, n);
                    flint_abort();
                }
                tjet_clear(R1, ctx);
            }
            for (j = 0; j < 5; j++)
            {
                arb_mul_si(tau, h, j - 2, FD_PREC);
                arb_poly_evaluate(a, pa, tau, FD_PREC);
                arb_poly_evaluate(s2, ps2, tau, FD_PREC);
                for (i = 0; i < d; i++)
                    arb_poly_evaluate(xj + i, px + i, tau, FD_PREC);
                _target_log_density_jet(F + j, P, a, s2, xj, jc, FD_PREC);
            }
            ok = check_fd(R, ctx, F, "underscore");
        }
        else
        {
            /* exact dyadic parameters, t in [1/16, 15/16] */
            arb_set_ui(p1, 1); arb_mul_2exp_si(p1, p1, -3);       /* 1/8 */
            arb_set_ui(p2, 20);
            if (stype == 0) { arb_set_ui(p1, 3); arb_mul_2exp_si(p1, p1, -1); sched_set_const(S, p1); }
            else if (stype == 1) sched_set_vp(S, p1, p2);
            else if (stype == 2) sched_set_simple(S);
            else if (stype == 3) sched_set_cosine(S);
            else if (stype == 4)
            {
                arb_set_ui(p1, 1); arb_mul_2exp_si(p1, p1, -6);   /* smin = 1/64 */
                arb_set_ui(p2, 50);
                sched_set_ve(S, p1, p2);
            }
            else sched_set_subvp(S, p1, p2);
            arb_set_ui(t, 1 + n_randint(state, 15));
            arb_mul_2exp_si(t, t, -4);

            target_log_density_tjet(R, P, S, t, px, ctx, prec);
            for (j = 0; j < 5; j++)
            {
                arb_mul_si(tau, h, j - 2, FD_PREC);
                arb_add(tj, t, tau, FD_PREC);
                for (i = 0; i < d; i++)
                    arb_poly_evaluate(xj + i, px + i, tau, FD_PREC);
                target_log_density_jet(F + j, P, S, tj, xj, jc, FD_PREC);
            }
            ok = check_fd(R, ctx, F, sched_name(S->type));

            /* (3) Fokker-Planck at the fixed point x(0) */
            if (ok && K >= 2)
            {
                jet_t J0, J1, G, T, U, V;
                arb_poly_struct * px0 = flint_malloc(sizeof(arb_poly_struct) * d);
                arb_t f, g2;
                slong r;

                arb_init(f); arb_init(g2);
                jet_init(J0, jc); jet_init(J1, jc); jet_init(G, jc); jet_init(T, jc);
                jet_init(U, jc); jet_init(V, jc);
                for (i = 0; i < d; i++)
                {
                    arb_poly_init(px0 + i);
                    arb_poly_set_coeff_arb(px0 + i, 0, (px + i)->coeffs);
                }
                target_log_density_tjet(R, P, S, t, px0, ctx, prec);
                tjet_get_tau_coeff(J0, R, 0, ctx);
                tjet_get_tau_coeff(J1, R, 1, ctx);
                sched_f(f, S, t, prec);
                sched_g2(g2, S, t, prec);

                /* U = (x + xi).grad J0, V = Lap J0 + |grad J0|^2 */
                jet_zero(U, jc);
                jet_zero(V, jc);
                for (i = 0; i < d; i++)
                {
                    jet_derivative(G, J0, i, jc, prec);
                    jet_set_var(T, i, jc);
                    arb_set(T->coeffs, (px + i)->coeffs);
                    jet_mul(T, T, G, jc, prec);
                    jet_add(U, U, T, jc, prec);
                    jet_mul(T, G, G, jc, prec);
                    jet_add(V, V, T, jc, prec);
                    jet_derivative(T, G, i, jc, prec);
                    jet_add(V, V, T, jc, prec);
                }
                /* T = -d f - f U + (g2/2) V */
                arb_mul_2exp_si(g2, g2, -1);
                jet_scalar_mul(T, V, g2, jc, prec);
                arb_neg(f, f);
                jet_scalar_addmul(T, U, f, jc, prec);
                arb_mul_si(f, f, d, prec);
                arb_add(T->coeffs, T->coeffs, f, prec);

                for (r = 0; r < jc->deg_start[K - 1]; r++)
                    if (!arb_overlaps(T->coeffs + r, J1->coeffs + r))
                    {
                        flint_printf("FAIL (Fokker-Planck, %s): monomial %wd\n",
                                     sched_name(S->type), r);
                        arb_printd(T->coeffs + r, 30); flint_printf(" vs ");
                        arb_printd(J1->coeffs + r, 30); flint_printf("\n");
                        ok = 0;
                        break;
                    }

                for (i = 0; i < d; i++)
                    arb_poly_clear(px0 + i);
                flint_free(px0);
                arb_clear(f); arb_clear(g2);
                jet_clear(J0, jc); jet_clear(J1, jc); jet_clear(G, jc); jet_clear(T, jc);
                jet_clear(U, jc); jet_clear(V, jc);
            }
        }

        if (!ok)
        {
            flint_printf("iter %wd, d = %wd, n = %wd, K = %wd, L = %wd, t = ", iter, d, n, K, L);
            arb_printd(t, 20);
            flint_printf("\na(tau) = "); arb_poly_printd(pa, 20);
            flint_printf("\ns2(tau) = "); arb_poly_printd(ps2, 20);
            for (i = 0; i < d; i++)
            {
                flint_printf("\nx_%wd(tau) = ", i); arb_poly_printd(px + i, 20);
            }
            flint_printf("\n");
            _t_print_target(P, pa->length ? pa->coeffs : t, ps2->length ? ps2->coeffs : t, NULL);
            fflush(stdout);
            flint_abort();
        }

        target_clear(P);
        sched_clear(S);
        tjet_clear(R, ctx);
        for (j = 0; j < 5; j++)
            jet_clear(F + j, jc);
        tjet_ctx_clear(ctx);
        jet_ctx_clear(jc);
        arb_poly_clear(pa); arb_poly_clear(ps2);
        for (i = 0; i < d; i++)
            arb_poly_clear(px + i);
        flint_free(px);
        arb_clear(a); arb_clear(s2); arb_clear(t); arb_clear(tj); arb_clear(tau); arb_clear(h);
        arb_clear(p1); arb_clear(p2);
        _arb_vec_clear(xj, d);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS\n");
    return 0;
}
