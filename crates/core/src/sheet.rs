//! Every CSV the app reads (case studies, pilot results) goes through here, so they all
//! name a bad row the way an editor or a spreadsheet shows it: the header is line 1, the
//! row under it line 2, a record whose quoted field spans lines is named by the line it
//! starts on, and a byte-order mark changes nothing. A problem carries the row's first
//! cells too, so the person recognises the row without counting.

/// A problem at one place in the file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct TableError {
    /// 1-based line of the file (the header is line 1); 0 for the file as a whole.
    #[ts(type = "number")]
    pub line: u64,
    pub column: Option<String>,
    pub message: String,
    /// The row's first non-empty cells, shortened (empty for the file as a whole).
    #[serde(default)]
    pub row: Vec<String>,
}

impl TableError {
    /// A problem with the file as a whole (no line).
    pub fn whole(message: impl Into<String>) -> TableError {
        TableError {
            line: 0,
            column: None,
            message: message.into(),
            row: Vec::new(),
        }
    }

    /// A problem with the header row.
    pub fn header(column: Option<&str>, message: impl Into<String>) -> TableError {
        TableError {
            line: 1,
            column: column.map(str::to_string),
            message: message.into(),
            row: Vec::new(),
        }
    }
}

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, &self.column) {
            (0, _) => write!(f, "{}", self.message)?,
            (line, Some(column)) => write!(f, "line {line}, column {column}: {}", self.message)?,
            (line, None) => write!(f, "line {line}: {}", self.message)?,
        }
        if !self.row.is_empty() {
            write!(f, " (the row: {})", self.row.join(" | "))?;
        }
        Ok(())
    }
}

/// How many of a row's cells a problem shows, and how long each may be.
const ROW_CELLS: usize = 3;
const CELL_CHARS: usize = 32;

/// One data row of the file.
pub struct Row {
    pub line: u64,
    record: csv::StringRecord,
}

impl Row {
    /// Cell `index`, trimmed; "" when the row is shorter.
    pub fn get(&self, index: usize) -> &str {
        self.record.get(index).unwrap_or("").trim()
    }

    pub fn is_blank(&self) -> bool {
        self.record.iter().all(|cell| cell.trim().is_empty())
    }

    /// A problem on this row, in `column` when one is to blame.
    pub fn problem(&self, column: Option<&str>, message: impl Into<String>) -> TableError {
        TableError {
            line: self.line,
            column: column.map(str::to_string),
            message: message.into(),
            row: self.preview(),
        }
    }

    fn preview(&self) -> Vec<String> {
        self.record
            .iter()
            .map(str::trim)
            .filter(|cell| !cell.is_empty())
            .take(ROW_CELLS)
            .map(|cell| crate::limits::shortened(cell, CELL_CHARS))
            .collect()
    }
}

/// A CSV file opened at its header row.
pub struct Sheet<'a> {
    text: &'a str,
    reader: csv::Reader<&'a [u8]>,
    headers: Vec<String>,
}

impl<'a> Sheet<'a> {
    /// Reads the header row of `text` (comma-separated, UTF-8, a byte-order mark allowed).
    pub fn open(text: &'a str) -> Result<Sheet<'a>, TableError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| TableError::header(None, format!("the header row cannot be read: {e}")))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        Ok(Sheet {
            text,
            reader,
            headers,
        })
    }

    /// The header's cells, trimmed, as written.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// The header row has no names at all: the file is empty.
    pub fn is_empty(&self) -> bool {
        self.headers.iter().all(String::is_empty)
    }

    /// When the header is one cell holding another separator, the advice to give instead of
    /// "a column is missing".
    pub fn separator_advice(&self) -> Option<String> {
        let [only] = self.headers.as_slice() else {
            return None;
        };
        [';', '\t', '|']
            .into_iter()
            .find(|s| only.contains(*s))
            .map(|sep| {
                format!(
                    "the columns seem to be separated by {sep:?}; Casewright reads commas (save the sheet as CSV with commas)"
                )
            })
    }

    /// The data rows that hold anything, in order; a row the reader cannot take, or whose
    /// cells do not match the header's, is an `Err` naming its line.
    pub fn rows(self) -> impl Iterator<Item = Result<Row, TableError>> + 'a {
        let width = self.headers.len();
        let mut lines = LineCounter::new(self.text);
        self.reader.into_records().filter_map(move |record| {
            let record = match record {
                Ok(record) => record,
                Err(e) => return Some(Err(record_error(e, &mut lines))),
            };
            let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
            let row = Row { line, record };
            if row.is_blank() {
                return None;
            }
            if row.record.len() != width {
                let len = row.record.len();
                return Some(Err(row.problem(
                    None,
                    format!(
                        "this row has {len} cells; the header has {width} (is a quote left open?)"
                    ),
                )));
            }
            Some(Ok(row))
        })
    }
}

