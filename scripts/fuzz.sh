#!/usr/bin/env bash
# Runs every fuzz target (fuzz/, cargo-fuzz with libFuzzer) for SECONDS_PER_TARGET (default 60)
# and prints, per target, the executions per second, the total executions and whether it
# crashed. Exits non-zero when any target crashed; the crashing inputs are kept under
# target/fuzz-work/artifacts/<target>/ (reproduce one with `scripts/fuzz.sh --repro FILE TARGET`).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]
#   FUZZ_TARGETS="inbox markdown" scripts/fuzz.sh 300
#
# cargo-fuzz is installed when missing. It passes nightly-only (-Z) flags to rustc; on a stable
# toolchain RUSTC_BOOTSTRAP=1 lets them through. The corpora start from the committed seeds
# (fuzz/seeds/), the fediverse fixtures (tests/fixtures/) and, when present, the shared data
# directory next to the checkout (../shared/data, or ALLMENDE_SHARED_DATA); they grow under
# target/fuzz-work/corpus/ and are not committed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

if [[ "${1:-}" == "--repro" ]]; then
  input=${2:?usage: scripts/fuzz.sh --repro FILE TARGET}
  target=${3:?usage: scripts/fuzz.sh --repro FILE TARGET}
  export RUSTC_BOOTSTRAP=1
  exec cargo fuzz run --sanitizer "${FUZZ_SANITIZER:-none}" --debug-assertions \
    --target-dir "$ROOT/target/fuzz" "$target" "$input"
fi

# --replay: when the instrumented build is out of reach (a cold `cargo fuzz build` of the whole
# server takes most of an hour on a small busy machine), the same targets are compiled against
# the ordinary debug test build with a stand-in for libfuzzer-sys (fuzz/replay/libfuzzer_sys.rs)
# that replays the seeds and then random mutations of them, without coverage feedback.
REPLAY=0
if [[ "${1:-}" == "--replay" ]]; then
  REPLAY=1
  shift
fi

SECONDS_PER_TARGET=${1:-60}
TARGETS=${FUZZ_TARGETS:-"inbox sanitize_html markdown http_signature http_signature_rfc9421 webfinger api_params"}
SANITIZER=${FUZZ_SANITIZER:-none}
SHARED_DATA=${ALLMENDE_SHARED_DATA:-$ROOT/../shared/data}
WORK=$ROOT/target/fuzz-work
export RUSTC_BOOTSTRAP=1
export CARGO_TERM_COLOR=never

if ((REPLAY)); then
  REPLAY_DIR=$WORK/replay
  mkdir -p "$REPLAY_DIR"
  echo "==> building the debug test build and the replay targets"
  # The artifacts of the test build: the server library and the crates the targets use.
  cargo test --workspace --test integration --no-run --locked --message-format=json >"$REPLAY_DIR/build.json"
  mapfile -t link_args < <(python3 - "$REPLAY_DIR/build.json" <<'PY'
import json, sys
wanted = {"allmende": None, "axum": "0.8", "serde_json": "1.", "url": "2.", "sha2": "0.10",
          "base64": "0.22", "tokio": "1.", "libc": "0."}
found, natives = {}, set()
for line in open(sys.argv[1]):
    try:
        msg = json.loads(line)
    except ValueError:
        continue
    if msg.get("reason") == "build-script-executed":
        natives.update(p.split("=", 1)[-1] for p in msg.get("linked_paths", []))
    if msg.get("reason") != "compiler-artifact" or "lib" not in msg["target"]["kind"]:
        continue
    name = msg["target"]["name"]
    version = msg["package_id"].rsplit("@", 1)[-1].split("#")[-1].split(":")[-1]
    if name in wanted and (wanted[name] is None or version.startswith(wanted[name])):
        rlib = [f for f in msg["filenames"] if f.endswith(".rlib")]
        if rlib:
            found[name] = rlib[0]
for name, path in sorted(found.items()):
    print("--extern"); print(f"{name}={path}")
for path in sorted(natives):
    print("-L"); print(f"native={path}")
PY
  )
  deps=$ROOT/target/debug/deps
  rustc_common=(--edition 2024 -C opt-level=1 -C debug-assertions=on -C overflow-checks=on
    -L "dependency=$deps" "${link_args[@]}")
  rustc "${rustc_common[@]}" --crate-type rlib --crate-name libfuzzer_sys \
    "$ROOT/fuzz/replay/libfuzzer_sys.rs" --out-dir "$REPLAY_DIR"
  rustc "${rustc_common[@]}" --crate-type rlib --crate-name allmende_fuzz "$ROOT/fuzz/src/lib.rs" \
    --out-dir "$REPLAY_DIR"
  for target in $TARGETS; do
    rustc "${rustc_common[@]}" --crate-type bin --crate-name "$target" \
      --extern "libfuzzer_sys=$REPLAY_DIR/liblibfuzzer_sys.rlib" \
      --extern "allmende_fuzz=$REPLAY_DIR/liballmende_fuzz.rlib" \
      "$ROOT/fuzz/fuzz_targets/$target.rs" -o "$REPLAY_DIR/$target"
  done
elif ! cargo fuzz --version >/dev/null 2>&1; then
  echo "==> installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

