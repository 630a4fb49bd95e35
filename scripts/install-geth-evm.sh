#!/usr/bin/env bash
# Installs go-ethereum's reference `evm` tool (cmd/evm), the yardstick of scripts/bench-evm.sh, with
# `go install`. Idempotent: does nothing when that exact version is already installed. Prints the
# binary's path on stdout (and only that); progress and errors go to stderr.
#
# The binary goes into a directory of its own, so it can never be confused with anything else named
# `evm` on PATH:  ${XDG_CACHE_HOME:-$HOME/.cache}/zgnode/geth-evm-<version>/bin/evm
# (ZGNODE_GETH_EVM_DIR overrides the directory that holds bin/).
#
# The version lives in one place: the geth-evm.version property of the root pom.xml.
set -euo pipefail

TOOL=install-geth-evm
# shellcheck source=scripts/lib-go-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib-go-install.sh"
VERSION="$(pom_version geth-evm.version)"
WANT="${VERSION#v}"
require_go 24 "geth's evm $VERSION"

DIR="${ZGNODE_GETH_EVM_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/zgnode/geth-evm-$VERSION}"
BINDIR="$DIR/bin"
BIN="$BINDIR/evm"

# `evm --version` prints e.g. "evm version 1.17.5-stable"; keep the bare number.
installed_version() {
  [ -x "$BIN" ] || return 0
  "$BIN" --version 2>/dev/null | sed -n 's/^evm version \([0-9][0-9.]*\).*/\1/p' | head -n 1
}

if [ "$(installed_version || true)" = "$WANT" ]; then
  echo "$BIN"
  exit 0
fi

mkdir -p "$BINDIR" || die "cannot create $BINDIR"
echo "install-geth-evm: installing geth's evm $VERSION into $BINDIR (go install; a few minutes the first time)..." >&2
GOBIN="$BINDIR" go install "github.com/ethereum/go-ethereum/cmd/evm@$VERSION" >&2 ||
  die "go install github.com/ethereum/go-ethereum/cmd/evm@$VERSION failed (see above)"

GOT="$(installed_version || true)"
[ "$GOT" = "$WANT" ] || die "after installing, $BIN reports version '${GOT:-nothing}', expected $WANT"
echo "$BIN"
