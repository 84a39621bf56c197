/*
    b-ode: benchmark of the validated ODE integrator (prints, never asserts).

    1. The 1D Gaussian model of math.md section 9: v0 = 0.3, const schedule
       beta = 1, T = 5, score model s = -(1 + eps) x / v_t, eps = 0.1,
       v_t = a_t^2 v0 + s_t^2.  Probability-flow trajectory
           X' = f X - (g^2/2) s(X, t)
       from X(0) = 1 to t = 5; radius of X(T) and time for 64..1024 bits.
    2. 2D: the 25-Gaussian mixture (means (2i, 2j)/2.828, i, j in -2..2,
       std 0.05/2.828, equal weights) with its exact score under SIMPLE,
       PF trajectory from t = 0.01 to 1 from X = (0.3, -0.2); radius and
       time against precision.
    3. The affine WKB route (moment ODE of the h-series, a linear system
       of dimension 5 (N + 1)): d = 2 problem gauss2d-vp (VP schedule,
       correlated Gaussian data, scaled score, prior N(0, I)) and the same
       data under the const schedule on [0, 5]; c_0..c_N of log q^h at
       x = (0.5, 0.2), N = 4 and 20, 128 bits.
*/
#include <stdio.h>
#include <time.h>
#include "diffwkb/ode.h"
#include "diffwkb/sched.h"
#include "diffwkb/wkb.h"
#include "diffwkb/problem.h"

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);   /* CPU time: less sensitive to load */
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* ---------- 1D model ---------- */

typedef struct
{
    sched_struct * S;
    arb_t v0, c;    /* c = 1 + eps */
}
g1_struct;

/* k = f + (g^2/2) c / v: F = k X */
static int
g1_k(arb_poly_t k, const g1_struct * Q, const arb_t t, slong len, slong prec)
{
    arb_poly_t f, g2, a, s2;
    slong i;
    int ok = 1;
    arb_poly_init(f); arb_poly_init(g2); arb_poly_init(a); arb_poly_init(s2);
    sched_f_series(f, Q->S, t, len, prec);
    sched_g2_series(g2, Q->S, t, len, prec);
    sched_a_series(a, Q->S, t, len, prec);
    sched_s2_series(s2, Q->S, t, len, prec);
    arb_poly_mullow(a, a, a, len, prec);
    arb_poly_scalar_mul(a, a, Q->v0, prec);
    arb_poly_add(a, a, s2, prec);
    arb_poly_inv_series(a, a, len, prec);
    arb_poly_mullow(k, g2, a, len, prec);
    arb_poly_scalar_mul(k, k, Q->c, prec);
    arb_poly_scalar_mul_2exp_si(k, k, -1);
    arb_poly_add(k, k, f, prec);
    for (i = 0; i < arb_poly_length(k); i++)
        ok = ok && arb_is_finite(k->coeffs + i);
    arb_poly_clear(f); arb_poly_clear(g2); arb_poly_clear(a); arb_poly_clear(s2);
    return ok ? 0 : 1;
}

static int
g1_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t, slong len,
       void * param, slong prec)
{
    arb_poly_t k;
    int r;
    arb_poly_init(k);
    r = g1_k(k, param, t, len, prec);
    if (r == 0)
        arb_poly_mullow(res, k, x, len, prec);
    arb_poly_clear(k);
    return r;
}

static int
g1_jac(arb_poly_struct * J, const arb_poly_struct * x, const arb_t t, slong len,
       void * param, slong prec)
{
    return g1_k(J, param, t, len, prec);
}

/* ---------- 2D mixture ---------- */

typedef struct
{
    sched_struct * S;
    slong K;
    arb_ptr m;       /* K * 2 means */
    arb_t var;       /* component variance (isotropic) */
}
mix_struct;

