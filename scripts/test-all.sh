#!/usr/bin/env bash
# The whole test suite from a fresh clone: installs what it needs, then lint, types, layering, build, tests, verify.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "system packages"
apt_needed=()
py=/usr/bin/python3
[ -x "$py" ] || apt_needed+=(python3)
for pair in django:python3-django rest_framework:python3-djangorestframework fastapi:python3-fastapi \
  pydantic:python3-pydantic httpx:python3-httpx pytest:python3-pytest jwt:python3-jwt celery:python3-celery; do
  mod=${pair%%:*}; pkg=${pair#*:}
  { [ -x "$py" ] && "$py" -c "import $mod" 2>/dev/null; } || apt_needed+=("$pkg")
done
command -v bwrap >/dev/null || apt_needed+=(bubblewrap)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || apt_needed+=(postgresql)
[ -x /usr/bin/chromium ] || apt_needed+=(chromium)
if [ ${#apt_needed[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${apt_needed[@]}"
  else
    echo "Missing Debian packages. Run, then try again:"
    echo "  sudo apt-get update && sudo apt-get install -y ${apt_needed[*]}"
    exit 1
  fi
else
  echo "all present"
fi

step "node packages"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  echo "node_modules is up to date"
fi

step "lint";       npx biome check .
step "types";      npm run --silent typecheck
step "layering";   npm run --silent layers
step "build";      npm run build --silent
step "tests";      npx vitest run
step "verify content"; node scripts/verify-ci.mjs
step "end-to-end (Chromium)"; npx vitest run --config vitest.e2e.config.ts
