//! Just enough calendar for event dates: days since 1970, weekdays, and the
//! German UTC offset (CET/CEST), without a date-time dependency.

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Day {
    pub fn new(year: i32, month: u32, day: u32) -> Day {
        Day { year, month, day }
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` after 1970-01-01 (`civil_from_days`).
    pub fn from_days(days: i64) -> Day {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Day { year, month, day }
    }

    pub fn add_days(self, days: i64) -> Day {
        Day::from_days(self.to_days() + days)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        (self.to_days() + 3).rem_euclid(7) as u32
    }

    /// The last Sunday of a month, when Germany changes clocks (March, October).
    fn last_sunday(year: i32, month: u32) -> Day {
        let last = Day::new(year, month, days_in_month(year, month));
        last.add_days(-i64::from((last.weekday() + 1) % 7))
    }

    /// `+02:00` in summer time (last Sunday of March up to the last Sunday of
    /// October), `+01:00` otherwise; good for local times of day.
    pub fn german_offset(self) -> &'static str {
        if self >= Day::last_sunday(self.year, 3) && self < Day::last_sunday(self.year, 10) {
            "+02:00"
        } else {
            "+01:00"
        }
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `YYYY-MM`.
    pub fn iso_month(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// `YYYY-MM-DDTHH:MM:00+0X:00` at a local German time.
    pub fn at(self, hour: u32, minute: u32) -> String {
        format!(
            "{}T{hour:02}:{minute:02}:00{}",
            self.iso(),
            self.german_offset()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_across_leap_years() {
        for days in [-1, 0, 19_000, 19_782, 20_000, 21_000] {
            assert_eq!(Day::from_days(days).to_days(), days);
        }
        assert_eq!(Day::new(2024, 2, 28).add_days(1), Day::new(2024, 2, 29));
        assert_eq!(Day::new(2023, 2, 28).add_days(1), Day::new(2023, 3, 1));
        assert_eq!(Day::new(2024, 12, 31).add_days(1), Day::new(2025, 1, 1));
    }

    #[test]
    fn weekdays_match_the_calendar() {
        assert_eq!(Day::new(2024, 3, 6).weekday(), 2); // a Wednesday
        assert_eq!(Day::new(2025, 10, 26).weekday(), 6); // a Sunday
    }

    #[test]
    fn summer_time_runs_from_the_last_sunday_of_march_to_that_of_october() {
        assert_eq!(Day::new(2025, 3, 29).german_offset(), "+01:00");
        assert_eq!(Day::new(2025, 3, 30).german_offset(), "+02:00");
        assert_eq!(Day::new(2025, 10, 25).german_offset(), "+02:00");
        assert_eq!(Day::new(2025, 10, 26).german_offset(), "+01:00");
        assert_eq!(Day::new(2024, 3, 6).at(9, 30), "2024-03-06T09:30:00+01:00");
    }
}
