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
mod read;
mod write;

use serde_json::{Value, json};
use tiny_http::{Method, Request};

use super::Shared;
use super::door::same_key;
use crate::i18n::Msg;
pub use fields::Fields;
pub use files::UPLOAD_BYTES;

/// The prefix of the editor's addresses, after the server's own.
pub const PREFIX: &str = "edit/";

/// The editor of one run of the server.
pub struct Editor {
    token: String,
    /// The port serve listens on, which the `Host` of every request must name.
    port: u16,
    /// The last `api/site` answered from a good build: while a rebuild fails (a draft
    /// saved with a problem) the form still offers the site's provinces, tags and
    /// metrics.
    site: std::sync::Mutex<Option<std::sync::Arc<Value>>>,
}

impl Editor {
    pub fn new(port: u16) -> Self {
        Self {
            token: super::door::new_key(),
            port,
            site: std::sync::Mutex::default(),
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
    // The pages' own addresses are relative to the base, with its final slash.
    if !rest.contains('/') {
        let base = editor.base();
        return super::respond(
            request,
            301,
            "text/plain; charset=utf-8",
            Vec::new(),
            &[("Location", &base)],
        );
    }
    let method = request.method().clone();
    match method {
        Method::Get | Method::Head => get(request, inside, query, editor, shared),
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

fn get(request: Request, inside: &str, query: &str, editor: &Editor, shared: &Shared) {
    let Some(api) = inside.strip_prefix("api/") else {
        return match assets::page(inside, crate::i18n::language()) {
            // Nothing inline and nothing from elsewhere: a script smuggled into an
            // article's preview cannot run with the editor's token in reach.
            Some(asset) => super::respond(
                request,
                200,
                asset.content_type,
                asset.body,
                &[("Content-Security-Policy", "default-src 'self'")],
            ),
            None => super::plain(request, 404, Msg::HttpNotFound),
        };
    };
    let mut session = shared.session();
    let root = session.root().to_path_buf();
    match api {
        "site" => {
            let Ok(mut kept) = editor.site.lock() else {
                return refuse(request, 503, Msg::EditNotBuilt);
            };
            let built = session.prepared().map(read::site);
            drop(session);
            let failing = built.is_none();
            if let Some(site) = built {
                *kept = Some(std::sync::Arc::new(site));
            }
            match kept.as_deref() {
                Some(site) if failing => {
                    let mut site = site.clone();
                    site["failing"] = Msg::EditNotBuilt.to_string().into();
                    reply(request, 200, &site)
                }
                Some(site) => reply(request, 200, site),
                None => refuse(request, 503, Msg::EditNotBuilt),
            }
        }
        "articles" => {
            let listed = read::articles(&root, session.prepared());
            drop(session);
            reply(request, 200, &listed)
        }
        "article" => {
            let path = super::paths::query_value(query, "path").unwrap_or_default();
            let Some(file) = files::article(&root, &path) else {
                drop(session);
                return refuse(request, 404, Msg::EditNotAnArticle { path });
            };
            let url = session.prepared().and_then(|p| read::url_of(p, &file.path));
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

fn post(mut request: Request, inside: &str, query: &str, shared: &Shared) {
    let mut bytes = Vec::new();
    if std::io::Read::read_to_end(request.as_reader(), &mut bytes).is_err() {
        return refuse(request, 400, Msg::HttpBadRequest);
    }
    match inside {
        "api/new" => match serde_json::from_slice::<write::NewArticle>(&bytes) {
            Ok(asked) => write::new_article(request, asked, shared),
            Err(error) => {
                let error = error.to_string();
                refuse(request, 400, Msg::EditBadRequest { error })
            }
        },
        "api/upload" => {
            let value = |name: &str| super::paths::query_value(query, name).unwrap_or_default();
            write::upload(request, &value("path"), &value("name"), &bytes, shared)
        }
        "api/preview" | "api/save" => {
            let edited: write::Edited = match serde_json::from_slice(&bytes) {
                Ok(edited) => edited,
                Err(error) => {
                    let error = error.to_string();
                    return refuse(request, 400, Msg::EditBadRequest { error });
                }
            };
            if inside == "api/save" {
                write::save(request, edited, shared)
            } else {
                write::preview(request, edited, shared)
            }
        }
        _ => super::plain(request, 404, Msg::HttpNotFound),
    }
}
