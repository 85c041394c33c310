//! How the labels of claims write values: figures with thousands separators ("1,200,000"),
//! dates with the month's name ("20 February 2014"); and whether a figure is written round.

use crate::model::DateValue;

/// 1200000000 -> "1,200,000,000"; 1.5 -> "1.5".
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (k, ch) in digits.chars().enumerate() {
            if k > 0 && (digits.len() - k) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The value of the last written digit of a precise figure (17: 1, 5.6: 0.1, 1,550: 1), or
/// none for a round one (70,000, 7,100, 24 million; 100 and 250 are precise).
pub fn last_digit_step(v: f64) -> Option<f64> {
    if !v.is_finite() || v <= 0.0 {
        return None;
    }
    for decimals in 0..=6 {
        let scale = 10f64.powi(decimals);
        let scaled = v * scale;
        if (scaled - scaled.round()).abs() < 1e-6 {
            if decimals > 0 {
                return Some(1.0 / scale);
            }
            let mut n = scaled.round() as u64;
            let mut zeros = 0;
            while n > 0 && n.is_multiple_of(10) {
                n /= 10;
                zeros += 1;
            }
            let round = zeros >= 3 || (zeros >= 2 && v >= 1000.0);
            return (!round).then_some(1.0);
        }
    }
    None
}

/// "February 2022", "Sept. 28", "20 February 2014".
pub fn date_label(d: &DateValue) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = d
        .month
        .and_then(|m| MONTHS.get((m as usize).wrapping_sub(1)))
        .copied();
    let mut parts = Vec::new();
    if let Some(day) = d.day {
        parts.push(day.to_string());
    }
    if let Some(m) = month {
        parts.push(m.to_string());
    }
    if let Some(y) = d.year {
        parts.push(y.to_string());
    }
    let date = if parts.is_empty() {
        "date".to_string()
    } else {
        parts.join(" ")
    };
    match d.bound {
        Some(b) => format!("{} {date}", b.as_str()),
        None => date,
    }
}
