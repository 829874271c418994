//! Every address the site produces, and the checks of what points at them: internal
//! links, menu entries, and the links the Markdown pass refused.
//!
//! Pure over the resolved site; reports each problem at the link's line.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics, Location, nearest};
use crate::i18n::Msg;
use crate::load::config::{Config, locate_key};
use crate::load::content::LeftOut;
use crate::markdown::{self, LinkTarget, Rendered};

use super::{Page, SectionModel, TaxonomyModel, pager_urls};

/// Every HTML page path the build will produce, with the source that claims it: the
/// first, when two do. Borrows what it can from the site: at 100,000 articles a copy of
/// every address and file name cost a tenth of a second on one thread.
pub(super) type Produced<'a> = HashMap<Cow<'a, str>, Cow<'a, str>>;

/// The pages the build will produce, checking that no two sources claim the same one.
pub(super) fn produced_urls<'a>(
    config: &Config,
    pages: &'a [Page],
    sections: &[SectionModel],
    taxonomies: &[TaxonomyModel],
    extra_urls: &'a [String],
    problems: &mut Diagnostics,
) -> Produced<'a> {
    let mut owners: Produced<'a> = HashMap::new();
    // Where an article's address is written (its `slug`, else its title), to show both
    // lines when two articles meet.
    let mut written: HashMap<Cow<'a, str>, Location> = HashMap::new();
    let mut claim = |url: Cow<'a, str>,
                     owner: Cow<'a, str>,
                     place: Option<Location>,
                     problems: &mut Diagnostics| {
        if let Some(first) = owners.get(&url) {
            if first != &owner {
                let other = match written.get(&url) {
                    Some(at) => format!("{first}:{}", at.line),
                    None => first.to_string(),
                };
                let mut problem = Diagnostic::new(
                    owner.as_ref(),
                    Msg::TwoFilesOnePage {
                        url: url.to_string(),
                    }
                    .to_string(),
                )
                .note(Msg::TheOtherOne { path: other }.to_string())
                .help(Msg::TwoFilesHelp.to_string());
                problem.location = place;
                problems.push(problem);
            }
        } else {
            if let Some(place) = place {
                written.insert(url.clone(), place);
            }
            owners.insert(url, owner);
        }
    };
    claim("/".into(), "content/_index.md".into(), None, problems);
    for section in sections {
        let owner = section.section.index.as_ref().map_or_else(
            || format!("content/{}/", section.section.dir),
            |i| i.source.path_string(),
        );
        for url in pager_urls(
            &section.section.url,
            section.pages.len(),
            section.per_page(config),
        ) {
            claim(url.into(), owner.clone().into(), None, problems);
        }
        for year in &section.years {
            claim(
                year.url.clone().into(),
                owner.clone().into(),
                None,
                problems,
            );
        }
    }
    let archives: HashMap<&str, i32> = sections
        .iter()
        .flat_map(|section| section.years.iter())
        .map(|archive| (archive.url.as_str(), archive.year))
        .collect();
    for page in pages {
        let owner = page.article.source.path_text();
        let key = if page.article.front.slug.is_some() {
            "slug"
        } else {
            "title"
        };
        let place = locate_key(&page.article.source.front, 2, &[key]);
        if let Some(&year) = archives.get(page.article.url.as_str()) {
            problems.push(year_for_address(page, year, place));
            continue;
        }
        claim(
            page.article.url.as_str().into(),
            owner.clone(),
            place,
            problems,
        );
        for alias in &page.article.front.aliases {
            let alias = if alias.ends_with('/') || alias.ends_with(".html") {
                Cow::Borrowed(alias.as_str())
            } else {
                Cow::Owned(format!("{alias}/"))
            };
            claim(alias, owner.clone(), None, problems);
        }
    }
    for taxonomy in taxonomies {
        let owner = format!(
            "the taxonomy `{}` in site.yaml",
            config.taxonomies[taxonomy.index].name
        );
        claim(
            taxonomy.url.clone().into(),
            owner.clone().into(),
            None,
            problems,
        );
        for term in &taxonomy.terms {
            for url in pager_urls(&term.url, term.pages.len(), config.paginate_by) {
                claim(url.into(), owner.clone().into(), None, problems);
            }
        }
    }
    for url in extra_urls {
        claim(url.as_str().into(), "loa".into(), None, problems);
    }
    owners
}

/// An article whose address is a year of its section, the address of that year's
/// archive: the fix is a slug with words, not another title.
fn year_for_address(page: &Page, year: i32, place: Option<Location>) -> Diagnostic {
    let from_title = crate::vi::slugify(&page.article.front.title);
    let slug = if from_title.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        format!("tong-ket-{year}")
    } else {
        from_title
    };
    let mut problem = Diagnostic::new(
        page.article.source.path_text().as_ref(),
        Msg::YearArchiveTaken {
            url: page.article.url.clone(),
            year,
        }
        .to_string(),
    )
    .help(Msg::YearArchiveHelp { slug }.to_string());
    problem.location = place;
    problem
}

