//! The editor's writing API: the preview of an edit, saving it, a new article, an
//! upload. Every write goes through `output::save`, in one step.

use serde::Deserialize;
use serde_json::json;
use tiny_http::Request;

use super::{Fields, Shared, check, fields, files, refuse, reply};
use crate::i18n::Msg;

/// What `api/preview` and `api/save` are sent.
#[derive(Deserialize)]
pub(super) struct Edited {
    path: String,
    #[serde(default)]
    version: Option<String>,
    fields: Fields,
    #[serde(default)]
    body: String,
}

/// The text the file of `opened` holds once `fields` and `body` are saved in it: the
/// keys that changed written again, every other byte of the front matter kept.
fn compose(opened: &files::Opened, fields: &Fields, body: &str, metrics: &[String]) -> String {
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
            metrics,
        ),
        Err(_) => fields::write("---\n---\n", &Fields::default(), fields, body, metrics),
    };
    format!("{bom}{written}")
}

/// The site's metrics in site.yaml's order, as new figures are written; none while
/// the site does not build.
fn metrics(session: &crate::serve::session::Session) -> Vec<String> {
    let stats = session
        .prepared()
        .and_then(|p| p.site.config.stats.as_ref());
    stats.map_or_else(Vec::new, |stats| {
        stats.metrics.iter().map(|m| m.name.clone()).collect()
    })
}

/// Whether `text` holds `fields`: what saving writes must read back as what was sent.
fn holds(text: &str, fields: &Fields) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    crate::load::yaml::split(text).is_ok_and(|split| Fields::read(split.yaml) == *fields)
}

/// The Markdown file `path` names, read, when the editor may open it.
fn open(root: &std::path::Path, path: &str) -> Option<(files::ArticleFile, files::Opened)> {
    let file = files::article(root, path)?;
    let opened = file.read().ok()?;
    Some((file, opened))
}

/// `api/preview`: the page and the problems of the text saving would write.
pub(super) fn preview(request: Request, edited: Edited, shared: &Shared) {
    let mut session = shared.session();
    let root = session.root().to_path_buf();
    let Some((file, opened)) = open(&root, &edited.path) else {
        drop(session);
        return refuse(request, 404, Msg::EditNotAnArticle { path: edited.path });
    };
    let fields = edited.fields.normalized();
    let text = compose(&opened, &fields, &edited.body, &metrics(&session));
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
    let url = shared
        .session()
        .prepared()
        .and_then(|p| super::read::page_of(p, path));
    let (_, site, _, _) = shared.current();
    match (url, site) {
        (Some(url), Some(site)) => match site.get(&crate::render::output_path(&url)) {
            crate::serve::live::Found::Bytes(bytes) => bytes.to_vec(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// `api/save`: writes the edit, unless the file changed since it was opened or the
/// article has errors and is not a draft.
pub(super) fn save(request: Request, edited: Edited, shared: &Shared) {
    let mut session = shared.session();
    let root = session.root().to_path_buf();
    let Some((file, opened)) = open(&root, &edited.path) else {
        drop(session);
        return refuse(request, 404, Msg::EditNotAnArticle { path: edited.path });
    };
    if let Some(byte) = opened.not_utf8_at {
        drop(session);
        let message = Msg::FileNotUtf8At { byte }.to_string();
        let help = Msg::EditorSaveAsUtf8Help.to_string();
        return reply(request, 422, &json!({ "message": message, "help": help }));
    }
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
    let text = compose(&opened, &fields, &edited.body, &metrics(&session));
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
    // Nothing changed: the file is left as it is, its time too, and nothing rebuilds.
    let unchanged = files::version(text.as_bytes()) == opened.version;
    let written = match unchanged {
        true => Ok(()),
        false => crate::output::save::write(&file.file, text.as_bytes(), true),
    };
    if let Err(error) = written {
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
pub(super) struct NewArticle {
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
pub(super) fn new_article(request: Request, asked: NewArticle, shared: &Shared) {
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
pub(super) fn upload(request: Request, path: &str, name: &str, bytes: &[u8], shared: &Shared) {
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
