//! Any bytes as a CSV file of case studies: read with the default column mapping and
//! imported into a case library, all or nothing. Bad rows are errors, never a panic.
#![no_main]

use std::sync::{Mutex, OnceLock};

use casewright_core::cases::library::CaseLibrary;
use casewright_core::cases::transfer::{default_mapping, read_csv};
use libfuzzer_sys::fuzz_target;

struct Library {
    _dir: tempfile::TempDir,
    library: CaseLibrary,
}

fn library() -> &'static Mutex<Library> {
    static LIBRARY: OnceLock<Mutex<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let library =
            CaseLibrary::open_or_create(&dir.path().join("library.casewright-library")).expect("a library");
        Mutex::new(Library { _dir: dir, library })
    })
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let Ok((_, map)) = default_mapping(text) else { return };
    let _ = read_csv(text, &map);
    let mut guard = library().lock().expect("not poisoned");
    let _ = guard.library.import_csv(text, &map, None);
});
