//! The statistics behind a pilot's verdict: means and spreads, and 95% intervals for the
//! difference a pilot made. Distributions come from `statrs`; nothing here hand-writes a
//! quantile function. Each interval is checked against SciPy and statsmodels in
//! `tests/pilot.rs` (fixtures in `tests/fixtures/pilot/`).

use statrs::distribution::{ContinuousCDF, Normal, StudentsT};

pub const CONFIDENCE: f64 = 0.95;

/// Count, mean and sample variance of some observations, computed stably (Welford), so
/// values near 1e12 or spread over many orders of magnitude keep their precision.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub n: usize,
    pub mean: f64,
    /// The first value, and the mean measured from it: a difference of two means taken
    /// through these stays exact where the means themselves cannot (values near 1e12).
    shift: f64,
    centred_mean: f64,
    /// Sample variance (n − 1 in the denominator); `None` for fewer than two values.
    pub variance: Option<f64>,
}

impl Summary {
    pub fn of(values: &[f64]) -> Summary {
        // Shift by the first value: the sums stay small when all values are large.
        let shift = values.first().copied().unwrap_or(0.0);
        let (mut mean, mut m2) = (0.0, 0.0);
        for (i, value) in values.iter().enumerate() {
            let x = value - shift;
            let delta = x - mean;
            mean += delta / (i + 1) as f64;
            m2 += delta * (x - mean);
        }
        let n = values.len();
        Summary {
            n,
            mean: if n == 0 { f64::NAN } else { mean + shift },
            shift,
            centred_mean: mean,
            variance: (n > 1).then(|| (m2 / (n - 1) as f64).max(0.0)),
        }
    }

    pub fn sd(&self) -> Option<f64> {
        self.variance.map(f64::sqrt)
    }

    /// `self.mean − other.mean`, without the rounding of the two large means.
    pub fn minus(&self, other: &Summary) -> f64 {
        (self.shift - other.shift) + (self.centred_mean - other.centred_mean)
    }
}

/// A two-sided interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

impl Interval {
    fn around(centre: f64, half_width: f64) -> Interval {
        Interval {
            low: centre - half_width,
            high: centre + half_width,
        }
    }

    /// Whether the interval holds values on both sides of zero (the data cannot tell a
    /// gain from a loss).
    pub fn crosses_zero(&self) -> bool {
        self.low < 0.0 && self.high > 0.0
    }
}

/// The t quantile for a two-sided 95% interval with `df` degrees of freedom.
fn t_quantile(df: f64) -> f64 {
    StudentsT::new(0.0, 1.0, df)
        .expect("degrees of freedom are positive")
        .inverse_cdf(0.5 + CONFIDENCE / 2.0)
}

fn z_quantile() -> f64 {
    Normal::standard().inverse_cdf(0.5 + CONFIDENCE / 2.0)
}

/// Welch's interval for the difference of two means (pilot − comparison), which does not
/// assume equal spreads. `None` when either group has fewer than two observations.
pub fn welch(pilot: &Summary, comparison: &Summary) -> Option<Interval> {
    let (v1, v2) = (pilot.variance?, comparison.variance?);
    let (a, b) = (v1 / pilot.n as f64, v2 / comparison.n as f64);
    let se = (a + b).sqrt();
    let difference = pilot.minus(comparison);
    if se == 0.0 {
        return Some(Interval::around(difference, 0.0));
    }
    let df = (a + b).powi(2)
        / (a.powi(2) / (pilot.n - 1) as f64 + b.powi(2) / (comparison.n - 1) as f64);
    Some(Interval::around(difference, t_quantile(df) * se))
}

/// The paired interval for the mean change (after − before), from the per-subject changes.
pub fn paired(changes: &Summary) -> Option<Interval> {
    let sd = changes.sd()?;
    if sd == 0.0 {
        return Some(Interval::around(changes.mean, 0.0));
    }
    let se = sd / (changes.n as f64).sqrt();
    Some(Interval::around(
        changes.mean,
        t_quantile((changes.n - 1) as f64) * se,
    ))
}

/// The t interval of one group's mean (the same as the paired interval of its values).
pub fn one_mean(values: &Summary) -> Option<Interval> {
    paired(values)
}

/// Wilson's score interval for a rate of `successes` in `trials` (trials > 0).
pub fn wilson(successes: u64, trials: u64) -> Interval {
    let (x, n) = (successes as f64, trials as f64);
    let z = z_quantile();
    let p = x / n;
    let denominator = 1.0 + z * z / n;
    let centre = (p + z * z / (2.0 * n)) / denominator;
    let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / denominator;
    Interval {
        low: (centre - half).max(0.0),
        high: (centre + half).min(1.0),
    }
}

/// Newcombe's hybrid score interval for the difference of two rates (pilot − comparison),
/// built from each rate's Wilson interval; it behaves well at 0% and 100%.
pub fn newcombe(pilot: (u64, u64), comparison: (u64, u64)) -> Interval {
    let (p1, p2) = (
        pilot.0 as f64 / pilot.1 as f64,
        comparison.0 as f64 / comparison.1 as f64,
    );
    let (w1, w2) = (wilson(pilot.0, pilot.1), wilson(comparison.0, comparison.1));
    let difference = p1 - p2;
    Interval {
        low: difference - ((p1 - w1.low).powi(2) + (w2.high - p2).powi(2)).sqrt(),
        high: difference + ((w1.high - p1).powi(2) + (p2 - w2.low).powi(2)).sqrt(),
    }
}

/// Hedges' g: the difference of two means in pooled standard deviations, corrected for
/// small groups. `None` without spread to measure against.
pub fn hedges_g(pilot: &Summary, comparison: &Summary) -> Option<f64> {
    let (v1, v2) = (pilot.variance?, comparison.variance?);
    let (n1, n2) = (pilot.n as f64, comparison.n as f64);
    let pooled = (((n1 - 1.0) * v1 + (n2 - 1.0) * v2) / (n1 + n2 - 2.0)).sqrt();
    (pooled > 0.0).then(|| {
        let correction = 1.0 - 3.0 / (4.0 * (n1 + n2) - 9.0);
        pilot.minus(comparison) / pooled * correction
    })
}

/// Cohen's d for paired data (d_z): the mean change in standard deviations of the changes.
pub fn paired_d(changes: &Summary) -> Option<f64> {
    let sd = changes.sd()?;
    (sd > 0.0).then(|| changes.mean / sd)
}

/// Cohen's h: the difference of two rates on the arcsine scale.
pub fn cohens_h(p1: f64, p2: f64) -> f64 {
    2.0 * p1.sqrt().asin() - 2.0 * p2.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_stay_exact_for_huge_values() {
        let s = Summary::of(&[1e12 + 1.0, 1e12 + 3.0, 1e12 + 2.0, 1e12 + 5.0]);
        assert_eq!(s.mean, 1e12 + 2.75);
        assert!((s.variance.unwrap() - 2.916_666_666_666_667).abs() < 1e-12);
    }

    #[test]
    fn one_value_has_no_spread_and_none_have_no_mean() {
        assert_eq!(Summary::of(&[4.0]).variance, None);
        assert!(Summary::of(&[]).mean.is_nan());
    }

    #[test]
    fn the_normal_quantile_is_the_familiar_one_nine_six() {
        assert!((z_quantile() - 1.959_963_984_540_054).abs() < 1e-12);
    }
}
