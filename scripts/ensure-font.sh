#!/bin/sh
# Ensures a Chinese font (Debian's fonts-wqy-microhei) for PDF documents (ADR 018) and screenshots;
# run by `npm start`, the tests and ensure-chromium.sh.
# Best effort: without root, or without the package archive, it says so and the platform starts
# anyway (PDFs answer 503 with the reason; the printable pages work). A no-op when installed.
FONT_PKG=fonts-wqy-microhei
dpkg-query -W -f='${Status}' "$FONT_PKG" 2>/dev/null | grep -q 'install ok installed' && exit 0
[ -n "${XINYONG_PDF_FONT:-}" ] && exit 0
command -v apt-get >/dev/null 2>&1 || { echo "ensure-font: no apt-get; set XINYONG_PDF_FONT to a CJK font for PDF documents" >&2; exit 0; }
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
  echo "ensure-font: need root to install $FONT_PKG (PDF documents); starting without it" >&2; exit 0
fi
echo "ensure-font: installing $FONT_PKG for PDF credit reports…" >&2
export DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes
{ $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "$FONT_PKG"; } >/dev/null 2>&1 \
  || echo "ensure-font: could not install $FONT_PKG; PDF documents stay unavailable until a CJK font is installed" >&2
exit 0
