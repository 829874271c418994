//! The site as the preview server holds it: the last good build, kept in memory and
//! rendered page by page on request, the problems of the last failed rebuild, and the
//! live-reload script and error overlay added to the HTML it serves.
//!
//! Writes nothing to disk and never listens; `serve` calls it.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap};
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::build::CopiedFile;
use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::render::PagePlan;

/// One build, kept in memory: pages are rendered the first time they are asked for.
pub struct Snapshot {
    plan: Arc<PagePlan>,
    copied: BTreeMap<String, CopiedFile>,
    rendered: Mutex<HashMap<String, Arc<Vec<u8>>>>,
    /// The site root, canonical: no copied file outside it is ever read.
    root: PathBuf,
}

/// What an output path holds in a snapshot.
pub enum Found {
    Bytes(Arc<Vec<u8>>),
    /// The template failed on this page: the page cannot be shown.
    Broken(Box<Diagnostic>),
    Missing,
}

impl Snapshot {
    /// A build to serve. When `plan` was made from the plan of `previous` by patching it,
    /// the pages `previous` already rendered are kept, except those the patch remade.
    pub fn new(
        plan: Arc<PagePlan>,
        copied: BTreeMap<String, CopiedFile>,
        root: &Path,
        previous: Option<&Snapshot>,
    ) -> Self {
        let mut rendered = HashMap::new();
        if let (Some(remade), Some(previous)) = (plan.remade(), previous)
            && let Ok(cached) = previous.rendered.lock()
        {
            rendered = cached.clone();
            for path in remade {
                rendered.remove(path);
            }
        }
        Self {
            plan,
            copied,
            rendered: Mutex::new(rendered),
            root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
        }
    }

    pub fn plan(&self) -> &Arc<PagePlan> {
        &self.plan
    }

    /// How many pages are already rendered and kept.
    pub fn rendered_count(&self) -> usize {
        self.rendered.lock().map_or(0, |rendered| rendered.len())
    }

    /// Whether the snapshot has a file at `path`.
    pub fn contains(&self, path: &str) -> bool {
        self.plan.contains(path) || self.copied.contains_key(path)
    }

    /// Every output path, pages and copied files.
    pub fn paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = self.plan.paths().map(str::to_string).collect();
        paths.extend(self.copied.keys().cloned());
        paths.sort();
        paths.dedup();
        paths
    }

    /// The bytes at output path `path`, rendered once and then kept.
    pub fn get(&self, path: &str) -> Found {
        if let Some(bytes) = self.rendered.lock().ok().and_then(|r| r.get(path).cloned()) {
            return Found::Bytes(bytes);
        }
        if let Some(outcome) = self.plan.render(path) {
            return match outcome {
                Ok(bytes) => {
                    let bytes = Arc::new(bytes);
                    if let Ok(mut rendered) = self.rendered.lock() {
                        rendered.insert(path.to_string(), bytes.clone());
                    }
                    Found::Bytes(bytes)
                }
                Err(problem) => Found::Broken(Box::new(problem)),
            };
        }
        match self.copied.get(path) {
            Some(CopiedFile::Embedded(bytes)) => Found::Bytes(Arc::new(bytes.to_vec())),
            Some(CopiedFile::Disk(source)) => match self.read_inside_root(source) {
                Some(bytes) => Found::Bytes(Arc::new(bytes)),
                None => Found::Missing,
            },
            None => Found::Missing,
        }
    }

    /// Reads `source` if it is a regular file inside the site, not a symbolic link.
    fn read_inside_root(&self, source: &Path) -> Option<Vec<u8>> {
        let metadata = std::fs::symlink_metadata(source).ok()?;
        if !metadata.is_file() {
            return None;
        }
        let canonical = source.canonicalize().ok()?;
        if !canonical.starts_with(&self.root) {
            return None;
        }
        std::fs::read(canonical).ok()
    }
}

/// A short fingerprint of a response body, which the live-reload script sends back so
/// that the server can tell whether the page it shows has changed.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut hasher = DefaultHasher::new();
    hasher.write(bytes);
    format!("{:016x}", hasher.finish())
}

/// What the page was built from, for the live-reload script.
pub struct PageState<'a> {
    pub generation: u64,
    pub fingerprint: &'a str,
    /// The problems of the last failed rebuild, as plain text.
    pub errors: Option<&'a str>,
    /// For an article's page, the address of its form in the editor.
    pub edit: Option<&'a str>,
}

const OVERLAY_STYLE: &str = "position:fixed;inset:0;z-index:2147483647;overflow:auto;\
background:rgba(20,20,20,.97);color:#fff;font:15px/1.5 system-ui,sans-serif;padding:2rem";

