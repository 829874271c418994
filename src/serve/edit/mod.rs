//! The editor's server side: its address (`/__loa/edit/<token>/`, the token drawn
//! afresh for each run), the checks every request meets there, and its JSON API over
//! the site's Markdown files (docs/design.md, "The editor").
//!
//! - A wrong or missing token is answered as any missing address (404): the editor's
//!   existence is not told to whoever guesses. A `Host` other than the loopback address
//!   serve listens on is refused (403): a web page on a name that resolves to 127.0.0.1
//!   (DNS rebinding) cannot read or write through it.
//! - Every `POST` carries the token in `X-Loa-Token` and an `Origin` equal to
//!   `http://<Host>`: a page of another site can make a browser send a `POST` with a
//!   form, never with that header, and never with our origin.
//! - Files are read and written only under `content/` (and `static/` for uploads),
//!   confined after resolving symbolic links, under names `build` accepts.
//!
//! Never requests anything from another machine.

pub mod assets;
mod check;
mod fields;
mod files;

use std::path::Path;

use serde::Deserialize;
use serde_json::{Value, json};
use tiny_http::{Method, Request};

use super::Shared;
use super::door::same_key;
use crate::build::Prepared;
use crate::i18n::Msg;
use crate::load::content::front::Kind;
pub use fields::Fields;
pub use files::UPLOAD_BYTES;

/// The prefix of the editor's addresses, after the server's own.
pub const PREFIX: &str = "edit/";

/// The editor of one run of the server.
pub struct Editor {
    token: String,
    /// The port serve listens on, which the `Host` of every request must name.
    port: u16,
}

impl Editor {
    pub fn new(port: u16) -> Self {
        Self {
            token: super::door::new_key(),
            port,
        }
    }

    /// The editor's address on the server: `/__loa/edit/<token>/`.
    pub fn base(&self) -> String {
        format!("{}{PREFIX}{}/", super::paths::INTERNAL_PREFIX, self.token)
    }

    /// The address of the form of the Markdown file at `path` (`content/…`).
    pub fn link(&self, path: &str) -> String {
        format!("{}article?path={}", self.base(), encode(path))
    }

    /// Whether `host` (a request's `Host`) is the loopback address serve listens on.
    fn host_is_ours(&self, host: &str) -> bool {
        let port = self.port;
        [
            format!("127.0.0.1:{port}"),
            format!("localhost:{port}"),
            format!("[::1]:{port}"),
        ]
        .iter()
        .any(|ours| ours.eq_ignore_ascii_case(host))
    }
}

/// `text` for a query string: every byte but ASCII letters, digits, `-._~/` escaped.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

const JSON: &str = "application/json; charset=utf-8";

fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str())
}

fn reply(request: Request, status: u16, body: &Value) {
    super::respond(request, status, JSON, body.to_string().into_bytes(), &[]);
}

fn refuse(request: Request, status: u16, message: Msg) {
    reply(request, status, &json!({ "message": message.to_string() }));
}

/// Answers a request for `/__loa/edit/<rest>?<query>`.
pub(super) fn handle(request: Request, rest: &str, query: &str, shared: &Shared) {
    let Some(editor) = &shared.editor else {
        return super::plain(request, 404, Msg::HttpNotFound);
    };
    let (token, inside) = rest.split_once('/').unwrap_or((rest, ""));
    if !same_key(token.as_bytes(), editor.token.as_bytes()) {
        return super::plain(request, 404, Msg::HttpNotFound);
    }
    if !header(&request, "Host").is_some_and(|host| editor.host_is_ours(host)) {
        return refuse(request, 403, Msg::EditWrongHost);
    }
    let method = request.method().clone();
    match method {
        Method::Get | Method::Head => get(request, inside, query, shared),
        Method::Post => {
            let token_given = header(&request, "X-Loa-Token")
                .is_some_and(|given| same_key(given.as_bytes(), editor.token.as_bytes()));
            if !token_given {
                return refuse(request, 403, Msg::EditNoToken);
            }
            let host = header(&request, "Host").unwrap_or_default();
            let origin_ours = header(&request, "Origin")
                .is_some_and(|origin| origin.eq_ignore_ascii_case(&format!("http://{host}")));
            if !origin_ours {
                return refuse(request, 403, Msg::EditWrongOrigin);
            }
            post(request, inside, query, shared)
        }
        _ => super::respond(
            request,
            405,
            "text/plain; charset=utf-8",
            format!("{}\n", Msg::HttpMethodNotAllowed).into_bytes(),
            &[("Allow", "GET, HEAD, POST")],
        ),
    }
}

