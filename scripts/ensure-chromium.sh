#!/bin/sh
# Ensures Debian's Chromium (used by the browser tests and scripts/screenshots.ts) and a CJK font
# (fonts-wqy-microhei, so Chinese text renders in screenshots) are installed.
# Idempotent and quiet: a no-op when both are present. Needs root (or sudo) to install.
set -eu

CHROMIUM=/usr/bin/chromium
FONT_PKG=fonts-wqy-microhei

need=""
[ -x "$CHROMIUM" ] || need="chromium"
if ! dpkg-query -W -f='${Status}' "$FONT_PKG" 2>/dev/null | grep -q 'install ok installed'; then
  need="$need $FONT_PKG"
fi

[ -z "$need" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo -n"
else
  echo "ensure-chromium: need root to install:$need" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes
$SUDO apt-get update -qq >/dev/null
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $need >/dev/null

[ -x "$CHROMIUM" ] || { echo "ensure-chromium: $CHROMIUM still missing after install" >&2; exit 1; }
