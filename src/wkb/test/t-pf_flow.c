/*
    The probability-flow map (wkb_pf_flow_solve, wkb_pf_flow_log_density)
    on random Gaussian problems against the closed-form affine flow.

    Data N(m, S) with S = Q diag(lam) Q^T, Q a random rational orthogonal
    matrix (Cayley transform of a random rational skew matrix), so S is an
    exact rational SPD matrix with known eigenvectors.  For a Gaussian
    model law N(m', S') (score exact: the data law; score gaussian:
    another law of the same kind) the marginals are N(a_t m', Sig_t),
    Sig_t = a_t^2 S' + s2_t I, and the PF ODE keeps
    u = Sig_t^{-1/2} (X_t - a_t m') constant (each eigen-coordinate obeys
    y' = f y + (g^2/2)(y - a m)/sig^2 and sig' = f sig + g^2/(2 sig)), so
        X_tb = a_tb m' + Q' diag(sqrt(sig_k^2(tb) / sig_k^2(ta))) Q'^T (x - a_ta m'),
        int_{t0}^{T} div F dt = (1/2) sum_k log(sig_k^2(T) / sig_k^2(t0)).
    Checks, under random schedules (const, vp, subvp, simple, cosine, ve),
    random t0, directions (encode t0 -> T, generate T -> t0, interior
    times) and precisions:
      (1) X(tb) overlaps the closed form, and is accurate;
      (2) the dense output at a random time between ta and tb overlaps the
          closed form there;
      (3) with_div: the accumulated integral overlaps the closed form;
      (4) wkb_pf_flow_log_density overlaps log pi(X_T) + closed-form
          integral, and for the exact score with the marginal prior the
          exact log p_{t0}(x) (target_log_density): the CNF identity.
*/
#include <stdio.h>
#include <string.h>
#include "diffwkb/wkb.h"
#include "diffwkb/flow.h"
#include "common.h"

#define MAXD 3

typedef struct
{
    slong d;
    fmpq_mat_t Q;       /* orthogonal */
    fmpq lam[MAXD];     /* eigenvalues */
    fmpq m[MAXD];
    fmpq_mat_t S;
}
glaw;

static void
glaw_init(glaw * G, slong d)
{
    slong i;
    G->d = d;
    fmpq_mat_init(G->Q, d, d);
    fmpq_mat_init(G->S, d, d);
    for (i = 0; i < MAXD; i++)
    {
        fmpq_init(G->lam + i);
        fmpq_init(G->m + i);
    }
}

static void
glaw_clear(glaw * G)
{
    slong i;
    fmpq_mat_clear(G->Q);
    fmpq_mat_clear(G->S);
    for (i = 0; i < MAXD; i++)
    {
        fmpq_clear(G->lam + i);
        fmpq_clear(G->m + i);
    }
}

static void
rand_q(fmpq_t x, flint_rand_t st, slong lo, ulong span, ulong den)
{
    fmpq_set_si(x, lo + (slong) n_randint(st, span), den);
}

/* random law: Q by Cayley from a skew matrix, lam in [1/20, 3], m in [-2, 2] */
static void
glaw_randtest(glaw * G, flint_rand_t st)
{
    slong d = G->d, i, j;
    fmpq_mat_t A, I, B, C, D;
    fmpq_mat_init(A, d, d);
    fmpq_mat_init(I, d, d);
    fmpq_mat_init(B, d, d);
    fmpq_mat_init(C, d, d);
    fmpq_mat_init(D, d, d);
    for (i = 0; i < d; i++)
        for (j = i + 1; j < d; j++)
        {
            rand_q(fmpq_mat_entry(A, i, j), st, -6, 13, 1 + n_randint(st, 4));
            fmpq_neg(fmpq_mat_entry(A, j, i), fmpq_mat_entry(A, i, j));
        }
    fmpq_mat_one(I);
    fmpq_mat_sub(B, I, A);
    fmpq_mat_add(C, I, A);
    fmpq_mat_inv(D, C);
    fmpq_mat_mul(G->Q, B, D);
    /* S = Q diag(lam) Q^T */
    fmpq_mat_zero(D);
    for (i = 0; i < d; i++)
    {
        rand_q(G->lam + i, st, 1, 60, 20);
        fmpq_set(fmpq_mat_entry(D, i, i), G->lam + i);
        rand_q(G->m + i, st, -20, 41, 10);
    }
    fmpq_mat_mul(B, G->Q, D);
    fmpq_mat_transpose(C, G->Q);
    fmpq_mat_mul(G->S, B, C);
    fmpq_mat_clear(A);
    fmpq_mat_clear(I);
    fmpq_mat_clear(B);
    fmpq_mat_clear(C);
    fmpq_mat_clear(D);
}

