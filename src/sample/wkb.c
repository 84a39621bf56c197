/*
    The fast first-order WKB path (double, NOT certified): c_0(x) and c_1(x)
    of log q^h_{t0}(x) = c_0(x) + h c_1(x) + O(h^2) from the adjoint
    equations of the probability-flow characteristic (math.md sections 6-7,
    Thm 4.2 in adjoint form), with exact derivatives of the score from
    moments over the mixture's responsibilities and Gragg-Bulirsch-Stoer
    extrapolation in time.

    Along dX/dt = F(X, t) = f X - (g^2/2) s(X, t), with G = grad log q^0_t(X)
    and H = Hess log q^0_t(X), the PF Liouville equation
    d/dt log q^0_t(X) = -div F gives
        G' = -DF^T G - grad div F,
        H' = -(DF^T H + H DF) - sum_k G_k Hess F_k - Hess div F,
    with G_T = grad log pi(X_T), H_T = Hess log pi(X_T), and perturbing the
    drift by -(h g^2/2)(s - G) (the h-family, Eq. 9) gives
        c_0(x) = log pi(X_T) + int_{t0}^T div F dt,
        c_1(x) = -int_{t0}^T (g^2/2) [G.(s - G) + div s - tr H] dt.
    A forward pass carries X from x at t0 to X_T; the backward pass carries
    (X, G, H, log q^0_t(X), the c_1 integral) from T back to t0.  The score
    derivatives up to order 3 (div F's Hessian) come from the derivatives of
    log p_t up to order 4 (mixtures: moments over the responsibilities, see
    logp_derivs) or are constant
    (affine scores).
*/
#include <math.h>
#include <string.h>
#include <stdint.h>
#include "sample_impl.h"

/* One time's coefficients of a mixture's marginal sum_k w_k N(a m_k, C_k),
   C_k = a^2 S_k + s2 I: am_k = a m_k, P_k = C_k^{-1} (d x d), ln_k = log w_k
   - (1/2) log det C_k - (d/2) log 2 pi, and the schedule's f and g^2. */
typedef struct
{
    double t, f, g2;
    double * am, * P, * ln;
}
tcoef_struct;

/* GBS revisits the same times within a step (t + H/2 for every column,
   t + H for every smoothing step: 24 distinct times in 43 evaluations): a
   direct-mapped cache of the coefficients (a power of two) */
#define WKB_FAST_CACHE 64

typedef struct
{
    const sample_model_struct * M;
    slong d;
    const sample_mix_struct * X;    /* the score's mixture (NULL: affine score) */
    double lam;                     /* score = lam grad log p_t of X */
    tcoef_struct cache[WKB_FAST_CACHE];
    /* per component: u_k = P_k (x - a m_k) (n*d), shifted logits (n),
       responsibilities (n), B_k delta_k (n*d) */
    double * u, * lg, * r, * Bd;
    /* derivatives of log p at x: value, gradient, Hessian C, third
       derivatives T (d^3), Hdl_jl = sum_i d_i d_i d_j d_l log p (d^2) */
    double lp, * g, * C, * T, * Hdl, * Sm, * EB;
    /* score derivatives at (X, t) */
    double * s, * Ds, * D2s, * gdiv, * Hdiv, divs;
    slong evals;
}
wkb_fast_struct;

static void
fast_init(wkb_fast_struct * W, const sample_model_t M)
{
    slong d = M->d, n = FLINT_MAX(M->data->n, M->other->n), i;

    W->M = M;
    W->d = d;
    W->X = (M->score == SCORE_AFFINE) ? NULL : (M->score == SCORE_OTHER) ? M->other : M->data;
    W->lam = (M->score == SCORE_SCALED) ? 1.0 + M->eps : 1.0;
    for (i = 0; i < WKB_FAST_CACHE; i++)
    {
        W->cache[i].t = NAN;
        W->cache[i].am = flint_calloc(FLINT_MAX(n, 1) * (d + d * d + 1), sizeof(double));
        W->cache[i].P = W->cache[i].am + n * d;
        W->cache[i].ln = W->cache[i].P + n * d * d;
    }
    W->u = flint_calloc(FLINT_MAX(n, 1) * (2 * d + 2), sizeof(double));
    W->lg = W->u + n * d;
    W->r = W->lg + n;
    W->Bd = W->r + n;
    W->g = flint_calloc(d + 4 * d * d + d * d * d, sizeof(double));
    W->C = W->g + d;
    W->T = W->C + d * d;
    W->Hdl = W->T + d * d * d;
    W->Sm = W->Hdl + d * d;
    W->EB = W->Sm + d * d;
    W->s = flint_calloc(d + d * d + d * d * d + d + d * d, sizeof(double));
    W->Ds = W->s + d;
    W->D2s = W->Ds + d * d;
    W->gdiv = W->D2s + d * d * d;
    W->Hdiv = W->gdiv + d;
    W->evals = 0;
}

