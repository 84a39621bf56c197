/*
    Thm. 4.2 (math.md section 7, Eqs. 16-17): the first-order WKB
    coefficient c_1(x0) = dx_T . grad log pi(x_T) + int_0^T div df_PF dt
    computed along the PF trajectory (wkb_gauss1d_c1_thm42, an
    acb_calc_integrate quadrature of the Thm 4.2 integrand) equals
    d/dh log q^h_0(x0) at h = 0 for the section 5.1 model, obtained two other
    ways: (a) the h-series of the exact closed form of log q^h_0
    (wkb_gauss1d_loglik_series, coefficient 1), (b) the chain rule
    c_1 = u_0'(0) (x0^2/(2 u_0^2) - 1/(2 u_0)) with u_0 and u_0'(0) from the
    quadrature route wkb_gauss1d_u0_series_quad (no closed form).
*/
#include "deriv.h"

int
derivation_thm42(void)
{
    slong prec = 128, iter;
    flint_rand_t st;
    static const char * v0s[] = {"0.3", "1.7", "0.05"};
    static const char * epss[] = {"0.1", "-0.2", "0.5", "0"};
    static const char * Ts[] = {"5", "1", "2.5"};
    static const char * betas[] = {"1", "2", "0.5"};

    printf("Thm. 4.2: the first-order coefficient of log q^h_0(x0) = c_0 + h c_1 + O(h^2)\n"
           "given by the PF-trajectory formula (16)-(17) equals d/dh log q^h_0(x0) at h = 0\n"
           "(section 5.1 model, random x0 and model parameters).\n\n");
    flint_randinit(st);
    for (iter = 0; iter < 12; iter++)
    {
        wkb_gauss1d_t M;
        arb_t v0, beta, T, eps, x, c1, c1s, c1q, u0, u1, w;
        arb_poly_t ser;
        int verbose = iter < 3;
        char what[200], * xs;

        wkb_gauss1d_init(M);
        arb_init(v0); arb_init(beta); arb_init(T); arb_init(eps); arb_init(x);
        arb_init(c1); arb_init(c1s); arb_init(c1q); arb_init(u0); arb_init(u1); arb_init(w);
        arb_poly_init(ser);
        arb_set_str(v0, v0s[iter % 3], prec);
        arb_set_str(eps, epss[iter % 4], prec);
        arb_set_str(T, Ts[(iter / 3) % 3], prec);
        arb_set_str(beta, betas[(iter / 4) % 3], prec);
        wkb_gauss1d_set(M, v0, beta, T, eps);
        if (iter % 5 == 4)
            wkb_gauss1d_set_prior_exact(M, prec);
        deriv_rand_point(x, 1, st, prec);

        wkb_gauss1d_c1_thm42(c1, M, x, prec);
        wkb_gauss1d_loglik_series(ser, M, x, 1, prec);
        arb_poly_get_coeff_arb(c1s, ser, 1);
        wkb_gauss1d_u0_series_quad(ser, M, 1, prec);
        arb_poly_get_coeff_arb(u0, ser, 0);
        arb_poly_get_coeff_arb(u1, ser, 1);
        /* c1 = u1 (x^2/(2 u0^2) - 1/(2 u0)) */
        arb_mul(w, x, x, prec);
        arb_div(w, w, u0, prec);
        arb_sub_ui(w, w, 1, prec);
        arb_div(w, w, u0, prec);
        arb_mul_2exp_si(w, w, -1);
        arb_mul(c1q, w, u1, prec);

        xs = arb_get_str(x, 6, ARB_STR_NO_RADIUS);
        snprintf(what, sizeof what, "v0 = %s, beta = %s, T = %s, eps = %s, prior %s, x0 = %s: "
                 "Thm 4.2 vs closed-form h-series", v0s[iter % 3], betas[(iter / 4) % 3],
                 Ts[(iter / 3) % 3], epss[iter % 4], iter % 5 == 4 ? "p_T" : "N(0,1)",
                 xs);
        flint_free(xs);
        deriv_check(what, c1, c1s, -70, verbose);
        deriv_check("  ... vs chain rule on the quadrature u_0(h)", c1, c1q, -70, verbose);

        wkb_gauss1d_clear(M);
        arb_clear(v0); arb_clear(beta); arb_clear(T); arb_clear(eps); arb_clear(x);
        arb_clear(c1); arb_clear(c1s); arb_clear(c1q); arb_clear(u0); arb_clear(u1); arb_clear(w);
        arb_poly_clear(ser);
    }
    flint_randclear(st);
    printf("  (12 random cases checked)\n");
    return deriv_finish();
}

#ifdef DERIVATION_MAIN
int
main(void)
{
    return derivation_thm42();
}
#endif
