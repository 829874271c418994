//! Markdown to HTML with pulldown-cmark: tables, footnotes, strikethrough, smart
//! punctuation, heading ids for anchors, `@/section/file.md` links, summaries, photos
//! (a paragraph that is only an image becomes a `<figure>`, its title the caption),
//! links and images whose address could run code taken out ([`urls`]), and sanitising
//! of raw HTML.
//!
//! Pure: takes text and a way to look up other files' URLs, returns HTML and what it
//! found (headings, links with their byte offsets, refused addresses). Never reads
//! files, never reports; the caller turns unresolved links and refused addresses into
//! diagnostics.

mod entities;
pub mod shortcodes;
mod urls;

pub use entities::decode_entities;
pub use urls::{RefusedUrl, UrlUse, has_scheme, refused_scheme, runs_code};

use crate::packed::{Packed, PackedAgainst};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use serde::Serialize;

use crate::vi;

pub(crate) mod text;

/// A heading, for anchors and tables of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// A link that points inside the site, and where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteLink {
    pub target: LinkTarget,
    /// Byte range of the link in the Markdown text.
    pub offset: usize,
    pub len: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// `@/section/file.md#anchor` that resolved to `url`.
    File {
        path: String,
        url: String,
        anchor: Option<String>,
    },
    /// `@/section/file.md` naming no file of the site.
    MissingFile { path: String },
    /// `/section/slug/#anchor`, to be checked against the pages produced.
    RootRelative {
        path: String,
        anchor: Option<String>,
    },
    /// `ke-hoach.pdf`, `../khac/#anchor`: relative to the page's own address, to be
    /// checked against the pages and files produced.
    Relative {
        path: String,
        anchor: Option<String>,
    },
    /// `#anchor` on the same page.
    SamePage { anchor: String },
    /// `https://…` on another site, checked only on request.
    External { url: String },
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    /// The HTML, compressed: a build holds every article's HTML until its last page and
    /// the search index are made.
    pub html: Packed,
    /// The first paragraph, as HTML.
    pub first_paragraph: Option<String>,
    pub headings: Vec<Heading>,
    pub links: Vec<SiteLink>,
    pub words: usize,
    /// Links and images taken out because their address could run code (whatever
    /// `allow_raw_html` says: Markdown's links are not raw HTML).
    pub refused: Vec<RefusedUrl>,
    /// The text a reader sees, for search: runs of white space one space, each boundary
    /// between blocks a new line (see [`text`]). Compressed against the HTML, which holds
    /// the same words: read it with `text.text(&html.text())`.
    pub text: PackedAgainst,
    /// Whether the text calls shortcodes, whose output depends on more than the text.
    pub has_shortcodes: bool,
    /// Shortcode calls that could not be made.
    pub failed: Vec<shortcodes::Failed>,
    /// Raw HTML that sanitising took out and a shortcode does better (only when raw
    /// HTML is sanitised).
    pub removed: Vec<shortcodes::Removed>,
    /// Shortcode calls written inside running text, which stay text: byte range of each.
    pub inline_calls: Vec<(usize, usize)>,
}

/// A photo resized into several widths, as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Picture {
    /// Site path of the rendition that browsers without `srcset` load.
    pub src: String,
    /// `/a/anh-480.jpg 480w, /a/anh-960.jpg 960w`
    pub srcset: String,
    /// Width and height of the largest rendition: the browser reserves the space.
    pub width: u32,
    pub height: u32,
    /// Site path of the original file, offered for download.
    pub original: String,
}

/// How wide a photo is shown, for the browser to pick a rendition: the width of the
/// default theme's text column, else the screen.
pub const PICTURE_SIZES: &str = "(min-width: 48rem) 44rem, 100vw";

/// The link under a photo to its original file.
pub const DOWNLOAD_LABEL: &str = "Tải ảnh gốc";

