//! `allmende-perf`: performance and measuring tools for Allmende. This file only dispatches;
//! each command lives in its own module of the library (`seed`: the data generator; `load`: a
//! sustained mixed load against a running server).

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "allmende-perf", version, about = "Performance and measuring tools for Allmende")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Fill an empty database with a large, realistic, deterministic instance.
    Seed(allmende_perf::seed::SeedArgs),
    /// Drive a sustained mixed load against a running server, then check that no acknowledged
    /// write was lost and that the database is consistent. Exits 1 when anything failed.
    Load(allmende_perf::load::LoadArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match cli.command {
        Command::Seed(args) => match runtime.block_on(allmende_perf::seed::run(args)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: {error:#}");
                ExitCode::FAILURE
            }
        },
        Command::Load(args) => runtime.block_on(allmende_perf::load::main(args)),
    }
}
