//! `casewright`: the app's jobs without a window. Arguments are parsed raw (lexopt), then
//! checked; errors go to stderr with a non-zero exit status. Output goes through `say!`,
//! which returns the write's error: a reader that stops early (`casewright lint … | head`)
//! closes the pipe, and that ends the command quietly with success, as other tools do.

/// Writes a line to standard output; the error of a closed pipe is the caller's to pass on.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)
    }};
}

/// Writes to standard output without ending the line.
macro_rules! say_part {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)
    }};
}

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use casewright_core::briefing::images;
use casewright_core::briefing::layout::{Paper, Rgb, Theme, LOGO_BOX};
use casewright_core::briefing::{BriefingDate, BriefingOptions};
use casewright_core::cases::library::OnDuplicate;
use casewright_core::cases::{CaseQuery, OutcomeKind, SortOrder};
use casewright_core::coach::{self, Audience};
use casewright_core::exchange::{project_from_json, project_to_json, sample_project};
use casewright_core::model::Photo;
use casewright_core::pilot::Design;
use casewright_core::session::{Places, Session};
use casewright_core::storyboard::Edit;
use casewright_core::{template, Block, Project};

mod cases;
mod files;
mod pilot;
mod sharing;

const USAGE: &str = "\
casewright — make the case for a change, with outcomes, evidence and a small first win.

