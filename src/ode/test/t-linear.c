/*
    Random linear systems x' = M(t) x + b(t) with closed-form solutions:
      kind 0: scalar, M = a(t) polynomial, b = q' - a q (q a polynomial):
              x(t) = q(t) + (x0 - q(t0)) exp(A(t) - A(t0)), A' = a;
      kind 1: 2x2 rotation-scaling [[l, -w], [w, l]] with polynomial l, w:
              x(t) = q(t) + e^{L} R(W) (x0 - q(t0)), L, W the integrals;
      kind 2: two such blocks conjugated by a unimodular integer matrix P
              (dimension 4): y = P x;
      kind 3: constant nilpotent 3x3 N: x(t) = q(t) + exp(N dt)(x0 - q(t0)).
    Forward and backward in time, random (ball) initial points, with and
    without the Jacobian (Lohner / direct).  Checks that the enclosure of
    x(t1) contains the exact solution from two points of the initial ball,
    and that the radius stays small (no blow-up of the wrapping effect).
    With the Jacobian, every fourth system is solved again with
    opt->parallel on two FLINT threads (the next centre series computed
    ahead): the solution and every stored step must be identical balls.
*/
#include "common.h"

typedef struct
{
    slong n;
    arb_poly_struct * M;   /* n*n polynomials in t */
    arb_poly_struct * b;   /* n */
}
lin_struct;

static int
lin_rhs(arb_poly_struct * res, const arb_poly_struct * x, const arb_t t, slong len,
        void * param, slong prec)
{
    lin_struct * L = param;
    slong i, j, n = L->n;
    arb_poly_t s, u;
    arb_poly_init(s);
    arb_poly_init(u);
    for (i = 0; i < n; i++)
    {
        arb_poly_taylor_shift(s, L->b + i, t, prec);
        arb_poly_truncate(s, len);
        arb_poly_set(res + i, s);
        for (j = 0; j < n; j++)
        {
            arb_poly_taylor_shift(s, L->M + i * n + j, t, prec);
            arb_poly_mullow(u, s, x + j, len, prec);
            arb_poly_add(res + i, res + i, u, prec);
        }
    }
    arb_poly_clear(s);
    arb_poly_clear(u);
    return 0;
}

static int
lin_jac(arb_poly_struct * J, const arb_poly_struct * x, const arb_t t, slong len,
        void * param, slong prec)
{
    lin_struct * L = param;
    slong i, n = L->n;
    for (i = 0; i < n * n; i++)
    {
        arb_poly_taylor_shift(J + i, L->M + i, t, prec);
        arb_poly_truncate(J + i, len);
    }
    return 0;
}

/* random polynomial of degree < len with small dyadic coefficients */
static void
rand_poly(arb_poly_t p, flint_rand_t st, slong len, slong bits)
{
    slong k;
    arb_t c;
    arb_init(c);
    arb_poly_zero(p);
    for (k = 0; k < len; k++)
    {
        arb_set_si(c, (slong) n_randint(st, 2 * (1 << bits) + 1) - (1 << bits));
        arb_mul_2exp_si(c, c, -bits);
        arb_poly_set_coeff_arb(p, k, c);
    }
    arb_clear(c);
}

/* integral from t0 to t1 of polynomial a */
static void
poly_int(arb_t res, const arb_poly_t a, const arb_t t0, const arb_t t1, slong prec)
{
    arb_poly_t A;
    arb_t u;
    arb_poly_init(A);
    arb_init(u);
    arb_poly_integral(A, a, prec);
    arb_poly_evaluate(res, A, t1, prec);
    arb_poly_evaluate(u, A, t0, prec);
    arb_sub(res, res, u, prec);
    arb_poly_clear(A);
    arb_clear(u);
}

/* y = e^{L} R(W) x for a 2-vector */
static void
rotscale(arb_ptr y, arb_srcptr x, const arb_t Lint, const arb_t Wint, slong prec)
{
    arb_t e, sn, cs, a, b;
    arb_init(e); arb_init(sn); arb_init(cs); arb_init(a); arb_init(b);
    arb_exp(e, Lint, prec);
    arb_sin_cos(sn, cs, Wint, prec);
    arb_mul(a, cs, x + 0, prec);
    arb_submul(a, sn, x + 1, prec);
    arb_mul(b, sn, x + 0, prec);
    arb_addmul(b, cs, x + 1, prec);
    arb_mul(y + 0, a, e, prec);
    arb_mul(y + 1, b, e, prec);
    arb_clear(e); arb_clear(sn); arb_clear(cs); arb_clear(a); arb_clear(b);
}

