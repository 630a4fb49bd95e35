# Shared by the install-*.sh scripts (sourced, not run): reading a pinned version from the root
# pom.xml and checking that Go is new enough for `go install`. Callers set TOOL (the name in
# messages) before sourcing.

die() {
  echo "$TOOL: $*" >&2
  exit 1
}

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# pom_version PROPERTY: the property's value from the root pom, with a leading "v".
pom_version() {
  local pom="$ROOT/pom.xml" v
  [ -r "$pom" ] || die "cannot read $pom"
  v="$(sed -n "s:.*<$1>[[:space:]]*\([^<[:space:]]*\)[[:space:]]*</$1>.*:\1:p" "$pom" | head -n 1)"
  [ -n "$v" ] || die "no <$1> property in $pom"
  case "$v" in v*) echo "$v" ;; *) echo "v$v" ;; esac
}

# require_go MINOR WHAT: fails unless Go 1.MINOR or newer is on PATH.
require_go() {
  local need="$1" what="$2" gv major minor
  command -v go >/dev/null 2>&1 ||
    die "Go 1.$need or newer is needed to install $what, and 'go' is not on PATH (https://go.dev/dl/)"
  gv="$(go env GOVERSION 2>/dev/null || true)" # e.g. go1.26.8
  [[ "$gv" =~ ^go([0-9]+)\.([0-9]+) ]] ||
    die "cannot tell the Go version ('go env GOVERSION' printed '$gv'); Go 1.$need+ is needed"
  major="${BASH_REMATCH[1]}"
  minor="${BASH_REMATCH[2]}"
  if [ "$major" -lt 1 ] || { [ "$major" -eq 1 ] && [ "$minor" -lt "$need" ]; }; then
    die "Go 1.$need or newer is needed to install $what; found $gv"
  fi
}