static void
cat_q(char * buf, const fmpq_t x)
{
    char * s = fmpq_get_str(NULL, 10, x);
    strcat(buf, "\"");
    strcat(buf, s);
    strcat(buf, "\"");
    flint_free(s);
}

/* "mean": [...], "cov": [[...]] */
static void
cat_law(char * buf, const glaw * G)
{
    slong i, j, d = G->d;
    strcat(buf, "\"mean\": [");
    for (i = 0; i < d; i++)
    {
        if (i)
            strcat(buf, ", ");
        cat_q(buf, G->m + i);
    }
    strcat(buf, "], \"cov\": [");
    for (i = 0; i < d; i++)
    {
        strcat(buf, i ? ", [" : "[");
        for (j = 0; j < d; j++)
        {
            if (j)
                strcat(buf, ", ");
            cat_q(buf, fmpq_mat_entry(G->S, i, j));
        }
        strcat(buf, "]");
    }
    strcat(buf, "]");
}

/* X_tb of the affine flow of law G from (ta, x) */
static void
closed_map(arb_ptr y, const glaw * G, const sched_t S, const arb_t ta, const arb_t tb,
           arb_srcptr x, slong prec)
{
    slong d = G->d, i, j;
    arb_t aa, ab, sa, sb, v, w;
    arb_ptr u = _arb_vec_init(d), r = _arb_vec_init(d);
    arb_mat_t Q;

    arb_init(aa); arb_init(ab); arb_init(sa); arb_init(sb); arb_init(v); arb_init(w);
    arb_mat_init(Q, d, d);
    arb_mat_set_fmpq_mat(Q, G->Q, prec);
    sched_a(aa, S, ta, prec);
    sched_a(ab, S, tb, prec);
    sched_s2(sa, S, ta, prec);
    sched_s2(sb, S, tb, prec);
    /* u = Q^T (x - a_ta m) */
    for (i = 0; i < d; i++)
    {
        arb_set_fmpq(v, G->m + i, prec);
        arb_mul(v, v, aa, prec);
        arb_sub(r + i, x + i, v, prec);
    }
    for (j = 0; j < d; j++)
    {
        arb_zero(u + j);
        for (i = 0; i < d; i++)
            arb_addmul(u + j, arb_mat_entry(Q, i, j), r + i, prec);
        /* scale by sqrt(sig^2(tb) / sig^2(ta)) */
        arb_set_fmpq(v, G->lam + j, prec);
        arb_sqr(w, ab, prec);
        arb_mul(w, w, v, prec);
        arb_add(w, w, sb, prec);
        arb_sqr(v, aa, prec);
        {
            arb_t l;
            arb_init(l);
            arb_set_fmpq(l, G->lam + j, prec);
            arb_mul(v, v, l, prec);
            arb_clear(l);
        }
        arb_add(v, v, sa, prec);
        arb_div(w, w, v, prec);
        arb_sqrt(w, w, prec);
        arb_mul(u + j, u + j, w, prec);
    }
    for (i = 0; i < d; i++)
    {
        arb_set_fmpq(v, G->m + i, prec);
        arb_mul(y + i, v, ab, prec);
        for (j = 0; j < d; j++)
            arb_addmul(y + i, arb_mat_entry(Q, i, j), u + j, prec);
    }
    arb_clear(aa); arb_clear(ab); arb_clear(sa); arb_clear(sb); arb_clear(v); arb_clear(w);
    _arb_vec_clear(u, d);
    _arb_vec_clear(r, d);
    arb_mat_clear(Q);
}

