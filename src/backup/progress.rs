//! Progress of a backup or restore on standard error: each step, then the share of bytes done in
//! steps of ten percent (plain lines, readable in a terminal, a log file or a cron mail alike).

use std::io::{Read, Write as _};

#[derive(Debug)]
pub struct Progress {
    total: u64,
    done: u64,
    last_tenth: u64,
}

impl Progress {
    pub fn new(total: u64) -> Self {
        Self { total, done: 0, last_tenth: 0 }
    }

    /// Announces one step of the work.
    pub fn step(message: &str) {
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "{message}");
    }

    /// Counts bytes done and prints a line each time another tenth of the total is reached.
    pub fn advance(&mut self, bytes: u64) {
        self.done = self.done.saturating_add(bytes);
        if self.total == 0 {
            return;
        }
        let tenth = (self.done.min(self.total) * 10) / self.total;
        if tenth > self.last_tenth {
            self.last_tenth = tenth;
            Self::step(&format!("  {:>3}% ({} of {})", tenth * 10, size(self.done), size(self.total)));
        }
    }
}

/// Bytes for people: `512 B`, `3.4 KiB`, `12.0 MiB`, `1.2 GiB`.
pub fn size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 { format!("{bytes} B") } else { format!("{value:.1} {}", UNITS[unit]) }
}

/// A reader that reports what passes through it to a [`Progress`].
pub struct CountingReader<'p, R> {
    pub inner: R,
    pub progress: &'p mut Progress,
}

impl<R: Read> Read for CountingReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.progress.advance(read as u64);
        Ok(read)
    }
}

#[cfg(test)]
mod tests {
    use super::size;

    #[test]
    fn sizes_read_well() {
        assert_eq!(size(512), "512 B");
        assert_eq!(size(3 * 1024 + 400), "3.4 KiB");
        assert_eq!(size(12 * 1024 * 1024), "12.0 MiB");
    }
}