fn get(request: Request, inside: &str, query: &str, shared: &Shared) {
    let Some(api) = inside.strip_prefix("api/") else {
        return match assets::page(inside, crate::i18n::language()) {
            Some(asset) => super::respond(request, 200, asset.content_type, asset.body, &[]),
            None => super::plain(request, 404, Msg::HttpNotFound),
        };
    };
    let mut session = shared.session();
    let root = session.root().to_path_buf();
    match api {
        "site" => match session.prepared() {
            Some(prepared) => reply(request, 200, &site(prepared)),
            None => refuse(request, 503, Msg::EditNotBuilt),
        },
        "articles" => {
            let listed = articles(&root, session.prepared());
            drop(session);
            reply(request, 200, &listed)
        }
        "article" => {
            let path = super::paths::query_value(query, "path").unwrap_or_default();
            let Some(file) = files::article(&root, &path) else {
                drop(session);
                return refuse(request, 404, Msg::EditNotAnArticle { path });
            };
            let url = session.prepared().and_then(|p| url_of(p, &file.path));
            let Ok(opened) = file.read() else {
                drop(session);
                return refuse(request, 404, Msg::EditNotAnArticle { path });
            };
            let checked = check::check(&mut session, &file.path, &opened.text);
            drop(session);
            reply(
                request,
                200,
                &json!({
                    "path": file.path,
                    "version": opened.version,
                    "fields": opened.fields,
                    "body": opened.body,
                    "url": url,
                    "problems": checked.problems,
                }),
            )
        }
        _ => super::plain(request, 404, Msg::HttpNotFound),
    }
}

/// The address of the page made from the file at `path` (`content/…`), when the last
/// good build has one.
fn url_of(prepared: &Prepared, path: &str) -> Option<String> {
    let base = prepared.renderer.base_path();
    prepared
        .site
        .pages
        .iter()
        .find(|page| page.article.source.path_text() == path)
        .map(|page| format!("{base}{}", page.article.url))
}

const KINDS: [Kind; 4] = [Kind::Ceremony, Kind::Campaign, Kind::Statistics, Kind::News];

/// `api/site`: what the form offers to choose from.
fn site(prepared: &Prepared) -> Value {
    let site = &prepared.site;
    let sections: Vec<Value> = site
        .sections
        .iter()
        .map(|s| json!({ "dir": s.section.dir, "title": s.title }))
        .collect();
    let kinds: Vec<Value> = KINDS
        .iter()
        .map(|k| json!({ "value": k.name(), "label": k.label() }))
        .collect();
    let mut provinces: Vec<(String, Vec<String>)> = Vec::new();
    for unit in prepared
        .registry
        .old_units()
        .chain(prepared.registry.current_units())
    {
        let mut keys: Vec<String> = std::iter::once(&unit.name)
            .chain(&unit.variants)
            .map(|name| crate::vi::fold(name))
            .collect();
        match provinces.iter_mut().find(|(name, _)| *name == unit.name) {
            Some((_, known)) => known.append(&mut keys),
            None => provinces.push((unit.name.clone(), keys)),
        }
    }
    provinces.sort_by(|a, b| crate::vi::compare(&a.0, &b.0));
    let provinces: Vec<Value> = provinces
        .into_iter()
        .map(|(name, mut keys)| {
            keys.sort();
            keys.dedup();
            json!({ "name": name, "keys": keys })
        })
        .collect();
    let tags: Vec<Value> = match site.taxonomy_for(crate::load::config::TermSource::Tags) {
        Some(taxonomy) => taxonomy
            .terms
            .iter()
            .map(|t| json!({ "name": t.name, "count": t.pages.len() }))
            .collect(),
        None => Vec::new(),
    };
    let metrics: Vec<Value> = site
        .config
        .stats
        .iter()
        .flat_map(|stats| &stats.metrics)
        .map(|m| json!({ "key": m.name, "label": m.label, "unit": m.unit, "decimals": m.decimals }))
        .collect();
    json!({
        "lang": match crate::i18n::language() {
            crate::i18n::Lang::En => "en",
            crate::i18n::Lang::Vi => "vi",
        },
        "sections": sections,
        "kinds": kinds,
        "provinces": provinces,
        "tags": tags,
        "metrics": metrics,
        "qualifiers": fields::QUALIFIERS,
        "limits": {
            "upload_bytes": files::UPLOAD_BYTES,
            "photo_pixels": crate::output::photos::MAX_MEGAPIXELS * 1_000_000,
        },
    })
}

