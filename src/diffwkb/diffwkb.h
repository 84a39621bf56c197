/*
    diffwkb.h: certified path-integral numerics for diffusion models.
    Include this one header to get the whole library.
*/
#ifndef DIFFWKB_H
#define DIFFWKB_H

#include "diffwkb/flintdeps.h"
#include "sched.h"
#include "jet.h"
#include "target.h"
#include "score.h"
#include "problem.h"
#include "tjet.h"
#include "ode.h"
#include "wkb.h"
#include "flow.h"
#include "action.h"
#include "sample.h"
#include "validate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library version, "MAJOR.MINOR.PATCH". */
const char * diffwkb_version(void);

#ifdef __cplusplus
}
#endif

#endif