/* (1/2) sum_k log(sig_k^2(tb) / sig_k^2(ta)) */
static void
closed_div(arb_t res, const glaw * G, const sched_t S, const arb_t ta, const arb_t tb,
           slong prec)
{
    slong k;
    arb_t aa, ab, sa, sb, l, u, v;
    arb_init(aa); arb_init(ab); arb_init(sa); arb_init(sb); arb_init(l); arb_init(u); arb_init(v);
    sched_a(aa, S, ta, prec);
    sched_a(ab, S, tb, prec);
    sched_s2(sa, S, ta, prec);
    sched_s2(sb, S, tb, prec);
    arb_sqr(aa, aa, prec);
    arb_sqr(ab, ab, prec);
    arb_zero(res);
    for (k = 0; k < G->d; k++)
    {
        arb_set_fmpq(l, G->lam + k, prec);
        arb_mul(u, ab, l, prec);
        arb_add(u, u, sb, prec);
        arb_mul(v, aa, l, prec);
        arb_add(v, v, sa, prec);
        arb_div(u, u, v, prec);
        arb_log(u, u, prec);
        arb_add(res, res, u, prec);
    }
    arb_mul_2exp_si(res, res, -1);
    arb_clear(aa); arb_clear(ab); arb_clear(sa); arb_clear(sb); arb_clear(l); arb_clear(u); arb_clear(v);
}

static void
fail_vec(const char * what, const char * json, arb_srcptr a, arb_srcptr b, slong d)
{
    slong i;
    flint_printf("FAIL (%s)\n%s\n", what, json);
    for (i = 0; i < d; i++)
    {
        arb_printd(a + i, 30); flint_printf("   vs   ");
        arb_printd(b + i, 30); flint_printf("\n");
    }
    fflush(stdout);
    flint_abort();
}

static const char * scheds[] = {
    "\"schedule\": \"const\", \"beta\": \"%s\", \"T\": \"%s\"",
    "\"schedule\": \"vp\"",
    "\"schedule\": \"subvp\"",
    "\"schedule\": \"simple\"",
    "\"schedule\": \"cosine\", \"T\": \"0.99\"",
    "\"schedule\": \"ve\", \"smin\": \"0.05\", \"smax\": \"5\""
};