/// A menu entry is on every page: a broken one would be a broken link everywhere.
pub(super) fn check_menu(config: &Config, produced: &Produced, problems: &mut Diagnostics) {
    for item in &config.menu {
        let url = item.url.split('#').next().unwrap_or_default();
        if url.starts_with('/') && !url.starts_with("//") && !produced.contains_key(url) {
            // `/tin-tuc` for `/tin-tuc/`: the address that exists.
            let with_slash = format!("{url}/");
            let help = if produced.contains_key(with_slash.as_str()) {
                Msg::DidYouMean { name: with_slash }
            } else {
                Msg::MenuEntryHelp
            };
            let mut diagnostic = Diagnostic::new(
                crate::load::config::FILE_NAME,
                Msg::MenuEntryBroken {
                    name: item.name.clone(),
                    url: url.into(),
                }
                .to_string(),
            )
            .help(help.to_string());
            diagnostic.location = item.at.clone();
            problems.push(diagnostic);
        }
    }
}

/// An error for each link or image of a Markdown file that the Markdown pass took out
/// because of its address: one that could run code in the reader's browser, or of a
/// scheme loa does not know. An error rather than a warning: loa has no other warnings,
/// a warning scrolls past in a build's output while the officer believes the link works,
/// and every other bad input is an error with its place; the published site stays as it
/// was until the link is fixed.
pub(super) fn report_refused<'a>(
    rendered: impl Iterator<Item = (&'a crate::load::content::Source, &'a Arc<Rendered>)>,
    problems: &mut Diagnostics,
) {
    for (source, rendered) in rendered.filter(|(_, r)| !r.refused.is_empty()) {
        let text = source.text();
        for refused in &rendered.refused {
            let start = source.body_offset() + refused.offset;
            let written = text
                .get(start..start + refused.len)
                .and_then(|written| written.lines().next())
                .unwrap_or("");
            let image = refused.used == markdown::UrlUse::Image;
            let mut problem = Diagnostic::new(
                &source.path,
                Msg::UrlRefused {
                    scheme: refused.scheme.clone(),
                    image,
                }
                .to_string(),
            )
            .at(Location::at_offset(&text, start, written.chars().count()))
            .help(Msg::UrlRefusedHelp { image }.to_string());
            if markdown::runs_code(&refused.scheme) {
                problem = problem.note(Msg::UrlRunsCode.to_string());
            }
            problems.push(problem);
        }
    }
}

/// Shortcode calls that failed, as errors at the call; calls inside running text, and
/// raw HTML that sanitising took out, as warnings naming what to write instead.
pub(super) fn report_embeds(
    files: &[(&crate::load::content::Source, &Arc<Rendered>)],
    problems: &mut Diagnostics,
    warnings: &mut Diagnostics,
) {
    for (source, rendered) in files {
        if rendered.failed.is_empty()
            && rendered.removed.is_empty()
            && rendered.inline_calls.is_empty()
        {
            continue;
        }
        let text = source.text();
        let at = |offset: usize, len: usize| {
            let start = source.body_offset() + offset;
            let written = text.get(start..start + len).unwrap_or("");
            Location::at_offset(&text, start, written.chars().count())
        };
        for failed in &rendered.failed {
            problems.push(
                Diagnostic::new(&source.path, failed.refusal.message.clone())
                    .at(at(failed.offset, failed.len))
                    .help_opt(failed.refusal.help.clone()),
            );
        }
        for &(offset, len) in &rendered.inline_calls {
            let written = text
                .get(source.body_offset() + offset..source.body_offset() + offset + len)
                .unwrap_or("");
            warnings.push(
                Diagnostic::new(
                    &source.path,
                    Msg::ShortcodeInline {
                        written: written.to_string(),
                    }
                    .to_string(),
                )
                .at(at(offset, len))
                .help(Msg::ShortcodeInlineHelp.to_string())
                .warning(),
            );
        }
        for removed in &rendered.removed {
            let help = match removed.instead {
                Some(instead) => Msg::RawHtmlUseShortcode {
                    instead: instead.to_string(),
                },
                None => Msg::RawHtmlNoScripts,
            };
            warnings.push(
                Diagnostic::new(
                    &source.path,
                    Msg::RawHtmlRemoved {
                        what: removed.what.clone(),
                    }
                    .to_string(),
                )
                .at(at(removed.offset, removed.len))
                .help(help.to_string())
                .warning(),
            );
        }
    }
}