/*
    Series of the exact score s(X(t+tau), t+tau) of the mixture marginal
    sum_k w N(a m_k, (a^2 var + s2) I) (equal weights, same variance v):
    pi_k = softmax_k(-|X - a m_k|^2/(2 v)), s = -(X - a sum_k pi_k m_k)/v;
    with ds (if not NULL): ds_ij = -delta_ij/v + (a^2/v^2) Cov_pi(m)_ij.
    Also returns f and g^2.  0 on success.
*/
static int
mix_series(arb_poly_struct * s, arb_poly_struct * ds, arb_poly_t f, arb_poly_t g2,
           const mix_struct * Q, const arb_poly_struct * x, const arb_t t, slong len, slong prec)
{
    slong k, i, j, K = Q->K;
    arb_poly_t a, v, iv, e, u, w, W, S, M[2], C[3];
    arb_poly_struct * ek;
    int ok = 1;

    arb_poly_init(a); arb_poly_init(v); arb_poly_init(iv); arb_poly_init(e);
    arb_poly_init(u); arb_poly_init(w); arb_poly_init(W); arb_poly_init(S);
    for (i = 0; i < 2; i++) arb_poly_init(M[i]);
    for (i = 0; i < 3; i++) arb_poly_init(C[i]);
    ek = flint_malloc(sizeof(arb_poly_struct) * K);
    for (k = 0; k < K; k++) arb_poly_init(ek + k);

    sched_f_series(f, Q->S, t, len, prec);
    sched_g2_series(g2, Q->S, t, len, prec);
    sched_a_series(a, Q->S, t, len, prec);
    sched_s2_series(v, Q->S, t, len, prec);
    arb_poly_mullow(u, a, a, len, prec);
    arb_poly_scalar_mul(u, u, Q->var, prec);
    arb_poly_add(v, v, u, prec);
    arb_poly_inv_series(iv, v, len, prec);

    /* exponents e_k = -|X - a m_k|^2 / (2 v) */
    for (k = 0; k < K; k++)
    {
        arb_poly_zero(e);
        for (i = 0; i < 2; i++)
        {
            arb_poly_scalar_mul(u, a, Q->m + 2 * k + i, prec);
            arb_poly_sub(u, x + i, u, prec);
            arb_poly_mullow(u, u, u, len, prec);
            arb_poly_add(e, e, u, prec);
        }
        arb_poly_mullow(ek + k, e, iv, len, prec);
        arb_poly_scalar_mul_2exp_si(ek + k, ek + k, -1);
        arb_poly_neg(ek + k, ek + k);
    }
    /* (no shift needed: Arb exponents do not overflow) */
    arb_poly_zero(S);
    arb_poly_zero(M[0]); arb_poly_zero(M[1]);
    for (i = 0; i < 3; i++) arb_poly_zero(C[i]);
    for (k = 0; k < K; k++)
    {
        arb_poly_exp_series(W, ek + k, len, prec);
        arb_poly_add(S, S, W, prec);
        for (i = 0; i < 2; i++)
        {
            arb_poly_scalar_mul(u, W, Q->m + 2 * k + i, prec);
            arb_poly_add(M[i], M[i], u, prec);
        }
        if (ds != NULL)
        {
            arb_t mm;
            arb_init(mm);
            arb_mul(mm, Q->m + 2 * k, Q->m + 2 * k, prec);
            arb_poly_scalar_mul(u, W, mm, prec);
            arb_poly_add(C[0], C[0], u, prec);
            arb_mul(mm, Q->m + 2 * k, Q->m + 2 * k + 1, prec);
            arb_poly_scalar_mul(u, W, mm, prec);
            arb_poly_add(C[1], C[1], u, prec);
            arb_mul(mm, Q->m + 2 * k + 1, Q->m + 2 * k + 1, prec);
            arb_poly_scalar_mul(u, W, mm, prec);
            arb_poly_add(C[2], C[2], u, prec);
            arb_clear(mm);
        }
    }
    arb_poly_inv_series(S, S, len, prec);
    for (i = 0; i < 2; i++)
        arb_poly_mullow(M[i], M[i], S, len, prec);       /* E_pi[m] */
    for (i = 0; i < 2; i++)
    {
        arb_poly_mullow(u, a, M[i], len, prec);
        arb_poly_sub(u, x + i, u, prec);
        arb_poly_mullow(s + i, u, iv, len, prec);
        arb_poly_neg(s + i, s + i);
    }
    if (ds != NULL)
    {
        /* Cov = E[m m^T] - E[m] E[m]^T; ds = -I/v + a^2 Cov / v^2 */
        arb_poly_mullow(w, a, iv, len, prec);
        arb_poly_mullow(w, w, w, len, prec);
        for (i = 0; i < 2; i++)
            for (j = 0; j < 2; j++)
            {
                slong c = (i == 0 && j == 0) ? 0 : (i == 1 && j == 1) ? 2 : 1;
                arb_poly_mullow(u, C[c], S, len, prec);
                arb_poly_mullow(e, M[i], M[j], len, prec);
                arb_poly_sub(u, u, e, prec);
                arb_poly_mullow(ds + 2 * i + j, u, w, len, prec);
                if (i == j)
                    arb_poly_sub(ds + 2 * i + j, ds + 2 * i + j, iv, prec);
            }
    }
    for (i = 0; i < 2; i++)
        for (j = 0; j < arb_poly_length(s + i); j++)
            ok = ok && arb_is_finite((s + i)->coeffs + j);

    for (k = 0; k < K; k++) arb_poly_clear(ek + k);
    flint_free(ek);
    arb_poly_clear(a); arb_poly_clear(v); arb_poly_clear(iv); arb_poly_clear(e);
    arb_poly_clear(u); arb_poly_clear(w); arb_poly_clear(W); arb_poly_clear(S);
    for (i = 0; i < 2; i++) arb_poly_clear(M[i]);
    for (i = 0; i < 3; i++) arb_poly_clear(C[i]);
    return ok ? 0 : 1;
}

