#!/usr/bin/env bash
# Installs the CometBFT release zgnode is built for, with `go install`. Idempotent: does nothing
# when the Go workspace already has that version. Prints the binary's path on stdout (and only
# that); progress and errors go to stderr.
#
# The version lives in one place: the cometbft.version property of the root pom.xml.
set -euo pipefail

die() {
  echo "install-cometbft: $*" >&2
  exit 1
}

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
POM="$ROOT/pom.xml"
[ -r "$POM" ] || die "cannot read $POM"
VERSION="$(sed -n 's:.*<cometbft\.version>[[:space:]]*\([^<[:space:]]*\)[[:space:]]*</cometbft\.version>.*:\1:p' "$POM" | head -n 1)"
[ -n "$VERSION" ] || die "no <cometbft.version> property in $POM"
case "$VERSION" in v*) ;; *) VERSION="v$VERSION" ;; esac
WANT="${VERSION#v}"

command -v go >/dev/null 2>&1 ||
  die "Go 1.22 or newer is needed to install CometBFT $VERSION, and 'go' is not on PATH (https://go.dev/dl/)"

GOVERSION="$(go env GOVERSION 2>/dev/null || true)" # e.g. go1.26.8
if [[ "$GOVERSION" =~ ^go([0-9]+)\.([0-9]+) ]]; then
  major="${BASH_REMATCH[1]}"
  minor="${BASH_REMATCH[2]}"
  if [ "$major" -lt 1 ] || { [ "$major" -eq 1 ] && [ "$minor" -lt 22 ]; }; then
    die "Go 1.22 or newer is needed to install CometBFT $VERSION; found $GOVERSION"
  fi
else
  die "cannot tell the Go version ('go env GOVERSION' printed '$GOVERSION'); Go 1.22+ is needed"
fi

# Where `go install` puts binaries: $GOBIN, else the first GOPATH entry's bin.
BINDIR="$(go env GOBIN)"
if [ -z "$BINDIR" ]; then
  GOPATH_FIRST="$(go env GOPATH)"
  GOPATH_FIRST="${GOPATH_FIRST%%:*}"
  [ -n "$GOPATH_FIRST" ] || die "'go env GOPATH' is empty"
  BINDIR="$GOPATH_FIRST/bin"
fi
BIN="$BINDIR/cometbft"

installed_version() {
  [ -x "$BIN" ] && "$BIN" version 2>/dev/null | head -n 1 | tr -d '[:space:]'
}

if [ "$(installed_version || true)" = "$WANT" ]; then
  echo "$BIN"
  exit 0
fi

echo "install-cometbft: installing CometBFT $VERSION into $BINDIR (go install; a few minutes the first time)..." >&2
go install "github.com/cometbft/cometbft/cmd/cometbft@$VERSION" >&2 ||
  die "go install github.com/cometbft/cometbft/cmd/cometbft@$VERSION failed (see above)"

GOT="$(installed_version || true)"
[ "$GOT" = "$WANT" ] || die "after installing, $BIN reports version '${GOT:-nothing}', expected $WANT"
echo "$BIN"