/// A Markdown file whose links are checked: an article, a section's `_index.md` or the
/// home page's, with its rendered Markdown and its own address.
pub(super) struct Linked<'a> {
    pub source: &'a crate::load::content::Source,
    pub rendered: &'a Rendered,
    pub url: &'a str,
}

/// What links may point at.
pub(super) struct Known<'a> {
    /// The pages and copied files of the build.
    pub produced: &'a Produced<'a>,
    /// The addresses of bundle files and of files under `content/`.
    pub files: HashSet<&'a str>,
    /// Every file `@/` may name, for suggestions.
    pub content_paths: Vec<&'a str>,
    pub left_out: &'a HashMap<String, LeftOut>,
}

impl Known<'_> {
    fn has(&self, url: &str) -> bool {
        self.produced.contains_key(url) || self.files.contains(url)
    }

    /// The address a link to `path` reaches, `path` itself or its folder's page.
    fn reached(&self, path: &str) -> Option<String> {
        let page =
            if path.ends_with('/') || path.rsplit('/').next().is_some_and(|n| n.contains('.')) {
                path.to_string()
            } else {
                format!("{path}/")
            };
        [page, path.to_string()]
            .into_iter()
            .find(|url| self.has(url))
    }

    /// The address nearest `url` among the pages and files produced, in its folder
    /// first.
    fn nearest_url(&self, url: &str) -> Option<String> {
        let urls: Vec<&str> = self
            .produced
            .keys()
            .map(|k| k.as_ref())
            .chain(self.files.iter().copied())
            .collect();
        nearest_path(url, &urls).map(str::to_string)
    }
}

/// The path nearest `written` among `known`: in the same folder first, then anywhere;
/// for `a.md`, the article with its files `a/index.md`.
fn nearest_path<'a>(written: &str, known: &[&'a str]) -> Option<&'a str> {
    let folder = |path: &str| {
        path.trim_end_matches('/')
            .rsplit_once('/')
            .map_or(String::new(), |(dir, _)| dir.to_string())
    };
    if let Some(stem) = written.strip_suffix(".md") {
        let bundle = format!("{stem}/index.md");
        if let Some(found) = known.iter().find(|k| **k == bundle) {
            return Some(found);
        }
    }
    // Names are compared, not whole paths: a shared folder would make any two paths
    // look alike.
    let name = |path: &'a str| {
        path.trim_end_matches('/')
            .rsplit_once('/')
            .map_or(path, |(_, name)| name)
    };
    let written_name = written
        .trim_end_matches('/')
        .rsplit_once('/')
        .map_or(written, |(_, name)| name);
    let here = folder(written);
    let best = |candidates: Vec<&'a str>| {
        let names: Vec<&str> = candidates.iter().map(|c| name(c)).collect();
        let found = nearest(written_name, names.iter().copied())?;
        candidates.into_iter().find(|c| name(c) == found)
    };
    best(
        known
            .iter()
            .copied()
            .filter(|k| folder(k) == here)
            .collect(),
    )
    .or_else(|| best(known.to_vec()))
}

/// The site path `relative` reaches from the page at `base` (a folder address).
pub(super) fn join(base: &str, relative: &str) -> String {
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    let ends_in_folder = relative.ends_with('/') || relative.ends_with("/.") || relative == ".";
    for part in relative.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    let joined = format!("/{}", parts.join("/"));
    if ends_in_folder && joined != "/" {
        format!("{joined}/")
    } else {
        joined
    }
}

