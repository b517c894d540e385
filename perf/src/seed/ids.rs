//! Ids in the application's format (milliseconds since the Unix epoch above 22 low bits, see
//! `allmende::domain::IdGenerator`), strictly unique within a table: the low bits count the
//! rows of the table, so two rows of one millisecond never share an id. Seeded times all lie
//! before the moment of seeding, so ids the server makes later never meet these.

const LOW_BITS: u32 = 22;

/// Makes the ids of one table.
#[derive(Debug)]
pub struct IdSpace {
    next: u64,
    /// How many low-bit values each id uses (posts keep odd values free for their group's share).
    step: u64,
    table: &'static str,
}

impl IdSpace {
    pub fn new(table: &'static str) -> Self {
        Self { next: 0, step: 1, table }
    }

    /// Ids whose low bits are even: `id + 1` is then free for a companion row of another
    /// table that shares the id space in the client API (a thread's share by its group).
    pub fn even(table: &'static str) -> Self {
        Self { next: 0, step: 2, table }
    }

    /// The id of a row made at `millis`.
    pub fn at(&mut self, millis: i64) -> anyhow::Result<i64> {
        let low = self.next;
        if low >= 1 << LOW_BITS {
            anyhow::bail!(
                "too many rows for one id space ({}): at most {}",
                self.table,
                (1u64 << LOW_BITS) / self.step
            );
        }
        self.next += self.step;
        Ok(((millis.max(0) as u64) << LOW_BITS | low) as i64 & i64::MAX)
    }
}

/// The time of an id made by [`IdSpace::at`].
pub fn millis_of(id: i64) -> i64 {
    id >> LOW_BITS
}
