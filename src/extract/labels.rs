//! How the labels of claims write values: figures with thousands separators ("1,200,000"),
//! dates with the month's name ("20 February 2014").

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
