//! Per-route figures: how many requests, their statuses, and latency percentiles.
//!
//! Every latency is kept (a 60 s run makes some tens of thousands), so the percentiles are exact,
//! not estimated from buckets.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Mutex;
use std::time::Duration;

/// The outcome of one request as the statistics see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The server answered with this status.
    Status(u16),
    /// No answer: connection refused or reset, or the client's own timeout.
    Transport,
}

#[derive(Debug, Default)]
struct RouteData {
    latencies_us: Vec<u64>,
    success: u64,
    client_errors: u64,
    rate_limited: u64,
    server_errors: u64,
    transport_errors: u64,
}

/// Collects what every client saw, by route (method and path template, e.g. `GET /t/{id}`).
#[derive(Debug, Default)]
pub struct Recorder {
    routes: Mutex<BTreeMap<&'static str, RouteData>>,
    /// Answers whose body said `database is locked` (whatever their status).
    lock_errors: Mutex<u64>,
}

impl Recorder {
    pub fn record(&self, route: &'static str, outcome: Outcome, elapsed: Duration) {
        let Ok(mut routes) = self.routes.lock() else { return };
        let data = routes.entry(route).or_default();
        data.latencies_us.push(u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX));
        match outcome {
            Outcome::Status(status) if status < 400 => data.success += 1,
            Outcome::Status(429) => data.rate_limited += 1,
            Outcome::Status(status) if status < 500 => data.client_errors += 1,
            Outcome::Status(_) => data.server_errors += 1,
            Outcome::Transport => data.transport_errors += 1,
        }
    }

    pub fn record_lock_error(&self) {
        if let Ok(mut count) = self.lock_errors.lock() {
            *count += 1;
        }
    }

    /// Forgets everything recorded so far (the setup's requests are not part of the figures).
    pub fn reset(&self) {
        if let Ok(mut routes) = self.routes.lock() {
            routes.clear();
        }
        if let Ok(mut count) = self.lock_errors.lock() {
            *count = 0;
        }
    }

    pub fn summary(&self, elapsed: Duration) -> Summary {
        let routes = self.routes.lock().map(|routes| {
            routes
                .iter()
                .map(|(route, data)| {
                    let mut sorted = data.latencies_us.clone();
                    sorted.sort_unstable();
                    RouteSummary {
                        route: (*route).to_owned(),
                        count: sorted.len() as u64,
                        success: data.success,
                        client_errors: data.client_errors,
                        rate_limited: data.rate_limited,
                        server_errors: data.server_errors,
                        transport_errors: data.transport_errors,
                        p50: percentile(&sorted, 50.0),
                        p99: percentile(&sorted, 99.0),
                        max: sorted.last().map(|us| Duration::from_micros(*us)).unwrap_or_default(),
                    }
                })
                .collect()
        });
        Summary {
            elapsed,
            routes: routes.unwrap_or_default(),
            lock_errors: self.lock_errors.lock().map(|count| *count).unwrap_or_default(),
        }
    }
}

/// The nearest-rank percentile of sorted microseconds.
pub fn percentile(sorted_us: &[u64], percent: f64) -> Duration {
    if sorted_us.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((percent / 100.0) * sorted_us.len() as f64).ceil() as usize;
    let index = rank.clamp(1, sorted_us.len()) - 1;
    Duration::from_micros(sorted_us[index])
}

#[derive(Debug, Clone)]
pub struct RouteSummary {
    pub route: String,
    pub count: u64,
    /// 1xx to 3xx.
    pub success: u64,
    /// 4xx other than 429.
    pub client_errors: u64,
    pub rate_limited: u64,
    pub server_errors: u64,
    pub transport_errors: u64,
    pub p50: Duration,
    pub p99: Duration,
    pub max: Duration,
}

#[derive(Debug, Clone)]
pub struct Summary {
    pub elapsed: Duration,
    pub routes: Vec<RouteSummary>,
    pub lock_errors: u64,
}

impl Summary {
    pub fn total(&self) -> u64 {
        self.routes.iter().map(|r| r.count).sum()
    }

    pub fn server_errors(&self) -> u64 {
        self.routes.iter().map(|r| r.server_errors).sum()
    }

    pub fn transport_errors(&self) -> u64 {
        self.routes.iter().map(|r| r.transport_errors).sum()
    }

    pub fn rate_limited(&self) -> u64 {
        self.routes.iter().map(|r| r.rate_limited).sum()
    }

    pub fn client_errors(&self) -> u64 {
        self.routes.iter().map(|r| r.client_errors).sum()
    }
}

fn ms(duration: Duration) -> String {
    format!("{:.1}", duration.as_secs_f64() * 1000.0)
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds = self.elapsed.as_secs_f64().max(0.001);
        writeln!(
            f,
            "requests: {} in {:.1} s ({:.0}/s); 5xx: {}; no answer: {}; 429: {}; other 4xx: {}",
            self.total(),
            seconds,
            self.total() as f64 / seconds,
            self.server_errors(),
            self.transport_errors(),
            self.rate_limited(),
            self.client_errors()
        )?;
        writeln!(
            f,
            "| {:<44} | {:>7} | {:>5} | {:>5} | {:>4} | {:>3} | {:>8} | {:>8} | {:>8} |",
            "route", "count", "4xx", "429", "5xx", "n/a", "p50 ms", "p99 ms", "max ms"
        )?;
        writeln!(
            f,
            "|{:-<46}|{:-<9}|{:-<7}|{:-<7}|{:-<6}|{:-<5}|{:-<10}|{:-<10}|{:-<10}|",
            "", "", "", "", "", "", "", "", ""
        )?;
        for route in &self.routes {
            writeln!(
                f,
                "| {:<44} | {:>7} | {:>5} | {:>5} | {:>4} | {:>3} | {:>8} | {:>8} | {:>8} |",
                route.route,
                route.count,
                route.client_errors,
                route.rate_limited,
                route.server_errors,
                route.transport_errors,
                ms(route.p50),
                ms(route.p99),
                ms(route.max)
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let sorted: Vec<u64> = (1..=100).collect();
        assert_eq!(percentile(&sorted, 50.0), Duration::from_micros(50));
        assert_eq!(percentile(&sorted, 99.0), Duration::from_micros(99));
        assert_eq!(percentile(&sorted, 100.0), Duration::from_micros(100));
        assert_eq!(percentile(&[7], 99.0), Duration::from_micros(7));
        assert_eq!(percentile(&[], 99.0), Duration::ZERO);
    }

    #[test]
    fn outcomes_are_counted_by_class() {
        let recorder = Recorder::default();
        for outcome in
            [Outcome::Status(200), Outcome::Status(303), Outcome::Status(429), Outcome::Status(422)]
        {
            recorder.record("GET /x", outcome, Duration::from_millis(1));
        }
        recorder.record("GET /x", Outcome::Status(503), Duration::from_millis(3));
        recorder.record("GET /x", Outcome::Transport, Duration::from_millis(2));
        let summary = recorder.summary(Duration::from_secs(1));
        let route = &summary.routes[0];
        assert_eq!((route.count, route.success, route.rate_limited, route.client_errors), (6, 2, 1, 1));
        assert_eq!((route.server_errors, route.transport_errors), (1, 1));
        assert_eq!(summary.server_errors(), 1);
        assert_eq!(route.max, Duration::from_millis(3));
    }
}