static void
fast_clear(wkb_fast_struct * W)
{
    slong i;
    for (i = 0; i < WKB_FAST_CACHE; i++)
        flint_free(W->cache[i].am);
    flint_free(W->u);
    flint_free(W->g);
    flint_free(W->s);
}

/* E = the coefficients of the marginal of X with coefficients (a, s2) */
static void
tcoef_set(tcoef_struct * E, const sample_mix_struct * X, double a, double s2)
{
    slong d = X->d, n = X->n, k, i, j, l;
    const double half_log_2pi = 0.91893853320467274178032973640562;

    for (k = 0; k < n; k++)
    {
        const double * lam = X->lam + k * d, * Q = X->Q + k * d * d;
        double * Pk = E->P + k * d * d, ld = 0.0, pr = 1.0, iv[64];
        for (l = 0; l < d; l += 64)
        {
            slong m = FLINT_MIN(64, d - l);
            for (j = 0; j < m; j++)
            {
                double v = a * a * lam[l + j] + s2;
                iv[j] = 1.0 / v;
                pr *= v;
                if (pr < 1e-200 || pr > 1e200)
                {
                    ld += log(pr);
                    pr = 1.0;
                }
            }
            /* P_k += Q_k[:, l..l+m) diag(iv) Q_k[:, l..l+m)^T */
            for (i = 0; i < d; i++)
                for (j = 0; j <= i; j++)
                {
                    double p = (l == 0) ? 0.0 : Pk[i * d + j];
                    slong c;
                    if (X->diag)
                        p = (i == j && i >= l && i < l + m) ? iv[i - l] : p;
                    else
                        for (c = 0; c < m; c++)
                            p += Q[i * d + l + c] * iv[c] * Q[j * d + l + c];
                    Pk[i * d + j] = Pk[j * d + i] = p;
                }
        }
        ld += log(pr);
        for (i = 0; i < d; i++)
            E->am[k * d + i] = a * X->m[k * d + i];
        E->ln[k] = X->logw[k] - 0.5 * ld - d * half_log_2pi;
    }
}

/* the coefficients of the score's mixture at t (cached) */
static const tcoef_struct *
fast_time(wkb_fast_struct * W, double t)
{
    double a, s2;
    tcoef_struct * E;
    uint64_t h;

    /* direct-mapped: the slot from a hash of t's bits */
    memcpy(&h, &t, sizeof(h));
    h = (h * UINT64_C(0x9E3779B97F4A7C15)) >> 58;
    E = W->cache + (h & (WKB_FAST_CACHE - 1));
    if (E->t == t)
        return E;
    sample_sched_eval(&E->f, &E->g2, &a, &s2, W->M->sched, t);
    if (W->X != NULL)
        tcoef_set(E, W->X, a, s2);
    E->t = t;
    return E;
}

/* Responsibilities: W->lg[k] = log-weight of component k at x minus the
   largest (-inf if skipped), W->u[k] = P_k (x - a m_k); returns the largest. */
static double
fast_logits(wkb_fast_struct * W, const sample_mix_struct * X, const tcoef_struct * E,
            const double * x)
{
    slong d = W->d, n = X->n, k, i, j;
    double mx = -INFINITY;

    for (k = 0; k < n; k++)
    {
        const double * Pk = E->P + k * d * d, * am = E->am + k * d;
        double q = 0.0;
        for (i = 0; i < d; i++)
        {
            double ui = 0.0;
            for (j = 0; j < d; j++)
                ui += Pk[i * d + j] * (x[j] - am[j]);
            W->u[k * d + i] = ui;
            q += ui * (x[i] - am[i]);
        }
        W->lg[k] = (X->w[k] > 0) ? E->ln[k] - 0.5 * q : -INFINITY;
        if (W->lg[k] > mx)
            mx = W->lg[k];
    }
    for (k = 0; k < n; k++)
        W->lg[k] = (W->lg[k] >= mx - SAMPLE_LSE_CUTOFF) ? W->lg[k] - mx : -INFINITY;
    return mx;
}

