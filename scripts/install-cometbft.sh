#!/usr/bin/env bash
# Installs the CometBFT release zgnode is built for, with `go install`. Idempotent: does nothing
# when the Go workspace already has that version. Prints the binary's path on stdout (and only
# that); progress and errors go to stderr.
#
# The version lives in one place: the cometbft.version property of the root pom.xml.
set -euo pipefail

TOOL=install-cometbft
# shellcheck source=scripts/lib-go-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib-go-install.sh"
VERSION="$(pom_version cometbft.version)"
WANT="${VERSION#v}"
require_go 22 "CometBFT $VERSION"

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
