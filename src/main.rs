use std::process::ExitCode;

use anyhow::Context as _;
use clap::Parser;

use allmende::cli::{Cli, Command, ConfigCommand, GroupCommand, GroupKindArg, MailCommand, UserCommand};
use allmende::config::Config;
use allmende::domain::SystemClock;
use allmende::service::{account_deletion, account_security, accounts, groups};
use allmende::startup::{self, Application};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match Config::load(cli.config.as_deref()) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    };
    allmende::observability::logging::init(&config.log);
    if let Command::Config(ConfigCommand::Check) = cli.command {
        return check_config(cli.config.as_deref(), &config);
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, config: Config) -> anyhow::Result<()> {
    match command {
        Command::Serve => serve(config).await,
        Command::Migrate => {
            let db = startup::connect_database(&config).await?;
            println!("Database {} is up to date.", db.backend_name());
            Ok(())
        }
        Command::User(UserCommand::Create(args)) => {
            let ctx = cli_context(&config).await?;
            let user = accounts::create_account(
                &ctx,
                accounts::NewAccount {
                    username: args.username,
                    email: args.email,
                    password: args.password,
                    admin: args.admin,
                },
            )
            .await
            .context("could not create the user")?;
            // Close the pool before saying so: every connection is shut cleanly (on SQLite, WAL
            // frames written and the locks released) before the command exits 0.
            ctx.db.close().await;
            println!("Created {} {}.", if user.is_admin() { "admin" } else { "user" }, user.name);
            Ok(())
        }
        Command::Config(ConfigCommand::Check) => Ok(()),
        Command::Mail(MailCommand::Test(args)) => {
            let answer =
                allmende::mail::send_test(&config, &args.to).await.context("the test mail was not sent")?;
            println!("Sent a test mail to {}. The mail server answered: {answer}", args.to);
            Ok(())
        }
        Command::Backup(args) => {
            let contents = allmende::backup::backup(&config, &args.output).await.context("backup failed")?;
            println!("Wrote {}: {}.", args.output.display(), allmende::backup::describe(&contents));
            Ok(())
        }
        Command::Restore(args) => {
            let contents = allmende::backup::restore(&config, &args.input).await.context("restore failed")?;
            println!(
                "Restored {}: {}. Start the server (or run `allmende migrate`) to bring the schema up to date.",
                args.input.display(),
                allmende::backup::describe(&contents)
            );
            Ok(())
        }
        Command::User(UserCommand::ResetPassword(args)) => {
            let chosen = if args.password_stdin {
                let mut line = String::new();
                std::io::stdin().read_line(&mut line).context("could not read the password from stdin")?;
                Some(line.trim_end_matches(['\r', '\n']).to_owned())
            } else {
                None
            };
            let ctx = cli_context(&config).await?;
            let password = account_security::reset_password(&ctx, &args.name, chosen.clone())
                .await
                .context("could not reset the password")?;
            if chosen.is_some() {
                println!("Changed the password of {}; their sessions and app tokens were ended.", args.name);
            } else {
                println!("New password of {}: {password}", args.name);
                println!("Their sessions and app tokens were ended.");
            }
            Ok(())
        }
        Command::User(UserCommand::Delete(args)) => {
            let ctx = cli_context(&config).await?;
            let deleted = account_deletion::delete_by_name(&ctx, &args.name)
                .await
                .with_context(|| format!("could not delete the account {}", args.name))?;
            if deleted {
                println!(
                    "Deleted the account {}; the name stays taken. Other instances are told by the \
                     running server's delivery queue.",
                    args.name
                );
            } else {
                println!("The account {} was deleted before.", args.name);
            }
            Ok(())
        }
        Command::Group(GroupCommand::Create(args)) => {
            let ctx = cli_context(&config).await?;
            let input = groups::NewGroup {
                name: args.name,
                kind: match args.kind {
                    GroupKindArg::Project => "project".into(),
                    GroupKindArg::Discussion => "discussion".into(),
                },
                title: args.title,
                description: args.description,
            };
            let name = match args.owner {
                Some(owner) => groups::create_group_owned_by(&ctx, &owner, input).await,
                None => groups::create_group_by_first_admin(&ctx, input).await,
            }
            .context("could not create the group")?;
            ctx.db.close().await;
            println!("Created group {name}: {}/g/{name}", config.base_url());
            Ok(())
        }
    }
}

async fn cli_context(config: &Config) -> anyhow::Result<allmende::service::Context> {
    let db = startup::connect_database(config).await?;
    Ok(startup::service_context(config, db, std::sync::Arc::new(SystemClock)))
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let base_url = config.base_url();
    let app = Application::build(config).await?;
    let addr = app.local_addr()?;
    println!("Allmende is listening on http://{addr} (public URL {base_url}).");
    println!(
        "Create the first admin with:\n  allmende user create --username NAME --password PASSWORD --admin\n\
         (from a checkout: cargo run --release -- user create ...)"
    );
    app.run_until(startup::shutdown_signal()).await.context("server failed")?;
    Ok(())
}

/// `allmende config check`: the configuration loaded (or `main` already said why not); print
/// what is in force.
fn check_config(file: Option<&std::path::Path>, config: &Config) -> ExitCode {
    match Config::effective_values(file) {
        Ok(values) => {
            print!("{}", allmende::config_report::render(&values, config, file));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}
