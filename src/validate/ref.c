/*
    validate_ref_*: the certified reference law of a problem (see validate.h).
*/
#include <string.h>
#include "diffwkb/validate.h"

void
validate_ref_init(validate_ref_t R)
{
    R->kind = VALIDATE_REF_NONE;
    R->d = 0;
    R->has_discrete = 0;
    target_init(R->law, 1, 1);
    target_init(R->cont, 1, 1);
    target_init(R->data, 1, 1);
    R->problem = NULL;
    R->note[0] = '\0';
}

void
validate_ref_clear(validate_ref_t R)
{
    target_clear(R->law);
    target_clear(R->cont);
    target_clear(R->data);
}

const char *
validate_ref_name(validate_ref_kind kind)
{
    switch (kind)
    {
        case VALIDATE_REF_AFFINE: return "affine-gaussian";
        case VALIDATE_REF_MARGINAL: return "data-marginal";
        case VALIDATE_REF_FLOW: return "pf-flow-cdf";
        default: return "none";
    }
}

int
validate_ref_set_problem(validate_ref_t R, const problem_t P, const fmpq_t hq, int method,
                         slong K, slong prec)
{
    slong d = P->dim;
    arb_t h, a, s2;
    int status = 0;

    arb_init(h);
    arb_init(a);
    arb_init(s2);
    arb_set_fmpq(h, hq, prec);
    R->d = d;
    R->has_discrete = 0;
    R->problem = P;
    R->note[0] = '\0';
    target_clear(R->data);
    target_init(R->data, P->data->d, P->data->n);
    target_set(R->data, P->data);

    if (wkb_affine_problem_applies(P))
    {
        wkb_affine_t M;
        arb_ptr mu = _arb_vec_init(d);
        arb_mat_t Sigma;
        arb_mat_init(Sigma, d, d);
        wkb_affine_init(M, d);
        R->kind = VALIDATE_REF_AFFINE;
        if (!wkb_affine_set_problem(M, P, prec)
            || wkb_affine_moments(mu, Sigma, M, h, prec) != WKB_OK)
        {
            snprintf(R->note, sizeof(R->note),
                     "the moment ODE of the affine route failed (no certified law)");
            status = 2;
        }
        else
        {
            validate_mix_set_gauss(R->cont, mu, Sigma, d);
            validate_mix_set_gauss(R->law, mu, Sigma, d);
            if (K > 0 && method >= 0 && method != SAMPLE_PF_RK45)
            {
                if (validate_discrete_moments(mu, Sigma, M, (sample_method) method, h, K, prec))
                {
                    snprintf(R->note, sizeof(R->note),
                             "the discrete law of the scheme could not be enclosed");
                    status = 2;
                }
                else
                {
                    validate_mix_set_gauss(R->law, mu, Sigma, d);
                    R->has_discrete = 1;
                }
            }
            else if (method == SAMPLE_PF_RK45)
                snprintf(R->note, sizeof(R->note),
                         "adaptive pf-rk45 has no fixed grid: compared with the continuous law");
            else
                snprintf(R->note, sizeof(R->note),
                         "no --steps/--method: compared with the continuous law "
                         "(a finite-step sampler's bias counts against it)");
        }
        wkb_affine_clear(M);
        _arb_vec_clear(mu, d);
        arb_mat_clear(Sigma);
    }
    else if (P->score->type == SCORE_EXACT && P->prior == PRIOR_MARGINAL)
    {
        R->kind = VALIDATE_REF_MARGINAL;
        sched_a(a, P->sde, P->t0, prec);
        sched_s2(s2, P->sde, P->t0, prec);
        validate_mix_marginal(R->law, P->data, a, s2, prec);
        snprintf(R->note, sizeof(R->note),
                 "exact score from the exact marginal: the law is p_t0 for every h; "
                 "finite-step bias is not modelled");
    }
    else if (d == 1 && fmpq_is_zero(hq))
    {
        R->kind = VALIDATE_REF_FLOW;
        snprintf(R->note, sizeof(R->note),
                 "h = 0: CDF through the validated PF flow map (KS only); "
                 "finite-step bias is not modelled");
    }
    else
    {
        R->kind = VALIDATE_REF_NONE;
        snprintf(R->note, sizeof(R->note),
                 "no certified reference law: the score is not affine, the prior is not the "
                 "exact marginal with the exact score, and h > 0 or dim > 1");
        status = 1;
    }
    arb_clear(h);
    arb_clear(a);
    arb_clear(s2);
    return status;
}
