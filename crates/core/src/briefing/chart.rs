//! Charts as data, drawn as vectors by the briefing and by the app from the same model:
//! a metric's baseline, current value and target as bars on one scale.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{format_number, Block, BlockKind, Direction};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum BarRole {
    Baseline,
    Now,
    Target,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChartBar {
    pub role: BarRole,
    /// "Baseline 19", "Target 12 working days".
    pub label: String,
    pub value: f64,
    /// Length against the longest bar, 0–1.
    pub share: f32,
}

/// A metric's movement: where it started, where it is, where it should get to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MetricChart {
    pub bars: Vec<ChartBar>,
    pub better: Option<Direction>,
}

/// The chart of a metric with a baseline or a target beside its value; `None` when there is
/// nothing to compare (fewer than two distinct values, or a negative one).
pub fn metric_chart(block: &Block) -> Option<MetricChart> {
    if block.kind != BlockKind::Metric {
        return None;
    }
    let unit = block
        .unit
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty() && *u != "%" && u.chars().count() <= 24);
    let label = |name: &str, value: f64| {
        let number = format_number(value);
        match (block.unit.as_deref().map(str::trim), unit) {
            (Some("%"), _) => format!("{name} {number}%"),
            (_, Some(unit)) => format!("{name} {number} {unit}"),
            _ => format!("{name} {number}"),
        }
    };
    let mut bars = Vec::new();
    if let Some(baseline) = block.baseline {
        bars.push((BarRole::Baseline, label("Baseline", baseline), baseline));
    }
    if let Some(now) = block.number {
        if Some(now) != block.baseline && Some(now) != block.target {
            bars.push((BarRole::Now, label("Now", now), now));
        }
    }
    if let Some(target) = block.target {
        bars.push((BarRole::Target, label("Target", target), target));
    }
    if bars.len() < 2 || bars.iter().any(|(_, _, v)| !v.is_finite() || *v < 0.0) {
        return None;
    }
    let max = bars.iter().map(|(_, _, v)| *v).fold(0.0, f64::max);
    if max <= 0.0 {
        return None;
    }
    Some(MetricChart {
        bars: bars
            .into_iter()
            .map(|(role, label, value)| ChartBar {
                role,
                label,
                value,
                share: (value / max) as f32,
            })
            .collect(),
        better: block.direction,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metric(number: Option<f64>, baseline: Option<f64>, target: Option<f64>) -> Block {
        Block {
            number,
            baseline,
            target,
            unit: Some("working days".into()),
            direction: Some(Direction::Lower),
            ..Block::new(BlockKind::Metric, "Resolve faster")
        }
    }

    #[test]
    fn baseline_and_target_share_one_scale() {
        let chart = metric_chart(&metric(Some(12.0), Some(19.0), Some(12.0))).unwrap();
        let bars: Vec<(BarRole, &str, f32)> = chart
            .bars
            .iter()
            .map(|b| (b.role, b.label.as_str(), (b.share * 100.0).round() / 100.0))
            .collect();
        assert_eq!(
            bars,
            [
                (BarRole::Baseline, "Baseline 19 working days", 1.0),
                (BarRole::Target, "Target 12 working days", 0.63)
            ]
        );
        assert_eq!(chart.better, Some(Direction::Lower));
    }

    #[test]
    fn a_current_value_between_them_gets_its_own_bar() {
        let chart = metric_chart(&metric(Some(15.0), Some(19.0), Some(12.0))).unwrap();
        let roles: Vec<BarRole> = chart.bars.iter().map(|b| b.role).collect();
        assert_eq!(roles, [BarRole::Baseline, BarRole::Now, BarRole::Target]);
    }

    #[test]
    fn nothing_to_compare_gives_no_chart() {
        assert_eq!(metric_chart(&metric(Some(12.0), None, None)), None);
        assert_eq!(metric_chart(&metric(Some(12.0), None, Some(12.0))), None);
        assert_eq!(metric_chart(&metric(None, Some(-3.0), Some(4.0))), None);
        let mut story = metric(Some(1.0), Some(2.0), Some(3.0));
        story.kind = BlockKind::Story;
        assert_eq!(metric_chart(&story), None);
    }
}
