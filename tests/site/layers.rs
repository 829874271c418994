//! The source tree keeps its layers (docs/design.md, "Inside"): a module imports only
//! modules below it, never one above and never the crate root. Unit tests may drive the
//! whole pipeline, so `tests.rs` files and inline test modules are left out.

use std::path::{Path, PathBuf};

/// Each top-level module of `src/` and its layer, lowest first. A module may import
/// its own folder and any module of a lower layer.
const LAYERS: &[&[&str]] = &[
    &["vi", "packed", "parallel", "fingerprint", "progress"],
    &["i18n", "provinces"],
    &["diagnostics", "markdown"],
    &["load"],
    &["site"],
    &["search"],
    &["render"],
    &["output"],
    &["build"],
    // The editor makes a new article as `loa new` does.
    &["scaffold"],
    &["serve"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The top-level module a source file belongs to: `src/site/stats/mod.rs` -> `site`.
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).expect("a file under src/");
    let first = relative.components().next().expect("a path");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_string()
}

/// The code of a file before its inline test module, if it has one.
fn code_of(text: &str) -> &str {
    match text.find("#[cfg(test)]\nmod tests {") {
        Some(at) => &text[..at],
        None => text,
    }
}

/// Every `crate::name` in `code`, with its line, and every `crate::{` (which names no
/// module and so cannot be checked).
fn crate_paths(code: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (number, line) in code.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = if rest.starts_with('{') {
                "{".to_string()
            } else {
                rest.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect()
            };
            found.push((number + 1, name));
        }
    }
    found
}

fn library_files(src: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(src)
        .into_iter()
        .filter_map(Result::ok)
        .map(|entry| entry.into_path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .filter(|path| path.file_name().is_some_and(|n| n != "tests.rs"))
        .filter(|path| {
            let top = path.strip_prefix(src).expect("under src/");
            !matches!(top.to_str(), Some("lib.rs" | "main.rs")) && !top.starts_with("cli")
        })
        .collect()
}

#[test]
fn every_module_imports_only_modules_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    let files = library_files(&src);
    assert!(files.len() > 30, "the walk found the source files");
    for file in files {
        let module = module_of(&src, &file);
        let Some(own) = layer_of(&module) else {
            wrong.push(format!("{}: `{module}` has no layer", file.display()));
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("a source file");
        for (line, name) in crate_paths(code_of(&text)) {
            let shown = format!("{}:{line}", file.display());
            match layer_of(&name) {
                Some(_) if name == module => {}
                Some(layer) if layer < own => {}
                Some(_) => wrong.push(format!("{shown}: `{module}` imports `{name}` above it")),
                None => wrong.push(format!("{shown}: `crate::{name}` is not a module")),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn an_import_from_a_higher_layer_is_found() {
    let code = "use crate::vi;\nfn f() { crate::build::run(); }\n";
    assert_eq!(
        crate_paths(code),
        [(1, "vi".to_string()), (2, "build".to_string())]
    );
    assert!(layer_of("build") > layer_of("vi"));
    assert_eq!(
        crate_paths("use crate::{Error, vi};"),
        [(1, "{".to_string())]
    );
    assert_eq!(layer_of("{"), None);
}
