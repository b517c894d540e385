#!/usr/bin/env bash
# Checks the packaging examples with the tools that understand them. Each check runs when its
# tool is installed and says so when it skips; any complaint (also a mere warning) fails.
#   systemd-analyze verify   contrib/systemd/allmende.service
#   caddy adapt + fmt        contrib/caddy/Caddyfile
#   docker compose config    contrib/docker-compose.yml (else: parsed as YAML by Python)
set -uo pipefail
cd "$(dirname "$0")/.."

failed=0
fail() { printf 'FAIL %s\n%s\n' "$1" "$2" >&2; failed=1; }
pass() { printf 'ok   %s\n' "$1"; }
skip() { printf 'skip %s (%s not installed)\n' "$1" "$2"; }

# systemd: the unit with its binary replaced by one that exists here (verify insists that
# ExecStart is executable); every directive and value is still checked.
if command -v systemd-analyze >/dev/null; then
  unit_dir=$(mktemp -d)
  binary=${ALLMENDE_BIN:-$(command -v true)}
  sed "s#/usr/local/bin/allmende#${binary}#" contrib/systemd/allmende.service >"$unit_dir/allmende.service"
  if output=$(systemd-analyze verify "$unit_dir/allmende.service" 2>&1) && [ -z "$output" ]; then
    pass "systemd unit"
  else
    fail "systemd unit" "$output"
  fi
  rm -rf "$unit_dir"
else
  skip "systemd unit" systemd-analyze
fi

# Caddy: the Caddyfile adapts to a configuration without warnings and is formatted.
if command -v caddy >/dev/null; then
  output=$(caddy adapt --adapter caddyfile --config contrib/caddy/Caddyfile 2>&1 >/dev/null)
  status=$?
  warnings=$(printf '%s\n' "$output" | grep -v '"level":"info"' | grep -v '^$' || true)
  if [ "$status" -eq 0 ] && [ -z "$warnings" ]; then
    pass "Caddyfile"
  else
    fail "Caddyfile" "$output"
  fi
  if diff -u contrib/caddy/Caddyfile <(caddy fmt contrib/caddy/Caddyfile 2>/dev/null) >/dev/null; then
    pass "Caddyfile formatting"
  else
    fail "Caddyfile formatting" "run: caddy fmt --overwrite contrib/caddy/Caddyfile"
  fi
else
  skip "Caddyfile" caddy
fi

# Compose: docker compose's own check, else at least valid YAML with the expected services.
compose_env=(ALLMENDE_DOMAIN=forum.example.org POSTGRES_PASSWORD=check)
if docker compose version >/dev/null 2>&1; then
  if output=$(env "${compose_env[@]}" docker compose -f contrib/docker-compose.yml config -q 2>&1); then
    pass "compose file"
  else
    fail "compose file" "$output"
  fi
elif python3 -c 'import yaml' 2>/dev/null; then
  if output=$(python3 - <<'PY' 2>&1
import os, yaml
with open("contrib/docker-compose.yml") as f:
    compose = yaml.safe_load(f)
services = compose["services"]
assert set(services) == {"postgres", "allmende"}, services
build = services["allmende"]["build"]
assert os.path.isfile(os.path.join("contrib", build["context"], build["dockerfile"])), build
assert services["allmende"]["depends_on"]["postgres"]["condition"] == "service_healthy"
PY
  ); then
    pass "compose file (YAML only: docker compose not installed)"
  else
    fail "compose file" "$output"
  fi
else
  skip "compose file" "docker compose and python3-yaml"
fi

# Dockerfile: builds need a Docker daemon and the base images; check the stages at least.
if grep -q '^FROM .* AS build$' Dockerfile && grep -q '^USER allmende' Dockerfile \
  && [ "$(grep -c '^FROM ' Dockerfile)" -eq 2 ]; then
  pass "Dockerfile stages and user"
else
  fail "Dockerfile" "expected a build stage, a runtime stage and USER allmende"
fi

exit "$failed"
