/*
    derivations.h: the table of derivation checks (one per result of the
    paper), shared by `diffwkb derive` and the check programs.
*/
#ifndef DIFFWKB_DERIVATIONS_H
#define DIFFWKB_DERIVATIONS_H

typedef struct
{
    const char * name;
    const char * result;      /* the paper's label */
    const char * statement;   /* one line */
    int (*run)(void);         /* prints its report; 0 PASS, 1 FAIL */
}
derivation_entry;

/* NULL-terminated table, in the order of the paper. */
extern const derivation_entry derivation_table[];

int derivation_prop31(void);
int derivation_prop32(void);
int derivation_prop33(void);
int derivation_eq9(void);
int derivation_eq11(void);
int derivation_thm41(void);
int derivation_thm42(void);
int derivation_sec51(void);

#endif