/// The error overlay: every problem, HTML-escaped, over the page.
pub fn overlay(errors: &str) -> String {
    format!(
        "<div id=\"__loa_overlay\" role=\"alert\" style=\"{OVERLAY_STYLE}\">\
<h2 style=\"margin-top:0;color:#ff8a80\">{}</h2>\
<p>{}</p>\
<pre id=\"__loa_errors\" style=\"white-space:pre-wrap;font:14px/1.45 ui-monospace,monospace\">{}</pre></div>",
        crate::markdown::escape_html(&Msg::OverlayTitle.to_string()),
        crate::markdown::escape_html(&Msg::OverlayText.to_string()),
        crate::markdown::escape_html(errors)
    )
}

/// The live-reload script: long polls `/__loa/reload` and reloads the page when what it
/// shows has changed, or shows the problems of a failed rebuild over it.
pub fn script(state: &PageState) -> String {
    format!(
        r#"<script>(function(){{var g={generation},h="{fingerprint}",e={errors};
function show(t){{var o=document.getElementById("__loa_overlay");if(!o){{o=document.createElement("div");o.id="__loa_overlay";o.setAttribute("role","alert");o.style.cssText="{style}";var t1=document.createElement("h2");t1.style.cssText="margin-top:0;color:#ff8a80";t1.textContent={title};o.appendChild(t1);var p=document.createElement("pre");p.id="__loa_errors";p.style.cssText="white-space:pre-wrap;font:14px/1.45 ui-monospace,monospace";o.appendChild(p);document.body.appendChild(o);}}document.getElementById("__loa_errors").textContent=t;e=true;}}
function poll(){{fetch("/__loa/reload?since="+g+"&hash="+h+"&shown="+(e?1:0)+"&path="+encodeURIComponent(location.pathname),{{cache:"no-store"}}).then(function(r){{if(!r.ok)throw r;return r.json();}}).then(function(m){{if(m.reload){{location.reload();return;}}g=m.generation;if(m.errors){{show(m.errors);}}poll();}}).catch(function(){{setTimeout(poll,1000);}});}}
window.__loa={{generation:function(){{return g;}}}};poll();}})();</script>"#,
        generation = state.generation,
        fingerprint = state.fingerprint,
        errors = if state.errors.is_some() {
            "true"
        } else {
            "false"
        },
        style = OVERLAY_STYLE,
        title = serde_json::to_string(&Msg::OverlayTitle.to_string())
            .unwrap_or_default()
            .replace("</", "<\\/"),
    )
}

/// The link from a previewed article to its form in the editor, over the page's
/// bottom right corner.
pub fn edit_link(href: &str) -> String {
    format!(
        "<a id=\"__loa_edit\" href=\"{}\" style=\"position:fixed;right:1rem;bottom:1rem;z-index:2147483646;\
background:#fff;color:#0b4f9c;border:2px solid #0b4f9c;border-radius:.5rem;padding:.5rem .9rem;\
font:600 16px/1.3 system-ui,sans-serif;text-decoration:none\">{}</a>",
        crate::markdown::escape_html(href),
        crate::markdown::escape_html(&Msg::EditThisArticle.to_string())
    )
}

/// `html` with the editor's link (on an article's page), the overlay (when there are errors) and the script before `</body>`.
pub fn inject(html: &[u8], state: &PageState) -> Vec<u8> {
    let mut addition = String::new();
    if let Some(href) = state.edit {
        addition.push_str(&edit_link(href));
    }
    if let Some(errors) = state.errors {
        addition.push_str(&overlay(errors));
    }
    addition.push_str(&script(state));
    let at = find_last_ignore_case(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + addition.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(addition.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if haystack.len() < needle.len() {
        return None;
    }
    (0..=haystack.len() - needle.len())
        .rev()
        .find(|&i| haystack[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// The page shown when no build has ever succeeded.
pub fn placeholder() -> Vec<u8> {
    b"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>loa</title></head><body><p>The site has not been built yet.</p></body></html>".to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_closing_body_tag() {
        let state = PageState {
            generation: 3,
            fingerprint: "ab",
            errors: None,
            edit: None,
        };
        let html = String::from_utf8(inject(b"<html><body><p>x</p></BODY></html>", &state))
            .unwrap_or_default();
        assert!(html.starts_with("<html><body><p>x</p><script>"), "{html}");
        assert!(html.ends_with("</script></BODY></html>"), "{html}");
        assert!(html.contains("var g=3,h=\"ab\",e=false"));
        assert!(!html.contains("__loa_overlay\" role"));
    }

    #[test]
    fn error_messages_are_escaped_in_the_overlay() {
        let state = PageState {
            generation: 4,
            fingerprint: "ab",
            errors: Some("content/a.md:3: <script>alert(1)</script> & \"x\""),
            edit: None,
        };
        let html = String::from_utf8(inject(b"<body></body>", &state)).unwrap_or_default();
        assert!(
            html.contains(
                "content/a.md:3: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"
            )
        );
        assert!(!html.contains("<script>alert(1)"));
    }
}
