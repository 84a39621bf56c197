/*
    diffwkb nll for d = 1 problems without an affine route (mixture data
    or scores): the certified C_0 and C_1 by quadrature (wkb_nll_quad_cn),
    to --digits significant digits, with the --threads of the command.
*/
#include <stdio.h>
#include "cli.h"
#include "diffwkb/wkb.h"

typedef struct
{
    const wkb_nll_quad_opt_struct * opt;
    slong n;             /* the coefficient */
    int last;            /* the percentage shown last */
}
_progress_state;

static void
_progress(void * param, double done)
{
    _progress_state * S = param;
    int pc = (int) (100 * done);
    if (pc == S->last)
        return;
    S->last = pc;
    fprintf(stderr, "\rdiffwkb nll: C_%ld by quadrature on [-%ld, %ld]: %3d%%", (long) S->n,
            (long) S->opt->R, (long) S->opt->R, pc);
    fflush(stderr);
}

/*
    C_n (n = 0 or 1).  With tolq (--tol E) one attempt at the absolute
    tolerance E.  Else the tolerance is 10^-D |C_n| / 3 (the radius of the
    result is at most about 3/4 of it, so the ball has D digits); |C_n| is
    not known before, so the first attempt assumes |C_n| >= 1 and a result
    short of the digits is followed by one with the tolerance scaled by the
    lower bound of |C_n| it found (at most 3 attempts), each at the
    precision of the digits plus 16 bits per attempt.
*/
int
cli_nll_quad(arb_t res, problem_t P, slong n, slong digits, const fmpq_t tolq, int progress,
             char * err, size_t errlen)
{
    wkb_nll_quad_opt_t opt;
    _progress_state S;
    mag_t tol, lo;
    arb_t u;
    slong prec = FLINT_MAX(64, cli_prec_for_digits(digits)), attempt;
    int status = CLI_EINPUT, st;

    mag_init(tol);
    mag_init(lo);
    arb_init(u);
    if (tolq != NULL)
    {
        /* --tol E: E as a lower bound (the radius stays within about 3E/4) */
        arb_set_fmpq(u, tolq, 64);
        arb_get_mag_lower(tol, u);
    }
    else
    {
        /* 10^-D / 3 as an upper bound */
        arb_set_ui(u, 10);
        arb_pow_ui(u, u, digits, 64 + 4 * digits);
        arb_mul_ui(u, u, 3, 64 + 4 * digits);
        arb_get_mag_lower(lo, u);
        mag_one(tol);
        mag_div_lower(tol, tol, lo);
    }

    for (attempt = 0; attempt < 3; attempt++)
    {
        problem_set_prec(P, prec);
        wkb_nll_quad_opt_init(opt);
        opt->threads = flint_get_num_threads();   /* --threads */
        if (progress)
        {
            S.opt = opt;
            S.n = n;
            S.last = -1;
            opt->progress = _progress;
            opt->progress_param = &S;
        }
        st = wkb_nll_quad_cn(res, P, n, tol, opt, prec);
        if (progress)
            fprintf(stderr, "\rdiffwkb nll: C_%ld by quadrature on [-%ld, %ld]: %ld subintervals "
                    "(%ld by Taylor models)\n", (long) n, (long) opt->R, (long) opt->R,
                    (long) opt->intervals, (long) opt->solved);
        if (st != WKB_OK)
        {
            snprintf(err, errlen, "nll: the d = 1 quadrature of C_%ld failed (%s at %ld bits)",
                     (long) n, opt->R == 0 ? "no finite tail bound" :
                     "tails above the tolerance at every range, a subinterval without a "
                     "finite enclosure, or too many subintervals", (long) prec);
            break;
        }
        if (tolq != NULL || cli_arb_is_accurate(res, digits))
        {
            status = CLI_OK;
            break;
        }
        /* scale the tolerance by a lower bound of |C_n| */
        arb_get_mag_lower(lo, res);
        if (mag_is_zero(lo))
            mag_mul_2exp_si(tol, tol, -10);
        else
        {
            mag_mul_lower(tol, tol, lo);
            mag_mul_2exp_si(tol, tol, -1);
        }
        prec += 16;
        if (attempt == 2)
            snprintf(err, errlen, "nll: could not reach %ld digits of C_%ld by the d = 1 "
                     "quadrature (3 attempts, the last at %ld bits)", (long) digits, (long) n,
                     (long) prec - 16);
    }
    mag_clear(tol);
    mag_clear(lo);
    arb_clear(u);
    return status;
}
