//! Reading and validating a dataset, shared by `validate` and `stats`, and
//! the text form of its problems that both print.

use std::io::Write;
use std::time::{Duration, Instant};

use dialognetz_core::{Dataset, Problem};

use crate::error::CliError;
use crate::input::{self, Input};

/// The outcome of reading and checking one input.
#[derive(Debug)]
pub struct Checked {
    /// The dataset, or every problem found.
    pub result: Result<Dataset, Vec<Problem>>,
    /// Time to read and check, for the summary line.
    pub elapsed: Duration,
}

/// Reads `path` (or stdin for `-`) and validates it with the core. Only a
/// file that cannot be read at all is an error; a too-large one is a problem.
pub fn check(path: &str) -> Result<Checked, CliError> {
    let started = Instant::now();
    let result = match input::read(path)? {
        Input::Bytes(bytes) => dialognetz_core::validate(&bytes),
        Input::TooLarge { bytes } => Err(vec![Input::too_large_problem(bytes)]),
    };
    Ok(Checked {
        result,
        elapsed: started.elapsed(),
    })
}

/// Prints one rendered problem per line to `out` and the count to `err`, so
/// that `2>/dev/null` leaves exactly the problem list.
pub fn print_problems(
    problems: &[Problem],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CliError> {
    for problem in problems {
        writeln!(out, "{}", problem.render())?;
    }
    // On a terminal both streams show together: the count comes last.
    out.flush()?;
    writeln!(
        err,
        "invalid: {}",
        plural(problems.len(), "problem", "problems")
    )?;
    Ok(())
}

/// `1 forum`, `2 forums`.
pub fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("{count} {one}")
    } else {
        format!("{count} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dialognetz_core::Rule;

    #[test]
    fn problems_go_to_stdout_and_their_count_to_stderr() {
        let problems = vec![
            Problem::new(
                "organizations[0].website",
                Rule::Url,
                "only http: and https: links are allowed",
            )
            .with_value("javascript:alert(1)"),
            Problem::new("", Rule::Syntax, "not valid JSON").at(1, 2),
        ];
        let (mut out, mut err) = (Vec::new(), Vec::new());
        print_problems(&problems, &mut out, &mut err).expect("writes to memory");
        let out = String::from_utf8_lossy(&out);
        assert_eq!(out.lines().count(), 2);
        assert!(out.starts_with("organizations[0].website: \"javascript:alert(1)\""));
        assert!(out.contains("line 1, column 2: "));
        assert_eq!(String::from_utf8_lossy(&err), "invalid: 2 problems\n");
    }

    #[test]
    fn plural_says_one_without_s() {
        assert_eq!(plural(1, "forum", "forums"), "1 forum");
        assert_eq!(plural(0, "forum", "forums"), "0 forums");
    }
}
