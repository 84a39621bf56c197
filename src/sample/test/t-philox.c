/*
    Philox4x32-10 against the Random123 known-answer vectors, and the
    Box-Muller normals: mean, variance, fourth moment and Kolmogorov-Smirnov
    distance against the normal CDF for a fixed seed; uniforms in range.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "diffwkb/sample.h"

static int
cmp_double(const void * a, const void * b)
{
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

int
main(void)
{
    static const uint32_t kat[3][10] = {
        {0, 0, 0, 0, 0, 0, 0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
        {0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
         0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
        {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0,
         0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}
    };
    uint32_t out[4];
    slong i, j, N = 200000;
    double * z, mean, var, m4, D, u[2];
    flint_rand_t state;
    int r;

    printf("philox....");
    fflush(stdout);

    for (r = 0; r < 3; r++)
    {
        sample_philox4x32_10(out, kat[r], kat[r] + 4);
        for (j = 0; j < 4; j++)
            if (out[j] != kat[r][6 + j])
            {
                printf("FAIL: known-answer vector %d word %ld: %08x != %08x\n", r, (long) j,
                       (unsigned) out[j], (unsigned) kat[r][6 + j]);
                return 1;
            }
    }

    /* uniforms: in range for random counters */
    flint_randinit(state);
    for (i = 0; i < 100000; i++)
    {
        uint64_t seed = n_randtest(state), idx = n_randtest(state);
        uint32_t st = (uint32_t) n_randtest(state), lane = (uint32_t) n_randtest(state);
        sample_uniforms(u, seed, idx, st, lane);
        if (!(u[0] > 0.0 && u[0] <= 1.0 && u[1] >= 0.0 && u[1] < 1.0))
        {
            printf("FAIL: uniforms out of range %.17g %.17g\n", u[0], u[1]);
            return 1;
        }
    }
    flint_randclear(state);

    /* normals: N values from sample indices 0..N/3-1, 3 coordinates, step 7 */
    z = (double *) malloc(sizeof(double) * N);
    for (i = 0; i < N / 3; i++)
        sample_normals(z + 3 * i, 3, 12345, (uint64_t) i, 7);
    N = 3 * (N / 3);
    mean = var = m4 = 0.0;
    for (i = 0; i < N; i++)
        mean += z[i];
    mean /= N;
    for (i = 0; i < N; i++)
    {
        double e = z[i] - mean;
        var += e * e;
        m4 += e * e * e * e;
    }
    var /= N - 1;
    m4 /= N;
    /* 5 sigma bands: sd(mean) = 1/sqrt(N), sd(var) = sqrt(2/N), sd(m4) = sqrt(96/N) */
    if (fabs(mean) > 5.0 / sqrt(N) || fabs(var - 1.0) > 5.0 * sqrt(2.0 / N)
        || fabs(m4 - 3.0) > 5.0 * sqrt(96.0 / N))
    {
        printf("FAIL: moments of %ld normals: mean %g var %g m4 %g\n", (long) N, mean, var, m4);
        return 1;
    }
    qsort(z, N, sizeof(double), cmp_double);
    D = 0.0;
    for (i = 0; i < N; i++)
    {
        double F = 0.5 * erfc(-z[i] / sqrt(2.0));
        D = fmax(D, fmax(fabs(F - (double) i / N), fabs((double) (i + 1) / N - F)));
    }
    /* P(sqrt(N) D > 1.95) = 0.001 */
    if (sqrt((double) N) * D > 1.95)
    {
        printf("FAIL: KS distance sqrt(N) D = %g\n", sqrt((double) N) * D);
        return 1;
    }
    printf("  mean %.3g var %.5f m4 %.4f sqrt(N)D %.3f", mean, var, m4, sqrt((double) N) * D);
    free(z);
    flint_cleanup();
    printf("  PASS\n");
    return 0;
}
