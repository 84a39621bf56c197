/*
    t-read: problem_read_string reads random problems exactly.

    Random problems (dimension 1..3, every schedule, Gaussian or mixture
    data, every score type, numbers written as JSON numbers, decimal
    strings or p/q quotients) are generated together with the exact
    rationals they denote; every ball read must contain its rational, at
    two precisions (problem_set_prec), the higher one giving radii below
    2^(-prec+8) relative.  A table of malformed problems must fail with
    DIFFWKB_EINPUT, leave the problem unchanged, and name the field.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diffwkb/problem.h"

/* a growing text buffer */
typedef struct { char * s; size_t n, cap; } buf_t;

static void
put(buf_t * b, const char * s)
{
    size_t k = strlen(s);
    if (b->n + k + 1 > b->cap)
    {
        b->cap = 2 * (b->n + k + 1);
        b->s = realloc(b->s, b->cap);
    }
    memcpy(b->s + b->n, s, k + 1);
    b->n += k;
}

/* write x (a random rational with a decimal-friendly denominator when
   as_quot = 0) in a random form, and set x */
static void
put_num(buf_t * b, fmpq_t x, flint_rand_t state, int positive)
{
    char tmp[200];
    int form = n_randint(state, 4);
    slong m = n_randint(state, 2000) + (positive ? 1 : 0);
    slong e = n_randint(state, 4);
    slong q = n_randint(state, 97) + 1;

    if (!positive && n_randint(state, 2))
        m = -m;
    if (form == 3)
    {
        /* a quotient of decimals: m / (q/10) */
        sprintf(tmp, "\"%ld/%ld.%ld\"", (long) m, (long) (q / 10), (long) (q % 10));
        fmpq_set_si(x, m * 10, q);
        put(b, tmp);
        return;
    }
    /* m * 10^-e as a decimal: string or JSON number */
    {
        char d[64];
        slong am = m < 0 ? -m : m, p = 1, i;
        for (i = 0; i < e; i++)
            p *= 10;
        if (e == 0)
            sprintf(d, "%s%ld", m < 0 ? "-" : "", (long) am);
        else
            sprintf(d, "%s%ld.%0*ld", m < 0 ? "-" : "", (long) (am / p), (int) e, (long) (am % p));
        if (form == 0)
            sprintf(tmp, "\"%s\"", d);
        else if (form == 1)
            sprintf(tmp, "%s", d);
        else
            sprintf(tmp, "\"%ld%se-%ld\"", (long) m, "", (long) e);
        fmpq_set_si(x, m, p);
        put(b, tmp);
    }
}

/* an SPD matrix S = diag + small off-diagonal (diagonally dominant) */
static void
put_cov(buf_t * b, fmpq * S, slong d, flint_rand_t state)
{
    slong i, j;
    char tmp[64];
    for (i = 0; i < d; i++)
        for (j = 0; j <= i; j++)
        {
            if (i == j)
                fmpq_set_si(S + i * d + i, 3 * d + n_randint(state, 100), 1 + n_randint(state, 4));
            else
            {
                fmpq_set_si(S + i * d + j, (slong) n_randint(state, 11) - 5, 10);
                fmpq_set(S + j * d + i, S + i * d + j);
            }
        }
    put(b, "[");
    for (i = 0; i < d; i++)
    {
        put(b, i ? ",[" : "[");
        for (j = 0; j < d; j++)
        {
            char * s = fmpq_get_str(NULL, 10, S + i * d + j);
            sprintf(tmp, "%s\"%s\"", j ? "," : "", s);
            flint_free(s);
            put(b, tmp);
        }
        put(b, "]");
    }
    put(b, "]");
}

static int
contains(const arb_t x, const fmpq_t q, slong prec, const char * what, const char * text)
{
    arb_t y;
    int ok;
    arb_init(y);
    arb_set_fmpq(y, q, 2 * prec);
    ok = arb_contains_fmpq(x, q);
    /* radius at most about 2^-prec relative */
    if (ok && !fmpq_is_zero(q))
    {
        ok = arb_rel_accuracy_bits(x) >= prec - 8;
    }
    if (!ok)
    {
        flint_printf("FAIL: %s at prec %wd: ball ", what, prec);
        arb_printd(x, 30);
        flint_printf(" vs exact ");
        fmpq_print(q);
        flint_printf("\nproblem: %s\n", text);
    }
    arb_clear(y);
    return ok;
}

