//! The executive briefing: the storyboard laid out once into positioned pages
//! ([`layout`]), then written as PDF ([`pdf`]). Everything it needs (fonts, date) is
//! bundled or passed in, so the same project and options always give the same bytes.

pub mod chart;
pub mod citations;
pub mod fonts;
pub mod images;
pub mod layout;
pub mod navigation;
pub mod pdf;
pub mod summary;
pub mod svg;
pub mod text;

use crate::model::Project;

/// What the briefing takes besides the project. The date is given, not read from the
/// clock, so exports are reproducible.
#[derive(Debug, Clone, PartialEq)]
pub struct BriefingOptions {
    /// Printed on the cover, e.g. "26 November 2026".
    pub date_label: String,
    /// Stored in the PDF's metadata.
    pub date: BriefingDate,
    pub paper: layout::Paper,
    /// The handout: each section followed by its speaker notes and room for the reader's.
    pub handout: bool,
    /// The organisation's logo for the cover, prepared for [`layout::LOGO_BOX`].
    pub logo: Option<images::PreparedImage>,
    /// The organisation's colour for the cover band, headings and figures.
    pub accent: Option<layout::Rgb>,
    pub theme: layout::Theme,
    /// The blocks' photos by picture id, prepared for [`layout::PHOTO_BOX`].
    pub photos: std::collections::BTreeMap<i64, images::PreparedImage>,
    /// Problems met while gathering the above (e.g. a stored picture that cannot be
    /// used), reported with the layout's own warnings.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BriefingDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl BriefingDate {
    /// The calendar date (UTC) of a Unix timestamp; the caller reads the clock.
    pub fn from_unix_seconds(seconds: i64) -> BriefingDate {
        // Howard Hinnant's days-to-civil algorithm.
        let days = seconds.div_euclid(86_400);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        BriefingDate { year, month, day }
    }

    /// "26 November 2026".
    pub fn label(self) -> String {
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
        let month = MONTHS
            .get(usize::from(self.month.saturating_sub(1)))
            .copied()
            .unwrap_or("?");
        format!("{} {} {}", self.day, month, self.year)
    }
}

impl BriefingOptions {
    pub fn for_date(date: BriefingDate) -> BriefingOptions {
        BriefingOptions {
            date_label: date.label(),
            date,
            paper: layout::Paper::default(),
            handout: false,
            logo: None,
            accent: None,
            theme: layout::Theme::default(),
            photos: Default::default(),
            warnings: Vec::new(),
        }
    }
}

/// Lays out and writes the briefing as PDF bytes.
pub fn export_pdf(project: &Project, options: &BriefingOptions) -> Vec<u8> {
    let document = layout::lay_out(project, options);
    pdf::write(&document, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_time_becomes_a_calendar_date() {
        let date = |s| BriefingDate::from_unix_seconds(s);
        assert_eq!(
            date(0),
            BriefingDate {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        assert_eq!(
            date(951_782_400),
            BriefingDate {
                year: 2000,
                month: 2,
                day: 29
            }
        );
        assert_eq!(
            date(1_795_737_599),
            BriefingDate {
                year: 2026,
                month: 11,
                day: 26
            }
        );
        assert_eq!(date(1_795_737_599).label(), "26 November 2026");
    }
}
