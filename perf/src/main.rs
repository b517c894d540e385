//! `allmende-perf`: a thin dispatcher over the subcommands of the library.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "allmende-perf", version, about = "Measuring tools for an Allmende server")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Drives a sustained mixed load against a running server, then checks that no acknowledged
    /// write was lost and that the database is consistent. Exits 1 when anything failed.
    Load(allmende_perf::load::LoadArgs),
}

#[tokio::main]
async fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Load(args) => allmende_perf::load::main(args).await,
    }
}