/*
    Derivatives of log p, p = sum_k exp(l_k) with quadratic l_k (gradient
    g_k = -u_k, Hessian B_k = -P_k), as moments over the responsibilities
    r_k (E below), with delta_k = g_k - E[g] and d/dx_m E[F] =
    E[d_m F] + E[F delta_m]:
        grad log p  = E[g],
        C = Hess    = E[B] + S,  S = E[delta delta^T],
        T_ijl       = E[d_i d_j d_l] + E[B_ij d_l] + E[B_il d_j] + E[B_jl d_i],
        d_a d_b d_c d_e log p = E[d_a d_b d_c d_e] + sum over the 6 pairs of
            E[B_pair d d] + sum over the 3 pairings of (E[B B] - C C),
    (d = delta), whose trace over a = b is
        Hdl_jl = E[|d|^2 d_j d_l] + E[tr B d_j d_l] + 2 E[(B d)_j d_l]
                 + 2 E[(B d)_l d_j] + E[B_jl |d|^2] + E[tr B B_jl]
                 + 2 E[(B^2)_jl] - tr C C_jl - 2 (C^2)_jl.
    order 2: lp, g, C only; order 4: also T and Hdl.  O(n d^3).
*/
static void
logp_derivs(wkb_fast_struct * W, const sample_mix_struct * X, const tcoef_struct * E,
            const double * x, int order)
{
    slong d = W->d, n = X->n, d2 = d * d, k, i, j, l;
    double mx = fast_logits(W, X, E, x), tot = 0.0, trC = 0.0;
    double * g = W->g, * C = W->C, * S = W->Sm, * EB = W->EB;

    for (k = 0; k < n; k++)
    {
        W->r[k] = (W->lg[k] == -INFINITY) ? 0.0 : exp(W->lg[k]);
        tot += W->r[k];
    }
    W->lp = mx + log(tot);
    for (k = 0; k < n; k++)
        W->r[k] /= tot;
    for (i = 0; i < d; i++)
    {
        double v = 0.0;
        for (k = 0; k < n; k++)
            v -= W->r[k] * W->u[k * d + i];
        g[i] = v;
    }
    /* u_k := delta_k = g_k - E[g] = -u_k - g (in place) */
    for (k = 0; k < n; k++)
        for (i = 0; i < d; i++)
            W->u[k * d + i] = -W->u[k * d + i] - g[i];
    memset(S, 0, sizeof(double) * d2);
    memset(EB, 0, sizeof(double) * d2);
    for (k = 0; k < n; k++)
    {
        const double * dk = W->u + k * d, * Pk = E->P + k * d2;
        double rk = W->r[k];
        if (rk == 0.0)
            continue;
        for (i = 0; i < d; i++)
            for (j = 0; j < d; j++)
            {
                S[i * d + j] += rk * dk[i] * dk[j];
                EB[i * d + j] -= rk * Pk[i * d + j];
            }
    }
    for (i = 0; i < d2; i++)
        C[i] = EB[i] + S[i];
    if (order < 4)
        return;
    memset(W->T, 0, sizeof(double) * d2 * d);
    memset(W->Hdl, 0, sizeof(double) * d2);
    for (i = 0; i < d; i++)
        trC += C[i * d + i];
    for (k = 0; k < n; k++)
    {
        const double * dk = W->u + k * d, * Pk = E->P + k * d2;
        double rk = W->r[k], dd = 0.0, trB = 0.0;
        double * Bd = W->Bd + k * d;
        if (rk == 0.0)
            continue;
        for (i = 0; i < d; i++)
        {
            double v = 0.0;
            for (j = 0; j < d; j++)
                v -= Pk[i * d + j] * dk[j];
            Bd[i] = v;
            dd += dk[i] * dk[i];
            trB -= Pk[i * d + i];
        }
        /* T and Hdl are symmetric: i <= j <= l only, mirrored below */
        for (i = 0; i < d; i++)
            for (j = i; j < d; j++)
            {
                double Bij = -Pk[i * d + j], B2 = 0.0, dij = dk[i] * dk[j];
                for (l = j; l < d; l++)
                    W->T[(i * d + j) * d + l] += rk * (dij * dk[l] + Bij * dk[l]
                        - Pk[i * d + l] * dk[j] - Pk[j * d + l] * dk[i]);
                for (l = 0; l < d; l++)
                    B2 += Pk[i * d + l] * Pk[l * d + j];
                W->Hdl[i * d + j] += rk * ((dd + trB) * dij + 2 * Bd[i] * dk[j]
                    + 2 * Bd[j] * dk[i] + Bij * dd + trB * Bij + 2 * B2);
            }
    }
    for (i = 0; i < d; i++)
        for (j = i; j < d; j++)
        {
            for (l = j; l < d; l++)
            {
                double v = W->T[(i * d + j) * d + l];
                W->T[(i * d + l) * d + j] = W->T[(j * d + i) * d + l] = v;
                W->T[(j * d + l) * d + i] = W->T[(l * d + i) * d + j] = v;
                W->T[(l * d + j) * d + i] = v;
            }
            W->Hdl[j * d + i] = W->Hdl[i * d + j];
        }
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
        {
            double CC = 0.0;
            for (l = 0; l < d; l++)
                CC += C[i * d + l] * C[l * d + j];
            W->Hdl[i * d + j] -= trC * C[i * d + j] + 2 * CC;
        }
}

