/* tjet_ctx_init, tjet_ctx_clear: a tjet context is a jet context (not
   owned, it must outlive the tjet context) and the tau-length L >= 1. */
#include "diffwkb/tjet.h"

void
tjet_ctx_init(tjet_ctx_t ctx, const jet_ctx_t jctx, slong L)
{
    if (L < 1)
    {
        flint_printf("tjet_ctx_init: need L >= 1\n");
        flint_abort();
    }
    ctx->jctx = jctx;
    ctx->L = L;
}

void
tjet_ctx_clear(tjet_ctx_t ctx)
{
    ctx->jctx = NULL;
    ctx->L = 0;
}