/* F = f X - (g^2/2) s */
static int
mix_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t, slong len,
        void * param, slong prec)
{
    arb_poly_t f, g2, u;
    arb_poly_struct s[2];
    slong i;
    int r;
    arb_poly_init(f); arb_poly_init(g2); arb_poly_init(u);
    arb_poly_init(s + 0); arb_poly_init(s + 1);
    r = mix_series(s, NULL, f, g2, param, x, t, len, prec);
    if (r == 0)
        for (i = 0; i < 2; i++)
        {
            arb_poly_mullow(res + i, f, x + i, len, prec);
            arb_poly_mullow(u, g2, s + i, len, prec);
            arb_poly_scalar_mul_2exp_si(u, u, -1);
            arb_poly_sub(res + i, res + i, u, prec);
        }
    arb_poly_clear(f); arb_poly_clear(g2); arb_poly_clear(u);
    arb_poly_clear(s + 0); arb_poly_clear(s + 1);
    return r;
}

/* DF = f I - (g^2/2) ds */
static int
mix_jac(arb_poly_struct * J, const arb_poly_struct * x, const arb_t t, slong len,
        void * param, slong prec)
{
    arb_poly_t f, g2;
    arb_poly_struct s[2];
    slong i;
    int r;
    arb_poly_init(f); arb_poly_init(g2);
    arb_poly_init(s + 0); arb_poly_init(s + 1);
    r = mix_series(s, J, f, g2, param, x, t, len, prec);
    if (r == 0)
    {
        arb_poly_scalar_mul_2exp_si(g2, g2, -1);
        for (i = 0; i < 4; i++)
        {
            arb_poly_mullow(J + i, J + i, g2, len, prec);
            arb_poly_neg(J + i, J + i);
        }
        arb_poly_add(J + 0, J + 0, f, prec);
        arb_poly_add(J + 3, J + 3, f, prec);
    }
    arb_poly_clear(f); arb_poly_clear(g2);
    arb_poly_clear(s + 0); arb_poly_clear(s + 1);
    return r;
}

