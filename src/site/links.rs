//! Every address the site produces, and the checks of what points at them: internal
//! links, menu entries, and the links the Markdown pass refused.
//!
//! Pure over the resolved site; reports each problem at the link's line.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::i18n::Msg;
use crate::load::config::Config;
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
    let mut claim = |url: Cow<'a, str>, owner: Cow<'a, str>, problems: &mut Diagnostics| {
        if let Some(first) = owners.get(&url) {
            if first != &owner {
                problems.push(
                    Diagnostic::new(
                        owner.as_ref(),
                        Msg::TwoFilesOnePage { url: url.into() }.to_string(),
                    )
                    .note(
                        Msg::TheOtherOne {
                            path: first.to_string(),
                        }
                        .to_string(),
                    )
                    .help(Msg::TwoFilesHelp.to_string()),
                );
            }
        } else {
            owners.insert(url, owner);
        }
    };
    claim("/".into(), "content/_index.md".into(), problems);
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
            claim(url.into(), owner.clone().into(), problems);
        }
        for year in &section.years {
            claim(year.url.clone().into(), owner.clone().into(), problems);
        }
    }
    for page in pages {
        let owner = page.article.source.path_text();
        claim(page.article.url.as_str().into(), owner.clone(), problems);
        for alias in &page.article.front.aliases {
            let alias = if alias.ends_with('/') || alias.ends_with(".html") {
                Cow::Borrowed(alias.as_str())
            } else {
                Cow::Owned(format!("{alias}/"))
            };
            claim(alias, owner.clone(), problems);
        }
    }
    for taxonomy in taxonomies {
        let owner = format!(
            "the taxonomy `{}` in site.yaml",
            config.taxonomies[taxonomy.index].name
        );
        claim(taxonomy.url.clone().into(), owner.clone().into(), problems);
        for term in &taxonomy.terms {
            for url in pager_urls(&term.url, term.pages.len(), config.paginate_by) {
                claim(url.into(), owner.clone().into(), problems);
            }
        }
    }
    for url in extra_urls {
        claim(url.as_str().into(), "loa".into(), problems);
    }
    owners
}

/// A menu entry is on every page: a broken one would be a broken link everywhere.
pub(super) fn check_menu(config: &Config, produced: &Produced, problems: &mut Diagnostics) {
    for item in &config.menu {
        let url = item.url.split('#').next().unwrap_or_default();
        if url.starts_with('/') && !url.starts_with("//") && !produced.contains_key(url) {
            problems.push(
                Diagnostic::new(
                    crate::load::config::FILE_NAME,
                    Msg::MenuEntryBroken {
                        name: item.name.clone(),
                        url: url.into(),
                    }
                    .to_string(),
                )
                .help(Msg::MenuEntryHelp.to_string()),
            );
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

/// Shortcode calls that failed, as errors at the call; raw HTML that sanitising took
/// out, as warnings naming the shortcode to use.
pub(super) fn report_embeds(
    files: &[(&crate::load::content::Source, &Arc<Rendered>)],
    problems: &mut Diagnostics,
    warnings: &mut Diagnostics,
) {
    for (source, rendered) in files {
        if rendered.failed.is_empty() && rendered.removed.is_empty() {
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

/// Checks every link of every page, on every core: on one thread, the links of 100,000
/// articles kept the other core idle at the end of resolving (`perf record`).
pub(super) fn check_links(
    pages: &[Page],
    produced: &Produced,
    left_out: &HashMap<String, LeftOut>,
    problems: &mut Diagnostics,
) {
    let anchors: HashMap<&str, HashSet<&str>> = pages
        .par_iter()
        .map(|page| {
            (
                page.article.url.as_str(),
                page.rendered
                    .headings
                    .iter()
                    .map(|h| h.id.as_str())
                    .collect(),
            )
        })
        .collect();
    let found: Vec<Diagnostic> = pages
        .par_iter()
        .with_max_len(crate::parallel::SHARE)
        .flat_map_iter(|page| page.rendered.links.iter().map(move |link| (page, link)))
        .filter_map(|(page, link)| {
            let source = &page.article.source;
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
            let problem = match &link.target {
                LinkTarget::MissingFile { path } => match left_out.get(path) {
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
                        .help(Msg::LinkMissingFileHelp.to_string()),
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
                LinkTarget::RootRelative { path, anchor } => {
                    let page_path = if path.ends_with('/') || path.contains('.') {
                        path.clone()
                    } else {
                        format!("{path}/")
                    };
                    if !produced.contains_key(page_path.as_str())
                        && !produced.contains_key(path.as_str())
                    {
                        Some(
                            Diagnostic::new(
                                &source.path,
                                Msg::LinkMissingPage { path: path.clone() }.to_string(),
                            )
                            .help(Msg::LinkMissingPageHelp.to_string()),
                        )
                    } else {
                        missing_anchor(&page_path, anchor).map(|anchor| {
                            Diagnostic::new(
                                &source.path,
                                Msg::NoAnchor {
                                    target: path.clone(),
                                    anchor,
                                }
                                .to_string(),
                            )
                        })
                    }
                }
                LinkTarget::External { .. } => None,
                LinkTarget::SamePage { anchor } => {
                    missing_anchor(&page.article.url, &Some(anchor.clone())).map(|anchor| {
                        Diagnostic::new(&source.path, Msg::SamePageNoAnchor { anchor }.to_string())
                    })
                }
            };
            problem.map(|problem| problem.at(location()))
        })
        .collect();
    problems.extend(found.into_iter().collect());
}
