#!/usr/bin/env python3
"""Vectorised numpy version of the sampler timed by b-sample.c: em at h = 0.5
on the 2D 25-Gaussian mixture (means (2i, 2j)/2.828, std 0.05/2.828, equal
weights), SIMPLE schedule on [0.01, 1], exact score by log-sum-exp, prior
N(0, I).  Same discrete step as sample.h:
  x_{n+1} = x_n - [f x_n - (1+h)/2 g^2 s(x_n, t_n)] dt + sqrt(h g^2 dt) z_n.
Usage: b-sample-numpy.py [N [STEPS]].  Prints one line
  numpy: SECONDS s, RATE sample-steps/s (...)
"""
import sys
import time

try:
    import numpy as np
except ImportError:
    print("numpy: not installed, skipped")
    sys.exit(0)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    K = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    h = 0.5
    t0, T = 0.01, 1.0
    g = np.arange(-2, 3)
    means = np.array([(2.0 * i / 2.828, 2.0 * j / 2.828) for i in g for j in g])  # (25, 2)
    var0 = 0.0025 / 2.828 ** 2
    logw = np.full(len(means), -np.log(len(means)))

    rng = np.random.default_rng(1)
    x = rng.standard_normal((n, 2))
    dt = (T - t0) / K
    start = time.perf_counter()
    for k in range(K):
        t = T - k * dt
        f = -10.0 * t
        g2 = 20.0 * t
        a = np.exp(-5.0 * t * t)
        s2 = -np.expm1(-10.0 * t * t)
        v = a * a * var0 + s2
        diff = x[:, None, :] - a * means[None, :, :]        # (n, 25, 2)
        logits = logw - 0.5 * np.einsum("nkd,nkd->nk", diff, diff) / v
        logits -= logits.max(axis=1, keepdims=True)
        r = np.exp(logits)
        r /= r.sum(axis=1, keepdims=True)
        score = -np.einsum("nk,nkd->nd", r, diff) / v
        x = x - (f * x - 0.5 * (1.0 + h) * g2 * score) * dt \
            + np.sqrt(h * g2 * dt) * rng.standard_normal((n, 2))
    el = time.perf_counter() - start
    print("numpy: %.3f s, %.3e sample-steps/s (numpy %s, mean %.3f %.3f)"
          % (el, n * K / el, np.__version__, x[:, 0].mean(), x[:, 1].mean()))


if __name__ == "__main__":
    main()
