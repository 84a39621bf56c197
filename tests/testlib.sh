# testlib.sh: set-up and shell helpers shared by the CLI tests (sourced, not
# run).  Sourcing it checks DIFFWKB and srcdir, makes the scratch directory
# $tmp (removed on exit), sets ex (the examples), fail=0 and n=0, and skips
# the test (exit 77) when bc is missing.  $tmp/defs may hold bc definitions
# used by the expressions of `contains`.
: "${DIFFWKB:?DIFFWKB must point to the diffwkb program}"
: "${srcdir:?srcdir must point to the source tree}"
ex="$srcdir/examples"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/diffwkb-test.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
n=0
if ! command -v bc >/dev/null 2>&1; then
    echo "SKIP: bc not found"
    exit 77
fi

# bc text for a number printed by Arb ("1.5e-17" -> "1.5*10^(-17)")
tobc() {
    echo "$1" | sed -e 's/[eE]\([-+]\{0,1\}\)\([0-9][0-9]*\)/*10^(\1\2)/' -e 's/(+/(/'
}

# contains WHAT BALL EXPR: the ball [mid +/- rad] (or an exact number)
# contains the value of the bc expression EXPR.
contains() {
    what=$1
    ball=$2
    expr=$3
    n=$((n + 1))
    case "$ball" in
        "[+/- "*"]")
            mid=0
            rad=$(echo "$ball" | sed 's/^\[+\/- \(.*\)\]$/\1/') ;;
        "["*" +/- "*"]")
            mid=$(echo "$ball" | sed 's/^\[\(.*\) +\/- .*\]$/\1/')
            rad=$(echo "$ball" | sed 's/^.* +\/- \(.*\)\]$/\1/') ;;
        "")
            echo "FAIL: $what: no value printed"; fail=1; return ;;
        *)
            mid=$ball
            rad=0 ;;
    esac
    mid=$(tobc "$mid")
    rad=$(tobc "$rad")
    r=$(printf '%s\n' "scale=100" "pi=4*a(1)" "define ab(x) { if (x < 0) return -x; return x; }" \
        "$(cat "$tmp/defs" 2>/dev/null)" "v=$expr" "ab(($mid) - v) <= ($rad)" | BC_LINE_LENGTH=0 bc -l)
    if [ "$r" != 1 ]; then
        v=$(printf '%s\n' "scale=40" "pi=4*a(1)" "$(cat "$tmp/defs" 2>/dev/null)" "$expr" | BC_LINE_LENGTH=0 bc -l)
        echo "FAIL: $what: $ball does not contain $expr = $v"
        fail=1
    fi
}

# field NAME FILE: the value printed as "NAME = value" in text output
field() {
    sed -n "s/^$1 = //p" "$2"
}

# run CMD ARGS...: diffwkb CMD ARGS, must exit 0
run() {
    cmd=$1
    shift
    "$DIFFWKB" "$cmd" "$@" >"$tmp/out" 2>"$tmp/err"
    st=$?
    if [ "$st" -ne 0 ]; then
        echo "FAIL: diffwkb $cmd $*: exit $st"; cat "$tmp/err"
        fail=1
        : >"$tmp/out"
    fi
}

# bad CMD EXPECTED ARGS...: diffwkb CMD ARGS must exit 2 with one line on
# stderr containing EXPECTED and nothing on stdout.
bad() {
    cmd=$1
    exp=$2
    shift 2
    n=$((n + 1))
    "$DIFFWKB" "$cmd" "$@" >"$tmp/out" 2>"$tmp/err"
    st=$?
    msg=$(cat "$tmp/err")
    if [ "$st" -ne 2 ] || [ -s "$tmp/out" ] || [ "$(grep -c '' "$tmp/err")" -ne 1 ]; then
        echo "FAIL: diffwkb $cmd $*: exit $st (expected 2), stdout:"; cat "$tmp/out"
        echo "stderr: $msg"
        fail=1
        return
    fi
    case "$msg" in
        "diffwkb: "*"$exp"*) ;;
        *) echo "FAIL: diffwkb $cmd $*: message '$msg' lacks '$exp'"; fail=1 ;;
    esac
}
