//! The resolved site: Markdown rendered, internal links resolved and checked, articles
//! ordered, sections paginated, taxonomy terms gathered, every output URL known.
//!
//! Pure over the loaded content: no I/O, no templates. Problems that involve more than
//! one file (two files with one URL, a link to a missing page or anchor) are found here.

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;

use crate::config::{Config, TermSource};
use crate::content::{Article, Content, Section};
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::markdown::{self, LinkTarget, Rendered};
use crate::messages::Msg;
use crate::vi;

/// An article with its rendered Markdown and its neighbours.
#[derive(Debug)]
pub struct Page {
    pub article: Article,
    pub rendered: Rendered,
    /// Index into `Site::sections`, `None` for a stand-alone page.
    pub section: Option<usize>,
    /// Older and newer articles of the same section, as indexes into `Site::pages`.
    pub older: Option<usize>,
    pub newer: Option<usize>,
}

impl Page {
    pub fn is_listed(&self) -> bool {
        self.section.is_some()
    }
}

#[derive(Debug)]
pub struct SectionModel {
    pub section: Section,
    pub title: String,
    pub rendered: Rendered,
    /// Indexes into `Site::pages`, newest first.
    pub pages: Vec<usize>,
}

impl SectionModel {
    /// Articles per listing page: the section's own `paginate_by`, else the site's.
    pub fn per_page(&self, config: &Config) -> usize {
        self.section
            .index
            .as_ref()
            .and_then(|i| i.front.paginate_by)
            .filter(|n| *n > 0)
            .unwrap_or(config.paginate_by)
    }
}

#[derive(Debug)]
pub struct Term {
    pub name: String,
    pub slug: String,
    pub url: String,
    /// Indexes into `Site::pages`, newest first.
    pub pages: Vec<usize>,
}

#[derive(Debug)]
pub struct TaxonomyModel {
    pub index: usize,
    pub url: String,
    /// In Vietnamese alphabetical order.
    pub terms: Vec<Term>,
}

#[derive(Debug)]
pub struct Site {
    pub config: Config,
    pub home_title: String,
    pub home: Rendered,
    pub pages: Vec<Page>,
    pub sections: Vec<SectionModel>,
    pub taxonomies: Vec<TaxonomyModel>,
    /// Listed articles of every section, newest first.
    pub latest: Vec<usize>,
    pub assets: Vec<crate::content::Asset>,
    /// The resized photos each article shows, by content path.
    pub pictures: HashMap<String, markdown::Pictures>,
}

impl Site {
    pub fn taxonomy_for(&self, source: TermSource) -> Option<&TaxonomyModel> {
        self.taxonomies
            .iter()
            .find(|t| self.config.taxonomies[t.index].source == source)
    }

    /// The URL of the term page for `name` in the taxonomy fed by `source`.
    pub fn term_url(&self, source: TermSource, name: &str) -> Option<&str> {
        let slug = vi::slugify(name);
        self.taxonomy_for(source)?
            .terms
            .iter()
            .find(|t| t.slug == slug)
            .map(|t| t.url.as_str())
    }
}

/// The site paths of every page of a paginated listing at `base`: `/tin-tuc/`,
/// `/tin-tuc/page/2/`, …
pub fn pager_urls(base: &str, items: usize, per_page: usize) -> Vec<String> {
    let count = items.div_ceil(per_page).max(1);
    (1..=count)
        .map(|n| match n {
            1 => base.to_string(),
            n => format!("{base}page/{n}/"),
        })
        .collect()
}

/// Renders Markdown, orders and groups the articles, and checks everything that spans
/// files. `extra_urls` are the paths produced outside the content (statistics, search),
/// which root-relative links may point to.
pub fn resolve(
    config: Config,
    content: Content,
    extra_urls: &[String],
) -> Result<Site, Diagnostics> {
    resolve_with_pictures(config, content, extra_urls, HashMap::new())
}

