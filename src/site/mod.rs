//! The resolved site: Markdown rendered, internal links resolved and checked, articles
//! ordered, sections paginated, taxonomy terms gathered, every output URL known.
//!
//! Pure over the loaded content: no I/O, no templates. Problems that involve more than
//! one file (two files with one URL, a link to a missing page or anchor) are found here,
//! and the links and images the Markdown pass refused are reported.

pub mod external_links;
pub mod stats;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::i18n::Msg;
use crate::load::config::{Config, TermSource};
use crate::load::content::{Article, Content, LeftOut, Section};
use crate::markdown::{self, LinkTarget, Rendered};
use crate::packed::Packed;
use crate::vi;

/// An article with its rendered Markdown and its neighbours.
#[derive(Debug)]
pub struct Page {
    pub article: Article,
    /// Shared with the Markdown cache of the preview server.
    pub rendered: Arc<Rendered>,
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
    pub rendered: Arc<Rendered>,
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
    pub home: Arc<Rendered>,
    pub pages: Vec<Page>,
    pub sections: Vec<SectionModel>,
    pub taxonomies: Vec<TaxonomyModel>,
    /// Listed articles of every section, newest first.
    pub latest: Vec<usize>,
    pub assets: Vec<crate::load::content::Asset>,
    /// The resized photos each article shows, by content path.
    pub pictures: HashMap<String, markdown::Pictures>,
    /// What resolving found worth a look but no reason to stop the build.
    pub warnings: Diagnostics,
}

impl Site {
    /// Drops the Markdown text of every article, which rendering does not read: a
    /// one-shot build calls it after the last check that quotes a line, so that peak
    /// memory does not hold the whole content folder once more.
    pub fn forget_markdown(&mut self) {
        for page in &mut self.pages {
            page.article.source.forget_body();
        }
    }

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

/// Markdown already rendered, by content path, kept between two resolves so that a
/// rebuild renders only the files whose text changed.
///
/// An entry is reused only for the same text and the same `unsafe_html`, and while every
/// `@/` link it contains still resolves to the same URL: renaming an article re-renders
/// the articles that link to it, and nothing else.
#[derive(Default)]
pub struct MarkdownCache {
    entries: Mutex<HashMap<String, CachedMarkdown>>,
}

struct CachedMarkdown {
    /// Compressed: compared on every rebuild, and held for every article.
    markdown: Packed,
    allow_raw_html: bool,
    pictures: markdown::Pictures,
    rendered: Arc<Rendered>,
}

impl MarkdownCache {
    fn render(
        &self,
        content_path: &str,
        markdown: &Packed,
        allow_raw_html: bool,
        resolve_link: &dyn Fn(&str) -> Option<String>,
        pictures: &markdown::Pictures,
    ) -> Arc<Rendered> {
        let still_valid = |cached: &CachedMarkdown| {
            cached.markdown == *markdown
                && cached.allow_raw_html == allow_raw_html
                && cached.pictures == *pictures
                && cached.rendered.links.iter().all(|link| match &link.target {
                    LinkTarget::File { path, url, .. } => {
                        resolve_link(path).as_deref() == Some(url.as_str())
                    }
                    LinkTarget::MissingFile { path } => resolve_link(path).is_none(),
                    _ => true,
                })
        };
        if let Ok(entries) = self.entries.lock()
            && let Some(cached) = entries.get(content_path).filter(|c| still_valid(c))
        {
            return cached.rendered.clone();
        }
        let rendered = Arc::new(markdown::render(
            &markdown.text(),
            allow_raw_html,
            resolve_link,
            pictures,
        ));
        if let Ok(mut entries) = self.entries.lock() {
            entries.insert(
                content_path.to_string(),
                CachedMarkdown {
                    markdown: markdown.clone(),
                    allow_raw_html,
                    pictures: pictures.clone(),
                    rendered: rendered.clone(),
                },
            );
        }
        rendered
    }

    /// Keeps only the entries of `content_paths`, so that deleted files do not linger.
    fn retain(&self, content_paths: &HashSet<&str>) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.retain(|path, _| content_paths.contains(path.as_str()));
        }
    }
}