/* s, Ds, D2s (d_j d_l s_i at (i*d + j)*d + l), div s, grad div s, Hess div s
   of the score at (x, t), E the coefficients at t. */
static void
score_derivs(wkb_fast_struct * W, const tcoef_struct * E, const double * x)
{
    const sample_model_struct * M = W->M;
    slong d = W->d, i, j, l;
    double lam = W->lam;

    if (M->score == SCORE_AFFINE)
    {
        for (i = 0; i < d; i++)
        {
            double y = M->b[i];
            for (j = 0; j < d; j++)
            {
                y += M->A[i * d + j] * x[j];
                W->Ds[i * d + j] = M->A[i * d + j];
            }
            W->s[i] = y;
        }
        memset(W->D2s, 0, sizeof(double) * (d * d * d + d + d * d));
    }
    else
    {
        logp_derivs(W, W->X, E, x, 4);
        for (i = 0; i < d; i++)
        {
            W->s[i] = lam * W->g[i];
            for (j = 0; j < d; j++)
            {
                W->Ds[i * d + j] = lam * W->C[i * d + j];
                W->Hdiv[i * d + j] = lam * W->Hdl[i * d + j];
                for (l = 0; l < d; l++)
                    W->D2s[(i * d + j) * d + l] = lam * W->T[(i * d + j) * d + l];
            }
        }
    }
    W->divs = 0.0;
    for (i = 0; i < d; i++)
    {
        W->divs += W->Ds[i * d + i];
        W->gdiv[i] = 0.0;
        for (l = 0; l < d; l++)
            W->gdiv[i] += W->D2s[(l * d + l) * d + i];
    }
}

/* forward pass: X' = F */
static void
rhs_fwd(double * dy, double t, const double * y, void * par)
{
    wkb_fast_struct * W = par;
    const tcoef_struct * E = fast_time(W, t);
    slong d = W->d, i, j, k;
    double c = 0.5 * E->g2;

    W->evals++;
    if (W->X == NULL)
    {
        for (i = 0; i < d; i++)
        {
            double v = W->M->b[i];
            for (j = 0; j < d; j++)
                v += W->M->A[i * d + j] * y[j];
            dy[i] = E->f * y[i] - c * v;
        }
        return;
    }
    /* s = -lam sum_k r_k P_k (x - a m_k), r the responsibilities */
    {
        double tot = 0.0;
        fast_logits(W, W->X, E, y);
        for (i = 0; i < d; i++)
            W->s[i] = 0.0;
        for (k = 0; k < W->X->n; k++)
        {
            double r;
            if (W->lg[k] == -INFINITY)
                continue;
            r = exp(W->lg[k]);
            tot += r;
            for (i = 0; i < d; i++)
                W->s[i] -= r * W->u[k * d + i];
        }
        for (i = 0; i < d; i++)
            dy[i] = E->f * y[i] - c * W->lam * W->s[i] / tot;
    }
}

