//! A stand-in for `libfuzzer-sys` when the instrumented build is out of reach (a cold
//! `cargo fuzz build` of the whole server takes most of an hour on a small busy machine): the
//! same targets, compiled against the ordinary debug build, run over their seeds and then over
//! random mutations of them for a while. Without coverage feedback this is far weaker than
//! libFuzzer, but it runs every target's assertions on the seeds and on a few hundred thousand
//! mangled inputs, and it needs nothing but the test build. Used by `scripts/fuzz.sh --replay`.
//!
//! `target SECONDS DICT CRASH_DIR CORPUS_DIR...`: prints `execs`, `execs/s`, `crashes`.

use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

#[macro_export]
macro_rules! fuzz_target {
    (|$data:ident: &[u8]| $body:block) => {
        #[unsafe(no_mangle)]
        pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
            $crate::run(|$data: &[u8]| $body)
        }
    };
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

/// libFuzzer dictionary lines: `"token"` with `\"`, `\\` and `\xNN` escapes.
fn read_dict(path: &str) -> Vec<Vec<u8>> {
    let Ok(text) = std::fs::read_to_string(path) else { return Vec::new() };
    let mut tokens = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        let (Some(start), Some(end)) = (line.find('"'), line.rfind('"')) else { continue };
        if line.starts_with('#') || end <= start {
            continue;
        }
        let raw = line[start + 1..end].as_bytes();
        let mut token = Vec::new();
        let mut i = 0;
        while i < raw.len() {
            if raw[i] == b'\\' && i + 1 < raw.len() {
                if raw[i + 1] == b'x' && i + 3 < raw.len() {
                    let hex = std::str::from_utf8(&raw[i + 2..i + 4]).unwrap_or("00");
                    token.push(u8::from_str_radix(hex, 16).unwrap_or(0));
                    i += 4;
                    continue;
                }
                token.push(raw[i + 1]);
                i += 2;
                continue;
            }
            token.push(raw[i]);
            i += 1;
        }
        tokens.push(token);
    }
    tokens
}

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, corpus: &[Vec<u8>], dict: &[Vec<u8>]) {
    for _ in 0..=rng.below(4) {
        let len = input.len();
        match rng.below(9) {
            0 if len > 0 => {
                let at = rng.below(len);
                input[at] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let at = rng.below(len);
                input[at] = rng.next() as u8;
            }
            2 => {
                let at = rng.below(len + 1);
                let special = b"\n\"<>&;=,:()@#/\\\0 \t\r%'";
                input.insert(at, special[rng.below(special.len())]);
            }
            3 if len > 0 => {
                let at = rng.below(len);
                let n = 1 + rng.below((len - at).min(16));
                input.drain(at..at + n);
            }
            4 if !dict.is_empty() => {
                let at = rng.below(len + 1);
                let token = &dict[rng.below(dict.len())];
                input.splice(at..at, token.iter().copied());
            }
            5 if len > 0 => {
                // Repeat a slice: deep nesting, long runs.
                let at = rng.below(len);
                let n = 1 + rng.below((len - at).min(32));
                let piece: Vec<u8> = input[at..at + n].to_vec();
                for _ in 0..=rng.below(64) {
                    input.splice(at..at, piece.iter().copied());
                }
            }
            6 if !corpus.is_empty() => {
                // Splice in a piece of another input.
                let other = &corpus[rng.below(corpus.len())];
                if !other.is_empty() {
                    let from = rng.below(other.len());
                    let n = 1 + rng.below((other.len() - from).min(256));
                    let at = rng.below(len + 1);
                    input.splice(at..at, other[from..from + n].iter().copied());
                }
            }
            7 if len > 1 => input.truncate(rng.below(len)),
            _ if len > 0 => {
                let at = rng.below(len);
                let digits = b"0123456789-";
                input[at] = digits[rng.below(digits.len())];
            }
            _ => input.push(rng.next() as u8),
        }
    }
    input.truncate(65536);
}

pub fn run(target: impl Fn(&[u8])) -> i32 {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 5 {
        eprintln!("usage: {} SECONDS DICT CRASH_DIR CORPUS_DIR...", args[0]);
        return 2;
    }
    let seconds: u64 = args[1].parse().unwrap_or(60);
    let dict = read_dict(&args[2]);
    let crash_dir = &args[3];
    let mut corpus: Vec<Vec<u8>> = Vec::new();
    for dir in &args[4..] {
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        for entry in entries.flatten() {
            if let Ok(bytes) = std::fs::read(entry.path()) {
                corpus.push(bytes);
            }
        }
    }
    if corpus.is_empty() {
        corpus.push(Vec::new());
    }
    let default_hook = std::panic::take_hook();
    let shown = std::sync::atomic::AtomicUsize::new(0);
    std::panic::set_hook(Box::new(move |info| {
        if shown.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < 3 {
            default_hook(info);
        }
    }));
    let mut crashes = 0usize;
    let mut execs = 0u64;
    let save = |input: &[u8], crashes: &mut usize| {
        *crashes += 1;
        let name = format!("{crash_dir}/crash-{:016x}", {
            let mut h = 0xcbf29ce484222325u64;
            for b in input {
                h = (h ^ u64::from(*b)).wrapping_mul(0x100000001b3);
            }
            h
        });
        let _ = std::fs::write(&name, input);
        eprintln!("CRASH saved as {name}");
    };
    let started = Instant::now();
    for input in &corpus {
        execs += 1;
        if catch_unwind(AssertUnwindSafe(|| target(input))).is_err() {
            save(input, &mut crashes);
        }
    }
    let seeds_took = started.elapsed();
    let mut rng = Rng(0x9e3779b97f4a7c15 ^ u64::from(std::process::id()));
    let deadline = started + Duration::from_secs(seconds);
    let mut input = Vec::new();
    while Instant::now() < deadline && crashes < 20 {
        for _ in 0..64 {
            input.clear();
            input.extend_from_slice(&corpus[rng.below(corpus.len())]);
            mutate(&mut rng, &mut input, &corpus, &dict);
            execs += 1;
            if catch_unwind(AssertUnwindSafe(|| target(&input))).is_err() {
                save(&input, &mut crashes);
            }
        }
    }
    let took = started.elapsed().as_secs_f64();
    println!(
        "stat::seeds: {} (replayed in {:.2} s)\nstat::number_of_executed_units: {execs}\nstat::average_exec_per_sec: {}\nstat::crashes: {crashes}",
        corpus.len(),
        seeds_took.as_secs_f64(),
        (execs as f64 / took.max(0.001)) as u64
    );
    let _ = std::io::stdout().flush();
    if crashes > 0 { 1 } else { 0 }
}