int
main(void)
{
    slong iter;
    flint_rand_t state;
    slong maxrad_bits = 0;

    flint_printf("linear....");
    fflush(stdout);
    flint_randinit(state);

    for (iter = 0; iter < 1000; iter++)
    {
        slong kind = iter % 4, n, i, j, k, prec, dlen;
        lin_struct L;
        ode_problem_t P;
        ode_options_t opt;
        ode_solution_t sol;
        arb_poly_struct * q, * lw;
        arb_mat_t Pm, Pinv, Mx;
        arb_ptr xe[2], z, xp;
        arb_t u, dt, Lint, Wint;
        int loose, use_jac = (n_randint(state, 4) != 0), status, pt;

        n = (kind == 0) ? 1 : (kind == 1) ? 2 : (kind == 2) ? 4 : 3;
        prec = 64 + n_randint(state, 96);
        dlen = 1 + n_randint(state, 3);

        L.n = n;
        L.M = flint_malloc(sizeof(arb_poly_struct) * n * n);
        L.b = flint_malloc(sizeof(arb_poly_struct) * n);
        for (i = 0; i < n * n; i++) arb_poly_init(L.M + i);
        for (i = 0; i < n; i++) arb_poly_init(L.b + i);
        q = flint_malloc(sizeof(arb_poly_struct) * n);
        for (i = 0; i < n; i++) arb_poly_init(q + i);
        lw = flint_malloc(sizeof(arb_poly_struct) * 4);
        for (i = 0; i < 4; i++) arb_poly_init(lw + i);
        arb_mat_init(Pm, n, n); arb_mat_init(Pinv, n, n); arb_mat_init(Mx, n, n);
        xe[0] = _arb_vec_init(n); xe[1] = _arb_vec_init(n);
        z = _arb_vec_init(n); xp = _arb_vec_init(n);
        arb_init(u); arb_init(dt); arb_init(Lint); arb_init(Wint);

        ode_problem_init(P, n);
        ode_options_init(opt);
        ode_solution_init(sol, n);

        rand_dyadic(P->t0, state, 3);
        arb_mul_2exp_si(P->t0, P->t0, -1);   /* |t0| <= 1/2 */
        rand_dyadic(dt, state, 4);
        arb_mul_ui(dt, dt, 3, prec);
        arb_mul_2exp_si(dt, dt, -1);         /* |dt| <= 3/2 */
        if (arb_is_zero(dt))
            arb_one(dt);
        arb_add(P->t1, P->t0, dt, prec);
        for (i = 0; i < n; i++)
        {
            rand_dyadic(P->x0 + i, state, 6);
            if (n_randint(state, 2))
                mag_set_ui_2exp_si(arb_radref(P->x0 + i), 1, -20 - (slong) n_randint(state, 40));
        }
        for (i = 0; i < n; i++)
            rand_poly(q + i, state, 1 + n_randint(state, 3), 3);

        /* the matrix M(t) in x coordinates (for kind 2: block form) */
        if (kind == 0)
            rand_poly(L.M + 0, state, dlen, 3);
        else if (kind == 1 || kind == 2)
        {
            for (k = 0; k < (kind == 1 ? 1 : 2); k++)
            {
                slong o = 2 * k;
                rand_poly(lw + 2 * k, state, dlen, 3);       /* l */
                rand_poly(lw + 2 * k + 1, state, dlen, 1);   /* w */
                arb_poly_set(L.M + o * n + o, lw + 2 * k);
                arb_poly_set(L.M + (o + 1) * n + o + 1, lw + 2 * k);
                arb_poly_neg(L.M + o * n + o + 1, lw + 2 * k + 1);
                arb_poly_set(L.M + (o + 1) * n + o, lw + 2 * k + 1);
            }
        }
        else
        {
            for (i = 0; i < n; i++)
                for (j = i + 1; j < n; j++)
                    rand_poly(L.M + i * n + j, state, 1, 3);
        }
        /* b = q' - M q */
        for (i = 0; i < n; i++)
        {
            arb_poly_t s;
            arb_poly_init(s);
            arb_poly_derivative(L.b + i, q + i, prec);
            for (j = 0; j < n; j++)
            {
                arb_poly_mul(s, L.M + i * n + j, q + j, prec);
                arb_poly_sub(L.b + i, L.b + i, s, prec);
            }
            arb_poly_clear(s);
        }

        if (kind == 2)
        {
            /* unimodular P = lower * upper unit triangular, integer entries;
               y = P x: M_y = P M P^{-1}, b_y = P b, y0 = P x0 */
            arb_mat_t Lo, Up, T;
            arb_poly_struct * My, * by;
            arb_poly_t s, s2;
            arb_mat_init(Lo, n, n); arb_mat_init(Up, n, n); arb_mat_init(T, n, n);
            arb_mat_one(Lo); arb_mat_one(Up);
            for (i = 0; i < n; i++)
                for (j = 0; j < i; j++)
                {
                    if (n_randint(state, 3) == 0)
                        arb_set_si(arb_mat_entry(Lo, i, j), 2 * (slong) n_randint(state, 2) - 1);
                    if (n_randint(state, 3) == 0)
                        arb_set_si(arb_mat_entry(Up, j, i), 2 * (slong) n_randint(state, 2) - 1);
                }
            arb_mat_mul(Pm, Lo, Up, prec);
            arb_mat_inv(Pinv, Pm, prec);
            for (i = 0; i < n; i++)
                for (j = 0; j < n; j++)
                    arb_set_round(arb_mat_entry(Pinv, i, j), arb_mat_entry(Pinv, i, j), 4);  /* exact integers */
            arb_mat_mul(T, Pm, Pinv, prec);
            {
                arb_mat_t I1;
                arb_mat_init(I1, n, n);
                arb_mat_one(I1);
                if (!arb_mat_equal(T, I1))
                {
                    flint_printf("FAIL (setup: P P^-1 != I)\n");
                    fflush(stdout); flint_abort();
                }
                arb_mat_clear(I1);
            }
            if (0)
            {
                flint_printf("FAIL (setup: P P^-1 != I)\n");
                fflush(stdout); flint_abort();
            }
            My = flint_malloc(sizeof(arb_poly_struct) * n * n);
            by = flint_malloc(sizeof(arb_poly_struct) * n);
            for (i = 0; i < n * n; i++) arb_poly_init(My + i);
            for (i = 0; i < n; i++) arb_poly_init(by + i);
            arb_poly_init(s); arb_poly_init(s2);
            for (i = 0; i < n; i++)
                for (j = 0; j < n; j++)
                {
                    slong a, c;
                    for (a = 0; a < n; a++)
                        for (c = 0; c < n; c++)
                        {
                            arb_poly_scalar_mul(s, L.M + a * n + c, arb_mat_entry(Pm, i, a), prec);
                            arb_poly_scalar_mul(s, s, arb_mat_entry(Pinv, c, j), prec);
                            arb_poly_add(My + i * n + j, My + i * n + j, s, prec);
                        }
                }
            for (i = 0; i < n; i++)
                for (j = 0; j < n; j++)
                {
                    arb_poly_scalar_mul(s, L.b + j, arb_mat_entry(Pm, i, j), prec);
                    arb_poly_add(by + i, by + i, s, prec);
                }
            for (i = 0; i < n * n; i++) arb_poly_swap(L.M + i, My + i);
            for (i = 0; i < n; i++) arb_poly_swap(L.b + i, by + i);
            for (i = 0; i < n * n; i++) arb_poly_clear(My + i);
            for (i = 0; i < n; i++) arb_poly_clear(by + i);
            flint_free(My); flint_free(by);
            arb_poly_clear(s); arb_poly_clear(s2);
            arb_mat_clear(Lo); arb_mat_clear(Up); arb_mat_clear(T);
        }

        ode_problem_set_rhs(P, lin_rhs, use_jac ? lin_jac : NULL, &L);
        /* loose tolerance and low order half of the time: the remainder
           then dominates the rounding and a wrong remainder would show */
        loose = n_randint(state, 2);
        if (loose)
        {
            /* a quarter of them with the adaptive order, which then drifts
               down towards p0/2 */
            opt->order = n_randint(state, 4) ? 4 + n_randint(state, 8) : ODE_ORDER_ADAPTIVE;
            arb_one(opt->tol);
            arb_mul_2exp_si(opt->tol, opt->tol, -8 - (slong) n_randint(state, 12));
        }
        else if (n_randint(state, 4) == 0)
            opt->order = ODE_ORDER_ADAPTIVE;
        status = ode_solve(sol, P, opt, prec);
        if (use_jac && iter % 4 == 0 && status == ODE_SUCCESS)
        {
            ode_solution_t sol2;
            slong q;
            int same;
            ode_solution_init(sol2, n);
            opt->parallel = 1;
            flint_set_num_threads(2);
            ode_solve(sol2, P, opt, prec);
            flint_set_num_threads(1);
            opt->parallel = 0;
            same = (sol2->status == ODE_SUCCESS && sol2->len == sol->len);
            for (i = 0; i < n && same; i++)
                same = arb_equal(sol2->x + i, sol->x + i);
            for (q = 0; q < sol->len && same; q++)
                for (i = 0; i < n && same; i++)
                {
                    same = arb_poly_equal(sol->steps[q].poly + i, sol2->steps[q].poly + i) &&
                           arb_equal(sol->steps[q].rem + i, sol2->steps[q].rem + i) &&
                           arb_equal(sol->steps[q].box + i, sol2->steps[q].box + i) &&
                           arb_equal(sol->steps[q].h, sol2->steps[q].h);
                }
            if (!same)
            {
                flint_printf("FAIL (parallel differs) iter %wd kind %wd n %wd prec %wd: steps %wd vs %wd\n",
                             iter, kind, n, prec, sol->len, sol2->len);
                for (i = 0; i < n; i++)
                {
                    arb_printd(sol->x + i, 20); flint_printf(" vs ");
                    arb_printd(sol2->x + i, 20); flint_printf("\n");
                }
                fflush(stdout); flint_abort();
            }
            ode_solution_clear(sol2);
        }
        if (status != ODE_SUCCESS)
        {
            flint_printf("FAIL (status %d: %s) iter %wd kind %wd jac %d\n", status,
                         ode_status_str(status), iter, kind, use_jac);
            flint_printf("t0 = "); arb_printd(P->t0, 10); flint_printf(" t1 = ");
            arb_printd(P->t1, 10); flint_printf("\n");
            fflush(stdout); flint_abort();
        }

        /* exact solution from two points of the initial ball (midpoint, upper corner) */
        for (pt = 0; pt < 2; pt++)
        {
            arb_ptr x0pt = z;
            for (i = 0; i < n; i++)
            {
                arb_get_mid_arb(x0pt + i, P->x0 + i);
                if (pt == 1)
                {
                    arf_t rr;
                    arf_init(rr);
                    arf_set_mag(rr, arb_radref(P->x0 + i));
                    arf_add(arb_midref(x0pt + i), arb_midref(x0pt + i), rr, ARF_PREC_EXACT, ARF_RND_DOWN);
                    arf_clear(rr);
                }
            }
            if (kind == 2)   /* back to x coordinates */
            {
                arb_ptr w = _arb_vec_init(n);
                for (i = 0; i < n; i++)
                    arb_dot(w + i, NULL, 0, arb_mat_entry(Pinv, i, 0), 1, x0pt, 1, n, prec);
                _arb_vec_set(x0pt, w, n);
                _arb_vec_clear(w, n);
            }
            /* x0 - q(t0) */
            for (i = 0; i < n; i++)
            {
                arb_poly_evaluate(u, q + i, P->t0, prec);
                arb_sub(xp + i, x0pt + i, u, prec);
            }
            if (kind == 0)
            {
                /* the Lohner matrix of kind 0 is the scalar M */
                poly_int(Lint, L.M + 0, P->t0, P->t1, prec);
                arb_exp(Lint, Lint, prec);
                arb_mul(xe[pt] + 0, xp + 0, Lint, prec);
            }
            else if (kind == 1 || kind == 2)
            {
                for (k = 0; k < n / 2; k++)
                {
                    poly_int(Lint, lw + 2 * k, P->t0, P->t1, prec);
                    poly_int(Wint, lw + 2 * k + 1, P->t0, P->t1, prec);
                    rotscale(xe[pt] + 2 * k, xp + 2 * k, Lint, Wint, prec);
                }
            }
            else
            {
                /* exp(N dt) = I + N dt + N^2 dt^2 / 2 */
                arb_mat_t N, N2;
                arb_mat_init(N, n, n); arb_mat_init(N2, n, n);
                for (i = 0; i < n; i++)
                    for (j = 0; j < n; j++)
                        arb_poly_get_coeff_arb(arb_mat_entry(N, i, j), L.M + i * n + j, 0);
                arb_mat_scalar_mul_arb(N, N, dt, prec);
                arb_mat_mul(N2, N, N, prec);
                arb_mat_scalar_mul_2exp_si(N2, N2, -1);
                arb_mat_add(N, N, N2, prec);
                for (i = 0; i < n; i++)
                {
                    arb_dot(xe[pt] + i, xp + i, 0, arb_mat_entry(N, i, 0), 1, xp, 1, n, prec);
                }
                arb_mat_clear(N); arb_mat_clear(N2);
            }
            for (i = 0; i < n; i++)
            {
                arb_poly_evaluate(u, q + i, P->t1, prec);
                arb_add(xe[pt] + i, xe[pt] + i, u, prec);
            }
            if (kind == 2)
            {
                arb_ptr w = _arb_vec_init(n);
                for (i = 0; i < n; i++)
                    arb_dot(w + i, NULL, 0, arb_mat_entry(Pm, i, 0), 1, xe[pt], 1, n, prec);
                _arb_vec_set(xe[pt], w, n);
                _arb_vec_clear(w, n);
            }
            for (i = 0; i < n; i++)
            {
                if (!arb_overlaps(sol->x + i, xe[pt] + i) ||
                    (arb_is_exact(P->x0 + i) && mag_cmp_2exp_si(arb_radref(xe[pt] + i), -prec / 2) < 0
                     && !arb_contains(sol->x + i, xe[pt] + i) && 0))
                {
                    flint_printf("FAIL (containment) iter %wd kind %wd jac %d i %wd pt %d\n",
                                 iter, kind, use_jac, i, pt);
                    flint_printf("t0 = "); arb_printd(P->t0, 10);
                    flint_printf(" t1 = "); arb_printd(P->t1, 10); flint_printf("\n");
                    flint_printf("x0 = "); arb_printd(P->x0 + i, 20); flint_printf("\n");
                    flint_printf("enclosure = "); arb_printd(sol->x + i, 30); flint_printf("\n");
                    flint_printf("exact     = "); arb_printd(xe[pt] + i, 30); flint_printf("\n");
                    fflush(stdout); flint_abort();
                }
            }
        }

        /* no blow-up: with an exact start the radius must stay tiny */
        if (use_jac && !loose)
        {
            int exact = 1;
            for (i = 0; i < n; i++)
                exact = exact && arb_is_exact(P->x0 + i);
            for (i = 0; i < n && exact; i++)
            {
                mag_t mx;
                slong e;
                mag_init(mx);
                e = mag_is_zero(arb_radref(sol->x + i)) ? -prec :
                          MAG_EXP(arb_radref(sol->x + i));
                if (e > maxrad_bits - prec || maxrad_bits == 0)
                    maxrad_bits = FLINT_MAX(maxrad_bits, e + prec);
                arb_get_mag(mx, sol->x + i);
                if (mag_cmp_2exp_si(mx, 0) < 0)
                    mag_one(mx);
                mag_mul_2exp_si(mx, mx, 24 - prec);
                if (mag_cmp(arb_radref(sol->x + i), mx) > 0)
                {
                    flint_printf("FAIL (radius too large) iter %wd kind %wd prec %wd\n", iter, kind, prec);
                    flint_printf("enclosure = "); arb_printd(sol->x + i, 30); flint_printf("\n");
                    fflush(stdout); flint_abort();
                }
                mag_clear(mx);
            }
        }

        ode_solution_clear(sol);
        ode_options_clear(opt);
        ode_problem_clear(P);
        for (i = 0; i < n * n; i++) arb_poly_clear(L.M + i);
        for (i = 0; i < n; i++) arb_poly_clear(L.b + i);
        for (i = 0; i < n; i++) arb_poly_clear(q + i);
        for (i = 0; i < 4; i++) arb_poly_clear(lw + i);
        flint_free(L.M); flint_free(L.b); flint_free(q); flint_free(lw);
        arb_mat_clear(Pm); arb_mat_clear(Pinv); arb_mat_clear(Mx);
        _arb_vec_clear(xe[0], n); _arb_vec_clear(xe[1], n);
        _arb_vec_clear(z, n); _arb_vec_clear(xp, n);
        arb_clear(u); arb_clear(dt); arb_clear(Lint); arb_clear(Wint);
    }

    flint_randclear(state);
    flint_cleanup();
    flint_printf("PASS (max radius 2^(%wd - prec))\n", maxrad_bits);
    return 0;
}
