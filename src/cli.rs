//! The `allmende` command line: the operator contract of DESIGN.md section 5.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(name = "allmende", version, about = "A federated forum server for regional climate networks")]
pub struct Cli {
    /// A TOML file layered over the built-in defaults (see config/default.toml).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server (applies pending migrations first).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage people with a login.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage groups.
    #[command(subcommand)]
    Group(GroupCommand),
    /// Inspect the configuration.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Write a consistent snapshot of the database (with the instance key) and the media into one
    /// .tar.gz archive; safe while the server runs. PostgreSQL needs `pg_dump`.
    Backup(BackupArgs),
    /// Outgoing mail.
    #[command(subcommand)]
    Mail(MailCommand),
    /// Restore an archive made by `allmende backup` into an empty data directory (and, for
    /// PostgreSQL, an empty database; needs `pg_restore`). The next start migrates it as usual.
    Restore(RestoreArgs),
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The archive to write (a new file, e.g. allmende-2026-12-07.tar.gz).
    #[arg(long, value_name = "FILE")]
    pub output: PathBuf,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// An archive made by `allmende backup`.
    #[arg(long, value_name = "FILE")]
    pub input: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// Send a test mail with the `mail.*` settings at once (not through the queue) and print
    /// what the SMTP server answered.
    Test(MailTest),
}

#[derive(Debug, Args)]
pub struct MailTest {
    /// The address to send the test mail to.
    #[arg(long, value_name = "ADDR")]
    pub to: String,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Check the configuration (defaults, `--config FILE`, ALLMENDE_* variables) as the server
    /// would, refusing unknown keys, and print the settings in force with secrets masked.
    Check,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a person who can sign in.
    Create(UserCreate),
    /// Give a person a new password, ending all their sessions and app tokens.
    ResetPassword(UserResetPassword),
    /// Delete a person's account at once (no grace period): posts become tombstones, media,
    /// follows, blocks, sessions and tokens go, the name stays taken, and the instances that
    /// know the person are sent a `Delete` (by the running server's delivery queue).
    Delete(UserDelete),
}

#[derive(Debug, Args)]
pub struct UserDelete {
    /// The person's username.
    pub name: String,
}

#[derive(Debug, Args)]
pub struct UserResetPassword {
    /// The person's username.
    pub name: String,
    /// Read the new password from the first line of standard input instead of printing a
    /// random one.
    #[arg(long)]
    pub password_stdin: bool,
}

#[derive(Debug, Args)]
pub struct UserCreate {
    /// The handle: lowercase letters, digits, _ and -.
    #[arg(long)]
    pub username: String,
    /// At least 8 characters.
    #[arg(long)]
    pub password: String,
    #[arg(long)]
    pub email: Option<String>,
    /// Make the person an instance admin.
    #[arg(long)]
    pub admin: bool,
}

#[derive(Debug, Subcommand)]
pub enum GroupCommand {
    /// Create a project or discussion group.
    Create(GroupCreate),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum GroupKindArg {
    Project,
    Discussion,
}

#[derive(Debug, Args)]
pub struct GroupCreate {
    /// The handle of the group, e.g. energy-efficiency.
    #[arg(long)]
    pub name: String,
    #[arg(long, value_enum)]
    pub kind: GroupKindArg,
    /// The human title of the group.
    #[arg(long)]
    pub title: String,
    /// A Markdown description.
    #[arg(long, default_value = "")]
    pub description: String,
    /// The person who owns the group; defaults to the first admin.
    #[arg(long)]
    pub owner: Option<String>,
}