int
main(void)
{
    flint_rand_t st;
    slong iter, worst = WORD_MAX;

    flint_printf("pf_flow....");
    fflush(stdout);
    flint_randinit(st);

    for (iter = 0; iter < 30; iter++)
    {
        slong d = 1 + n_randint(st, MAXD), prec = 64 + (d == 1 ? 64 * n_randint(st, 2) : 0), i, ks;
        int other = n_randint(st, 2), marginal = n_randint(st, 2), dir = n_randint(st, 3);
        char json[8192], sde[256];
        glaw G, H;
        const glaw * M;
        problem_t P;
        ode_solution_t sol;
        arb_ptr x, y, z;
        arb_t ta, tb, tm, u, v, w;
        int status;

        glaw_init(&G, d);
        glaw_init(&H, d);
        glaw_randtest(&G, st);
        glaw_randtest(&H, st);
        M = other ? &H : &G;

        ks = n_randint(st, 6);
        if (ks == 0)
        {
            const char * betas[] = {"0.5", "1", "1.5"}, * Ts[] = {"1", "2", "3"};
            flint_sprintf(sde, scheds[0], betas[n_randint(st, 3)], Ts[n_randint(st, 3)]);
        }
        else
            strcpy(sde, scheds[ks]);
        if (n_randint(st, 2))
            strcat(sde, ", \"t0\": \"0.02\"");

        json[0] = '\0';
        flint_sprintf(json, "{\"dim\": %wd, \"sde\": {%s}, \"data\": {\"type\": \"gaussian\", ",
                      d, sde);
        cat_law(json, &G);
        strcat(json, "}, \"score\": {\"type\": ");
        if (other)
        {
            strcat(json, "\"gaussian\", ");
            cat_law(json, &H);
            strcat(json, "}");
        }
        else
            strcat(json, "\"exact\"}");
        strcat(json, marginal ? ", \"prior\": {\"type\": \"marginal\"}}" : "}");

        problem_init(P);
        read_problem(P, json, prec);
        x = _arb_vec_init(d);
        y = _arb_vec_init(d);
        z = _arb_vec_init(d + 1);
        arb_init(ta); arb_init(tb); arb_init(tm); arb_init(u); arb_init(v); arb_init(w);
        ode_solution_init(sol, d);
        for (i = 0; i < d; i++)
            rand_frac(x + i, st, -20, 41, 10, prec);

        /* direction: encode, generate, or between interior times */
        if (dir == 0)
        {
            arb_set(ta, P->t0);
            arb_set(tb, P->T);
        }
        else if (dir == 1)
        {
            arb_set(ta, P->T);
            arb_set(tb, P->t0);
        }
        else
        {
            /* ta = t0 + (T - t0) k/8, tb = t0 + (T - t0) l/8 */
            slong k = n_randint(st, 9), l = n_randint(st, 9);
            if (l == k)
                l = (k + 1) % 9;
            arb_sub(u, P->T, P->t0, prec);
            arb_mul_si(ta, u, k, prec);
            arb_div_ui(ta, ta, 8, prec);
            arb_add(ta, ta, P->t0, prec);
            arb_mul_si(tb, u, l, prec);
            arb_div_ui(tb, tb, 8, prec);
            arb_add(tb, tb, P->t0, prec);
        }

        /* (1), (2), (3) */
        status = wkb_pf_flow_solve(sol, P, x, ta, tb, 1, prec);
        if (status != ODE_SUCCESS)
        {
            flint_printf("FAIL (status %s)\n%s\n", ode_status_str(status), json);
            fflush(stdout);
            flint_abort();
        }
        closed_map(y, M, P->sde, ta, tb, x, prec);
        for (i = 0; i < d; i++)
            if (!arb_overlaps(sol->x + i, y + i))
                fail_vec("X(tb)", json, sol->x, y, d);
        for (i = 0; i < d; i++)
        {
            if (!arb_contains_zero(sol->x + i))
                worst = FLINT_MIN(worst, arb_rel_accuracy_bits(sol->x + i) - prec);
            if (mag_cmp_2exp_si(arb_radref(sol->x + i), -prec / 2) > 0)
                fail_vec("X(tb) radius", json, sol->x, y, d);
        }
        closed_div(u, M, P->sde, ta, tb, prec);
        if (!arb_overlaps(u, sol->x + d) || mag_cmp_2exp_si(arb_radref(sol->x + d), -prec / 2) > 0)
            fail("int div F", json, sol->x + d, u);

        /* dense output at tm = (3 ta + 5 tb)/8 */
        arb_mul_ui(tm, ta, 3, prec);
        arb_addmul_ui(tm, tb, 5, prec);
        arb_div_ui(tm, tm, 8, prec);
        if (!ode_solution_eval(z, sol, tm, prec))
            fail("dense output not covering tm", json, tm, ta);
        closed_map(y, M, P->sde, ta, tm, x, prec);
        for (i = 0; i < d; i++)
            if (!arb_overlaps(z + i, y + i))
                fail_vec("X(tm)", json, z, y, d);
        closed_div(u, M, P->sde, ta, tm, prec);
        if (!arb_overlaps(u, z + d))
            fail("int div F at tm", json, z + d, u);

        /* (4) the CNF log-density at t0 */
        if (iter % 2 == 0)
        {
            status = wkb_pf_flow_log_density(v, z, P, x, NULL, prec);
            if (status != ODE_SUCCESS)
            {
                flint_printf("FAIL (log_density status %s)\n%s\n", ode_status_str(status), json);
                flint_abort();
            }
            closed_map(y, M, P->sde, P->t0, P->T, x, prec);
            for (i = 0; i < d; i++)
                if (!arb_overlaps(z + i, y + i))
                    fail_vec("log_density X(T)", json, z, y, d);
            /* log pi(y) independently */
            if (marginal)
                target_log_density(w, P->data, P->sde, P->T, y, prec);
            else
            {
                arb_const_pi(u, prec);
                arb_mul_2exp_si(u, u, 1);
                arb_log(u, u, prec);
                arb_mul_si(w, u, d, prec);
                for (i = 0; i < d; i++)
                    arb_addmul(w, y + i, y + i, prec);
                arb_mul_2exp_si(w, w, -1);
                arb_neg(w, w);
            }
            closed_div(u, M, P->sde, P->t0, P->T, prec);
            arb_add(w, w, u, prec);
            if (!arb_overlaps(v, w) || mag_cmp_2exp_si(arb_radref(v), -prec / 2) > 0)
                fail("log q", json, v, w);
            if (marginal && !other)
            {
                target_log_density(w, P->data, P->sde, P->t0, x, prec);
                if (!arb_overlaps(v, w))
                    fail("log q vs log p_t0", json, v, w);
            }
        }

        ode_solution_clear(sol);
        _arb_vec_clear(x, d);
        _arb_vec_clear(y, d);
        _arb_vec_clear(z, d + 1);
        arb_clear(ta); arb_clear(tb); arb_clear(tm); arb_clear(u); arb_clear(v); arb_clear(w);
        problem_clear(P);
        glaw_clear(&G);
        glaw_clear(&H);
    }

    flint_randclear(st);
    flint_cleanup();
    flint_printf("PASS (worst accuracy prec + %wd bits)\n", worst);
    return 0;
}
