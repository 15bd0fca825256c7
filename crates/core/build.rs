//! Rebuilds the core when a bundled asset changes. The core embeds files from the
//! workspace's `assets/` (fonts, rule packs, starter cases, the sample project). Cargo
//! records those paths as absolute ones, so with a target directory shared between two
//! checkouts (the working copy and a CI clone, which build to the same artefacts) it would
//! watch the other checkout's files; paths given here are read from this checkout.
fn main() {
    for dir in ["fonts", "rules", "cases", "sample"] {
        println!("cargo:rerun-if-changed=../../assets/{dir}");
    }
}