impl Picture {
    /// The `<img>` element. `lazy` for every photo but the first of a page.
    pub fn img(&self, alt: &str, lazy: bool) -> String {
        format!(
            r#"<img src="{}" srcset="{}" sizes="{PICTURE_SIZES}" width="{}" height="{}" alt="{}"{}>"#,
            escape_html(&self.src),
            escape_html(&self.srcset),
            self.width,
            self.height,
            escape_html(alt),
            if lazy {
                r#" loading="lazy" decoding="async""#
            } else {
                ""
            }
        )
    }
}

/// The resized photos of one Markdown file, by `src` as written in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pictures {
    pub by_src: HashMap<String, Picture>,
    /// How many photos at the top of the page load at once (0 when the page shows a lead
    /// photo above the text, else 1); the others load lazily.
    pub eager: usize,
}

/// An image written in Markdown, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef {
    pub src: String,
    pub alt: String,
    pub title: Option<String>,
    /// Byte range of the image in the Markdown text.
    pub offset: usize,
    pub len: usize,
}

fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Every image of `markdown`, in order, with its alt text as plain text.
pub fn image_refs(markdown: &str) -> Vec<ImageRef> {
    // Every image starts with `![`, and most articles have none in their text: looking
    // for it is far quicker than parsing (4 % of a build's time at 10,000 articles).
    if !markdown.contains("![") {
        return Vec::new();
    }
    let mut images = Vec::new();
    let mut open: Option<ImageRef> = None;
    for (event, range) in Parser::new_ext(markdown, parser_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) if open.is_none() => {
                open = Some(ImageRef {
                    src: dest_url.to_string(),
                    alt: String::new(),
                    title: (!title.is_empty()).then(|| title.to_string()),
                    offset: range.start,
                    len: range.len(),
                });
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(image) = &mut open {
                    image.alt.push_str(&text);
                }
            }
            Event::End(TagEnd::Image) => images.extend(open.take()),
            _ => {}
        }
    }
    images
}