/* backward pass: y = (X, G, H, log q^0_t(X), I) with I' = (g^2/2)[G.(s-G) + div s - tr H] */
static void
rhs_bwd(double * dy, double t, const double * y, void * par)
{
    wkb_fast_struct * W = par;
    slong d = W->d, i, j, l;
    const double * X = y, * G = y + d, * H = y + 2 * d;
    double * dX = dy, * dG = dy + d, * dH = dy + 2 * d;
    double f, c, tr = 0.0, gsg = 0.0;

    const tcoef_struct * E = fast_time(W, t);
    f = E->f;
    c = 0.5 * E->g2;
    score_derivs(W, E, X);
    W->evals++;
    for (i = 0; i < d; i++)
    {
        /* DF_ij = f delta_ij - c Ds_ij */
        double v = c * W->gdiv[i];
        dX[i] = f * X[i] - c * W->s[i];
        for (j = 0; j < d; j++)
            v -= ((i == j ? f : 0.0) - c * W->Ds[j * d + i]) * G[j];
        dG[i] = v;
        tr += H[i * d + i];
        gsg += G[i] * (W->s[i] - G[i]);
    }
    for (j = 0; j < d; j++)
        for (l = 0; l < d; l++)
        {
            double v = c * W->Hdiv[j * d + l];
            for (i = 0; i < d; i++)
            {
                v -= ((i == j ? f : 0.0) - c * W->Ds[i * d + j]) * H[i * d + l];
                v -= H[j * d + i] * ((i == l ? f : 0.0) - c * W->Ds[i * d + l]);
                v += c * G[i] * W->D2s[(i * d + j) * d + l];
            }
            dH[j * d + l] = v;
        }
    dy[2 * d + d * d] = -(d * f - c * W->divs);
    dy[2 * d + d * d + 1] = c * (gsg + W->divs - tr);
}

/*
    Time variable.  Near t0 the marginal variances a^2 lam + s2 of narrow
    components change at the relative rate r = |2 f + g^2/(a^2 lam + s2)|
    (about 1/lam for small lam), and the solution varies on that time scale
    delta = 1/r; later it varies on a scale of order t - t0.  Both passes
    therefore run in u with t = t0 + delta (e^u - 1): equal steps in u are a
    geometric grid in t starting at the scale delta (on bench/b-c1's problem
    1.7 times fewer evaluations at the same error than steps in t).
*/
typedef struct
{
    sample_rhs_fn f;
    void * par;
    double t0, delta;
    slong n;
}
time_change_struct;

/* dy/du = (dt/du) f(t(u), y) */
static void
rhs_u(double * dy, double u, const double * y, void * par)
{
    time_change_struct * R = par;
    double e = exp(u), dtdu = R->delta * e;
    slong i;

    R->f(dy, R->t0 + R->delta * (e - 1), y, R->par);
    for (i = 0; i < R->n; i++)
        dy[i] *= dtdu;
}

/* delta = 1/(the largest rate r at t0 over the components of the data and
   the score's mixture), at most T - t0 and at least 1e-9 (T - t0) */
static double
time_scale(const sample_model_t M)
{
    double f, g2, a, s2, r = 0.0, len = M->T - M->t0;
    const sample_mix_struct * X[2];
    slong m, k;

    sample_sched_eval(&f, &g2, &a, &s2, M->sched, M->t0);
    X[0] = M->data;
    X[1] = (M->score == SCORE_OTHER) ? M->other : NULL;
    for (m = 0; m < 2; m++)
        for (k = 0; X[m] != NULL && k < X[m]->n * X[m]->d; k++)
        {
            double v = a * a * X[m]->lam[k] + s2;
            double rk = fabs(2 * f + g2 / v);
            if (rk > r)
                r = rk;
        }
    if (!(r * len > 1.0))
        return len;
    return FLINT_MAX(1.0 / r, 1e-9 * len);
}