/// `api/articles`: every Markdown file under `content/`, with what the last good build
/// made of it; drafts it left out are read from the disk.
fn articles(root: &Path, prepared: Option<&Prepared>) -> Value {
    let mut listed: Vec<(Option<String>, Value)> = Vec::new();
    let mut known = std::collections::HashSet::new();
    if let Some(prepared) = prepared {
        let base = prepared.renderer.base_path();
        let today = chrono::Local::now().date_naive();
        for page in &prepared.site.pages {
            let article = &page.article;
            let path = article.source.path_string();
            let date = article.front.date.map(|d| d.date());
            listed.push((
                date.map(|d| d.format("%Y-%m-%d").to_string()),
                json!({
                    "path": path,
                    "title": article.front.title,
                    "section": article.section,
                    "kind": article.front.kind.map(Kind::name),
                    "province": article.front.province,
                    "date": date.map(|d| d.format("%Y-%m-%d").to_string()),
                    "draft": article.front.draft,
                    "scheduled": date.is_some_and(|d| d > today),
                    "url": format!("{base}{}", article.url),
                    "link": format!("@/{}", article.source.content_path),
                }),
            ));
            known.insert(path);
        }
        let site = &prepared.site;
        let indexes = site.sections.iter().filter_map(|s| {
            let index = s.section.index.as_ref()?;
            Some((index, Some(s.section.dir.clone()), s.section.url.clone()))
        });
        for (index, section, url) in indexes {
            let path = index.source.path_string();
            listed.push((
                None,
                index_entry(
                    &path,
                    &index.front.title,
                    section,
                    &format!("{base}{url}"),
                    &index.source.content_path,
                ),
            ));
            known.insert(path);
        }
        let home = format!("{}/{}", crate::load::content::CONTENT_DIR, "_index.md");
        if root.join(&home).is_file() {
            listed.push((
                None,
                index_entry(
                    &home,
                    &site.home_title,
                    None,
                    &format!("{base}/"),
                    "_index.md",
                ),
            ));
            known.insert(home);
        }
    }
    for (path, fields) in files::other_articles(root, &known) {
        let section = path
            .split('/')
            .nth(1)
            .filter(|_| path.matches('/').count() >= 2)
            .map(str::to_string);
        let content_path = path.trim_start_matches("content/").to_string();
        listed.push((
            fields.date.clone(),
            json!({
                "path": path,
                "title": fields.title,
                "section": section,
                "kind": fields.kind,
                "province": fields.province,
                "date": fields.date.as_deref().map(|d| d.get(..10).unwrap_or(d)),
                "draft": fields.draft,
                "scheduled": false,
                "url": null,
                "link": format!("@/{content_path}"),
            }),
        ));
    }
    // Newest first; pages without a date (sections, the home page) after the articles.
    listed.sort_by(|a, b| b.0.cmp(&a.0));
    json!({ "articles": listed.into_iter().map(|(_, v)| v).collect::<Vec<_>>() })
}

fn index_entry(
    path: &str,
    title: &str,
    section: Option<String>,
    url: &str,
    content_path: &str,
) -> Value {
    json!({
        "path": path,
        "title": title,
        "section": section,
        "kind": null,
        "province": null,
        "date": null,
        "draft": false,
        "scheduled": false,
        "url": url,
        "link": format!("@/{content_path}"),
    })
}

/// What `api/preview` and `api/save` are sent.
#[derive(Deserialize)]
struct Edited {
    path: String,
    #[serde(default)]
    version: Option<String>,
    fields: Fields,
    #[serde(default)]
    body: String,
}