/// Renders `markdown`. `resolve` maps a content path such as `tin-tuc/a.md` to the URL
/// of the page it produces; the images found in `pictures` show in their resized widths;
/// `expand` makes each shortcode call.
pub fn render(
    markdown: &str,
    allow_raw_html: bool,
    resolve: &dyn Fn(&str) -> Option<String>,
    pictures: &Pictures,
    expand: &shortcodes::Expand,
) -> Rendered {
    let mut parser = Parser::new_ext(markdown, parser_options()).into_offset_iter();
    let mut parsed: Events = parser.by_ref().collect();
    let refused = urls::refuse_unsafe(&mut parsed, parser.reference_definitions());
    let (parsed, mut made_here) = photos(parsed, pictures);
    let mut rendered = Rendered {
        refused,
        ..Rendered::default()
    };
    // Most articles call no shortcode: looking for `{{` is far quicker than a pass.
    let (mut events, expanded) = if markdown.contains("{{") {
        expand_shortcodes(parsed, markdown, expand, &mut made_here, &mut rendered)
    } else {
        (parsed, Vec::new())
    };
    let mut has_raw_html = false;
    let mut used_ids = HashSet::new();
    let mut heading_start = None;
    let mut first_paragraph = None;
    let mut plain = String::new();

    for index in 0..events.len() {
        let range = events[index].1.clone();
        match &mut events[index].0 {
            Event::Start(Tag::Heading { .. }) => heading_start = Some(index),
            Event::End(TagEnd::Heading(level)) => {
                plain.push(' ');
                let level = *level;
                let Some(start) = heading_start.take() else {
                    continue;
                };
                let title = plain_text(&events[start + 1..index]);
                if let Event::Start(Tag::Heading { id, .. }) = &mut events[start].0 {
                    let written = id.as_ref().map(|i| i.to_string());
                    let base = written.unwrap_or_else(|| match vi::slugify(&title) {
                        slug if slug.is_empty() => "muc".to_string(),
                        slug => slug,
                    });
                    let unique = unique_id(&base, &mut used_ids);
                    *id = Some(CowStr::from(unique.clone()));
                    rendered.headings.push(Heading {
                        level: heading_number(level),
                        id: unique,
                        title,
                    });
                }
            }
            Event::Start(Tag::Paragraph) if first_paragraph.is_none() => {
                first_paragraph = Some((index, None));
            }
            Event::End(TagEnd::Paragraph) => {
                plain.push(' ');
                if let Some((_, end @ None)) = &mut first_paragraph {
                    *end = Some(index);
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                // `<ban@example.gov.vn>` is an address to write to, not a file.
                let email = *link_type == pulldown_cmark::LinkType::Email;
                if let Some(link) = site_link(dest_url, resolve).filter(|_| !email) {
                    if let LinkTarget::File { url, anchor, .. } = &link {
                        *dest_url = CowStr::from(match anchor {
                            Some(anchor) => format!("{url}#{anchor}"),
                            None => url.clone(),
                        });
                    }
                    rendered.links.push(SiteLink {
                        target: link,
                        offset: range.start,
                        len: range.len(),
                    });
                }
            }
            Event::Text(text) | Event::Code(text) => plain.push_str(text),
            Event::End(
                TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock | TagEnd::BlockQuote(_),
            )
            | Event::SoftBreak
            | Event::HardBreak => plain.push(' '),
            Event::Html(html) | Event::InlineHtml(html) if !made_here.contains_key(&index) => {
                has_raw_html = true;
                if !allow_raw_html {
                    rendered
                        .removed
                        .extend(shortcodes::removed(html, range.start));
                }
            }
            _ => {}
        }
    }

    rendered.words = plain.split_whitespace().count();
    let mut output = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut output, events.iter().map(|(event, _)| event.clone()));
    rendered.first_paragraph = match first_paragraph {
        Some((start, Some(end))) => {
            let mut paragraph = String::new();
            html::push_html(
                &mut paragraph,
                events[start..=end].iter().map(|(event, _)| event.clone()),
            );
            Some(paragraph)
        }
        _ => None,
    };
    if has_raw_html && !allow_raw_html {
        output = sanitizer().clean(&output).to_string();
        rendered.first_paragraph = rendered
            .first_paragraph
            .map(|p| sanitizer().clean(&p).to_string());
    }
    // After sanitising: a shortcode's HTML is loa's own, which may hold what raw HTML
    // may not (a script that loads a video on a click).
    for (token, html) in &expanded {
        output = output.replacen(token.as_str(), html, 1);
    }
    // Raw HTML is the author's own: its text is read from the HTML as it is published.
    let text = if has_raw_html {
        text::from_html(&output)
    } else {
        text::from_events(&events, &made_here)
    };
    let output = framed_tables(output);
    rendered.text = PackedAgainst::new(&text, &output);
    rendered.html = Packed::new(&output);
    rendered
}

/// Each table in a frame that scrolls sideways when the table is wider than a phone,
/// and that the keyboard can reach (an element that scrolls must take focus, WCAG
/// 2.1.1). After sanitising, which would drop the frame's `tabindex`.
fn framed_tables(html: String) -> String {
    if !html.contains("<table") {
        return html;
    }
    let mut framed = String::with_capacity(html.len() + 64);
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<table") {
        let opens_table = rest[start + "<table".len()..].starts_with(['>', ' ']);
        framed.push_str(&rest[..start]);
        if opens_table {
            framed.push_str("<div class=\"table-wrap\" tabindex=\"0\">");
        }
        framed.push_str("<table");
        rest = &rest[start + "<table".len()..];
    }
    framed.push_str(rest);
    framed.replace("</table>", "</table></div>")
}

/// Events of pulldown-cmark with where each is written.
type Events<'a> = Vec<(Event<'a>, std::ops::Range<usize>)>;