/* log pi, its gradient G and Hessian H (d x d) at x */
static void
prior_derivs(wkb_fast_struct * W, const sample_model_t M, const double * x, double * lp,
             double * G, double * H)
{
    slong d = M->d, i, j;
    if (M->prior == PRIOR_MARGINAL)
    {
        tcoef_struct ET;
        slong nd = M->data->n;
        double a, s2;
        sample_sched_eval(NULL, NULL, &a, &s2, M->sched, M->T);
        ET.am = flint_calloc(nd * (d + d * d + 1), sizeof(double));
        ET.P = ET.am + nd * d;
        ET.ln = ET.P + nd * d * d;
        tcoef_set(&ET, M->data, a, s2);
        logp_derivs(W, M->data, &ET, x, 2);
        flint_free(ET.am);
        for (i = 0; i < d; i++)
        {
            G[i] = W->g[i];
            for (j = 0; j < d; j++)
                H[i * d + j] = W->C[i * d + j];
        }
        *lp = W->lp;
    }
    else
    {
        double q = 0.0;
        for (i = 0; i < d; i++)
        {
            G[i] = -x[i];
            q += x[i] * x[i];
            for (j = 0; j < d; j++)
                H[i * d + j] = (i == j) ? -1.0 : 0.0;
        }
        *lp = -0.5 * q - d * 0.91893853320467274178032973640562;
    }
}

void
sample_wkb_opts_init(sample_wkb_opts_t O)
{
    O->tol = 1e-12;
    O->max_steps = 100000;
    O->steps_fwd = O->steps_bwd = O->evals = 0;
    O->x_err = 0.0;
}

int
sample_wkb_c01(double * c, const sample_model_t M, const double * x, sample_wkb_opts_t O)
{
    wkb_fast_struct W[1];
    time_change_struct Rf[1], Rb[1];
    slong d = M->d, n = 2 * d + d * d + 2, i;
    double delta, uT;
    double * y;
    int status = SAMPLE_OK;

    if (!(O->tol > 0) || O->max_steps < 1)
        return SAMPLE_EINPUT;
    fast_init(W, M);
    y = flint_calloc(n, sizeof(double));
    for (i = 0; i < d; i++)
        y[i] = x[i];
    O->steps_fwd = O->steps_bwd = 0;
    delta = time_scale(M);
    uT = log1p((M->T - M->t0) / delta);
    Rf->f = rhs_fwd;
    Rb->f = rhs_bwd;
    Rf->par = Rb->par = W;
    Rf->t0 = Rb->t0 = M->t0;
    Rf->delta = Rb->delta = delta;
    Rf->n = d;
    Rb->n = n;
    if (_sample_gbs_solve(y, d, 0.0, uT, O->tol, rhs_u, Rf, O->max_steps,
                          &O->steps_fwd, NULL) != 0)
    {
        status = SAMPLE_ESYSTEM;
        goto cleanup;
    }
    /* terminal values from the prior at X_T */
    prior_derivs(W, M, y, y + 2 * d + d * d, y + d, y + 2 * d);
    y[n - 1] = 0.0;
    if (_sample_gbs_solve(y, n, uT, 0.0, O->tol, rhs_u, Rb, O->max_steps,
                          &O->steps_bwd, NULL) != 0)
    {
        status = SAMPLE_ESYSTEM;
        goto cleanup;
    }
    /* The backward pass ends at X_{t0}, a little off x where the flow
       contracts strongly backward (2.5e-7 on the 25-Gaussian between
       modes at tol 1e-12): c_0 is moved to x by its Taylor polynomial of
       degree 2 (G, H at t0 are grad and Hess of c_0 there); c_1 is left,
       its gradient being small wherever its value is. */
    O->x_err = 0.0;
    c[0] = y[n - 2];
    for (i = 0; i < d; i++)
    {
        double di = x[i] - y[i];
        slong j;
        O->x_err = FLINT_MAX(O->x_err, fabs(di));
        c[0] += y[d + i] * di;
        for (j = 0; j < d; j++)
            c[0] += 0.5 * di * y[2 * d + i * d + j] * (x[j] - y[j]);
    }
    c[1] = y[n - 1];
cleanup:
    O->evals = W->evals;
    flint_free(y);
    fast_clear(W);
    return status;
}