# The Rust code under test is memory safe; AddressSanitizer (FUZZ_SANITIZER=address) adds
# little there and costs build time and speed, so the default is none. Debug assertions and
# overflow checks stay on: an overflow is a crash. 16 codegen units build much faster than one.
build_flags=(--sanitizer "$SANITIZER" --debug-assertions --codegen-units "${FUZZ_CODEGEN_UNITS:-16}"
  --target-dir "$ROOT/target/fuzz")

if ((!REPLAY)); then
  echo "==> building the fuzz targets"
  build_start=$(date +%s)
  cargo fuzz build "${build_flags[@]}"
  echo "built in $(($(date +%s) - build_start)) s"
fi

# Files (JSON and HTML) of the fixtures and shared data, one seed each.
json_files() {
  find "$ROOT/tests/fixtures" -type f -name '*.json'
  if [[ -d "$SHARED_DATA" ]]; then
    find "$SHARED_DATA" -type f -name '*.json' -size -256k
  fi
}

# The HTML `content` (and `summary`, `name`) of every fixture, one seed each.
html_seeds() {
  local out=$1
  command -v python3 >/dev/null || return 0
  json_files | python3 -c '
import json, sys, hashlib, os
out = sys.argv[1]
def walk(v):
    if isinstance(v, dict):
        for k, x in v.items():
            if k in ("content", "summary", "name", "source") and isinstance(x, str) and "<" in x:
                yield x
            elif isinstance(x, dict) and k == "contentMap":
                yield from (s for s in x.values() if isinstance(s, str))
            else:
                yield from walk(x)
    elif isinstance(v, list):
        for x in v:
            yield from walk(x)
for path in sys.stdin.read().split("\n"):
    if not path:
        continue
    try:
        doc = json.load(open(path, encoding="utf-8"))
    except Exception:
        continue
    for text in walk(doc):
        name = hashlib.sha1(text.encode()).hexdigest()[:16]
        open(os.path.join(out, name), "w", encoding="utf-8").write(text)
' "$out"
}

seed() {
  local target=$1 dir=$WORK/seeds/$target
  rm -rf "$dir"
  mkdir -p "$dir"
  cp "$ROOT/fuzz/seeds/$target/"* "$dir/"
  case $target in
    inbox)
      # Each fixture as the body of a request whose headers pass (mode byte 0).
      local i=0
      while read -r file; do
        i=$((i + 1))
        { printf '0'; cat "$file"; } >"$dir/fixture-$i"
      done < <(json_files)
      ;;
    webfinger | api_params)
      local i=0
      while read -r file; do
        i=$((i + 1))
        if [[ $target == api_params ]]; then
          { printf '\n\000\n'; cat "$file"; } >"$dir/fixture-$i"
        else
          cp "$file" "$dir/fixture-$i"
        fi
      done < <(json_files | head -n 40)
      ;;
    sanitize_html) html_seeds "$dir" ;;
    markdown)
      cp "$ROOT"/docs/*.md "$dir/" 2>/dev/null || true
      cp "$ROOT/README.md" "$ROOT/FEDERATION.md" "$dir/" 2>/dev/null || true
      html_seeds "$dir"
      ;;
  esac
}

dict_of() {
  case $1 in
    sanitize_html | markdown) echo "$ROOT/fuzz/dicts/html.dict" ;;
    *) echo "$ROOT/fuzz/dicts/federation.dict" ;;
  esac
}

failed=()
summary=()
for target in $TARGETS; do
  seed "$target"
  corpus=$WORK/corpus/$target
  artifacts=$WORK/artifacts/$target
  mkdir -p "$corpus" "$artifacts"
  log=$WORK/$target.log
  echo "==> fuzzing $target for ${SECONDS_PER_TARGET} s ($(find "$WORK/seeds/$target" -type f | wc -l) seeds)"
  status=0
  if ((REPLAY)); then
    # No coverage feedback, so no corpus grows: the seeds are the corpus.
    cp "$WORK/seeds/$target/"* "$corpus/" 2>/dev/null || true
    "$WORK/replay/$target" "$SECONDS_PER_TARGET" "$(dict_of "$target")" "$artifacts" "$corpus" \
      >"$log" 2>&1 || status=$?
  else
    cargo fuzz run "${build_flags[@]}" "$target" "$corpus" "$WORK/seeds/$target" -- \
      -max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -dict="$(dict_of "$target")" -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  # A crash ends the run before the final statistics: take the last status line instead.
  if [[ -z "$execs" ]]; then
    execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
    rate=$(grep -o 'exec/s: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
  fi
  corpus_size=$(find "$corpus" -type f | wc -l)
  crashes=$(find "$artifacts" -type f | wc -l)
  if [[ $status -ne 0 ]]; then
    failed+=("$target")
    echo "!! $target crashed (exit $status); see $log and $artifacts/"
    grep -m 5 -E 'panicked|ERROR|SUMMARY' "$log" || true
  fi
  line=$(printf '%-15s %10s execs/s %12s execs  corpus %6s  crashes %s' \
    "$target" "${rate:-?}" "${execs:-?}" "$corpus_size" "$([[ $status -ne 0 ]] && echo "YES ($crashes)" || echo 0)")
  summary+=("$line")
  echo "$line"
done

echo
echo "==> summary (${SECONDS_PER_TARGET} s per target, $( ((REPLAY)) && echo "replay without coverage" || echo "libFuzzer, sanitizer: $SANITIZER"))"
printf '%s\n' "${summary[@]}"
if ((${#failed[@]} > 0)); then
  echo "crashed: ${failed[*]}" >&2
  exit 1
fi