typedef struct
{
    slong d, n;
    fmpq * w, * m, * S;
}
law_t;

static void
put_law(buf_t * b, law_t * L, slong d, flint_rand_t state)
{
    slong k, i, n = n_randint(state, 3) + 1;
    char tmp[64];
    fmpq_t sum;

    L->d = d;
    L->n = n;
    L->w = _fmpq_vec_init(n);
    L->m = _fmpq_vec_init(n * d);
    L->S = _fmpq_vec_init(n * d * d);
    if (n == 1 && n_randint(state, 2))
    {
        fmpq_one(L->w);
        put(b, "\"type\":\"gaussian\",\"mean\":[");
        for (i = 0; i < d; i++)
        {
            if (i) put(b, ",");
            put_num(b, L->m + i, state, 0);
        }
        put(b, "],\"cov\":");
        put_cov(b, L->S, d, state);
        return;
    }
    /* weights c_k / C as "c_k/C" */
    {
        slong c[3], C = 0;
        for (k = 0; k < n; k++)
            C += (c[k] = 1 + n_randint(state, 9));
        put(b, "\"type\":\"mixture\",\"weights\":[");
        fmpq_init(sum);
        for (k = 0; k < n; k++)
        {
            sprintf(tmp, "%s\"%ld/%ld\"", k ? "," : "", (long) c[k], (long) C);
            put(b, tmp);
            fmpq_set_si(L->w + k, c[k], C);
        }
        fmpq_clear(sum);
    }
    put(b, "],\"means\":[");
    for (k = 0; k < n; k++)
    {
        put(b, k ? ",[" : "[");
        for (i = 0; i < d; i++)
        {
            if (i) put(b, ",");
            put_num(b, L->m + k * d + i, state, 0);
        }
        put(b, "]");
    }
    put(b, "],\"covs\":[");
    for (k = 0; k < n; k++)
    {
        if (k) put(b, ",");
        put_cov(b, L->S + k * d * d, d, state);
    }
    put(b, "]");
}

static void
law_clear(law_t * L)
{
    _fmpq_vec_clear(L->w, L->n);
    _fmpq_vec_clear(L->m, L->n * L->d);
    _fmpq_vec_clear(L->S, L->n * L->d * L->d);
}

static int
check_law(const target_struct * T, const law_t * L, slong prec, const char * what,
          const char * text)
{
    slong k, i, j, d = L->d;
    int ok = 1;
    if (T->d != L->d || T->n != L->n)
    {
        flint_printf("FAIL: %s: d, n = %wd, %wd, expected %wd, %wd\n%s\n", what, T->d, T->n,
                     L->d, L->n, text);
        return 0;
    }
    for (k = 0; k < L->n && ok; k++)
    {
        ok &= contains(T->w + k, L->w + k, prec, what, text);
        for (i = 0; i < d; i++)
            ok &= contains(T->m + k * d + i, L->m + k * d + i, prec, what, text);
        for (i = 0; i < d; i++)
            for (j = 0; j < d; j++)
                ok &= contains(arb_mat_entry(T->S + k, i, j), L->S + k * d * d + i * d + j,
                               prec, what, text);
    }
    return ok;
}