/// [`resolve`], showing each article's photos in the resized widths of `pictures`
/// (by content path).
pub fn resolve_with_pictures(
    config: Config,
    content: Content,
    extra_urls: &[String],
    pictures: HashMap<String, markdown::Pictures>,
) -> Result<Site, Diagnostics> {
    let mut problems = Diagnostics::default();
    let by_content_path: HashMap<&str, &str> = content
        .articles
        .iter()
        .map(|a| (a.source.content_path.as_str(), a.url.as_str()))
        .chain(content.sections.iter().filter_map(|s| {
            s.index
                .as_ref()
                .map(|i| (i.source.content_path.as_str(), s.url.as_str()))
        }))
        .chain(
            content
                .home
                .as_ref()
                .map(|h| (h.source.content_path.as_str(), "/")),
        )
        .collect();
    let resolve_link = |path: &str| by_content_path.get(path).map(|url| url.to_string());
    let allow_raw_html = config.unsafe_html;

    let no_pictures = markdown::Pictures::default();
    let rendered: Vec<Rendered> = content
        .articles
        .par_iter()
        .map(|article| {
            let pictures = pictures
                .get(&article.source.content_path)
                .unwrap_or(&no_pictures);
            markdown::render_with_pictures(
                article.source.body(),
                allow_raw_html,
                &resolve_link,
                pictures,
            )
        })
        .collect();
    let section_rendered: Vec<Rendered> = content
        .sections
        .iter()
        .map(|section| match &section.index {
            Some(index) => markdown::render(index.source.body(), allow_raw_html, &resolve_link),
            None => Rendered::default(),
        })
        .collect();
    let home = match &content.home {
        Some(home) => markdown::render(home.source.body(), allow_raw_html, &resolve_link),
        None => Rendered::default(),
    };

    let section_of: HashMap<&str, usize> = content
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| (s.dir.as_str(), i))
        .collect();
    let mut pages: Vec<Page> = content
        .articles
        .into_iter()
        .zip(rendered)
        .map(|(article, rendered)| Page {
            section: article
                .section
                .as_deref()
                .and_then(|s| section_of.get(s).copied()),
            article,
            rendered,
            older: None,
            newer: None,
        })
        .collect();
    // Newest first; the same date falls back to the title in Vietnamese order so that
    // every build orders the same files the same way.
    pages.sort_by(|a, b| {
        b.article
            .front
            .date
            .cmp(&a.article.front.date)
            .then_with(|| vi::compare(&a.article.front.title, &b.article.front.title))
            .then_with(|| a.article.source.path.cmp(&b.article.source.path))
    });

    let mut sections: Vec<SectionModel> = content
        .sections
        .into_iter()
        .zip(section_rendered)
        .map(|(section, rendered)| SectionModel {
            title: section
                .index
                .as_ref()
                .map_or_else(|| section.dir.clone(), |i| i.front.title.clone()),
            section,
            rendered,
            pages: Vec::new(),
        })
        .collect();
    let mut latest = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        if let Some(section) = page.section {
            sections[section].pages.push(index);
            latest.push(index);
        }
    }
    for section in &sections {
        for pair in section.pages.windows(2) {
            pages[pair[0]].older = Some(pair[1]);
            pages[pair[1]].newer = Some(pair[0]);
        }
    }

    let taxonomies = gather_terms(&config, &pages);

    let produced = produced_urls(
        &config,
        &pages,
        &sections,
        &taxonomies,
        extra_urls,
        &mut problems,
    );
    check_links(&pages, &produced, &mut problems);
    check_menu(&config, &produced, &mut problems);

    problems.into_result()?;
    Ok(Site {
        home_title: content
            .home
            .as_ref()
            .map_or_else(|| config.title.clone(), |h| h.front.title.clone()),
        config,
        home,
        pages,
        sections,
        taxonomies,
        latest,
        assets: content.assets,
        pictures,
    })
}

fn gather_terms(config: &Config, pages: &[Page]) -> Vec<TaxonomyModel> {
    config
        .taxonomies
        .iter()
        .enumerate()
        .map(|(index, taxonomy)| {
            let mut by_slug: BTreeMap<String, Term> = BTreeMap::new();
            for (page_index, page) in pages.iter().enumerate().filter(|(_, p)| p.is_listed()) {
                let front = &page.article.front;
                let names: Vec<&str> = match taxonomy.source {
                    TermSource::Tags => front.tags.iter().map(String::as_str).collect(),
                    TermSource::Province => front.province.iter().map(String::as_str).collect(),
                    TermSource::Kind => front.kind.iter().map(|k| k.label()).collect(),
                };
                let mut seen = HashSet::new();
                for name in names {
                    let slug = vi::slugify(name);
                    if slug.is_empty() || !seen.insert(slug.clone()) {
                        continue;
                    }
                    by_slug
                        .entry(slug.clone())
                        .or_insert_with(|| Term {
                            name: name.trim().to_string(),
                            url: format!("/{}/{slug}/", taxonomy.path),
                            slug,
                            pages: Vec::new(),
                        })
                        .pages
                        .push(page_index);
                }
            }
            let mut terms: Vec<Term> = by_slug.into_values().collect();
            terms.sort_by(|a, b| vi::compare(&a.name, &b.name));
            TaxonomyModel {
                index,
                url: format!("/{}/", taxonomy.path),
                terms,
            }
        })
        .collect()
}