fn post(mut request: Request, inside: &str, query: &str, shared: &Shared) {
    let mut bytes = Vec::new();
    if std::io::Read::read_to_end(request.as_reader(), &mut bytes).is_err() {
        return refuse(request, 400, Msg::HttpBadRequest);
    }
    match inside {
        "api/new" => match serde_json::from_slice::<NewArticle>(&bytes) {
            Ok(asked) => new_article(request, asked, shared),
            Err(error) => {
                let error = error.to_string();
                refuse(request, 400, Msg::EditBadRequest { error })
            }
        },
        "api/upload" => {
            let value = |name: &str| super::paths::query_value(query, name).unwrap_or_default();
            upload(request, &value("path"), &value("name"), &bytes, shared)
        }
        "api/preview" | "api/save" => {
            let edited: Edited = match serde_json::from_slice(&bytes) {
                Ok(edited) => edited,
                Err(error) => {
                    let error = error.to_string();
                    return refuse(request, 400, Msg::EditBadRequest { error });
                }
            };
            if inside == "api/save" {
                save(request, edited, shared)
            } else {
                preview(request, edited, shared)
            }
        }
        _ => super::plain(request, 404, Msg::HttpNotFound),
    }
}

/// The text the file of `opened` holds once `fields` and `body` are saved in it: the
/// keys that changed written again, every other byte of the front matter kept.
fn compose(opened: &files::Opened, fields: &Fields, body: &str) -> String {
    let bom = if opened.text.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let text = &opened.text[bom.len()..];
    let written = match crate::load::yaml::split(text) {
        Ok(_) => fields::write(
            &text[..opened.body_offset - bom.len()],
            &opened.fields,
            fields,
            body,
        ),
        Err(_) => fields::write("---\n---\n", &Fields::default(), fields, body),
    };
    format!("{bom}{written}")
}

/// Whether `text` holds `fields`: what saving writes must read back as what was sent.
fn holds(text: &str, fields: &Fields) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    crate::load::yaml::split(text).is_ok_and(|split| Fields::read(split.yaml) == *fields)
}

/// `api/preview`: the page and the problems of the text saving would write.
fn preview(request: Request, edited: Edited, shared: &Shared) {
    let mut session = shared.session();
    let root = session.root().to_path_buf();
    let Some((file, opened)) = files::article(&root, &edited.path)
        .and_then(|file| Some((file.clone(), file.read().ok()?)))
    else {
        drop(session);
        return refuse(request, 404, Msg::EditNotAnArticle { path: edited.path });
    };
    let fields = edited.fields.normalized();
    let text = compose(&opened, &fields, &edited.body);
    let checked = check::check(&mut session, &file.path, &text);
    drop(session);
    // A text that does not build shows the page as the preview shows it then: the
    // last good one.
    let html = match checked.html {
        Some(html) => html,
        None => last_page(shared, &file.path),
    };
    reply(
        request,
        200,
        &json!({
            "html": String::from_utf8_lossy(&html),
            "problems": checked.problems,
        }),
    )
}

