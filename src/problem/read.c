/*
    problem_read_string, problem_read_file, problem_set_prec: read a problem
    file into balls that contain its exact rationals.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include "internal.h"

void
_problem_exact_build(problem_t P, const problem_exact_t E, slong prec)
{
    slong d = E->dim, i, j;
    arb_t u, v;

    arb_init(u);
    arb_init(v);
    P->dim = d;
    P->prec = prec;
    fmpq_set(P->t0_exact, E->t0);
    fmpq_set(P->T_exact, E->T);
    arb_set_fmpq(P->t0, E->t0, prec);
    arb_set_fmpq(P->T, E->T, prec);

    switch (E->sched)
    {
        case SCHED_CONST:
            arb_set_fmpq(u, E->beta, prec);
            sched_set_const(P->sde, u);
            break;
        case SCHED_VP:
            arb_set_fmpq(u, E->b0, prec);
            arb_set_fmpq(v, E->b1, prec);
            sched_set_vp(P->sde, u, v);
            break;
        case SCHED_SUBVP:
            arb_set_fmpq(u, E->b0, prec);
            arb_set_fmpq(v, E->b1, prec);
            sched_set_subvp(P->sde, u, v);
            break;
        case SCHED_SIMPLE:
            sched_set_simple(P->sde);
            break;
        case SCHED_COSINE:
            sched_set_cosine(P->sde);
            break;
        case SCHED_VE:
            arb_set_fmpq(u, E->smin, prec);
            arb_set_fmpq(v, E->smax, prec);
            sched_set_ve(P->sde, u, v);
            break;
    }

    P->data = flint_malloc(sizeof(target_struct));
    _problem_law_build(P->data, E->data, prec);

    score_clear(P->score);
    score_init(P->score, d);
    switch (E->score)
    {
        case SCORE_EXACT:
            score_set_exact(P->score);
            break;
        case SCORE_SCALED:
            arb_set_fmpq(u, E->eps, prec);
            score_set_scaled(P->score, u);
            break;
        case SCORE_OTHER:
        {
            target_t Q;
            _problem_law_build(Q, E->other, prec);
            score_set_other(P->score, Q);
            target_clear(Q);
            break;
        }
        case SCORE_AFFINE:
        {
            arb_mat_t A;
            arb_ptr b = _arb_vec_init(d);
            arb_mat_init(A, d, d);
            for (i = 0; i < d; i++)
            {
                arb_set_fmpq(b + i, E->b + i, prec);
                for (j = 0; j < d; j++)
                    arb_set_fmpq(arb_mat_entry(A, i, j), E->A + i * d + j, prec);
            }
            score_set_affine(P->score, A, b);
            arb_mat_clear(A);
            _arb_vec_clear(b, d);
            break;
        }
    }
    P->prior = E->prior;
    arb_clear(u);
    arb_clear(v);
}

int
problem_read_string(problem_t P, const char * text, char * err, size_t errlen, slong prec)
{
    problem_exact_t E;
    problem_rd_struct rd;
    problem_t Q;
    int r;

    rd.err = err;
    rd.errlen = errlen;
    if (err != NULL && errlen > 0)
        err[0] = '\0';
    if (text == NULL)
        return _problem_fail(&rd, NULL, "no problem text");

    _problem_exact_init(E);
    r = _problem_exact_read(E, text, &rd);
    if (r == 0)
    {
        size_t n = strlen(text);
        problem_init(Q);
        _problem_exact_build(Q, E, prec);
        Q->json_text = malloc(n + 1);
        memcpy(Q->json_text, text, n + 1);
        problem_swap(P, Q);
        problem_clear(Q);
    }
    _problem_exact_clear(E);
    return r;
}

int
problem_read_file(problem_t P, const char * path, char * err, size_t errlen, slong prec)
{
    problem_rd_struct rd;
    FILE * f;
    char * buf;
    size_t n = 0, cap = 4096, got;
    int r;

    rd.err = err;
    rd.errlen = errlen;
    if (err != NULL && errlen > 0)
        err[0] = '\0';
    f = fopen(path, "rb");
    if (f == NULL)
        return _problem_fail(&rd, NULL, "cannot open file: %s", strerror(errno));
    buf = malloc(cap + 1);
    for (;;)
    {
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n > PROBLEM_MAX_FILE_SIZE)
        {
            free(buf);
            fclose(f);
            return _problem_fail(&rd, NULL, "problem file too large (more than %d bytes)",
                                 PROBLEM_MAX_FILE_SIZE);
        }
        if (n < cap)
        {
            if (ferror(f))
            {
                free(buf);
                fclose(f);
                return _problem_fail(&rd, NULL, "cannot read file (is it a directory?)");
            }
            if (feof(f))
                break;
            continue;
        }
        cap *= 2;
        buf = realloc(buf, cap + 1);
    }
    fclose(f);
    buf[n] = '\0';
    if (memchr(buf, '\0', n) != NULL)
    {
        free(buf);
        return _problem_fail(&rd, NULL, "not a text file (contains a NUL byte)");
    }
    r = problem_read_string(P, buf, err, errlen, prec);
    free(buf);
    return r;
}

void
problem_set_prec(problem_t P, slong prec)
{
    problem_exact_t E;
    problem_rd_struct rd;
    problem_t Q;
    char * text;

    if (P->dim == 0 || P->json_text == NULL)
        return;
    rd.err = NULL;
    rd.errlen = 0;
    _problem_exact_init(E);
    if (_problem_exact_read(E, P->json_text, &rd) == 0)
    {
        problem_init(Q);
        _problem_exact_build(Q, E, prec);
        text = P->json_text;
        P->json_text = NULL;
        Q->json_text = text;
        problem_swap(P, Q);
        problem_clear(Q);
    }
    _problem_exact_clear(E);
}
