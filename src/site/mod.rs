//! The resolved site: Markdown rendered, internal links resolved and checked, articles
//! ordered, sections paginated, taxonomy terms gathered, every output URL known.
//!
//! Pure over the loaded content: no I/O, no templates. Problems that involve more than
//! one file (two files with one URL, a link to a missing page or anchor) are found here,
//! and the links and images the Markdown pass refused are reported.

pub mod external_links;
mod links;
mod related;
pub mod shortcodes;
pub mod stats;
mod taxonomies;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::diagnostics::Diagnostics;
use crate::load::config::{Config, TermSource};
use crate::load::content::{Article, Content, Section};
use crate::markdown::{self, LinkTarget, Rendered};
use crate::packed::Packed;
use crate::vi;
use links::{Known, Linked, check_links, check_menu, produced_urls, report_refused};
use taxonomies::{gather_terms, unify_tags};

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
    /// Up to three other articles to read next, best first (see `related`).
    pub related: Vec<usize>,
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
    /// The section's articles by year, newest year first: one archive page each.
    pub years: Vec<YearArchive>,
}

/// The articles of one year of a section, at `/<section>/<year>/`.
#[derive(Debug)]
pub struct YearArchive {
    pub year: i32,
    pub url: String,
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

    /// Whether readers meet the section on the home page, in the default menu and in the
    /// site's feed (`listed:` of its `_index.md`, true when absent).
    pub fn is_listed(&self) -> bool {
        self.section.index.as_ref().is_none_or(|i| i.front.listed)
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
    /// The articles of every listed section, newest first.
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

/// The articles of a section (`pages`, newest first) grouped by the year of their date,
/// newest year first. Articles in a section always have a date.
fn year_archives(base: &str, indexes: &[usize], pages: &[Page]) -> Vec<YearArchive> {
    let mut years: Vec<YearArchive> = Vec::new();
    for &index in indexes {
        let Some(date) = pages[index].article.front.date else {
            continue;
        };
        let year = chrono::Datelike::year(&date.date());
        match years.last_mut() {
            Some(last) if last.year == year => last.pages.push(index),
            _ => years.push(YearArchive {
                year,
                url: format!("{base}{year}/"),
                pages: vec![index],
            }),
        }
    }
    years
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
        expand: &markdown::shortcodes::Expand,
    ) -> Arc<Rendered> {
        // A shortcode's output depends on templates and data, not only on the text.
        let still_valid = |cached: &CachedMarkdown| {
            !cached.rendered.has_shortcodes
                && cached.markdown == *markdown
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
            expand,
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
        // Shortcodes need the templates and data of a full resolve: a body that calls
        // one is refused here and goes that way.
        let rendered = cache.render(
            &source.content_path,
            source.packed_body(),
            site.config.unsafe_html,
            &resolve_link,
            &pictures,
            &|_| Err(markdown::shortcodes::Refusal::default()),
        );
        if rendered.has_shortcodes {
            return false;
        }
        let ids = |r: &Rendered| r.headings.iter().map(|h| h.id.clone()).collect::<Vec<_>>();
        if ids(&rendered) != ids(&page.rendered) {
            return false;
        }
        let has_anchor = |headings: Option<&Vec<markdown::Heading>>, anchor: &str| {
            headings.is_some_and(|h| h.iter().any(|h| h.id == anchor))
        };
        // A link to a file beside the article, the usual relative link, is checked
        // here; any other relative link takes a full resolve.
        let page_url = page.article.url.as_str();
        let beside = |path: &str| {
            let url = links::join(page_url, path);
            url.strip_prefix(page_url).is_some_and(|inside| {
                page.article
                    .bundle_files
                    .iter()
                    .any(|(_, file)| file == inside)
            })
        };
        let links_fine = rendered.links.iter().all(|link| match &link.target {
            LinkTarget::Relative { path, anchor: None } if beside(path) => true,
            LinkTarget::File { url, anchor, .. } => match anchor {
                Some(anchor) => has_anchor(anchors_of(url), anchor),
                None => true,
            },
            LinkTarget::SamePage { anchor } => has_anchor(Some(&rendered.headings), anchor),
            LinkTarget::External { .. } => true,
            LinkTarget::MissingFile { .. }
            | LinkTarget::RootRelative { .. }
            | LinkTarget::Relative { .. } => false,
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
    embeds: Embedding,
) -> Result<Site, Diagnostics> {
    resolve_inner(config, content, extra_urls, None, pictures, embeds)
}

/// What shortcodes draw on, from the steps before resolving.
#[derive(Clone, Copy)]
pub struct Embedding<'a> {
    pub templates: &'a dyn shortcodes::Templates,
    pub statistics: Option<&'a stats::Statistics>,
    pub registry: &'a crate::provinces::Registry,
}

/// [`resolve`], taking from `cache` the Markdown of files that did not
/// change.
pub fn resolve_cached(
    config: Config,
    content: Content,
    extra_urls: &[String],
    cache: &MarkdownCache,
    pictures: HashMap<String, markdown::Pictures>,
    embeds: Embedding,
) -> Result<Site, Diagnostics> {
    resolve_inner(config, content, extra_urls, Some(cache), pictures, embeds)
}

/// A one-shot build passes no cache, so that no copy of every Markdown text is kept.
fn resolve_inner(
    config: Config,
    content: Content,
    extra_urls: &[String],
    cache: Option<&MarkdownCache>,
    pictures: HashMap<String, markdown::Pictures>,
    embedding: Embedding,
) -> Result<Site, Diagnostics> {
    let mut problems = Diagnostics::default();
    let assets: HashMap<&str, &std::path::PathBuf> = content
        .assets
        .iter()
        .map(|a| (a.output.as_str(), &a.source))
        .collect();
    let embeds = shortcodes::Embeds {
        templates: embedding.templates,
        statistics: embedding.statistics,
        registry: embedding.registry,
        document_sizes: &content.document_sizes,
        assets: &assets,
    };
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
    // Files that are not Markdown, which `@/` links may name too: a plan in PDF beside
    // its article, a photo under a section's folder.
    let file_urls: HashMap<String, String> = content
        .assets
        .iter()
        .map(|a| (a.content_path.clone(), format!("/{}", a.output)))
        .chain(content.articles.iter().flat_map(|article| {
            let dir = article
                .source
                .content_path
                .rsplit_once('/')
                .map_or("", |(dir, _)| dir);
            article.bundle_files.iter().map(move |(_, inside)| {
                (
                    format!("{dir}/{inside}"),
                    format!("{}{inside}", article.url),
                )
            })
        }))
        .collect();
    let resolve_link = |path: &str| {
        by_content_path
            .get(path)
            .map(|url| url.to_string())
            .or_else(|| file_urls.get(path).cloned())
    };
    let allow_raw_html = config.unsafe_html;

    let no_pictures = markdown::Pictures::default();
    let render = |source: &crate::load::content::Source,
                  article: Option<&crate::load::content::Article>| {
        let pictures = pictures.get(&source.content_path).unwrap_or(&no_pictures);
        let expand = |call: &markdown::shortcodes::Call| shortcodes::expand(embeds, article, call);
        match cache {
            Some(cache) => cache.render(
                &source.content_path,
                source.packed_body(),
                allow_raw_html,
                &resolve_link,
                pictures,
                &expand,
            ),
            None => Arc::new(markdown::render(
                &source.body(),
                allow_raw_html,
                &resolve_link,
                pictures,
                &expand,
            )),
        }
    };
    let rendered: Vec<Arc<Rendered>> = content
        .articles
        .par_iter()
        .with_max_len(crate::parallel::SHARE)
        .map(|article| render(&article.source, Some(article)))
        .collect();
    let section_rendered: Vec<Arc<Rendered>> = content
        .sections
        .iter()
        .map(|section| match &section.index {
            Some(index) => render(&index.source, None),
            None => Arc::default(),
        })
        .collect();
    let home = match &content.home {
        Some(home) => render(&home.source, None),
        None => Arc::default(),
    };
    if let Some(cache) = cache {
        cache.retain(&by_content_path.keys().copied().collect());
    }
    let every_file: Vec<(&crate::load::content::Source, &Arc<Rendered>)> = content
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
        .chain(content.home.as_ref().map(|h| (&h.source, &home)))
        .collect();
    report_refused(every_file.iter().copied(), &mut problems);
    let mut embed_warnings = Diagnostics::default();
    links::report_embeds(&every_file, &mut problems, &mut embed_warnings);
    drop(every_file);

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
            related: Vec::new(),
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
            years: Vec::new(),
        })
        .collect();
    let mut latest = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        if let Some(section) = page.section {
            sections[section].pages.push(index);
            if sections[section].is_listed() {
                latest.push(index);
            }
        }
    }
    for section in &mut sections {
        for pair in section.pages.windows(2) {
            pages[pair[0]].older = Some(pair[1]);
            pages[pair[1]].newer = Some(pair[0]);
        }
        section.years = year_archives(&section.section.url, &section.pages, &pages);
    }

    let mut warnings = unify_tags(&mut pages);
    warnings.extend(embed_warnings);
    let taxonomies = gather_terms(&config, &pages);
    let related = related::related(&pages, &sections);
    for (page, related) in pages.iter_mut().zip(related) {
        page.related = related;
    }

    let produced = produced_urls(
        &config,
        &pages,
        &sections,
        &taxonomies,
        extra_urls,
        &mut problems,
    );
    let linked: Vec<Linked> = pages
        .iter()
        .map(|page| Linked {
            source: &page.article.source,
            rendered: &page.rendered,
            url: &page.article.url,
        })
        .chain(sections.iter().filter_map(|section| {
            section.section.index.as_ref().map(|index| Linked {
                source: &index.source,
                rendered: &section.rendered,
                url: &section.section.url,
            })
        }))
        .chain(content.home.as_ref().map(|index| Linked {
            source: &index.source,
            rendered: &home,
            url: "/",
        }))
        .collect();
    let known = Known {
        produced: &produced,
        files: file_urls.values().map(String::as_str).collect(),
        content_paths: linked
            .iter()
            .map(|l| l.source.content_path.as_str())
            .chain(file_urls.keys().map(String::as_str))
            .collect(),
        left_out: &content.left_out,
    };
    check_links(&linked, &known, &mut problems);
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