/// The page of the file at `path` in the build being served, or nothing.
fn last_page(shared: &Shared, path: &str) -> Vec<u8> {
    let url = shared.session().prepared().and_then(|p| {
        p.site
            .pages
            .iter()
            .find(|page| page.article.source.path_text() == path)
            .map(|page| page.article.url.clone())
    });
    let (_, site, _, _) = shared.current();
    match (url, site) {
        (Some(url), Some(site)) => match site.get(&crate::render::output_path(&url)) {
            super::live::Found::Bytes(bytes) => bytes.to_vec(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// `api/save`: writes the edit, unless the file changed since it was opened or the
/// article has errors and is not a draft.
fn save(request: Request, edited: Edited, shared: &Shared) {
    let mut session = shared.session();
    let root = session.root().to_path_buf();
    let Some((file, opened)) = files::article(&root, &edited.path)
        .and_then(|file| Some((file.clone(), file.read().ok()?)))
    else {
        drop(session);
        return refuse(request, 404, Msg::EditNotAnArticle { path: edited.path });
    };
    if edited.version.as_deref() != Some(opened.version.as_str()) {
        drop(session);
        return reply(
            request,
            409,
            &json!({
                "message": Msg::EditConflict.to_string(),
                "conflict": { "version": opened.version, "text": opened.text },
            }),
        );
    }
    let fields = edited.fields.normalized();
    let text = compose(&opened, &fields, &edited.body);
    if !holds(&text, &fields) {
        drop(session);
        let error = "the fields did not read back as sent".to_string();
        return refuse(request, 500, Msg::EditCannotWrite { error });
    }
    let checked = check::check(&mut session, &file.path, &text);
    drop(session);
    if checked.errors && !fields.draft {
        return reply(
            request,
            422,
            &json!({ "message": Msg::EditHasProblems.to_string(), "problems": checked.problems }),
        );
    }
    if let Err(error) = crate::output::save::write(&file.file, text.as_bytes(), true) {
        let error = error.to_string();
        return refuse(request, 500, Msg::EditCannotWrite { error });
    }
    reply(
        request,
        200,
        &json!({
            "path": file.path,
            "version": files::version(text.as_bytes()),
            "url": checked.url,
            "problems": checked.problems,
        }),
    )
}

/// What `api/new` is sent.
#[derive(Deserialize)]
struct NewArticle {
    section: String,
    title: String,
}

/// The first sentence of a failure of `loa new`, for the page.
fn first_message(error: &crate::build::Error) -> String {
    match error {
        crate::build::Error::Config(problems) | crate::build::Error::Content(problems) => problems
            .iter()
            .next()
            .map(|d| d.message.clone())
            .unwrap_or_default(),
        crate::build::Error::Output(error) => error.to_string(),
    }
}

/// `api/new`: a new draft in an existing section, made as `loa new` makes it.
fn new_article(request: Request, asked: NewArticle, shared: &Shared) {
    let root = shared.session().root().to_path_buf();
    let content = root.join(crate::load::content::CONTENT_DIR);
    let section = asked.section.trim().to_string();
    if section.contains('/') || !files::is_plain(&section) || !content.join(&section).is_dir() {
        return refuse(request, 422, Msg::EditNoSection { section });
    }
    let slug = crate::vi::slugify(&asked.title);
    for existing in [
        format!("{section}/{slug}.md"),
        format!("{section}/{slug}/index.md"),
    ] {
        if !slug.is_empty() && content.join(&existing).exists() {
            let path = format!("{}/{existing}", crate::load::content::CONTENT_DIR);
            return refuse(request, 409, Msg::EditExists { path });
        }
    }
    let made = crate::scaffold::new_article(&crate::scaffold::NewArticle {
        root,
        section,
        title: asked.title,
        bundle: false,
        today: chrono::Local::now().date_naive(),
    });
    match made {
        Ok(created) => reply(
            request,
            201,
            &json!({ "path": created.article.to_string_lossy().replace('\\', "/") }),
        ),
        Err(error) => reply(request, 422, &json!({ "message": first_message(&error) })),
    }
}

/// `api/upload`: a photo or a document saved beside the article at `path`, which
/// becomes a folder of its own (`a/index.md`) when it is one file.
fn upload(request: Request, path: &str, name: &str, bytes: &[u8], shared: &Shared) {
    let root = shared.session().root().to_path_buf();
    let Some(file) = files::article(&root, path) else {
        return refuse(
            request,
            404,
            Msg::EditNotAnArticle {
                path: path.to_string(),
            },
        );
    };
    let Some(place) = files::bundle_of(&file) else {
        return refuse(
            request,
            422,
            Msg::EditOutside {
                path: path.to_string(),
            },
        );
    };
    let Some(safe) = files::safe_name(name) else {
        return refuse(
            request,
            422,
            Msg::EditUploadKind {
                name: name.to_string(),
            },
        );
    };
    let size = match crate::output::photos::is_photo_name(&safe) {
        true => match crate::output::photos::check_photo(&safe, bytes) {
            Ok((width, height)) => Some((width, height)),
            Err(problem) => {
                return reply(
                    request,
                    422,
                    &json!({ "message": problem.message, "help": problem.help }),
                );
            }
        },
        false => None,
    };
    let article = match place.become_bundle() {
        Ok(article) => article,
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            let path = place.folder_path();
            return refuse(request, 409, Msg::EditExists { path });
        }
        Err(error) => {
            let error = error.to_string();
            return refuse(request, 500, Msg::EditCannotWrite { error });
        }
    };
    match place.write_new(&safe, bytes) {
        Ok(src) => reply(
            request,
            201,
            &json!({
                "path": article,
                "src": src,
                "width": size.map(|s| s.0),
                "height": size.map(|s| s.1),
                "bytes": bytes.len(),
            }),
        ),
        Err(error) => {
            let error = error.to_string();
            refuse(request, 500, Msg::EditCannotWrite { error })
        }
    }
}
