//! The value a quantity claim states: the figure a hedge gives, its band when approximate,
//! and the label a reader sees ("more than 3 miles").

use crate::extract::labels::format_number;
use crate::extract::numbers::NumberMatch;
use crate::model::Interval;
use crate::rules::{IntervalShape, QualifierRule, UnitRule};

/// The figure a hedge states, whether it is approximate and, if so, the interval its band
/// allows: "about 40" states 40 and allows 36–44, "nearly 40" 36–40, "just over 40" 40–44;
/// "more than 40" states the bound 40–∞ with no band.
pub(super) fn interval(
    m: &NumberMatch,
    q: Option<&QualifierRule>,
    default_band: f64,
) -> (Option<f64>, Option<f64>, bool, Option<Interval>) {
    let (low, high) = (m.low, m.high);
    let Some(q) = q else {
        return (low, high, false, None);
    };
    let band = q.band.unwrap_or(default_band);
    let tidy = |v: f64| {
        // Keep bands free of binary noise: 45 * 1.1 is 49.5, not 49.50000000000001.
        let scale = 10f64.powi(9 - v.abs().log10().floor().max(0.0) as i32);
        (v * scale).round() / scale
    };
    let (stated_low, stated_high) = (low, high);
    let (low, high) = (low.map(tidy), high.map(tidy));
    match q.interval {
        IntervalShape::Above => (low, None, false, None),
        IntervalShape::Below => (None, high, false, None),
        IntervalShape::Around => (
            stated_low,
            stated_high,
            true,
            // The band widens each end away from the other, below zero too: "about −12" is
            // −13.2 to −10.8.
            Some(Interval {
                low: low.map(|v| tidy(v - v.abs() * band)),
                high: high.map(|v| tidy(v + v.abs() * band)),
            }),
        ),
        // Nearly and just over a figure below zero: the band lies on the side of its size,
        // "nearly −5" between −5 and −4.5, with its ends in order.
        IntervalShape::Nearly => (
            stated_low,
            stated_high,
            true,
            Some(ordered(low.map(|v| tidy(v * (1.0 - band))), high)),
        ),
        IntervalShape::JustOver => (
            stated_low,
            stated_high,
            true,
            Some(ordered(low, high.map(|v| tidy(v * (1.0 + band))))),
        ),
        IntervalShape::Exactly => (low, high, false, None),
    }
}

/// An interval from two ends, the lower first.
fn ordered(low: Option<f64>, high: Option<f64>) -> Interval {
    match (low, high) {
        (Some(a), Some(b)) if a > b => Interval {
            low: Some(b),
            high: Some(a),
        },
        _ => Interval { low, high },
    }
}

/// How a quantity reads to a person: "> 40 members", "≤ 190 mi", "1,200,000,000 USD".
pub(super) fn label(
    m: &NumberMatch,
    q: Option<&QualifierRule>,
    unit: Option<&UnitRule>,
    noun: Option<&str>,
) -> String {
    let figure = match (m.low, m.high) {
        (Some(a), Some(b)) if a != b => format!("{}–{}", format_number(a), format_number(b)),
        (Some(a), _) => format_number(a),
        (None, Some(b)) => format_number(b),
        (None, None) => "?".to_string(),
    };
    let sign = match q {
        Some(q) => q.sign.clone().unwrap_or_else(|| match q.interval {
            IntervalShape::Above => ">".into(),
            IntervalShape::Below => "≤".into(),
            IntervalShape::Around => "~".into(),
            IntervalShape::Nearly => "almost".into(),
            IntervalShape::JustOver => "just over".into(),
            IntervalShape::Exactly => String::new(),
        }),
        None if m.low.is_some() && m.high.is_none() => ">".into(),
        None => String::new(),
    };
    let mut out = String::new();
    if !sign.is_empty() {
        out.push_str(&sign);
        out.push(' ');
    }
    out.push_str(&figure);
    match (unit, noun) {
        (Some(u), _) => {
            out.push(' ');
            out.push_str(&u.code);
        }
        (None, Some(n)) => {
            out.push(' ');
            out.push_str(n);
        }
        (None, None) => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{check, q};
    use crate::extract::tests_support::{claims, rules};
    use crate::model::Value;

    #[test]
    fn hedges_make_intervals() {
        check(
            "The club has more than 40 members.",
            &[q(
                "more than 40",
                Some(40.0),
                None,
                "count",
                Some("member"),
                "count",
            )],
        );
        check(
            "The drone flies up to 700 metres.",
            &[q("up to 700 metres", None, Some(700.0), "m", None, "range")],
        );
        check(
            "A group of around 50 countries met.",
            &[q(
                "around 50",
                Some(45.0),
                Some(55.0),
                "count",
                Some("country"),
                "count",
            )],
        );
        // Below zero the band still spans both sides, its ends in order.
        check(
            "The brine froze at about −20 °C overnight.",
            &[q(
                "about −20 °C",
                Some(-22.0),
                Some(-18.0),
                "°C",
                None,
                "temperature",
            )],
        );
        check(
            "Nearly 30 schools closed.",
            &[q(
                "Nearly 30",
                Some(27.0),
                Some(30.0),
                "count",
                Some("school"),
                "count",
            )],
        );
        check(
            "They hired at least 12 guards.",
            &[q(
                "at least 12",
                Some(12.0),
                None,
                "count",
                Some("guard"),
                "count",
            )],
        );
        check(
            "They hired 12 guards or more.",
            &[q("12", Some(12.0), None, "count", Some("guard"), "count")],
        );
    }

    /// A hedged figure keeps the figure the text states; the band of its hedge is beside it,
    /// for comparison.
    #[test]
    fn approximate_figures_state_their_figure_and_carry_their_band() {
        let rules = rules();
        for (sentence, stated, low, high) in [
            (
                "The firm reported about $14 million in sales.",
                14e6,
                Some(12.6e6),
                Some(15.4e6),
            ),
            (
                "The hills lie roughly 20 km from the coast.",
                20.0,
                Some(18.0),
                Some(22.0),
            ),
            ("Nearly 30 schools closed.", 30.0, Some(27.0), Some(30.0)),
            ("Just over 40 staff left.", 40.0, Some(40.0), Some(44.0)),
        ] {
            let got = claims(sentence, &rules);
            let c = got
                .iter()
                .find(|c| c.kind == crate::model::ClaimKind::Quantity)
                .unwrap_or_else(|| panic!("{sentence:?}: no quantity"));
            let Value::Quantity {
                low: l,
                high: h,
                approximate,
                band,
                ..
            } = &c.value
            else {
                panic!("not a quantity")
            };
            assert_eq!((*l, *h), (Some(stated), Some(stated)), "{sentence:?}");
            assert!(approximate, "{sentence:?}");
            let band = band.unwrap_or_else(|| panic!("{sentence:?}: no band"));
            let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
                (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * b.abs().max(1.0),
                (a, b) => a == b,
            };
            assert!(
                close(band.low, low) && close(band.high, high),
                "{sentence:?}: {band:?}"
            );
            assert_eq!(c.value.interval(), Some(band), "{sentence:?}");
        }
        // A bound is no approximation and has no band.
        let got = claims("They hired at least 12 guards.", &rules);
        assert!(
            got.iter().any(|c| matches!(
                &c.value,
                Value::Quantity { low: Some(l), high: None, approximate: false, band: None, .. }
                    if *l == 12.0
            )),
            "{got:?}"
        );
    }
}