/// Every HTML page path the build will produce, checking that no two sources claim the
/// same one.
fn produced_urls(
    config: &Config,
    pages: &[Page],
    sections: &[SectionModel],
    taxonomies: &[TaxonomyModel],
    extra_urls: &[String],
    problems: &mut Diagnostics,
) -> HashSet<String> {
    let mut owners: HashMap<String, String> = HashMap::new();
    let mut claim = |url: String, owner: String, problems: &mut Diagnostics| {
        if let Some(first) = owners.get(&url) {
            if first != &owner {
                problems.push(
                    Diagnostic::new(&owner, Msg::TwoFilesOnePage { url }.to_string())
                        .note(
                            Msg::TheOtherOne {
                                path: first.clone(),
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
            claim(url, owner.clone(), problems);
        }
    }
    for page in pages {
        let owner = page.article.source.path_string();
        claim(page.article.url.clone(), owner.clone(), problems);
        for alias in &page.article.front.aliases {
            let alias = if alias.ends_with('/') || alias.ends_with(".html") {
                alias.clone()
            } else {
                format!("{alias}/")
            };
            claim(alias, owner.clone(), problems);
        }
    }
    for taxonomy in taxonomies {
        let owner = format!(
            "the taxonomy `{}` in site.yaml",
            config.taxonomies[taxonomy.index].name
        );
        claim(taxonomy.url.clone(), owner.clone(), problems);
        for term in &taxonomy.terms {
            for url in pager_urls(&term.url, term.pages.len(), config.paginate_by) {
                claim(url, owner.clone(), problems);
            }
        }
    }
    for url in extra_urls {
        claim(url.clone(), "loa".into(), problems);
    }
    owners.into_keys().collect()
}

/// A menu entry is on every page: a broken one would be a broken link everywhere.
fn check_menu(config: &Config, produced: &HashSet<String>, problems: &mut Diagnostics) {
    for item in &config.menu {
        let url = item.url.split('#').next().unwrap_or_default();
        if url.starts_with('/') && !url.starts_with("//") && !produced.contains(url) {
            problems.push(
                Diagnostic::new(
                    crate::config::FILE_NAME,
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

fn check_links(pages: &[Page], produced: &HashSet<String>, problems: &mut Diagnostics) {
    let anchors: HashMap<&str, HashSet<&str>> = pages
        .iter()
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
    for page in pages {
        let source = &page.article.source;
        for link in &page.rendered.links {
            let location =
                || Location::at_offset(&source.text, source.body_offset + link.offset, link.len);
            let missing_anchor =
                |url: &str, anchor: &Option<String>| match (anchors.get(url), anchor) {
                    (Some(ids), Some(anchor)) if !ids.contains(anchor.as_str()) => {
                        Some(anchor.clone())
                    }
                    _ => None,
                };
            let problem = match &link.target {
                LinkTarget::MissingFile { path } => Some(
                    Diagnostic::new(
                        &source.path,
                        Msg::LinkMissingFile { path: path.clone() }.to_string(),
                    )
                    .help(Msg::LinkMissingFileHelp.to_string()),
                ),
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
                    if !produced.contains(&page_path) && !produced.contains(path) {
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
                LinkTarget::SamePage { anchor } => {
                    missing_anchor(&page.article.url, &Some(anchor.clone())).map(|anchor| {
                        Diagnostic::new(&source.path, Msg::SamePageNoAnchor { anchor }.to_string())
                    })
                }
            };
            if let Some(problem) = problem {
                problems.push(problem.at(location()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pager_urls_start_with_the_listing_itself() {
        assert_eq!(pager_urls("/tin-tuc/", 0, 20), ["/tin-tuc/"]);
        assert_eq!(
            pager_urls("/tin-tuc/", 41, 20),
            ["/tin-tuc/", "/tin-tuc/page/2/", "/tin-tuc/page/3/"]
        );
    }
}
