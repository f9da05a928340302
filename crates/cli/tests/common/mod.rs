//! Helpers shared by the integration tests: run the built binary, find the
//! repository's files.

#![allow(dead_code)] // each test file uses a different part

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The bundled sample dataset.
pub fn sample_path() -> PathBuf {
    repo_root().join("public/data/dataset.json")
}

/// Runs `dialognetz` with `args`.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dialognetz"))
        .args(args)
        .output()
        .expect("the dialognetz binary runs")
}

/// Runs `dialognetz` with `args` and `input` on stdin.
pub fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dialognetz"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the dialognetz binary starts");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // The binary may stop reading early (a too-large input): ignore a closed pipe.
    let _ = stdin.write_all(input);
    drop(stdin);
    child
        .wait_with_output()
        .expect("the dialognetz binary finishes")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The exit code, or a panic naming what the process printed.
pub fn code(output: &Output) -> i32 {
    output
        .status
        .code()
        .unwrap_or_else(|| panic!("killed by a signal; stderr: {}", stderr(output)))
}