/// Checks every link of every Markdown file, on every core: on one thread, the links of
/// 100,000 articles kept the other core idle at the end of resolving (`perf record`).
pub(super) fn check_links(linked: &[Linked], known: &Known, problems: &mut Diagnostics) {
    let anchors: HashMap<&str, HashSet<&str>> = linked
        .par_iter()
        .map(|page| {
            (
                page.url,
                page.rendered
                    .headings
                    .iter()
                    .map(|h| h.id.as_str())
                    .collect(),
            )
        })
        .collect();
    let found: Vec<Diagnostic> = linked
        .par_iter()
        .with_max_len(crate::parallel::SHARE)
        .flat_map_iter(|page| page.rendered.links.iter().map(move |link| (page, link)))
        .filter_map(|(page, link)| {
            let source = page.source;
            let location = || {
                Location::at_offset(&source.text(), source.body_offset() + link.offset, link.len)
            };
            let missing_anchor =
                |url: &str, anchor: &Option<String>| match (anchors.get(url), anchor) {
                    (Some(ids), Some(anchor)) if !ids.contains(anchor.as_str()) => {
                        Some(anchor.clone())
                    }
                    _ => None,
                };
            let suggestion = |url: &str| {
                known
                    .nearest_url(url)
                    .map(|name| Msg::DidYouMean { name }.to_string())
            };
            // A link to an address of this site, `url` as reached and `path` as written:
            // the page missing (with the nearest one), or its anchor.
            let local =
                |url: &str, path: &String, anchor: &Option<String>, missing: Msg, help: Msg| {
                    match known.reached(url) {
                        None => Some(
                            Diagnostic::new(&source.path, missing.to_string())
                                .help(suggestion(url).unwrap_or_else(|| help.to_string())),
                        ),
                        Some(page_path) => missing_anchor(&page_path, anchor).map(|anchor| {
                            Diagnostic::new(
                                &source.path,
                                Msg::NoAnchor {
                                    target: path.clone(),
                                    anchor,
                                }
                                .to_string(),
                            )
                        }),
                    }
                };
            let problem = match &link.target {
                LinkTarget::MissingFile { path } => match known.left_out.get(path) {
                    // The file's own problem is reported; the link is right.
                    Some(LeftOut::Broken) => None,
                    Some(LeftOut::Draft) => Some(
                        Diagnostic::new(
                            &source.path,
                            Msg::LinkToDraft { path: path.clone() }.to_string(),
                        )
                        .help(Msg::LinkToDraftHelp.to_string()),
                    ),
                    Some(LeftOut::Scheduled) => Some(
                        Diagnostic::new(
                            &source.path,
                            Msg::LinkToScheduled { path: path.clone() }.to_string(),
                        )
                        .help(Msg::LinkToScheduledHelp.to_string()),
                    ),
                    None => Some(
                        Diagnostic::new(
                            &source.path,
                            Msg::LinkMissingFile { path: path.clone() }.to_string(),
                        )
                        .help(
                            match nearest_path(path, &known.content_paths) {
                                Some(near) => Msg::DidYouMean {
                                    name: format!("@/{near}"),
                                },
                                None => Msg::LinkMissingFileHelp,
                            }
                            .to_string(),
                        ),
                    ),
                },
                LinkTarget::File { path, url, anchor } => {
                    missing_anchor(url, anchor).map(|anchor| {
                        Diagnostic::new(
                            &source.path,
                            Msg::NoAnchor {
                                target: format!("@/{path}"),
                                anchor,
                            }
                            .to_string(),
                        )
                    })
                }
                LinkTarget::RootRelative { path, anchor } => local(
                    path,
                    path,
                    anchor,
                    Msg::LinkMissingPage { path: path.clone() },
                    Msg::LinkMissingPageHelp,
                ),
                LinkTarget::Relative { path, anchor } => {
                    let url = join(page.url, path);
                    let missing = Msg::LinkMissingRelative {
                        path: path.clone(),
                        url: url.clone(),
                    };
                    local(&url, path, anchor, missing, Msg::LinkMissingRelativeHelp)
                }
                LinkTarget::External { .. } => None,
                LinkTarget::SamePage { anchor } => missing_anchor(page.url, &Some(anchor.clone()))
                    .map(|anchor| {
                        Diagnostic::new(&source.path, Msg::SamePageNoAnchor { anchor }.to_string())
                    }),
            };
            problem.map(|problem| problem.at(location()))
        })
        .collect();
    problems.extend(found.into_iter().collect());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_are_joined_to_the_page_address() {
        let cases = [
            ("/tin-tuc/bai/", "ke-hoach.pdf", "/tin-tuc/bai/ke-hoach.pdf"),
            ("/tin-tuc/bai/", "../khac/", "/tin-tuc/khac/"),
            ("/tin-tuc/bai/", "./anh.jpg", "/tin-tuc/bai/anh.jpg"),
            ("/", "tin-tuc/", "/tin-tuc/"),
            ("/tin-tuc/", "../../../x", "/x"),
        ];
        for (base, relative, expected) in cases {
            assert_eq!(join(base, relative), expected, "{base} + {relative}");
        }
    }

    #[test]
    fn the_nearest_path_is_looked_for_in_the_same_folder_first() {
        let known = [
            "tin-tuc/ke-hoach-2024.md",
            "le-ra-mat/ke-hoach.md",
            "tin-tuc/bai/index.md",
        ];
        assert_eq!(
            nearest_path("tin-tuc/ke-hoach.md", &known),
            Some("tin-tuc/ke-hoach-2024.md")
        );
        assert_eq!(
            nearest_path("tin-tuc/bai.md", &known),
            Some("tin-tuc/bai/index.md")
        );
        assert_eq!(
            nearest_path("khac/ke-hoach.md", &known),
            Some("le-ra-mat/ke-hoach.md")
        );
        assert_eq!(nearest_path("tin-tuc/khong-co.md", &known), None);
    }
}