/// Takes in new versions of articles, in place, whose front matter changed at most in
/// what only their own view shows (see [`crate::load::content::reread`]): their Markdown is
/// rendered again and their links checked. Returns `false`, leaving `site` untouched,
/// when that is not enough to give what [`resolve`] would (a heading anchor changed,
/// which other pages may link to; a link that only a full resolve can check): the
/// caller then resolves the whole site.
pub fn replace_articles(
    site: &mut Site,
    changed: Vec<(
        usize,
        crate::load::content::Source,
        crate::load::content::front::ArticleFront,
    )>,
    cache: &MarkdownCache,
) -> bool {
    let mut by_content_path: HashMap<&str, &str> = site
        .pages
        .iter()
        .map(|p| {
            (
                p.article.source.content_path.as_str(),
                p.article.url.as_str(),
            )
        })
        .collect();
    for section in &site.sections {
        if let Some(index) = &section.section.index {
            by_content_path.insert(&index.source.content_path, &section.section.url);
        }
    }
    let resolve_link = |path: &str| by_content_path.get(path).map(|url| url.to_string());
    let anchors_of = |url: &str| {
        site.pages
            .iter()
            .find(|p| p.article.url == url)
            .map(|p| &p.rendered.headings)
    };
    let mut updates = Vec::with_capacity(changed.len());
    for (index, source, front) in changed {
        let Some(page) = site.pages.get(index) else {
            return false;
        };
        if page.article.source.path != source.path {
            return false;
        }
        // Photos are found and resized by a full build; a body that names a photo the
        // previous one did not goes that way.
        let pictures = site
            .pictures
            .get(&source.content_path)
            .cloned()
            .unwrap_or_default();
        let photos_known = source
            .images
            .iter()
            .all(|image| pictures.by_src.contains_key(&image.src));
        if !photos_known {
            return false;
        }
        let rendered = cache.render(
            &source.content_path,
            source.packed_body(),
            site.config.unsafe_html,
            &resolve_link,
            &pictures,
        );
        let ids = |r: &Rendered| r.headings.iter().map(|h| h.id.clone()).collect::<Vec<_>>();
        if ids(&rendered) != ids(&page.rendered) {
            return false;
        }
        let has_anchor = |headings: Option<&Vec<markdown::Heading>>, anchor: &str| {
            headings.is_some_and(|h| h.iter().any(|h| h.id == anchor))
        };
        let links_fine = rendered.links.iter().all(|link| match &link.target {
            LinkTarget::File { url, anchor, .. } => match anchor {
                Some(anchor) => has_anchor(anchors_of(url), anchor),
                None => true,
            },
            LinkTarget::SamePage { anchor } => has_anchor(Some(&rendered.headings), anchor),
            LinkTarget::External { .. } => true,
            LinkTarget::MissingFile { .. } | LinkTarget::RootRelative { .. } => false,
        });
        // A refused address is an error, which only a full resolve reports.
        if !links_fine || !rendered.refused.is_empty() {
            return false;
        }
        updates.push((index, source, front, rendered));
    }
    for (index, source, front, rendered) in updates {
        let page = &mut site.pages[index];
        page.article.source = source;
        page.article.front = front;
        page.rendered = rendered;
    }
    true
}

/// Renders Markdown, orders and groups the articles, and checks everything that spans
/// files. `extra_urls` are the paths produced outside the content (statistics, search),
/// which root-relative links may point to; each article's photos show in the resized
/// widths of `pictures` (by content path).
pub fn resolve(
    config: Config,
    content: Content,
    extra_urls: &[String],
    pictures: HashMap<String, markdown::Pictures>,
) -> Result<Site, Diagnostics> {
    resolve_inner(config, content, extra_urls, None, pictures)
}

/// [`resolve`], taking from `cache` the Markdown of files that did not
/// change.
pub fn resolve_cached(
    config: Config,
    content: Content,
    extra_urls: &[String],
    cache: &MarkdownCache,
    pictures: HashMap<String, markdown::Pictures>,
) -> Result<Site, Diagnostics> {
    resolve_inner(config, content, extra_urls, Some(cache), pictures)
}