/* malformed problems: text, expected substring of the message */
static const char * bad[][2] = {
    {"", "empty"},
    {"{", "invalid JSON"},
    {"[1]", "top level"},
    {"{\"sde\":{\"schedule\":\"const\",\"T\":1},\"data\":{\"type\":\"gaussian\",\"mean\":[0],\"cov\":[[1]]}}", "dim:"},
    {"{\"dim\":1,\"data\":{\"type\":\"gaussian\",\"mean\":[0],\"cov\":[[1]]}}", "sde:"},
    {"{\"dim\":1,\"sde\":{\"schedule\":\"const\"},\"data\":{\"type\":\"gaussian\",\"mean\":[0],\"cov\":[[1]]}}", "sde.T:"},
    {"{\"dim\":1,\"sde\":{\"schedule\":\"cosin\"},\"data\":{\"type\":\"gaussian\",\"mean\":[0],\"cov\":[[1]]}}", "sde.schedule: unknown schedule 'cosin'"},
    {"{\"dim\":1,\"sde\":{\"schedule\":\"const\",\"T\":1},\"data\":{\"type\":\"gaussian\",\"mean\":[0,1],\"cov\":[[1]]}}", "data.mean:"},
    {"{\"dim\":2,\"sde\":{\"schedule\":\"const\",\"T\":1},\"data\":{\"type\":\"gaussian\",\"mean\":[0,1],\"cov\":[[1,0.5],[0.4,1]]}}", "data.cov[0][1]: covariance is not symmetric"},
    {"{\"dim\":2,\"sde\":{\"schedule\":\"const\",\"T\":1},\"data\":{\"type\":\"gaussian\",\"mean\":[0,1],\"cov\":[[1,2],[2,1]]}}", "data.cov: covariance is not positive definite"},
    {"{\"dim\":1,\"sde\":{\"schedule\":\"const\",\"T\":1},\"data\":{\"type\":\"mixture\",\"weights\":[\"1/3\",\"0.6667\"],\"means\":[[0],[1]],\"covs\":[[[1]],[[1]]]}}", "data.weights:"},
    {"{\"dim\":1,\"sde\":{\"schedule\":\"cosine\",\"T\":1},\"data\":{\"type\":\"gaussian\",\"mean\":[0],\"cov\":[[1]]}}", "sde.T:"},
    {"{\"dim\":1,\"sde\":{\"schedule\":\"const\",\"T\":1,\"t0\":1},\"data\":{\"type\":\"gaussian\",\"mean\":[0],\"cov\":[[1]]}}", "sde.T:"},
    {"{\"dim\":1,\"sde\":{\"schedule\":\"const\",\"T\":1},\"data\":{\"type\":\"gaussian\",\"mean\":[\"abc\"],\"cov\":[[1]]}}", "data.mean[0]:"},
    {"{\"dim\":1,\"sde\":{\"schedule\":\"const\",\"T\":1},\"data\":{\"type\":\"gaussian\",\"mean\":[NaN],\"cov\":[[1]]}}", "data.mean[0]:"},
    {"{\"dim\":1,\"sde\":{\"schedule\":\"const\",\"T\":1},\"data\":{\"type\":\"gaussian\",\"mean\":[99999999999999999999],\"cov\":[[1]]}}", "data.mean[0]: integer too large"},
    {"{\"dim\":1,\"sde\":{\"schedule\":\"const\",\"T\":1},\"data\":{\"type\":\"gaussian\",\"mean\":[0],\"cov\":[[1]]},\"scor\":{}}", "scor: unknown key"},
    {"{\"dim\":1,\"sde\":{\"schedule\":\"const\",\"T\":1,\"b0\":1},\"data\":{\"type\":\"gaussian\",\"mean\":[0],\"cov\":[[1]]}}", "sde.b0: unknown key"},
    {"{\"dim\":1,\"sde\":{\"schedule\":\"const\",\"T\":1},\"data\":{\"type\":\"gaussian\",\"mean\":[0],\"cov\":[[1]]},\"score\":{\"type\":\"scaled\"}}", "score.eps:"},
    {"{\"dim\":1,\"sde\":{\"schedule\":\"const\",\"T\":1},\"data\":{\"type\":\"gaussian\",\"mean\":[0],\"cov\":[[1]]},\"prior\":{\"type\":\"uniform\"}}", "prior.type:"},
    {"{\"dim\":1,\"sde\":{\"schedule\":\"const\",\"T\":1},\"data\":{\"type\":\"gaussian\",\"mean\":[0],\"cov\":[[1]]}} x", "invalid JSON"},
    {NULL, NULL}
};

