#!/bin/sh
# Chromium for the browser tests (`make browser`, run by `make test` and `make bench`).
#
# Debian's chromium package where apt can install it (as root); otherwise Playwright's own
# Chromium build. Ubuntu's chromium and chromium-browser packages only install the snap, which
# cannot run in a container or on CI, so on Ubuntu this never asks apt for them. It says what
# it will install, and why, before it installs anything.
set -eu
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
PYTHON=${PYTHON:-.venv/bin/python}
OS_RELEASE=${OS_RELEASE:-/etc/os-release}

is_snap_wrapper() {  # Ubuntu's /usr/bin/chromium(-browser) only starts the snap
  resolved=$(readlink -f "$1" 2>/dev/null || echo "$1")
  case "$resolved" in /snap/*) return 0 ;; esac
  [ -f "$resolved" ] && head -c 4096 "$resolved" 2>/dev/null | grep -q -a "/snap/" && return 0
  return 1
}

if [ -x "$CHROMIUM" ] && ! is_snap_wrapper "$CHROMIUM"; then
  exit 0  # already here
fi
if [ -x "$CHROMIUM" ]; then
  echo "$CHROMIUM is Ubuntu's wrapper for the chromium snap, which the tests cannot drive."
fi

distro=$( (. "$OS_RELEASE" 2>/dev/null && echo "${ID:-unknown}") || echo unknown)
if [ "$distro" = ubuntu ]; then
  echo "On Ubuntu, apt's chromium is the snap: installing Playwright's Chromium build instead"
  echo "  ($PYTHON -m playwright install chromium, about 170 MB, into ~/.cache/ms-playwright)."
  exec "$PYTHON" -m playwright install chromium
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium package for the browser tests (apt-get install chromium, about 300 MB)."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  exit 0
fi
echo "No $CHROMIUM, and apt needs root: installing Playwright's Chromium build instead"
echo "  ($PYTHON -m playwright install chromium, about 170 MB, into ~/.cache/ms-playwright)."
exec "$PYTHON" -m playwright install chromium
