#!/bin/sh
# Ensures Debian's Chromium (used by the browser tests and scripts/screenshots.ts) and, through
# ensure-font.sh, a CJK font (fonts-wqy-microhei: Chinese text in screenshots and PDF documents).
# Idempotent and quiet: a no-op when both are present. Needs root (or sudo) to install.
set -eu

CHROMIUM=/usr/bin/chromium
sh "$(dirname "$0")/ensure-font.sh"
[ -x "$CHROMIUM" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo -n"
else
  echo "ensure-chromium: need root to install chromium" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null

[ -x "$CHROMIUM" ] || { echo "ensure-chromium: $CHROMIUM still missing after install" >&2; exit 1; }
