#!/usr/bin/env bash
# Installs whatever is missing to build, run and test Casewright on Debian 12 / Ubuntu 22.04+:
# system packages (apt), the tauri-driver WebDriver bridge (crates.io), npm packages.
# Safe to run again: it only installs what is not there yet.
source "$(dirname "$0")/lib.sh"

APT_PACKAGES=(
  build-essential pkg-config file curl
  libwebkit2gtk-4.1-dev libssl-dev libxdo-dev librsvg2-dev   # Tauri / WebKitGTK
  webkit2gtk-driver xvfb xauth                                # end-to-end tests in a real window
  dbus-daemon dbus-bin                                        # a session bus (and dbus-send) for the single-instance test
  imagemagick                                                 # screenshots
  qpdf poppler-utils                                          # PDF checks (qpdf --check, pdftotext)
  chromium                                                    # UI browser tests (ui/browser-tests, playwright-core)
  sqlite3                                                     # a browser test holds the case library locked (ui/browser-tests/cases.test.mjs)
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  step "Installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v cargo >/dev/null || die "Rust is missing: install it with rustup (https://rustup.rs), version 1.95 or newer."
command -v node >/dev/null || die "Node.js is missing: install Node.js 20.19 or newer."
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || die "Node.js $(node --version) is too old: Casewright's UI tools need 20.19 or newer."

# The version the end-to-end tests were last run with; another one is replaced by it.
TAURI_DRIVER_VERSION=2.1.0
if ! cargo install --list 2>/dev/null | grep -qx "tauri-driver v$TAURI_DRIVER_VERSION:"; then
  step "Installing tauri-driver $TAURI_DRIVER_VERSION (WebDriver bridge for the end-to-end tests)"
  cargo install tauri-driver --version "=$TAURI_DRIVER_VERSION" --locked --quiet --force
fi

install_npm() { # dir
  local dir="$1"
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    step "Installing npm packages in ${dir#"$ROOT"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
install_npm "$ROOT/ui"
install_npm "$ROOT/tests/e2e"