int
main(void)
{
    flint_rand_t state;
    slong iter, i;
    int ok = 1;
    char err[512];

    flint_randinit(state);

    for (iter = 0; iter < 300 && ok; iter++)
    {
        buf_t b = {NULL, 0, 0};
        problem_t P;
        slong d = n_randint(state, 3) + 1, prec = 32 + n_randint(state, 100), p;
        int sched = n_randint(state, 6), sc = n_randint(state, 5), r;
        fmpq_t beta, u, v, T, t0, eps;
        law_t data, other;
        fmpq * A = _fmpq_vec_init(d * d), * bb = _fmpq_vec_init(d);
        char tmp[128];
        static const char * names[] = {"const", "vp", "simple", "cosine", "ve", "subvp"};

        fmpq_init(beta); fmpq_init(u); fmpq_init(v); fmpq_init(T); fmpq_init(t0); fmpq_init(eps);
        sprintf(tmp, "{\"dim\":%ld,\"sde\":{\"schedule\":\"%s\"", (long) d, names[sched]);
        put(&b, tmp);
        /* t0 in [0, 1/10), T = 1/2 + k/1000 < 1 */
        put(&b, ",\"t0\":");
        fmpq_set_si(t0, n_randint(state, 100), 1000);
        {
            char * s = fmpq_get_str(NULL, 10, t0);
            sprintf(tmp, "\"%s\"", s);
            flint_free(s);
            put(&b, tmp);
        }
        fmpq_set_si(T, 500 + n_randint(state, 499), 1000);
        sprintf(tmp, ",\"T\":\"%ld/1000\"", (long) fmpz_get_si(fmpq_numref(T)) * (1000 / fmpz_get_si(fmpq_denref(T))));
        put(&b, tmp);
        if (sched == 0)
        {
            put(&b, ",\"beta\":");
            put_num(&b, beta, state, 1);
        }
        else if (sched == 1 || sched == 5)
        {
            put(&b, ",\"b0\":");
            put_num(&b, u, state, 1);
            put(&b, ",\"b1\":");
            put_num(&b, v, state, 1);
        }
        else if (sched == 4)
        {
            fmpq_set_si(u, 1 + n_randint(state, 50), 100);
            fmpq_set_si(v, 51 + n_randint(state, 5000), 100);
            /* smax as a plain JSON number with two decimals */
            {
                char * su = fmpq_get_str(NULL, 10, u);
                fmpz_t vv;
                fmpz_init(vv);
                fmpz_mul_ui(vv, fmpq_numref(v), 100);
                fmpz_divexact(vv, vv, fmpq_denref(v));
                sprintf(tmp, ",\"smin\":\"%s\",\"smax\":%ld.%02ld", su,
                        (long) (fmpz_get_si(vv) / 100), (long) (fmpz_get_si(vv) % 100));
                flint_free(su);
                fmpz_clear(vv);
            }
            put(&b, tmp);
        }
        put(&b, "},\"data\":{");
        put_law(&b, &data, d, state);
        put(&b, "}");
        other.n = 0;
        if (sc == 1)
        {
            put(&b, ",\"score\":{\"type\":\"scaled\",\"eps\":");
            do
            {
                buf_t t = {NULL, 0, 0};
                put_num(&t, eps, state, 0);
                if (fmpq_cmp_si(eps, -1) > 0)
                {
                    put(&b, t.s);
                    free(t.s);
                    break;
                }
                free(t.s);
            } while (1);
            put(&b, "}");
        }
        else if (sc == 2)
        {
            put(&b, ",\"score\":{");
            put_law(&b, &other, d, state);
            put(&b, "}");
        }
        else if (sc == 3)
        {
            put(&b, ",\"score\":{\"type\":\"affine\",\"A\":[");
            for (i = 0; i < d * d; i++)
            {
                put(&b, i % d == 0 ? (i ? "],[" : "[") : ",");
                put_num(&b, A + i, state, 0);
            }
            put(&b, "]],\"b\":[");
            for (i = 0; i < d; i++)
            {
                if (i) put(&b, ",");
                put_num(&b, bb + i, state, 0);
            }
            put(&b, "]}");
        }
        else if (sc == 4)
            put(&b, ",\"score\":{\"type\":\"exact\"},\"prior\":{\"type\":\"marginal\"}");
        put(&b, "}");

        problem_init(P);
        r = problem_read_string(P, b.s, err, sizeof(err), prec);
        if (r != 0)
        {
            /* vp/subvp with b(T) <= 0 is a legitimate rejection */
            if ((sched == 1 || sched == 5) && strstr(err, "sde.b1") != NULL)
                goto next;
            flint_printf("FAIL: read error '%s'\n%s\n", err, b.s);
            ok = 0;
            goto next;
        }
        if (getenv("T_READ_VERBOSE") && iter < 8)
            flint_printf("%s\n", b.s);
        for (p = prec; p <= 4 * prec && ok; p += 3 * prec)
        {
            if (p != prec)
                problem_set_prec(P, p);
            ok &= (P->dim == d && P->prec == p);
            ok &= contains(P->t0, t0, p, "t0", b.s);
            ok &= contains(P->T, T, p, "T", b.s);
            ok &= (fmpq_equal(P->t0_exact, t0) && fmpq_equal(P->T_exact, T));
            ok &= ((int) P->sde->type == sched);
            if (sched == 0)
                ok &= contains(P->sde->beta, beta, p, "beta", b.s);
            if (sched == 1 || sched == 5)
            {
                ok &= contains(P->sde->b0, u, p, "b0", b.s);
                ok &= contains(P->sde->b1, v, p, "b1", b.s);
            }
            if (sched == 4)
            {
                ok &= contains(P->sde->smin, u, p, "smin", b.s);
                ok &= contains(P->sde->smax, v, p, "smax", b.s);
            }
            ok &= check_law(P->data, &data, p, "data", b.s);
            if (sc == 1)
                ok &= (P->score->type == SCORE_SCALED) && contains(P->score->eps, eps, p, "eps", b.s);
            if (sc == 2)
                ok &= (P->score->type == SCORE_OTHER) && check_law(P->score->other, &other, p, "score", b.s);
            if (sc == 3)
            {
                ok &= (P->score->type == SCORE_AFFINE);
                for (i = 0; i < d * d; i++)
                    ok &= contains(arb_mat_entry(P->score->A, i / d, i % d), A + i, p, "A", b.s);
                for (i = 0; i < d; i++)
                    ok &= contains(P->score->b + i, bb + i, p, "b", b.s);
            }
            ok &= (P->prior == (sc == 4 ? PRIOR_MARGINAL : PRIOR_NORMAL));
            if (sc == 0 || sc == 4)
                ok &= (P->score->type == SCORE_EXACT);
            if (!ok)
                flint_printf("FAIL: iteration %wd at prec %wd\n%s\n", iter, p, b.s);
        }

        /* a failed read leaves P unchanged */
        if (ok)
        {
            r = problem_read_string(P, bad[iter % 20][0], err, sizeof(err), prec);
            if (r != DIFFWKB_EINPUT || P->dim != d || !check_law(P->data, &data, 4 * prec, "kept", b.s))
            {
                flint_printf("FAIL: failed read changed the problem\n");
                ok = 0;
            }
        }
    next:
        problem_clear(P);
        law_clear(&data);
        if (other.n)
            law_clear(&other);
        _fmpq_vec_clear(A, d * d);
        _fmpq_vec_clear(bb, d);
        fmpq_clear(beta); fmpq_clear(u); fmpq_clear(v); fmpq_clear(T); fmpq_clear(t0); fmpq_clear(eps);
        free(b.s);
    }

    /* malformed problems */
    for (i = 0; bad[i][0] != NULL && ok; i++)
    {
        problem_t P;
        int r;
        problem_init(P);
        r = problem_read_string(P, bad[i][0], err, sizeof(err), 64);
        if (r != DIFFWKB_EINPUT || strstr(err, bad[i][1]) == NULL || strchr(err, '\n') != NULL
            || P->dim != 0)
        {
            flint_printf("FAIL: bad problem %wd: code %d, message '%s', expected '%s'\n%s\n",
                         i, r, err, bad[i][1], bad[i][0]);
            ok = 0;
        }
        problem_clear(P);
    }

    flint_randclear(state);
    flint_cleanup();
    if (!ok)
        return 1;
    flint_printf("PASS\n");
    return 0;
}