/// Lines counted from byte offsets, for records met in order. The csv crate's own line
/// number is one short for the first record after a blank line (rust-csv issue #208), and
/// its byte offset then points at the blank line, so the newlines there are stepped over.
struct LineCounter<'a> {
    text: &'a str,
    byte: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> LineCounter<'a> {
        LineCounter {
            text,
            byte: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, offset: u64) -> u64 {
        let bytes = self.text.as_bytes();
        let mut start = usize::try_from(offset).map_or(bytes.len(), |o| o.min(bytes.len()));
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start < self.byte {
            // Out of order (not expected): count from the top.
            self.byte = 0;
            self.line = 1;
        }
        let newlines = bytes[self.byte..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.line += newlines as u64;
        self.byte = start;
        self.line
    }
}

fn record_error(e: csv::Error, lines: &mut LineCounter) -> TableError {
    let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => {
            "this row is not valid UTF-8 text (save the file as UTF-8)".into()
        }
        _ => e.to_string(),
    };
    TableError {
        line,
        column: None,
        message,
        row: Vec::new(),
    }
}

/// The problems found so far, up to a cap past which the file is clearly not in the
/// layout and listing more would only bury the first.
pub struct Problems {
    list: Vec<TableError>,
    cap: usize,
}

impl Problems {
    pub fn new(cap: usize) -> Problems {
        Problems {
            list: Vec::new(),
            cap,
        }
    }

    pub fn push(&mut self, problem: TableError) {
        self.list.push(problem);
    }

    pub fn extend(&mut self, problems: impl IntoIterator<Item = TableError>) {
        self.list.extend(problems);
    }

    /// True once the cap is reached; the list then ends with a note that it stopped.
    pub fn full(&mut self) -> bool {
        if self.list.len() < self.cap {
            return false;
        }
        if self.list.len() == self.cap {
            let note = TableError::whole(format!("stopped after {} problems", self.cap));
            self.list.push(note);
        }
        true
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn into_vec(self) -> Vec<TableError> {
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Result<Row, TableError>> {
        Sheet::open(text).unwrap().rows().collect()
    }

    #[test]
    fn lines_count_the_header_as_line_one() {
        let found = rows("a,b\n1,2\n\n3,4\n");
        let lines: Vec<u64> = found.iter().map(|r| r.as_ref().unwrap().line).collect();
        assert_eq!(lines, [2, 4], "the blank line 3 is skipped, not renumbered");
    }

    #[test]
    fn blank_lines_and_crlf_are_counted_as_lines() {
        let found = rows("a,b\r\n\r\n\r\n1,2\r\n3,4\r\n\n5,6");
        let lines: Vec<u64> = found.iter().map(|r| r.as_ref().unwrap().line).collect();
        assert_eq!(lines, [4, 5, 7]);
    }

    #[test]
    fn a_record_over_several_lines_is_named_by_its_first() {
        let found = rows("a,b\n\"one\ntwo\nthree\",x\nbad,y\n");
        let lines: Vec<u64> = found.iter().map(|r| r.as_ref().unwrap().line).collect();
        assert_eq!(lines, [2, 5]);
    }

    #[test]
    fn a_byte_order_mark_changes_neither_the_header_nor_the_lines() {
        let sheet = Sheet::open("\u{feff}title,year\nx,1\n").unwrap();
        assert_eq!(sheet.headers(), ["title", "year"]);
        let found: Vec<_> = sheet.rows().collect();
        assert_eq!(found[0].as_ref().unwrap().line, 2);
    }

    #[test]
    fn a_short_row_is_refused_with_its_line_and_cells() {
        let found = rows("a,b,c\n1,2,3\nAcme,Onboarding\n");
        let problem = found[1].as_ref().err().unwrap();
        assert_eq!(problem.line, 3);
        assert_eq!(problem.row, ["Acme", "Onboarding"]);
        assert!(problem.message.contains("2 cells"), "{}", problem.message);
    }

    #[test]
    fn the_row_shows_three_cells_each_shortened() {
        let long = "x".repeat(40);
        let found = rows(&format!("a,b,c,d\n,{long},b,c\n"));
        let row = found[0].as_ref().unwrap();
        let problem = row.problem(Some("a"), "bad");
        assert_eq!(problem.row.len(), 3);
        assert_eq!(problem.row[0], format!("{}…", "x".repeat(32)));
        assert_eq!(
            problem.to_string(),
            format!(
                "line 2, column a: bad (the row: {}… | b | c)",
                "x".repeat(32)
            )
        );
    }

    #[test]
    fn problems_stop_at_the_cap_with_a_note() {
        let mut problems = Problems::new(2);
        for i in 0..5 {
            if problems.full() {
                break;
            }
            problems.push(TableError::whole(format!("p{i}")));
        }
        let list = problems.into_vec();
        assert_eq!(list.len(), 3);
        assert_eq!(list[2].message, "stopped after 2 problems");
    }

    #[test]
    fn a_one_cell_header_with_semicolons_gets_separator_advice() {
        let sheet = Sheet::open("title;year\nx;1\n").unwrap();
        assert!(sheet.separator_advice().unwrap().contains("';'"));
        assert!(Sheet::open("title,year\n")
            .unwrap()
            .separator_advice()
            .is_none());
    }
}
