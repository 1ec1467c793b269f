#!/usr/bin/env bash
# Installs code-server (the VS Code 1.100.3 workbench and server) into .cache/code-server for
# the real-editor tests (test/e2e). It stays out of package.json on purpose: its install builds
# native modules (argon2, kerberos, node-pty) and needs Debian packages and a seeded ripgrep
# cache, which would make every developer's `npm ci` slower and fragile.
#
# Needs: Debian packages ripgrep and libkrb5-dev, a C/C++ toolchain, the npm registry.
# Usage: scripts/e2e/install-code-server.sh [prefix]   (default: .cache/code-server)
set -euo pipefail
cd "$(dirname "$0")/../.."

VERSION=4.100.3
PREFIX="${1:-.cache/code-server}"
BIN="$PREFIX/node_modules/.bin/code-server"
# Written last, so an install that broke half-way is never taken for a finished one.
MARKER="$PREFIX/.installed-$VERSION"

if [ -x "$BIN" ] && [ -f "$MARKER" ]; then
  echo "code-server $VERSION is already installed in $PREFIX"
  exit 0
fi

if ! command -v rg >/dev/null 2>&1; then
  echo "install-code-server: ripgrep (rg) is missing: apt-get install ripgrep" >&2
  exit 1
fi

# @vscode/ripgrep downloads rg from GitHub unless it finds this asset in os.tmpdir(): seed it
# with Debian's binary and point TMPDIR there for the install only.
SEED_TMP="$(pwd)/.cache/code-server-tmp"
RG_CACHE="$SEED_TMP/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg

rm -rf "$PREFIX"
mkdir -p "$PREFIX"
# unsafe_perm: code-server's postinstall refuses root without it. yes: node-pty's postinstall
# runs `npx node-gyp`, which would otherwise stop at a prompt and roll the install back.
TMPDIR="$SEED_TMP" npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --prefix "$PREFIX" --no-audit --no-fund --no-save "code-server@$VERSION"
# code-server writes a config file even for --version: keep it out of $HOME.
XDG_CONFIG_HOME="$SEED_TMP/xdg" XDG_DATA_HOME="$SEED_TMP/xdg" "$BIN" --version >/dev/null
rm -rf "$SEED_TMP"
touch "$MARKER"
echo "code-server $VERSION installed in $PREFIX"