/// A one-shot build passes no cache, so that no copy of every Markdown text is kept.
fn resolve_inner(
    config: Config,
    content: Content,
    extra_urls: &[String],
    cache: Option<&MarkdownCache>,
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
    let render = |source: &crate::load::content::Source| {
        let pictures = pictures.get(&source.content_path).unwrap_or(&no_pictures);
        match cache {
            Some(cache) => cache.render(
                &source.content_path,
                source.packed_body(),
                allow_raw_html,
                &resolve_link,
                pictures,
            ),
            None => Arc::new(markdown::render(
                &source.body(),
                allow_raw_html,
                &resolve_link,
                pictures,
            )),
        }
    };
    let rendered: Vec<Arc<Rendered>> = content
        .articles
        .par_iter()
        .with_max_len(crate::parallel::SHARE)
        .map(|article| render(&article.source))
        .collect();
    let section_rendered: Vec<Arc<Rendered>> = content
        .sections
        .iter()
        .map(|section| match &section.index {
            Some(index) => render(&index.source),
            None => Arc::default(),
        })
        .collect();
    let home = match &content.home {
        Some(home) => render(&home.source),
        None => Arc::default(),
    };
    if let Some(cache) = cache {
        cache.retain(&by_content_path.keys().copied().collect());
    }
    report_refused(
        content
            .articles
            .iter()
            .map(|a| &a.source)
            .zip(rendered.iter())
            .chain(
                content
                    .sections
                    .iter()
                    .zip(&section_rendered)
                    .filter_map(|(s, r)| s.index.as_ref().map(|i| (&i.source, r))),
            )
            .chain(content.home.as_ref().map(|h| (&h.source, &home))),
        &mut problems,
    );

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
    pages.par_sort_by(|a, b| {
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

    let warnings = unify_tags(&mut pages);
    let taxonomies = gather_terms(&config, &pages);

    let produced = produced_urls(
        &config,
        &pages,
        &sections,
        &taxonomies,
        extra_urls,
        &mut problems,
    );
    check_links(&pages, &produced, &content.left_out, &mut problems);
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
        warnings,
    })
}

/// Makes the tags that lead to the same page (the same slug) one tag in every article:
/// each article lists it once, in the spelling most articles use; a tie goes to a
/// spelling with tone marks, then to the first in Vietnamese order. Returns a warning for
/// each tag written without its tone marks where some article writes them.
fn unify_tags(pages: &mut [Page]) -> Diagnostics {
    /// What one slug's spellings decide: the one shown, and the best with tone marks.
    struct Chosen {
        shown: String,
        marked: Option<String>,
    }
    // A few dozen names recur across all the articles: each is slugified once, and its
    // slug numbered, so that the articles' lists are lists of numbers.
    let (chosen, ids_of_page) = {
        let mut id_of_name: HashMap<&str, Option<usize>> = HashMap::new();
        let mut id_of_slug: HashMap<String, usize> = HashMap::new();
        // Per slug: spelling -> how many articles write it.
        let mut spellings: Vec<HashMap<&str, usize>> = Vec::new();
        let mut ids_of_page: Vec<Vec<Option<usize>>> = Vec::with_capacity(pages.len());
        for page in pages.iter() {
            let mut ids = Vec::with_capacity(page.article.front.tags.len());
            for (i, tag) in page.article.front.tags.iter().enumerate() {
                let name = tag.trim();
                let id = *id_of_name.entry(name).or_insert_with(|| {
                    let slug = vi::slugify(name);
                    if slug.is_empty() {
                        return None;
                    }
                    let next = id_of_slug.len();
                    Some(*id_of_slug.entry(slug).or_insert(next))
                });
                if let Some(id) = id {
                    spellings.resize_with(spellings.len().max(id + 1), HashMap::new);
                    let written_before = page.article.front.tags[..i]
                        .iter()
                        .any(|other| other.trim() == name);
                    if !written_before {
                        *spellings[id].entry(name).or_default() += 1;
                    }
                }
                ids.push(id);
            }
            ids_of_page.push(ids);
        }
        // Less is better: more articles, then tone marks, then Vietnamese order.
        let better = |a: &(&&str, &usize), b: &(&&str, &usize)| {
            b.1.cmp(a.1)
                .then_with(|| vi::has_marks(b.0).cmp(&vi::has_marks(a.0)))
                .then_with(|| vi::compare(a.0, b.0))
                .then_with(|| a.0.cmp(b.0))
        };
        let chosen: Vec<Chosen> = spellings
            .iter()
            .map(|spellings| Chosen {
                shown: spellings
                    .iter()
                    .min_by(better)
                    .map(|(name, _)| name.to_string())
                    .unwrap_or_default(),
                marked: spellings
                    .iter()
                    .filter(|(name, _)| vi::has_marks(name))
                    .min_by(better)
                    .map(|(name, _)| name.to_string()),
            })
            .collect();
        (chosen, ids_of_page)
    };

    let mut warnings = Diagnostics::default();
    for (page, ids) in pages.iter_mut().zip(ids_of_page) {
        let article = &mut page.article;
        for (i, (tag, id)) in article.front.tags.iter().zip(&ids).enumerate() {
            let name = tag.trim();
            let Some(marked) = id.and_then(|id| chosen[id].marked.as_deref()) else {
                continue;
            };
            let written_before = article.front.tags[..i].iter().any(|t| t.trim() == name);
            if vi::has_marks(name) || written_before {
                continue;
            }
            let mut warning = Diagnostic::new(
                &article.source.path,
                Msg::TagWithoutMarks { tag: name.into() }.to_string(),
            )
            .help(Msg::TagWithoutMarksHelp { tag: marked.into() }.to_string())
            .warning();
            warning.location = tag_location(&article.source.front, name);
            warnings.push(warning);
        }
        let repeated = |i: usize| ids[i].is_some() && ids[..i].contains(&ids[i]);
        let unchanged = article
            .front
            .tags
            .iter()
            .enumerate()
            .all(|(i, tag)| !repeated(i) && ids[i].is_none_or(|id| chosen[id].shown == *tag));
        if unchanged {
            continue;
        }
        let tags = article
            .front
            .tags
            .iter()
            .enumerate()
            .filter(|(i, _)| !repeated(*i))
            .map(|(i, tag)| match ids[i] {
                Some(id) => chosen[id].shown.clone(),
                None => tag.clone(),
            })
            .collect();
        article.front.tags = tags;
    }
    warnings
}