/// Replaces each paragraph made only of shortcode calls with what the calls make.
/// Until the HTML is sanitised, a call stands as a token (text no author writes) that
/// is swapped for its HTML afterwards: returns the events and each token with its HTML.
/// A call's text for search is recorded in `made_here`; calls that fail in `rendered`.
fn expand_shortcodes<'a>(
    events: Events<'a>,
    markdown: &str,
    expand: &shortcodes::Expand,
    made_here: &mut HashMap<usize, String>,
    rendered: &mut Rendered,
) -> (Events<'a>, Vec<(String, String)>) {
    let mut out: Events<'a> = Vec::with_capacity(events.len());
    let mut expanded = Vec::new();
    let mut moved = HashMap::new();
    let mut index = 0;
    while index < events.len() {
        if let Some(text) = made_here.remove(&index) {
            moved.insert(out.len(), text);
        }
        let (Event::Start(Tag::Paragraph), range) = &events[index] else {
            out.push(events[index].clone());
            index += 1;
            continue;
        };
        let end = (index + 1..events.len())
            .find(|&i| matches!(events[i].0, Event::End(TagEnd::Paragraph)))
            .unwrap_or(events.len() - 1);
        let Some(calls) = shortcodes::calls(&markdown[range.clone()]) else {
            let code: Vec<_> = events[index..end]
                .iter()
                .filter(|(event, _)| matches!(event, Event::Code(_)))
                .map(|(_, code)| code.clone())
                .collect();
            rendered.inline_calls.extend(
                shortcodes::inline_calls(&markdown[range.clone()])
                    .into_iter()
                    .map(|(start, len)| (range.start + start, len))
                    .filter(|(start, _)| !code.iter().any(|code| code.contains(start))),
            );
            out.push(events[index].clone());
            index += 1;
            continue;
        };
        rendered.has_shortcodes = true;
        let mut html = String::new();
        let mut text = String::new();
        for (call, start, len) in calls {
            let offset = range.start + start;
            match call.and_then(|call| expand(&call)) {
                Ok(made) => {
                    let token = format!("\u{e000}loa-shortcode-{}\u{e000}", expanded.len());
                    html.push_str(&token);
                    html.push('\n');
                    text.push_str(&made.text);
                    text.push('\n');
                    expanded.push((token, made.html));
                }
                Err(refusal) => rendered.failed.push(shortcodes::Failed {
                    refusal,
                    offset,
                    len,
                }),
            }
        }
        moved.insert(out.len(), text);
        out.push((Event::Html(CowStr::from(html)), range.clone()));
        index = end + 1;
    }
    // Indexes into the events as they were: a paragraph of calls holds no photo.
    *made_here = moved;
    (out, expanded)
}

/// Images written in Markdown as the page shows them: a paragraph holding only an image
/// becomes a `<figure>` (its title the caption, with a link to the original of a resized
/// photo); an image inside text becomes an `<img>` with its renditions. Returns the
/// events and the HTML events made here, which are not the author's raw HTML: by index,
/// the text each shows (a figure's caption).
fn photos<'a>(events: Events<'a>, pictures: &Pictures) -> (Events<'a>, HashMap<usize, String>) {
    let mut out = Vec::with_capacity(events.len());
    let mut made_here = HashMap::new();
    let mut shown = 0;
    let mut index = 0;
    while index < events.len() {
        let Event::Start(Tag::Image {
            dest_url, title, ..
        }) = &events[index].0
        else {
            out.push(events[index].clone());
            index += 1;
            continue;
        };
        let Some(end) =
            (index + 1..events.len()).find(|&i| matches!(events[i].0, Event::End(TagEnd::Image)))
        else {
            out.push(events[index].clone());
            index += 1;
            continue;
        };
        let alt = plain_text(&events[index + 1..end]);
        let picture = pictures.by_src.get(dest_url.as_ref());
        let alone = index > 0
            && matches!(events[index - 1].0, Event::Start(Tag::Paragraph))
            && matches!(
                events.get(end + 1).map(|e| &e.0),
                Some(Event::End(TagEnd::Paragraph))
            );
        let lazy = shown >= pictures.eager;
        let img = match picture {
            Some(picture) => picture.img(&alt, lazy),
            None => format!(
                r#"<img src="{}" alt="{}">"#,
                escape_html(dest_url),
                escape_html(&alt)
            ),
        };
        let range = events[index].1.clone();
        if alone && (picture.is_some() || !title.is_empty()) {
            let mut caption = escape_html(title);
            let mut shown = title.to_string();
            if let Some(picture) = picture {
                if !caption.is_empty() {
                    caption.push(' ');
                    shown.push(' ');
                }
                caption.push_str(&format!(
                    r#"<a class="photo-original" href="{}">{DOWNLOAD_LABEL}</a>"#,
                    escape_html(&picture.original)
                ));
                shown.push_str(DOWNLOAD_LABEL);
            }
            out.pop(); // the paragraph's start
            made_here.insert(out.len(), shown);
            out.push((
                Event::Html(CowStr::from(format!(
                    "<figure class=\"photo\">{img}<figcaption>{caption}</figcaption></figure>\n"
                ))),
                range,
            ));
            index = end + 2; // past the paragraph's end
        } else if picture.is_some() {
            made_here.insert(out.len(), String::new());
            out.push((Event::InlineHtml(CowStr::from(img)), range));
            index = end + 1;
        } else {
            out.extend(events[index..=end].iter().cloned());
            index = end + 1;
        }
        shown += 1;
    }
    (out, made_here)
}