static void
report(const char * label, slong prec, const ode_solution_t sol, double dt, double t64)
{
    slong i;
    flint_printf("%-6s %5wd  %-9s steps %4wd rej %3wd  time %9.4f s  ratio %6.2f  ",
                 label, prec, sol->status == ODE_SUCCESS ? "ok" : "FAILED", sol->len,
                 sol->num_rejected, dt, t64 > 0 ? dt / t64 : 1.0);
    for (i = 0; i < sol->n; i++)
    {
        flint_printf("rad x%wd ", i);
        mag_printd(arb_radref(sol->x + i), 3);
        flint_printf("  ");
    }
    flint_printf("\n");
    fflush(stdout);
}

int
main(void)
{
    slong precs[] = {64, 128, 256, 512, 1024};
    slong ip, i, j, k;
    double t64 = 0;

    /* 1D model */
    {
        sched_t S;
        g1_struct Q;
        arb_t beta;
        sched_init(S);
        arb_init(beta); arb_one(beta);
        sched_set_const(S, beta);
        Q.S = S;
        arb_init(Q.v0); arb_init(Q.c);
        flint_printf("1D Gaussian model (math.md 9): v0 = 0.3, beta = 1, eps = 0.1, X(0) = 1, t: 0 -> 5\n");
        for (ip = 0; ip < 5; ip++)
        {
            slong prec = precs[ip];
            ode_problem_t P;
            ode_options_t opt;
            ode_solution_t sol;
            double t0, dt;
            int rep, nrep = 3;
            arb_set_str(Q.v0, "0.3", prec);
            arb_set_str(Q.c, "1.1", prec);
            ode_problem_init(P, 1);
            ode_options_init(opt);
            ode_solution_init(sol, 1);
            arb_zero(P->t0);
            arb_set_ui(P->t1, 5);
            arb_one(P->x0);
            ode_problem_set_rhs(P, g1_rhs, g1_jac, &Q);
            t0 = now();
            for (rep = 0; rep < nrep; rep++)
                ode_solve(sol, P, opt, prec);
            dt = (now() - t0) / nrep;
            if (ip == 0)
                t64 = dt;
            report("1D", prec, sol, dt, t64);
            if (prec == 256)
            {
                flint_printf("       X(5) = ");
                arb_printn(sol->x, 70, 0);
                flint_printf("\n       radius < 1e-60: %s\n",
                             mag_cmp_2exp_si(arb_radref(sol->x), -200) < 0 ? "yes" : "NO");
            }
            ode_solution_clear(sol);
            ode_options_clear(opt);
            ode_problem_clear(P);
        }
        arb_clear(Q.v0); arb_clear(Q.c); arb_clear(beta);
        sched_clear(S);
    }

    /* 2D mixture */
    {
        sched_t S;
        mix_struct Q;
        arb_t sc;
        sched_init(S);
        sched_set_simple(S);
        Q.S = S;
        Q.K = 25;
        Q.m = _arb_vec_init(50);
        arb_init(Q.var);
        arb_init(sc);
        flint_printf("\n2D 25-Gaussian mixture, exact score, SIMPLE, X(0.01) = (0.72, -0.69) (near the mode (1, -1)/1.414), t: 0.01 -> 1\n");
        for (ip = 0; ip < 3; ip++)   /* 64..256 bits: the mixture is slow */
        {
            slong prec = precs[ip];
            ode_problem_t P;
            ode_options_t opt;
            ode_solution_t sol;
            double t0, dt;
            arb_set_str(sc, "2.828", prec);
            k = 0;
            for (i = -2; i <= 2; i++)
                for (j = -2; j <= 2; j++)
                {
                    arb_set_si(Q.m + 2 * k, 2 * i);
                    arb_div(Q.m + 2 * k, Q.m + 2 * k, sc, prec);
                    arb_set_si(Q.m + 2 * k + 1, 2 * j);
                    arb_div(Q.m + 2 * k + 1, Q.m + 2 * k + 1, sc, prec);
                    k++;
                }
            arb_set_str(Q.var, "0.05", prec);
            arb_div(Q.var, Q.var, sc, prec);
            arb_mul(Q.var, Q.var, Q.var, prec);
            ode_problem_init(P, 2);
            ode_options_init(opt);
            ode_solution_init(sol, 2);
            arb_set_str(P->t0, "0.01", prec);
            arb_one(P->t1);
            arb_set_str(P->x0 + 0, "0.72", prec);
            arb_set_str(P->x0 + 1, "-0.69", prec);
            ode_problem_set_rhs(P, mix_rhs, mix_jac, &Q);
            t0 = now();
            ode_solve(sol, P, opt, prec);
            dt = now() - t0;
            if (ip == 0)
                t64 = dt;
            report("2D", prec, sol, dt, t64);
            if (prec == 128)
            {
                flint_printf("       X(1) = ");
                arb_printn(sol->x + 0, 30, 0); flint_printf(", ");
                arb_printn(sol->x + 1, 30, 0);
                flint_printf("\n       radius < 1e-25: %s\n",
                             (mag_cmp_2exp_si(arb_radref(sol->x), -84) < 0 &&
                              mag_cmp_2exp_si(arb_radref(sol->x + 1), -84) < 0) ? "yes" : "NO");
            }
            ode_solution_clear(sol);
            ode_options_clear(opt);
            ode_problem_clear(P);
        }
        _arb_vec_clear(Q.m, 50);
        arb_clear(Q.var);
        arb_clear(sc);
        sched_clear(S);
    }

    /* affine route */
    {
        static const char * problems[2] = {
            "{\"dim\": 2, \"sde\": {\"schedule\": \"vp\", \"b0\": \"0.1\", \"b1\": \"20\", "
            "\"t0\": \"0.001\", \"T\": \"1\"}, \"data\": {\"type\": \"gaussian\", "
            "\"mean\": [\"1\", \"-0.5\"], \"cov\": [[\"1\", \"0.3\"], [\"0.3\", \"0.5\"]]}, "
            "\"score\": {\"type\": \"scaled\", \"eps\": \"0.05\"}, \"prior\": {\"type\": \"normal\"}}",
            "{\"dim\": 2, \"sde\": {\"schedule\": \"const\", \"beta\": \"1\", "
            "\"t0\": \"0\", \"T\": \"5\"}, \"data\": {\"type\": \"gaussian\", "
            "\"mean\": [\"1\", \"-0.5\"], \"cov\": [[\"0.3\", \"0.1\"], [\"0.1\", \"0.5\"]]}, "
            "\"score\": {\"type\": \"scaled\", \"eps\": \"0.1\"}, \"prior\": {\"type\": \"normal\"}}" };
        static const char * names[2] = { "gauss2d-vp", "const T=5" };
        slong Ns[2] = { 4, 20 }, prec = 128, ip2, iN;
        flint_printf("\naffine WKB route, d = 2, log q^h at x = (0.5, 0.2), 128 bits\n");
        for (ip2 = 0; ip2 < 2; ip2++)
            for (iN = 0; iN < 2; iN++)
            {
                problem_t P;
                char err[256];
                arb_poly_t r;
                arb_ptr x = _arb_vec_init(2);
                double t0, dt;
                int st;
                problem_init(P);
                arb_poly_init(r);
                if (problem_read_string(P, problems[ip2], err, sizeof(err), prec))
                {
                    flint_printf("%s: %s\n", names[ip2], err);
                    return 1;
                }
                arb_set_str(x + 0, "0.5", prec);
                arb_set_str(x + 1, "0.2", prec);
                t0 = now();
                st = wkb_problem_loglik_series(r, P, x, Ns[iN], prec);
                dt = now() - t0;
                flint_printf("%-11s N = %2wd  %-7s time %8.4f s  c_N = ", names[ip2], Ns[iN],
                             st == WKB_OK ? "ok" : "FAILED", dt);
                arb_printn(r->coeffs + Ns[iN], 20, 0);
                flint_printf("\n");
                fflush(stdout);
                problem_clear(P);
                arb_poly_clear(r);
                _arb_vec_clear(x, 2);
            }
    }

    flint_cleanup();
    return 0;
}
