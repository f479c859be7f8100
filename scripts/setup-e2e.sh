#!/usr/bin/env bash
# Installs a real VS Code for the e2e and UI tests on a clean machine: code-server 4.100.3 from
# npm (the VS Code 1.100.3 workbench with a Node extension host) and Debian's chromium to render
# it. Into a gitignored folder; idempotent. See test/e2e/README.md for why this and not a download.
set -euo pipefail
CS_VERSION="${CS_VERSION:-4.100.3}"          # the last code-server that runs on Node 20
DEST="${1:-$(cd "$(dirname "$0")/.." && pwd)/.vscode-e2e}"
export DEBIAN_FRONTEND=noninteractive
need_apt=()
# fonts-wqy-microhei: chromium needs a CJK font to render the reports (else boxes in screenshots).
for p in build-essential python3 pkg-config libkrb5-dev ripgrep chromium fonts-wqy-microhei; do dpkg -s "$p" >/dev/null 2>&1 || need_apt+=("$p"); done
if ((${#need_apt[@]})); then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
# @vscode/ripgrep's postinstall downloads rg from GitHub: seed its cache with Debian's rg instead.
RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
if [ ! -f "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ]; then
  tmp=$(mktemp -d); cp "$(command -v rg)" "$tmp/rg"
  tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$tmp" rg; rm -rf "$tmp"
fi
mkdir -p "$DEST"
if [ ! -x "$DEST/node_modules/.bin/code-server" ]; then
  cd "$DEST"
  [ -f package.json ] || echo '{"name":"vscode-e2e-runtime","private":true}' > package.json
  # unsafe_perm: code-server's postinstall refuses root without it; yes: node-pty runs `npx node-gyp`;
  # nodedir: node-gyp uses the machine's Node headers instead of downloading them.
  npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir="${npm_config_nodedir:-/usr}" \
    npm install --no-audit --no-fund --foreground-scripts "code-server@$CS_VERSION" >/dev/null
fi
"$DEST/node_modules/.bin/code-server" --version | head -1
