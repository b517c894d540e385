#!/usr/bin/env bash
# The full sustained load: a release build of the server on each backend, 200 clients for 60 s
# (`allmende-perf load`), then the checks (no 5xx, no lost write, counters match rows, no
# `database is locked`). See docs/RELIABILITY.md, "Sustained load".
#
#   scripts/load.sh                       # both backends (PostgreSQL when its URL is set)
#   CLIENTS=50 DURATION=20s scripts/load.sh sqlite
#
# Environment:
#   CLIENTS, DURATION     default 200 and 60s
#   POSTGRES_URL          a server where a throw-away database may be created and dropped;
#                         default $ALLMENDE_TEST_POSTGRES_URL; unset: PostgreSQL is skipped
#   PORT                  default 18080
#   SKIP_BUILD=1          use the binaries as they are
#   PROFILE=debug         the debug build instead of the release build (slower; for a quick look)
# Exit status: 0 when every backend passed.
set -euo pipefail

cd "$(dirname "$0")/.."
CLIENTS="${CLIENTS:-200}"
DURATION="${DURATION:-60s}"
PORT="${PORT:-18080}"
POSTGRES_URL="${POSTGRES_URL:-${ALLMENDE_TEST_POSTGRES_URL:-}}"
backends=("$@")
[ ${#backends[@]} -eq 0 ] && backends=(sqlite postgres)

PROFILE="${PROFILE:-release}"
if [ "${SKIP_BUILD:-}" != 1 ]; then
    profile_flag=(--release)
    [ "$PROFILE" = debug ] && profile_flag=()
    cargo build "${profile_flag[@]}" --locked -p allmende --bin allmende -p allmende-perf --bin allmende-perf
fi
target="${CARGO_TARGET_DIR:-target}/$PROFILE"

status=0
for backend in "${backends[@]}"; do
    data_dir="$(mktemp -d -t allmende-load-XXXXXX)"
    db_name=""
    case "$backend" in
        sqlite) database_url="sqlite://$data_dir/allmende.sqlite" ;;
        postgres)
            if [ -z "$POSTGRES_URL" ]; then
                echo "postgres: skipped (set POSTGRES_URL or ALLMENDE_TEST_POSTGRES_URL)"
                continue
            fi
            db_name="allmende_load_$$"
            psql --no-psqlrc -q -d "$POSTGRES_URL" -c "CREATE DATABASE $db_name"
            database_url="${POSTGRES_URL%/*}/$db_name"
            ;;
        *) echo "unknown backend $backend (sqlite or postgres)"; exit 2 ;;
    esac
    # The load's own requirements: open registration (the default), the password grant, its
    # clients' X-Forwarded-For believed from loopback, and loopback peers (insecure_http).
    env -i PATH="$PATH" HOME="$HOME" \
        ALLMENDE_BIND="127.0.0.1:$PORT" ALLMENDE_DOMAIN="localhost:$PORT" \
        ALLMENDE_DATA_DIR="$data_dir" ALLMENDE_DATABASE_URL="$database_url" \
        ALLMENDE_INSECURE_HTTP=1 ALLMENDE_OAUTH_PASSWORD_GRANT=true \
        ALLMENDE_TRUSTED_PROXIES=127.0.0.1 \
        "$target/allmende" serve >"$data_dir/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 600); do
        curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
        sleep 0.1
    done
    echo "== $backend: $CLIENTS clients for $DURATION (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
    if ! "$target/allmende-perf" load --base-url "http://localhost:$PORT" --clients "$CLIENTS" \
        --duration "$DURATION" --database-url "$database_url" \
        --server-log "$data_dir/server.log" --server-pid "$server"; then
        status=1
        echo "$backend: FAILED; server log kept in $data_dir/server.log"
    fi
    echo "== $backend done (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    if [ -n "$db_name" ]; then
        psql --no-psqlrc -q -d "$POSTGRES_URL" -c "DROP DATABASE IF EXISTS $db_name WITH (FORCE)"
    fi
    [ "$status" = 0 ] && rm -rf "$data_dir"
done
exit "$status"
