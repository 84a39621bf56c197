/* Benchmark (make bench; not run by make check): log-density and score tjets of the
   paper's 25-Gaussian data (d = 2, means (2i, 2j)/2.828, std 0.05/2.828)
   under the "simple" schedule at t = 1/2, x(tau) = (0.3, -0.2) + (0.1, 0.05) tau.
   Usage: b-jets [K [prec]]; prints milliseconds per call and the ratio to the
   plain log-density jet (L = 1 without time series) measured in the same run. */
#include <stdlib.h>
#include <time.h>
#include "diffwkb/score.h"

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

int
main(int argc, char ** argv)
{
    slong K = argc > 1 ? atol(argv[1]) : 13, prec = argc > 2 ? atol(argv[2]) : 128;
    slong d = 2, n = 25, i, j, k, Ls[4] = {1, 6, 12, 20}, li, reps;
    target_t P;
    sched_t S;
    score_t M;
    arb_t t, c, s;
    arb_poly_struct px[2];
    arb_ptr x0;
    jet_ctx_t jc;
    double t0, el, base;

    target_init(P, d, n);
    sched_init(S);
    sched_set_simple(S);
    score_init(M, d);
    arb_init(t); arb_init(c); arb_init(s);
    arb_set_str(s, "0.0176803394625176803394625", prec);   /* 0.05 / 2.828 */
    arb_sqr(s, s, prec);
    k = 0;
    for (i = -2; i <= 2; i++)
        for (j = -2; j <= 2; j++, k++)
        {
            arb_set_ui(P->w + k, 1);
            arb_div_ui(P->w + k, P->w + k, n, prec);
            arb_set_si(c, 2 * i);
            arb_set_str(t, "2.828", prec);
            arb_div(target_mean(P, k), c, t, prec);
            arb_set_si(c, 2 * j);
            arb_div(target_mean(P, k) + 1, c, t, prec);
            arb_mat_one(P->S + k);
            arb_mat_scalar_mul_arb(P->S + k, P->S + k, s, prec);
        }
    arb_set_str(t, "0.5", prec);
    arb_poly_init(px); arb_poly_init(px + 1);
    arb_set_str(c, "0.3", prec); arb_poly_set_coeff_arb(px, 0, c);
    arb_set_str(c, "0.1", prec); arb_poly_set_coeff_arb(px, 1, c);
    arb_set_str(c, "-0.2", prec); arb_poly_set_coeff_arb(px + 1, 0, c);
    arb_set_str(c, "0.05", prec); arb_poly_set_coeff_arb(px + 1, 1, c);
    x0 = _arb_vec_init(d);
    arb_set(x0, px[0].coeffs);
    arb_set(x0 + 1, px[1].coeffs);

    jet_ctx_init(jc, d, K);
    {
        jet_t J;
        jet_init(J, jc);
        reps = 0;
        t0 = now();
        do { target_log_density_jet(J, P, S, t, x0, jc, prec); reps++; } while (now() - t0 < 0.5);
        base = (now() - t0) / reps;
        flint_printf("d = 2, n = 25, K = %wd, prec = %wd: log_density_jet %.3f ms (baseline)\n",
                     K, prec, 1e3 * base);
        jet_clear(J, jc);
    }
    for (li = 0; li < 4; li++)
    {
        tjet_ctx_t ctx;
        tjet_t R;
        tjet_struct Js[2];
        slong L = Ls[li];
        mag_t rmax;

        tjet_ctx_init(ctx, jc, L);
        tjet_init(R, ctx);
        tjet_init(Js, ctx); tjet_init(Js + 1, ctx);
        reps = 0;
        t0 = now();
        do { target_log_density_tjet(R, P, S, t, px, ctx, prec); reps++; } while (now() - t0 < 1.0);
        el = (now() - t0) / reps;
        mag_init(rmax);
        for (i = 0; i < jc->len * L; i++)
            if (mag_cmp(arb_radref(R->coeffs + i), rmax) > 0)
                mag_set(rmax, arb_radref(R->coeffs + i));
        flint_printf("  L = %2wd: log_density_tjet %8.3f ms = %6.1f x baseline (max radius ",
                     L, 1e3 * el, el / base);
        mag_printd(rmax, 3);
        flint_printf(")");
        reps = 0;
        t0 = now();
        do { score_tjet(Js, M, P, S, t, px, ctx, prec); reps++; } while (now() - t0 < 1.0);
        el = (now() - t0) / reps;
        flint_printf(", score_tjet (order K+1 inside) %8.3f ms = %6.1f x baseline\n",
                     1e3 * el, el / base);
        tjet_clear(R, ctx);
        tjet_clear(Js, ctx); tjet_clear(Js + 1, ctx);
        tjet_ctx_clear(ctx);
        mag_clear(rmax);
    }

    jet_ctx_clear(jc);
    arb_poly_clear(px); arb_poly_clear(px + 1);
    _arb_vec_clear(x0, d);
    arb_clear(t); arb_clear(c); arb_clear(s);
    score_clear(M);
    sched_clear(S);
    target_clear(P);
    flint_cleanup();
    return 0;
}
