//! Any bytes, saved as a `.casewright` file and opened as a colleague's project would be:
//! opening may refuse (with an error), but never panic, hang or crash, and a file that
//! opens must also load and close.
#![no_main]

use casewright_core::ProjectFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("received.casewright");
    std::fs::write(&path, bytes).expect("the file is written");
    if let Ok(file) = ProjectFile::open(&path) {
        file.load().expect("a project that opened loads");
        let _ = casewright_core::sharing::Snapshot::of(&file);
        let _ = file.close();
    }
});