/// Text made safe inside an HTML element or a quoted attribute value: the one escaper
/// of loa's own HTML (templates escape through Tera).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn site_link(dest: &str, resolve: &dyn Fn(&str) -> Option<String>) -> Option<LinkTarget> {
    if dest.starts_with("https://") || dest.starts_with("http://") {
        return Some(LinkTarget::External {
            url: dest.to_string(),
        });
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor.to_string())),
        None => (dest, None),
    };
    if let Some(file) = path.strip_prefix("@/") {
        return Some(match resolve(file) {
            Some(url) => LinkTarget::File {
                path: file.to_string(),
                url,
                anchor,
            },
            None => LinkTarget::MissingFile {
                path: file.to_string(),
            },
        });
    }
    if path.starts_with('/') && !path.starts_with("//") {
        return Some(LinkTarget::RootRelative {
            path: path.to_string(),
            anchor,
        });
    }
    // A scheme (`mailto:`, `tel:`) names no file of the site; refused ones are taken
    // out before links are read.
    let has_scheme = path
        .split_once(':')
        .is_some_and(|(scheme, _)| !scheme.contains(['/', '?']));
    match (path.is_empty(), anchor) {
        (true, Some(anchor)) if !anchor.is_empty() => Some(LinkTarget::SamePage { anchor }),
        (false, anchor) if !has_scheme && !path.starts_with(['?', '/']) => {
            // `ke%20hoach.pdf` names the file `ke hoach.pdf`.
            Some(LinkTarget::Relative {
                path: urls::percent_decode(path.split('?').next().unwrap_or(path)),
                anchor,
            })
        }
        _ => None,
    }
}

fn plain_text(events: &[(Event, std::ops::Range<usize>)]) -> String {
    let mut text = String::new();
    for (event, _) in events {
        if let Event::Text(t) | Event::Code(t) = event {
            text.push_str(t);
        }
    }
    text
}

fn unique_id(base: &str, used: &mut HashSet<String>) -> String {
    let mut candidate = base.to_string();
    let mut n = 1;
    while !used.insert(candidate.clone()) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Keeps what articles use (tables, figures, images with alt, footnotes, heading ids)
/// and drops scripts, event handlers and styles.
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .add_tags(["figure", "figcaption", "sup", "section", "mark"])
            .add_generic_attributes(["id", "class"])
            .add_tag_attributes(
                "img",
                ["loading", "width", "height", "srcset", "sizes", "decoding"],
            )
            .link_rel(None);
        let mut schemes = HashSet::new();
        schemes.extend(["http", "https", "mailto", "tel"]);
        builder.url_schemes(schemes);
        builder
    })
}

#[cfg(test)]
mod tests;
