#!/usr/bin/env bash
# Reproduces the "Small instance" figures of docs/PERFORMANCE.md: builds release, seeds a fresh
# SQLite instance through the CLI and the web forms (one group, a thread with 50 posts, 20
# threads in the group), then measures the bare axum server and each route with wrk in the
# same run and prints each route's rate as a share of the bare server's.
#
#   scripts/bench-small.sh            # page cache on (the default configuration)
#   CACHE=0 scripts/bench-small.sh    # page cache off: every request renders
#
# Needs: cargo, curl, wrk (Debian: apt-get install -y wrk). Environment: CONNS (50),
# DURATION (10s), THREADS (2), PORT (8181), BASE_PORT (8099), CACHE (1), PROFILE (release),
# SKIP_BUILD.
set -euo pipefail
cd "$(dirname "$0")/.."

CONNS=${CONNS:-50}
DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
PORT=${PORT:-8181}
BASE_PORT=${BASE_PORT:-8099}
CACHE=${CACHE:-1}

# PROFILE=dev measures a debug build (only to compare cache on and off quickly; the figures of
# docs/PERFORMANCE.md are release builds).
PROFILE=${PROFILE:-release}
DIR_OF_PROFILE=$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")
if [ -z "${SKIP_BUILD:-}" ]; then
  cargo build --profile "$PROFILE" --locked -p allmende --bin allmende -p allmende-perf --bin allmende-perf
  cargo build --profile "$PROFILE" --locked -p axum-baseline
fi
BIN=target/$DIR_OF_PROFILE/allmende
BASELINE=target/$DIR_OF_PROFILE/axum-baseline

DIR=$(mktemp -d)
JAR="$DIR/cookies"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$DIR"
}
trap cleanup EXIT

export ALLMENDE_DATA_DIR="$DIR/data"
export ALLMENDE_BIND="127.0.0.1:$PORT"
export ALLMENDE_DOMAIN="localhost:$PORT"
export ALLMENDE_INSECURE_HTTP=1
export ALLMENDE_LOG_FILTER=warn
export ALLMENDE_CACHE_PAGES=$CACHE
BASE="http://127.0.0.1:$PORT"

$BIN migrate >/dev/null
$BIN user create --username ana --password 'bench password 1234' --admin >/dev/null
$BIN group create --name bench --kind discussion --title "Bench group" \
  --description "A group to measure." --owner ana >/dev/null
$BIN serve >"$DIR/serve.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do curl -fs "$BASE/healthz" >/dev/null && break; sleep 0.1; done

csrf() { awk '$6 == "allmende_csrf" { print $7 }' "$JAR"; }
curl -fs -c "$JAR" -b "$JAR" "$BASE/login" >/dev/null
curl -fs -c "$JAR" -b "$JAR" -o /dev/null "$BASE/login" \
  --data-urlencode username=ana --data-urlencode 'password=bench password 1234' \
  --data-urlencode "csrf_token=$(csrf)"
new_thread() {
  curl -fs -c "$JAR" -b "$JAR" -o /dev/null -w '%{redirect_url}' "$BASE/g/bench/threads" \
    --data-urlencode "title=$1" --data-urlencode "body=$2" --data-urlencode "csrf_token=$(csrf)"
}
THREAD_URL=$(new_thread "A thread with fifty posts" "The opening post of the measured thread, with **some** markdown and a #hashtag.")
THREAD_ID=${THREAD_URL##*/}
for n in $(seq 49); do
  curl -fs -c "$JAR" -b "$JAR" -o /dev/null "$BASE/p/$THREAD_ID/reply" \
    --data-urlencode "body=Reply number $n: a few sentences of text, as people write them. It has *emphasis* and a [link](https://example.org/$n)." \
    --data-urlencode "csrf_token=$(csrf)"
done
for n in $(seq 19); do
  new_thread "Thread $n" "Opening post $n of the group page." >/dev/null
done

# BASELINE_URL: measure that URL as the yardstick instead of the bare axum server.
if [ -z "${BASELINE_URL:-}" ]; then
  $BASELINE "$BASE_PORT" &
  PIDS+=($!)
  sleep 0.5
  BASELINE_URL="http://127.0.0.1:$BASE_PORT/"
fi

# Requests/s and p99 (ms) of one wrk run.
measure() {
  local out rate p99
  out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$@")
  rate=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }' <<<"$out")
  echo "$rate $p99"
}

read -r base_rate base_p99 < <(measure "$BASELINE_URL")
printf '%-38s %12s %8s %10s\n' route "req/s" "ratio" "p99 ms"
printf '%-38s %12.0f %7.1f%% %10.2f\n' "${BASELINE_URL#http://127.0.0.1:} (yardstick)" "$base_rate" 100 "$base_p99"
for route in "/t/$THREAD_ID" "/g/bench" "/api/v1/timelines/public?limit=20"; do
  read -r rate p99 < <(measure "$BASE$route")
  printf '%-38s %12.0f %7.1f%% %10.2f\n' "$route" "$rate" "$(echo "100 * $rate / $base_rate" | bc -l)" "$p99"
done
# The same thread as ActivityPub JSON (what follower instances fetch).
read -r rate p99 < <(measure -H 'Accept: application/activity+json' "$BASE/t/$THREAD_ID")
printf '%-38s %12.0f %7.1f%% %10.2f\n' "/t/$THREAD_ID (activity+json)" "$rate" "$(echo "100 * $rate / $base_rate" | bc -l)" "$p99"