Usage:
  casewright new FILE [--sample | --from PROJECT.json] [--title TITLE]
      Create a project file (.casewright). Without --sample or --from it starts from the
      storyboard template: Opportunity, What we gain, Proof, Start small, Results and the ask.
  casewright show FILE [--format text|json]
      Print the storyboard. The JSON form is the documented exchange format; it round-trips
      through `casewright new FILE --from`.
  casewright export FILE --pdf OUT.pdf [--paper a4|letter] [--handout] [--logo IMAGE] [--accent #RRGGBB] [--theme board|bold]
      Write the executive briefing as PDF (A4 unless --paper letter). --handout adds each
      section's speaker notes and room for the reader's notes; --logo puts a JPEG or PNG
      on the cover and --accent sets the organisation's colour (both for this export,
      over those saved with `brand`); --theme bold gives a full-colour cover and
      coloured headings. SOURCE_DATE_EPOCH, if set,
      fixes the date.
  casewright brand FILE [--logo IMAGE | --no-logo] [--accent #RRGGBB | --no-accent]
      Save the organisation's logo (JPEG or PNG) and colour in the project; every
      briefing exported from it then uses them.
  casewright photo FILE --block TITLE (--image IMAGE [--caption TEXT] | --remove)
      Put a photo (JPEG or PNG) on the block with this title, printed in the briefing
      with its caption, or take it off.
  casewright cases import FILE.csv|FILE.json [--on-duplicate skip|update] [--library PATH]
      Add case studies to your library (all or nothing; every bad row is listed). The CSV
      header is documented in docs/cases.md; a case already there (same title and
      organisation) is skipped unless --on-duplicate update.
  casewright cases search \"QUERY\" [--industry X] [--kind K] [--for PROJECT] [--format text|json] [--library PATH]
      Search the library (words match as prefixes while typing; all must match).
      --for orders the cases by relevance to that project: its industry, and the words
      its audience and storyboard use.
  casewright cases export OUT.csv|OUT.json [--search \"QUERY\"] [--industry X] [--kind K] [--library PATH]
      Write the library as CSV or JSON: all of it, or the cases matching the words and
      filters given (every match, not only the first page).
  casewright pilot report FILE [--format text|json]
      Judge the project's pilots: each success criterion's result (as `pilot analyze`
      gives it), whether the pilot is a win to build on, and what to say first.
  casewright pilot analyze DATA.csv --design independent|paired|proportion [--format text|json]
      Judge a pilot's results spreadsheet: per metric the change, a 95% interval suited to
      the design, an effect size, whether the target was met, and warnings where the data
      cannot carry the claim. Layouts and JSON: docs/pilot-json.md.
  casewright share FILE OUT [--without-notes] [--without-dismissed]
      Write a clean copy of the project for a colleague: only what it uses, no deleted
      text, optionally without speaker notes or dismissed advice. Both files remember
      the state shared, so the copy can be merged back.
  casewright merge FILE THEIRS [--dry-run] [--take ours|theirs] [--format text|json]
      Merge a colleague's edited copy into FILE (three-way, against the state it was
      shared in). Their changes go in; a conflict (the same field changed both ways, a
      block deleted on one side and edited on the other) stops the merge unless --take
      says which side wins them all. --dry-run only says what would happen.
  casewright lint FILE [--format text|json] [--audience board|ceo|cfo|coo|chro|cio] [--rules DIR] [--explain]
      Coach the case: FILE is a project, or a plain text or Markdown draft (headings are
      sections, paragraphs blocks). --rules adds the packs (*.toml) in DIR. --explain says
      why each finding was raised, lists the matches the coach read as something other
      than the argument (a quotation, a name, the means of a measured result…) with the
      reason, and what supplied each checklist item. Exit status: 0 no error-level
      finding, 1 some, 2 bad input.

Options:
  -h, --help       Print this help
  -V, --version    Print the version
";

#[derive(Debug, PartialEq)]
enum Command {
    New {
        file: PathBuf,
        source: NewSource,
        title: Option<String>,
    },
    Show {
        file: PathBuf,
        json: bool,
    },
    Export {
        file: PathBuf,
        pdf: PathBuf,
        paper: Paper,
        handout: bool,
        logo: Option<PathBuf>,
        accent: Option<Rgb>,
        theme: Theme,
    },
    Lint {
        file: PathBuf,
        json: bool,
        audience: Option<Audience>,
        rules: Option<PathBuf>,
        explain: bool,
    },
    PilotReport {
        file: PathBuf,
        json: bool,
    },
    CasesImport {
        file: PathBuf,
        library: Option<PathBuf>,
        on_duplicate: OnDuplicate,
    },
    CasesSearch {
        query: CaseQuery,
        library: Option<PathBuf>,
        json: bool,
        for_project: Option<PathBuf>,
    },
    CasesExport {
        out: PathBuf,
        library: Option<PathBuf>,
        /// Only the cases matching this (words, filters); `None` exports the whole library.
        selection: Option<CaseQuery>,
    },
    Share {
        file: PathBuf,
        out: PathBuf,
        options: casewright_core::sharing::ShareOptions,
    },
    Merge {
        file: PathBuf,
        theirs: PathBuf,
        dry_run: bool,
        take: Option<casewright_core::sharing::merge::Choice>,
        json: bool,
    },
    PilotAnalyze {
        data: PathBuf,
        design: Design,
        json: bool,
    },
    Brand {
        file: PathBuf,
        logo: Change<PathBuf>,
        accent: Change<String>,
    },
    Photo {
        file: PathBuf,
        block: String,
        image: Change<PathBuf>,
        caption: String,
    },
    Help,
    Version,
}

/// What a command does to a saved setting.
#[derive(Debug, PartialEq)]
enum Change<T> {
    Keep,
    Set(T),
    Remove,
}

impl<T> Change<T> {
    fn from_flags(value: Option<T>, remove: bool, name: &str) -> Result<Change<T>> {
        match (value, remove) {
            (Some(_), true) => bail!("use --{name} or --no-{name}, not both"),
            (Some(value), false) => Ok(Change::Set(value)),
            (None, true) => Ok(Change::Remove),
            (None, false) => Ok(Change::Keep),
        }
    }
}

#[derive(Debug, PartialEq)]
enum NewSource {
    Template,
    Sample,
    Json(PathBuf),
}

/// Whether the error is standard output closed by its reader.
fn output_closed(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn main() -> ExitCode {
    let linting = std::env::args_os()
        .nth(1)
        .is_some_and(|verb| verb == "lint");
    match parse(std::env::args_os().skip(1)).and_then(run) {
        Ok(code) => code,
        Err(err) if output_closed(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("casewright: {err:#}");
            // `lint` keeps 1 for "the case has errors"; bad input is 2 there.
            ExitCode::from(if linting { 2 } else { 1 })
        }
    }
}

fn parse(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Command> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut positional: Vec<String> = Vec::new();
    let (mut sample, mut from, mut title, mut format, mut pdf) = (false, None, None, None, None);
    let (mut audience, mut rules, mut paper, mut handout) = (None, None, None, false);
    let (mut logo, mut accent, mut theme) = (None, None, None);
    let (mut no_logo, mut no_accent, mut block, mut image, mut caption, mut remove) =
        (false, false, None, None, None, false);
    let (mut design, mut explain) = (None, false);
    let (mut library, mut on_duplicate, mut industry, mut kind) = (None, None, None, None);
    let (mut for_project, mut search) = (None, None);
    let (mut without_notes, mut without_dismissed, mut dry_run, mut take) =
        (false, false, false, None);
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Short('V') | Long("version") => return Ok(Command::Version),
            Long("sample") => sample = true,
            Long("from") => from = Some(PathBuf::from(parser.value()?)),
            Long("title") => title = Some(parser.value()?.string()?),
            Long("format") => format = Some(parser.value()?.string()?),
            Long("pdf") => pdf = Some(PathBuf::from(parser.value()?)),
            Long("audience") => audience = Some(parser.value()?.string()?),
            Long("rules") => rules = Some(PathBuf::from(parser.value()?)),
            Long("paper") => paper = Some(parser.value()?.string()?),
            Long("handout") => handout = true,
            Long("logo") => logo = Some(PathBuf::from(parser.value()?)),
            Long("accent") => accent = Some(parser.value()?.string()?),
            Long("theme") => theme = Some(parser.value()?.string()?),
            Long("no-logo") => no_logo = true,
            Long("no-accent") => no_accent = true,
            Long("block") => block = Some(parser.value()?.string()?),
            Long("image") => image = Some(PathBuf::from(parser.value()?)),
            Long("caption") => caption = Some(parser.value()?.string()?),
            Long("remove") => remove = true,
            Long("design") => design = Some(parser.value()?.string()?),
            Long("library") => library = Some(PathBuf::from(parser.value()?)),
            Long("on-duplicate") => on_duplicate = Some(parser.value()?.string()?),
            Long("industry") => industry = Some(parser.value()?.string()?),
            Long("kind") => kind = Some(parser.value()?.string()?),
            Long("for") => for_project = Some(PathBuf::from(parser.value()?)),
            Long("search") => search = Some(parser.value()?.string()?),
            Long("without-notes") => without_notes = true,
            Long("without-dismissed") => without_dismissed = true,
            Long("dry-run") => dry_run = true,
            Long("explain") => explain = true,
            Long("take") => take = Some(parser.value()?.string()?),
            Value(value) => positional.push(value.string()?),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let mut positional = positional.into_iter();
    let Some(verb) = positional.next() else {
        return Ok(Command::Help);
    };
    if verb == "cases" {
        let job = positional.next();
        let argument = positional.next();
        if let Some(extra) = positional.next() {
            bail!("unexpected argument {extra:?}; see `casewright --help`");
        }
        return match job.as_deref() {
            Some("import") => Ok(Command::CasesImport {
                file: argument
                    .map(PathBuf::from)
                    .context("`cases import` needs a CSV or JSON file")?,
                library,
                on_duplicate: match on_duplicate.as_deref() {
                    None | Some("skip") => OnDuplicate::Skip,
                    Some("update") => OnDuplicate::Update,
                    Some(other) => bail!("unknown --on-duplicate {other:?}; use skip or update"),
                },
            }),
            Some("search") => Ok(Command::CasesSearch {
                query: CaseQuery {
                    text: argument.unwrap_or_default(),
                    industry,
                    kind: outcome_kind(kind.as_deref())?,
                    sort: if for_project.is_some() {
                        SortOrder::Project
                    } else {
                        SortOrder::Relevance
                    },
                    ..CaseQuery::default()
                },
                library,
                json: json_format(format.as_deref())?,
                for_project,
            }),
            Some("export") => Ok(Command::CasesExport {
                out: argument
                    .map(PathBuf::from)
                    .context("`cases export` needs OUT.csv or OUT.json")?,
                library,
                selection: if search.is_some() || industry.is_some() || kind.is_some() {
                    Some(CaseQuery {
                        text: search.unwrap_or_default(),
                        industry,
                        kind: outcome_kind(kind.as_deref())?,
                        ..CaseQuery::default()
                    })
                } else {
                    None
                },
            }),
            Some(other) => bail!("unknown cases job {other:?}; use import, search or export"),
            None => bail!("`cases` needs a job: import, search or export"),
        };
    }
    if verb == "pilot" {
        let job = positional.next();
        let data = positional.next().map(PathBuf::from);
        if let Some(extra) = positional.next() {
            bail!("unexpected argument {extra:?}; see `casewright --help`");
        }
        return match job.as_deref() {
            Some("analyze") => Ok(Command::PilotAnalyze {
                data: data.context("`pilot analyze` needs a DATA.csv file")?,
                design: match design.as_deref() {
                    None => {
                        bail!("`pilot analyze` needs --design independent, paired or proportion")
                    }
                    Some(name) => Design::parse(name).with_context(|| {
                        format!("unknown design {name:?}; use independent, paired or proportion")
                    })?,
                },
                json: json_format(format.as_deref())?,
            }),
            Some("report") => Ok(Command::PilotReport {
                file: data.context("`pilot report` needs a project FILE")?,
                json: json_format(format.as_deref())?,
            }),
            Some(other) => {
                bail!("unknown pilot job {other:?}; use `pilot report` or `pilot analyze`")
            }
            None => bail!("`pilot` needs a job: `pilot analyze DATA.csv --design …`"),
        };
    }
    if verb == "share" || verb == "merge" {
        let (Some(file), Some(other)) = (positional.next(), positional.next()) else {
            bail!("`{verb}` needs two files: see `casewright --help`");
        };
        if let Some(extra) = positional.next() {
            bail!("unexpected argument {extra:?}; see `casewright --help`");
        }
        let (file, other) = (PathBuf::from(file), PathBuf::from(other));
        return Ok(if verb == "share" {
            Command::Share {
                file,
                out: other,
                options: casewright_core::sharing::ShareOptions {
                    strip_notes: without_notes,
                    strip_dismissed: without_dismissed,
                },
            }
        } else {
            use casewright_core::sharing::merge::Choice;
            Command::Merge {
                file,
                theirs: other,
                dry_run,
                take: match take.as_deref() {
                    None => None,
                    Some("ours") => Some(Choice::Ours),
                    Some("theirs") => Some(Choice::Theirs),
                    Some(other) => {
                        bail!("unknown side {other:?}; use --take ours or --take theirs")
                    }
                },
                json: json_format(format.as_deref())?,
            }
        });
    }
    let file = positional.next().map(PathBuf::from);
    if let Some(extra) = positional.next() {
        bail!("unexpected argument {extra:?}; see `casewright --help`");
    }
    let need_file = || {
        file.clone()
            .with_context(|| format!("`{verb}` needs a FILE"))
    };
    let command = match verb.as_str() {
        "new" => {
            let source = match (sample, from) {
                (true, Some(_)) => bail!("use --sample or --from, not both"),
                (true, None) => NewSource::Sample,
                (false, Some(json)) => NewSource::Json(json),
                (false, None) => NewSource::Template,
            };
            Command::New {
                file: need_file()?,
                source,
                title,
            }
        }
        "show" => Command::Show {
            file: need_file()?,
            json: json_format(format.as_deref())?,
        },
        "lint" => Command::Lint {
            file: need_file()?,
            json: json_format(format.as_deref())?,
            audience: match audience.as_deref() {
                None => None,
                Some(name) => Some(Audience::parse(name).with_context(|| {
                    format!("unknown audience {name:?}; use board, ceo, cfo, coo, chro or cio")
                })?),
            },
            rules,
            explain,
        },
        "export" => Command::Export {
            file: need_file()?,
            pdf: pdf.context("`export` needs --pdf OUT.pdf")?,
            paper: match paper.as_deref() {
                None => Paper::default(),
                Some(name) => Paper::parse(name)
                    .with_context(|| format!("unknown paper {name:?}; use a4 or letter"))?,
            },
            handout,
            logo,
            accent: match accent.as_deref() {
                None => None,
                Some(hex) => Some(Rgb::parse_hex(hex).with_context(|| {
                    format!("unknown colour {hex:?}; write it as #RRGGBB, e.g. #0b5c85")
                })?),
            },
            theme: match theme.as_deref() {
                None => Theme::default(),
                Some(name) => Theme::parse(name)
                    .with_context(|| format!("unknown theme {name:?}; use board or bold"))?,
            },
        },
        "brand" => {
            if let Some(hex) = accent.as_deref().filter(|h| Rgb::parse_hex(h).is_none()) {
                bail!("unknown colour {hex:?}; write it as #RRGGBB, e.g. #0b5c85");
            }
            let command = Command::Brand {
                file: need_file()?,
                logo: Change::from_flags(logo, no_logo, "logo")?,
                accent: Change::from_flags(accent, no_accent, "accent")?,
            };
            if matches!(
                command,
                Command::Brand {
                    logo: Change::Keep,
                    accent: Change::Keep,
                    ..
                }
            ) {
                bail!("`brand` needs --logo, --no-logo, --accent or --no-accent");
            }
            command
        }
        "photo" => {
            let image = match (image, remove) {
                (Some(_), true) => bail!("use --image or --remove, not both"),
                (Some(image), false) => Change::Set(image),
                (None, true) => Change::Remove,
                (None, false) => bail!("`photo` needs --image IMAGE or --remove"),
            };
            Command::Photo {
                file: need_file()?,
                block: block.context("`photo` needs --block TITLE")?,
                image,
                caption: caption.unwrap_or_default(),
            }
        }
        other => bail!("unknown command {other:?}; see `casewright --help`"),
    };
    Ok(command)
}

/// An outcome kind named on the command line.
fn outcome_kind(name: Option<&str>) -> Result<Option<OutcomeKind>> {
    name.map(|name| {
        OutcomeKind::parse(name).with_context(|| {
            format!(
                "unknown outcome kind {name:?}; use {}",
                OutcomeKind::names()
            )
        })
    })
    .transpose()
}

fn json_format(format: Option<&str>) -> Result<bool> {
    match format {
        None | Some("text") => Ok(false),
        Some("json") => Ok(true),
        Some(other) => bail!("unknown format {other:?}; use text or json"),
    }
}

fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::Help => say_part!("{USAGE}")?,
        Command::Version => say!("casewright {}", env!("CARGO_PKG_VERSION"))?,
        Command::New {
            file,
            source,
            title,
        } => {
            let mut project = match source {
                NewSource::Template => template::new_project("Untitled case"),
                NewSource::Sample => sample_project(),
                NewSource::Json(json) => {
                    let text = std::fs::read_to_string(&json)
                        .with_context(|| format!("cannot read {}", json.display()))?;
                    project_from_json(&text).with_context(|| json.display().to_string())?
                }
            };
            if let Some(title) = title {
                project.title = title;
            }
            project_session().create(&file, &project)?;
            eprintln!("created {}", file.display());
        }
        Command::Show { file, json } => {
            // Reading jobs read a snapshot: nothing is written to a file someone may have
            // open, not even an upgrade.
            let project = snapshot(&file)?.project()?;
            if json {
                say_part!("{}", project_to_json(&project))?;
            } else {
                say_part!("{}", storyboard_text(&project))?;
            }
        }
        Command::Export {
            file,
            pdf,
            paper,
            handout,
            logo,
            accent,
            theme,
        } => {
            let session = snapshot(&file)?;
            let logo =
                match logo {
                    None => None,
                    Some(path) => {
                        let bytes = std::fs::read(&path)
                            .with_context(|| format!("cannot read the logo {}", path.display()))?;
                        let usable = images::verify(&bytes)
                            .and_then(|()| images::prepare(&bytes, LOGO_BOX.0, LOGO_BOX.1));
                        Some(usable.with_context(|| {
                            format!("cannot use {} as the logo", path.display())
                        })?)
                    }
                };
            let options = BriefingOptions {
                paper,
                handout,
                logo,
                accent,
                theme,
                ..BriefingOptions::for_date(today()?)
            };
            let exported = session
                .export_briefing(&options, &pdf, |_| {})?
                .context("the export stopped")?;
            eprintln!(
                "wrote {} ({} pages, {} bytes)",
                exported.path, exported.pages, exported.bytes
            );
            for warning in &exported.warnings {
                eprintln!("warning: {warning}");
            }
        }
        Command::Lint {
            file,
            json,
            audience,
            rules,
            explain,
        } => return lint(&file, json, audience, rules.as_deref(), explain),
        Command::PilotAnalyze { data, design, json } => pilot::analyze(&data, design, json)?,
        Command::PilotReport { file, json } => pilot::report(&file, json)?,
        Command::CasesImport {
            file,
            library,
            on_duplicate,
        } => cases::import(&file, library.as_deref(), on_duplicate)?,
        Command::CasesSearch {
            query,
            library,
            json,
            for_project,
        } => cases::search(&query, library.as_deref(), json, for_project.as_deref())?,
        Command::CasesExport {
            out,
            library,
            selection,
        } => cases::export(&out, library.as_deref(), selection.as_ref())?,
        Command::Brand { file, logo, accent } => brand(&file, logo, accent)?,
        Command::Share { file, out, options } => sharing::share(&file, &out, options)?,
        Command::Merge {
            file,
            theirs,
            dry_run,
            take,
            json,
        } => return sharing::merge(&file, &theirs, dry_run, take, json),
        Command::Photo {
            file,
            block,
            image,
            caption,
        } => photo(&file, &block, image, caption)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Lints a project or a draft; the exit status says whether any finding is an error.
fn lint(
    file: &std::path::Path,
    json: bool,
    audience: Option<Audience>,
    rules_dir: Option<&std::path::Path>,
    explain: bool,
) -> Result<ExitCode> {
    let is_project = file
        .extension()
        .is_some_and(|e| e == casewright_core::project_file::EXTENSION);
    let project = if is_project {
        snapshot(file)?.project()?
    } else {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read {} as text", file.display()))?;
        coach::document_to_project(&text)
    };
    let mut sources: Vec<(String, String)> = coach::BUNDLED
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect();
    if let Some(dir) = rules_dir {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .with_context(|| format!("cannot read the rules folder {}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        for path in files {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            sources.push((path.display().to_string(), text));
        }
    }
    let (packs, errors) = coach::load_packs(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())));
    for error in &errors {
        eprintln!("casewright: rule pack not loaded: {error}");
    }
    let audience = audience.unwrap_or_else(|| Audience::infer(&project.audience));
    let rules = coach::RuleSet::new(packs.into_iter().flat_map(|p| p.rules).collect(), audience);
    let report = rules.lint(&project);
    if json {
        say!("{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        say_part!("{}", coach::format_text(&report, &project, explain))?;
    }
    let has_error = report
        .findings
        .iter()
        .any(|f| f.level == coach::Level::Error);
    Ok(if has_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Saves the organisation's logo and colour in the project, as one undoable edit.
fn brand(file: &std::path::Path, logo: Change<PathBuf>, accent: Change<String>) -> Result<()> {
    // Locked like the app locks it; opened read-only (and refused) if someone has it open.
    let session = project_session();
    session.open(file)?;
    let project = session.project()?;
    let logo = match logo {
        Change::Keep => project.logo,
        Change::Remove => None,
        Change::Set(path) => Some(session.add_picture(&path)?),
    };
    let accent = match accent {
        Change::Keep => project.accent,
        Change::Remove => None,
        Change::Set(hex) => Some(hex),
    };
    session.apply_edit(&Edit::SetBranding { logo, accent })?;
    session.close()?;
    eprintln!("saved the branding of {}", file.display());
    Ok(())
}

/// Puts a photo on (or takes it off) the one block with this title.
fn photo(
    file: &std::path::Path,
    title: &str,
    image: Change<PathBuf>,
    caption: String,
) -> Result<()> {
    let session = project_session();
    session.open(file)?;
    let project = session.project()?;
    let matches: Vec<&Block> = project
        .all_blocks()
        .filter(|b| b.title.trim().eq_ignore_ascii_case(title.trim()))
        .collect();
    let mut block = match matches.as_slice() {
        [one] => (*one).clone(),
        [] => bail!("no block is titled {title:?}; `casewright show` lists them"),
        many => bail!(
            "{} blocks are titled {title:?}; retitle one first",
            many.len()
        ),
    };
    block.photo = match image {
        Change::Set(path) => Some(Photo {
            image: session.add_picture(&path)?,
            caption,
        }),
        Change::Remove | Change::Keep => None,
    };
    session.apply_edit(&Edit::UpdateBlock { block })?;
    session.close()?;
    eprintln!("saved the photo of {title:?} in {}", file.display());
    Ok(())
}

/// A session for jobs on one project file.
fn project_session() -> Session {
    Session::new(Places::project_only())
}

/// A session holding `file` open to read only: nothing is written to a file someone may
/// have open, not even an upgrade.
fn snapshot(file: &std::path::Path) -> Result<Session> {
    let session = project_session();
    session.open_snapshot(file)?;
    Ok(session)
}

/// Today (UTC), or the date of SOURCE_DATE_EPOCH for reproducible builds of a briefing.
fn today() -> Result<BriefingDate> {
    let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => value
            .trim()
            .parse::<i64>()
            .with_context(|| format!("SOURCE_DATE_EPOCH={value:?} is not a number of seconds"))?,
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .context("the system clock is before 1970")?
            .as_secs() as i64,
    };
    Ok(BriefingDate::from_unix_seconds(seconds))
}

fn storyboard_text(project: &Project) -> String {
    let mut out = format!("{}\n", project.title);
    if !project.author.is_empty() {
        out.push_str(&format!("by {}\n", project.author));
    }
    if !project.audience.is_empty() {
        out.push_str(&format!("for {}\n", project.audience));
    }
    for (index, section) in project.sections.iter().enumerate() {
        out.push_str(&format!("\n{}. {}\n", index + 1, section.title));
        if section.blocks.is_empty() {
            out.push_str("   (no blocks yet)\n");
        }
        for block in &section.blocks {
            out.push_str(&format!("   [{}] {}", block.kind.as_str(), block.title));
            if let Some(figure) = block.figure() {
                out.push_str(&format!(" — {figure}"));
            }
            out.push('\n');
        }
    }
    if !project.library.is_empty() {
        out.push_str("\nLibrary (not placed)\n");
        for block in &project.library {
            out.push_str(&format!("   [{}] {}\n", block.kind.as_str(), block.title));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Result<Command> {
        parse(line.split_whitespace().map(std::ffi::OsString::from))
    }

    #[test]
    fn parses_each_command() {
        assert_eq!(
            args("new a.casewright --sample").unwrap(),
            Command::New {
                file: "a.casewright".into(),
                source: NewSource::Sample,
                title: None
            }
        );
        assert_eq!(
            args("show a.casewright --format json").unwrap(),
            Command::Show {
                file: "a.casewright".into(),
                json: true
            }
        );
        assert_eq!(
            args("export a.casewright --pdf b.pdf").unwrap(),
            Command::Export {
                file: "a.casewright".into(),
                pdf: "b.pdf".into(),
                paper: Paper::A4,
                handout: false,
                logo: None,
                accent: None,
                theme: Theme::Board
            }
        );
        assert_eq!(
            args("export a.casewright --pdf b.pdf --paper Letter --handout").unwrap(),
            Command::Export {
                file: "a.casewright".into(),
                pdf: "b.pdf".into(),
                paper: Paper::Letter,
                handout: true,
                logo: None,
                accent: None,
                theme: Theme::Board
            }
        );
        assert!(args("export a.casewright --pdf b.pdf --paper a5").is_err());
        assert_eq!(args("").unwrap(), Command::Help);
    }

    #[test]
    fn rejects_what_it_cannot_do() {
        assert!(args("new a --sample --from b.json").is_err());
        assert!(args("show a --format xml").is_err());
        assert!(args("export a").unwrap_err().to_string().contains("--pdf"));
        assert!(args("show").unwrap_err().to_string().contains("FILE"));
        assert!(args("frobnicate a").is_err());
        assert!(args("show a b").is_err());
    }
}