/// Where `tag` is written in a front matter's `tags`: on the `tags:` line or a line of
/// the list below it.
fn tag_location(front: &str, tag: &str) -> Option<Location> {
    let first = crate::load::config::locate_key(front, 2, &["tags"])?.line;
    front
        .lines()
        .enumerate()
        .skip(first - 1)
        .take_while(|(index, line)| {
            *index + 1 == first || line.starts_with([' ', '\t', '-']) || line.trim().is_empty()
        })
        .find(|(_, line)| line.contains(tag))
        .map(|(index, _)| Location::of_text_on_line(front, index + 1, tag))
        .or_else(|| crate::load::config::locate_key(front, 2, &["tags"]))
}

fn gather_terms(config: &Config, pages: &[Page]) -> Vec<TaxonomyModel> {
    config
        .taxonomies
        .par_iter()
        .enumerate()
        .map(|(index, taxonomy)| {
            // A few dozen names recur across all the articles: each is slugified once,
            // and the term of each name found once. Two names with one slug are one
            // term, named as the first article met spells it; tags have one spelling
            // per slug by now (`unify_tags`).
            let mut term_of_name: HashMap<&str, Option<usize>> = HashMap::new();
            let mut term_of_slug: HashMap<String, usize> = HashMap::new();
            let mut terms: Vec<Term> = Vec::new();
            for (page_index, page) in pages.iter().enumerate().filter(|(_, p)| p.is_listed()) {
                let front = &page.article.front;
                let names: Vec<&str> = match taxonomy.source {
                    TermSource::Tags => front.tags.iter().map(String::as_str).collect(),
                    TermSource::Province => front.province.iter().map(String::as_str).collect(),
                    TermSource::Kind => front.kind.iter().map(|k| k.label()).collect(),
                };
                let mut seen: Vec<usize> = Vec::with_capacity(names.len());
                for name in names {
                    let term = *term_of_name.entry(name).or_insert_with(|| {
                        let slug = vi::slugify(name);
                        if slug.is_empty() {
                            return None;
                        }
                        let term = *term_of_slug.entry(slug.clone()).or_insert_with(|| {
                            terms.push(Term {
                                name: name.trim().to_string(),
                                url: format!("/{}/{slug}/", taxonomy.path),
                                slug,
                                pages: Vec::new(),
                            });
                            terms.len() - 1
                        });
                        Some(term)
                    });
                    if let Some(term) = term.filter(|term| !seen.contains(term)) {
                        seen.push(term);
                        terms[term].pages.push(page_index);
                    }
                }
            }
            // In Vietnamese order, names that compare equal in the order of their slugs.
            terms.sort_by(|a, b| vi::compare(&a.name, &b.name).then_with(|| a.slug.cmp(&b.slug)));
            TaxonomyModel {
                index,
                url: format!("/{}/", taxonomy.path),
                terms,
            }
        })
        .collect()
}

/// Every HTML page path the build will produce, with the source that claims it: the
/// first, when two do. Borrows what it can from the site: at 100,000 articles a copy of
/// every address and file name cost a tenth of a second on one thread.
type Produced<'a> = HashMap<Cow<'a, str>, Cow<'a, str>>;

/// The pages the build will produce, checking that no two sources claim the same one.
fn produced_urls<'a>(
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
fn check_menu(config: &Config, produced: &Produced, problems: &mut Diagnostics) {
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
fn report_refused<'a>(
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

/// Checks every link of every page, on every core: on one thread, the links of 100,000
/// articles kept the other core idle at the end of resolving (`perf record`).
fn check_links(
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
