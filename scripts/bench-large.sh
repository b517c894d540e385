#!/usr/bin/env bash
# Reproduces the "Large instance" figures of docs/PERFORMANCE.md: serves a database that
# `allmende-perf seed` filled (1,000,000 posts by default), times the first request after
# start, then measures the bare axum server and the hot routes with wrk in the same run, and
# the server's memory when idle and at its peak.
#
#   ./target/release/allmende-perf seed --database-url sqlite:///tmp/perf/allmende.sqlite
#   DATABASE_URL=sqlite:///tmp/perf/allmende.sqlite scripts/bench-large.sh
#   CACHE=0 DATABASE_URL=... scripts/bench-large.sh   # page cache off: every request renders
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/allmende_perf_seed scripts/bench-large.sh
#
# Needs: a release build (`cargo build --release --locked -p allmende --bin allmende -p allmende-perf
# --bin allmende-perf` and `cargo build --release --locked -p axum-baseline`), curl,
# wrk, and sqlite3 or psql (to pick the biggest group, the longest thread and the commonest
# hashtag). Environment: DATABASE_URL (required), CONNS (50), DURATION (10s), THREADS (2),
# PORT (8181), BASE_PORT (8099), CACHE (1).
set -euo pipefail
cd "$(dirname "$0")/.."

: "${DATABASE_URL:?set DATABASE_URL to a seeded database}"
CONNS=${CONNS:-50}
DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
PORT=${PORT:-8181}
BASE_PORT=${BASE_PORT:-8099}
CACHE=${CACHE:-1}
BIN=target/release/allmende
BASELINE=target/release/axum-baseline

DIR=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$DIR"
}
trap cleanup EXIT

sql() {
  case "$DATABASE_URL" in
    sqlite:*) sqlite3 -readonly "${DATABASE_URL#sqlite://}" "$1" ;;
    *) psql "$DATABASE_URL" -Atc "$1" ;;
  esac
}
# What to ask for: the longest thread, the group with the most threads, the commonest hashtag.
THREAD_ID=$(sql "SELECT root_id FROM posts WHERE group_id IS NOT NULL AND deleted_at IS NULL GROUP BY root_id ORDER BY count(*) DESC LIMIT 1")
read -r GROUP_ID GROUP_NAME < <(sql "SELECT a.id || ' ' || a.name FROM posts p JOIN actors a ON a.id = p.group_id WHERE p.id = p.root_id AND a.local GROUP BY a.id, a.name ORDER BY count(*) DESC LIMIT 1")
TAG=$(sql "SELECT name FROM post_hashtags GROUP BY name ORDER BY count(*) DESC LIMIT 1")
echo "thread $THREAD_ID ($(sql "SELECT count(*) FROM posts WHERE root_id = $THREAD_ID") posts), group $GROUP_NAME, hashtag #$TAG"

export ALLMENDE_DATABASE_URL="$DATABASE_URL"
export ALLMENDE_DATA_DIR="$DIR/data"
export ALLMENDE_BIND="127.0.0.1:$PORT"
export ALLMENDE_INSECURE_HTTP=1
export ALLMENDE_LOG_FILTER=warn
export ALLMENDE_CACHE_PAGES=$CACHE
BASE="http://127.0.0.1:$PORT"

# The first request after start: from starting the process to the first 200 of the front page.
started=$(date +%s.%N)
$BIN serve >"$DIR/serve.log" 2>&1 &
SERVER=$!
PIDS+=("$SERVER")
until curl -fs -o /dev/null "$BASE/"; do
  kill -0 "$SERVER" 2>/dev/null || { cat "$DIR/serve.log"; exit 1; }
  sleep 0.01
done
echo "first request answered $(echo "$(date +%s.%N) - $started" | bc) s after start"
sleep 2
rss() { awk -v k="$1:" '$1 == k { printf "%.1f MB", $2 / 1024 }' "/proc/$SERVER/status"; }
echo "idle: $(rss VmRSS) resident"

$BASELINE "$BASE_PORT" &
PIDS+=($!)
sleep 0.5

# Requests/s, p50 and p99 (ms) of one wrk run.
measure() {
  local out
  out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$@")
  awk 'function ms(v) { if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 } if (v ~ /ms$/) { sub(/ms$/, "", v); return v } sub(/s$/, "", v); return v * 1000 }
       /^Requests\/sec:/ { rate = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
       /Non-2xx/ { bad = $NF } END { print rate, p50, p99, bad + 0 }' <<<"$out"
}

read -r base_rate base_p50 base_p99 _ < <(measure "http://127.0.0.1:$BASE_PORT/")
printf '%-58s %10s %7s %8s %8s %6s\n' route "req/s" ratio "p50 ms" "p99 ms" non2xx
printf '%-58s %10.0f %6.1f%% %8.2f %8.2f %6s\n' "bare axum server (yardstick)" "$base_rate" 100 "$base_p50" "$base_p99" 0
for route in "/t/$THREAD_ID" "/g/$GROUP_NAME" "/api/v1/timelines/public?limit=20" \
  "/api/v1/timelines/tag/$TAG?limit=20" "/api/v1/accounts/$GROUP_ID/statuses?limit=20" \
  "/api/v2/search?type=statuses&q=solar&limit=20" "/search?q=solar"; do
  read -r rate p50 p99 bad < <(measure "$BASE$route")
  printf '%-58s %10.0f %6.1f%% %8.2f %8.2f %6s\n' "$route" "$rate" "$(echo "100 * $rate / $base_rate" | bc -l)" "$p50" "$p99" "$bad"
done
echo "peak: $(rss VmHWM) resident; now $(rss VmRSS)"
