//! `loa serve`: the preview server. Builds the site into memory, serves it over HTTP
//! (tiny_http), watches the site's files (notify) and rebuilds what changed, and tells
//! open pages to reload through a long-polled endpoint under `/__loa/`.
//!
//! The only module that listens. Never writes to the site's output folder or anywhere
//! else; never prints: what the user should see goes to the caller's [`Reporter`].

mod door;
pub mod edit;
pub mod live;
mod paths;
pub mod session;
pub mod watch;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError, RwLock};
use std::time::{Duration, Instant};

use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

use crate::build::{BuildOptions, Error};
use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use live::{Found, PageState, Snapshot};
use paths::{InBase, Target, content_type};
use session::{Rebuilt, Session};
use watch::{Batch, Debounce, SiteWatcher};

/// What `loa serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Root, drafts, base URL and date; `out` is never written; `future` is always on.
    pub build: BuildOptions,
    pub bind: IpAddr,
    /// The first port tried; 0 lets the system choose.
    pub port: u16,
    /// How many ports after `port` are tried when it is taken.
    pub port_tries: u16,
    /// Worker threads answering requests.
    pub workers: usize,
    pub debounce: Debounce,
    pub limits: door::Limits,
    /// Whether the editing pages are served (`--no-edit` turns them off).
    pub edit: bool,
}

impl ServeOptions {
    /// Articles dated after today are shown, marked, so an officer sees one before
    /// its day.
    pub fn new(build: BuildOptions) -> Self {
        Self {
            build: BuildOptions {
                future: true,
                ..build
            },
            bind: IpAddr::from([127, 0, 0, 1]),
            port: 1111,
            port_tries: 20,
            workers: 4,
            debounce: Debounce::default(),
            limits: door::Limits::default(),
            edit: true,
        }
    }
}

/// What the server tells its user.
#[derive(Debug)]
pub enum Event<'a> {
    /// Listening at `url`; the editor at `editor` unless it is off.
    Serving {
        url: &'a str,
        editor: Option<&'a str>,
    },
    /// The address is not a loopback one: other machines may see the preview.
    Exposed { address: &'a str },
    /// A build succeeded.
    Built {
        generation: u64,
        pages: usize,
        elapsed: Duration,
        changes: usize,
        /// Only article bodies changed, patched in place.
        patched: bool,
    },
    /// A build failed; `report` is the numbered list of problems.
    Failed { generation: u64, report: &'a str },
    /// The file watcher failed; the server goes on without rebuilding.
    WatchFailed { message: &'a str },
}

/// Receives what the server has to say; the command line prints it.
pub trait Reporter: Sync {
    fn report(&self, event: Event<'_>);
}

/// The requests larger than this (request line and headers) get 431.
const MAX_HEAD_BYTES: usize = 16 * 1024;
/// How many long polls may wait at once; more get 503 and retry.
const MAX_WAITING_POLLS: usize = 256;
/// A long poll is answered after this long even when nothing changed.
const POLL_TIMEOUT: Duration = Duration::from_secs(25);

/// What every thread of the server reads: the current build and the last problems.
#[derive(Default)]
struct State {
    generation: u64,
    site: Option<Arc<Snapshot>>,
    errors: Option<Arc<str>>,
    /// The last generation in which a copied file or a template changed: pages may look
    /// different while their HTML is the same.
    assets_changed: u64,
    /// The Markdown file of each article page of `site`.
    sources: Arc<session::Sources>,
}

struct Shared {
    /// The first generation of this server; builds are numbered from it.
    base: u64,
    /// What the front door adds to every request it passes on: no other is answered.
    door_key: String,
    state: RwLock<State>,
    polls: Mutex<Vec<Waiting>>,
    wake: Condvar,
    /// The site as last built, rebuilt by the watcher and read by the editor.
    session: Mutex<Session>,
    editor: Option<edit::Editor>,
}

struct Waiting {
    request: Request,
    since: u64,
    path: String,
    fingerprint: String,
    shown_errors: bool,
    deadline: Instant,
}

impl Shared {
    /// The session, whoever held it last: a rebuild that panics is caught inside the
    /// lock and replaced by a fresh session, so what it holds is always usable.
    fn session(&self) -> MutexGuard<'_, Session> {
        self.session.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The Markdown file of the article whose page is at output path `path`.
    fn source_of(&self, path: &str) -> Option<String> {
        self.state.read().ok()?.sources.get(path).cloned()
    }

    fn current(&self) -> (u64, Option<Arc<Snapshot>>, Option<Arc<str>>, u64) {
        match self.state.read() {
            Ok(state) => (
                state.generation,
                state.site.clone(),
                state.errors.clone(),
                state.assets_changed,
            ),
            Err(_) => (0, None, None, 0),
        }
    }

    fn publish(
        &self,
        outcome: Result<(Arc<Snapshot>, Arc<session::Sources>), Arc<str>>,
        assets_changed: bool,
    ) -> u64 {
        let old = {
            let Ok(mut state) = self.state.write() else {
                return 0;
            };
            state.generation += 1;
            let generation = state.generation;
            if assets_changed {
                state.assets_changed = generation;
            }
            match outcome {
                Ok((snapshot, sources)) => {
                    state.errors = None;
                    state.sources = sources;
                    state.site.replace(snapshot)
                }
                Err(errors) => {
                    state.errors = Some(errors);
                    None
                }
            }
        };
        self.wake.notify_all();
        // The previous build is dropped after the new one is visible, and on another
        // thread: freeing a whole site's views took 6 % of the watcher's time on a
        // site of 10,000 articles, and the next change need not wait for it.
        if let Some(old) = old {
            std::thread::spawn(move || drop(old));
        }
        // The number of builds so far, for the terminal.
        self.current().0.saturating_sub(self.base)
    }
}

/// Builds the site at `options.build.root`, serves it and rebuilds it on every change
/// until `stop` is set.
pub fn serve(
    options: &ServeOptions,
    reporter: &dyn Reporter,
    stop: &AtomicBool,
) -> Result<(), Error> {
    let root = options.build.root.clone();
    if !root.join(crate::load::config::FILE_NAME).is_file() {
        // Nothing to preview: say so as `build` would.
        crate::load::site_yaml(&root).map_err(Error::Config)?;
    }
    let (listener, server, address) = bind(options)?;
    let backend = server.server_addr().to_ip().ok_or_else(|| {
        Error::Config(Diagnostic::new("--port", "the server has no loopback address").into())
    })?;
    // Generations start from the clock, so that a page left open while the server was
    // restarted is never ahead of it: it is judged against the new build at once.
    let base = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64 * 1000);
    let door_key = door::new_key();
    let shared = Shared {
        base,
        door_key: door_key.clone(),
        state: RwLock::new(State {
            generation: base,
            ..State::default()
        }),
        polls: Mutex::default(),
        wake: Condvar::new(),
        session: Mutex::new(Session::new(options.build.clone())),
        // The editor answers only on this machine: with an address of another network
        // it is off, since its `Host` check admits loopback names alone.
        editor: (options.edit && (address.ip().is_loopback() || address.ip().is_unspecified()))
            .then(|| edit::Editor::new(address.port())),
    };
    // Watch before the first build, so that no save is missed in between.
    let (canonical_root, out) = watched_paths(options);
    let watcher = SiteWatcher::new(&canonical_root).map_err(|error| error.to_string());
    let started = Instant::now();
    let first = rebuild_safely(&mut shared.session(), &Batch::default(), &options.build);
    publish(&shared, first, &Batch::default(), started, reporter);

    // A site published under a path is previewed under it.
    let base_path = match shared.current().1 {
        Some(site) => site.plan().base_path().to_string(),
        None => String::new(),
    };
    let url = match address {
        SocketAddr::V4(a) => format!("http://{}:{}{base_path}/", a.ip(), a.port()),
        SocketAddr::V6(a) => format!("http://[{}]:{}{base_path}/", a.ip(), a.port()),
    };
    if !address.ip().is_loopback() {
        reporter.report(Event::Exposed {
            address: &address.to_string(),
        });
    }
    // The editor lives at the host's root, whatever path the site is published under.
    let editor = shared.editor.as_ref().map(|editor| {
        // Bound to every address (0.0.0.0), the loopback one reaches it too.
        let host = match address {
            SocketAddr::V4(_) => format!("127.0.0.1:{}", address.port()),
            SocketAddr::V6(_) => format!("[::1]:{}", address.port()),
        };
        format!("http://{host}{}", editor.base())
    });
    reporter.report(Event::Serving {
        url: &url,
        editor: editor.as_deref(),
    });

    let server = &server;
    let shared = &shared;
    let listener = &listener;
    let limits = door::fit(options.limits);
    std::thread::scope(|scope| {
        scope.spawn(move || door::run(listener, backend, &door_key, limits, stop));
        for _ in 0..options.workers.max(1) {
            scope.spawn(move || work(server, shared, stop));
        }
        scope.spawn(move || answer_polls(shared, stop));
        let paths = (canonical_root.as_path(), out.as_path());
        watch_and_rebuild(options, paths, watcher, shared, reporter, stop);
        // Wake everything that waits, so that the scope can end.
        shared.wake.notify_all();
        server.unblock();
        door::wake(address);
    });
    Ok(())
}

/// Binds the public address, trying the next ports when one is taken, and tiny_http on
/// a loopback port behind it, which answers only what carries the front door's key.
fn bind(options: &ServeOptions) -> Result<(TcpListener, Server, SocketAddr), Error> {
    let mut last_error = String::new();
    let tries = if options.port == 0 {
        1
    } else {
        options.port_tries.max(1)
    };
    let mut public = None;
    for offset in 0..tries {
        let Some(port) = options.port.checked_add(offset) else {
            break;
        };
        match TcpListener::bind(SocketAddr::new(options.bind, port)) {
            Ok(listener) => {
                public = Some(listener);
                break;
            }
            Err(error) => last_error = error.to_string(),
        }
    }
    let public = public.and_then(|listener| {
        let address = listener.local_addr().ok()?;
        Some((listener, address))
    });
    let Some((listener, address)) = public else {
        return Err(Error::Config(
            Diagnostic::new(
                "--port",
                format!(
                    "cannot listen on {} from port {}: {last_error}",
                    options.bind, options.port
                ),
            )
            .help("pass another --port, or --port 0 to let the system choose")
            .into(),
        ));
    };
    let server = Server::http(SocketAddr::from(([127, 0, 0, 1], 0))).map_err(|error| {
        Error::Config(Diagnostic::new("--port", format!("cannot start the server: {error}")).into())
    })?;
    Ok((listener, server, address))
}

/// [`Session::rebuild`], turning a bug that panics into a reported failure and a fresh
/// session, so that the server goes on.
fn rebuild_safely(
    session: &mut Session,
    batch: &Batch,
    options: &BuildOptions,
) -> Result<Rebuilt, Error> {
    match catch_unwind(AssertUnwindSafe(|| session.rebuild(batch))) {
        Ok(outcome) => outcome,
        Err(panic) => {
            *session = Session::new(options.clone());
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(Error::Config(
                Diagnostic::new("loa", format!("internal error while building: {what}"))
                    .help("save the file again to retry; please report this to the loa developers")
                    .into(),
            ))
        }
    }
}

/// Makes the outcome of a rebuild visible to the pages and to the user.
fn publish(
    shared: &Shared,
    outcome: Result<Rebuilt, Error>,
    batch: &Batch,
    started: Instant,
    reporter: &dyn Reporter,
) {
    match outcome {
        Ok(rebuilt) => {
            let generation = shared.publish(
                Ok((rebuilt.snapshot, rebuilt.sources)),
                batch.touches_static(),
            );
            reporter.report(Event::Built {
                generation,
                pages: rebuilt.pages,
                elapsed: started.elapsed(),
                changes: batch.changes.len(),
                patched: rebuilt.patched,
            });
        }
        Err(error) => {
            let report = error.render();
            let generation = shared.publish(Err(Arc::from(report.as_str())), false);
            reporter.report(Event::Failed {
                generation,
                report: &report,
            });
        }
    }
}

/// The site root and the output folder as notify reports paths: canonical.
fn watched_paths(options: &ServeOptions) -> (PathBuf, PathBuf) {
    let root = &options.build.root;
    let root = root.canonicalize().unwrap_or_else(|_| root.clone());
    let out = options
        .build
        .out
        .clone()
        .map(|out| out.canonicalize().unwrap_or(out))
        .unwrap_or_else(|| root.join("public"));
    (root, out)
}

fn watch_and_rebuild(
    options: &ServeOptions,
    (root, out): (&Path, &Path),
    watcher: Result<SiteWatcher, String>,
    shared: &Shared,
    reporter: &dyn Reporter,
    stop: &AtomicBool,
) {
    let mut watcher = match watcher {
        Ok(watcher) => Some(watcher),
        Err(message) => {
            reporter.report(Event::WatchFailed { message: &message });
            None
        }
    };
    let tick = Duration::from_millis(100);
    while !stop.load(Ordering::SeqCst) {
        let Some(site_watcher) = watcher.as_mut() else {
            std::thread::sleep(tick);
            continue;
        };
        let Some(mut batch) =
            watch::next_batch(&site_watcher.events, root, out, tick, options.debounce)
        else {
            reporter.report(Event::WatchFailed {
                message: "the file watcher stopped",
            });
            watcher = None;
            continue;
        };
        if batch.is_empty() {
            continue;
        }
        if let Err(error) = site_watcher.watch_new_dirs() {
            reporter.report(Event::WatchFailed {
                message: &error.to_string(),
            });
        }
        // A failing build in the middle of a burst (a `git pull` half done) is not
        // reported until the files have been quiet for a while.
        let settle = Debounce {
            quiet: Duration::from_millis(150),
            longest: Duration::from_millis(1000),
        };
        loop {
            let started = Instant::now();
            let outcome = rebuild_safely(&mut shared.session(), &batch, &options.build);
            if outcome.is_err() {
                let later =
                    watch::next_batch(&site_watcher.events, root, out, settle.quiet, settle);
                if let Some(later) = later.filter(|later| !later.is_empty()) {
                    batch.changes.extend(later.changes);
                    batch.rescan |= later.rescan;
                    continue;
                }
            }
            publish(shared, outcome, &batch, started, reporter);
            break;
        }
    }
}

fn work(server: &Server, shared: &Shared, stop: &AtomicBool) {
    while !stop.load(Ordering::SeqCst) {
        match server.recv_timeout(Duration::from_millis(200)) {
            Ok(Some(request)) => {
                // A bug in one answer must not take the worker down with it; tiny_http
                // answers 500 for a request dropped unanswered.
                let _ = catch_unwind(AssertUnwindSafe(|| handle(request, shared)));
            }
            Ok(None) => {}
            Err(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

fn respond(
    request: Request,
    status: u16,
    content_type: &str,
    body: Vec<u8>,
    extra: &[(&str, &str)],
) {
    let mut response = Response::from_data(body).with_status_code(StatusCode(status));
    let headers = [
        ("Content-Type", content_type),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
    ];
    for (name, value) in headers.iter().chain(extra) {
        if let Some(header) = header(name, value) {
            response.add_header(header);
        }
    }
    // The client may be gone; nothing to do about it.
    let _ = request.respond(response);
}

fn plain(request: Request, status: u16, message: Msg) {
    respond(
        request,
        status,
        "text/plain; charset=utf-8",
        format!("{message}\n").into_bytes(),
        &[],
    );
}

/// Whether `request` came through the front door: it carries the door's key, once.
fn through_the_door(request: &Request, key: &str) -> bool {
    let mut keys = request
        .headers()
        .iter()
        .filter(|h| h.field.equiv(door::KEY_HEADER));
    match (keys.next(), keys.next()) {
        (Some(given), None) => door::same_key(given.value.as_bytes(), key.as_bytes()),
        _ => false,
    }
}

fn handle(request: Request, shared: &Shared) {
    if !through_the_door(&request, &shared.door_key) {
        return plain(request, 403, Msg::HttpForbidden);
    }
    let head_size = request.url().len()
        + request
            .headers()
            .iter()
            .map(|h| h.field.as_str().as_str().len() + h.value.as_str().len() + 4)
            .sum::<usize>();
    if head_size > MAX_HEAD_BYTES {
        return plain(request, 431, Msg::HttpHeadTooLarge);
    }
    let target = match paths::resolve(request.url()) {
        Ok(target) => target,
        Err(_) => return plain(request, 400, Msg::HttpBadRequest),
    };
    if let Target::Internal { endpoint, query } = &target
        && let Some(rest) = endpoint.strip_prefix(edit::PREFIX)
    {
        return edit::handle(request, rest, query, shared);
    }
    let method = request.method().clone();
    if method != Method::Get && method != Method::Head {
        return respond(
            request,
            405,
            "text/plain; charset=utf-8",
            format!("{}\n", Msg::HttpMethodNotAllowed).into_bytes(),
            &[("Allow", "GET, HEAD")],
        );
    }
    match target {
        Target::Internal { endpoint, query } if endpoint == "reload" => {
            park_poll(request, &query, shared)
        }
        Target::Internal { .. } => plain(request, 404, Msg::HttpNotFound),
        Target::File { path, folder_like } => serve_file(request, &path, folder_like, shared),
    }
}

/// The body, status and content type for output path `path` in the current state.
struct Answer {
    status: u16,
    content_type: &'static str,
    body: Arc<Vec<u8>>,
    /// HTML that gets the live-reload script.
    html: bool,
    redirect: Option<String>,
    errors: Option<Arc<str>>,
}

fn answer(
    path: &str,
    folder_like: bool,
    site: Option<&Snapshot>,
    errors: Option<Arc<str>>,
) -> Answer {
    let html = |status: u16, body: Arc<Vec<u8>>, errors: Option<Arc<str>>| Answer {
        status,
        content_type: "text/html; charset=utf-8",
        body,
        html: true,
        redirect: None,
        errors,
    };
    let Some(site) = site else {
        return html(500, Arc::new(live::placeholder()), errors);
    };
    if folder_like && !site.contains(path) && site.contains(&format!("{path}/index.html")) {
        return Answer {
            status: 301,
            content_type: "text/plain; charset=utf-8",
            body: Arc::new(Vec::new()),
            html: false,
            redirect: Some(format!("{}/{path}/", site.plan().base_path())),
            errors: None,
        };
    }
    match site.get(path) {
        Found::Bytes(body) => {
            let content_type = content_type(path);
            Answer {
                status: 200,
                content_type,
                html: content_type.starts_with("text/html"),
                body,
                redirect: None,
                errors,
            }
        }
        Found::Broken(problem) => {
            let report = match &errors {
                Some(errors) => format!("{errors}\n{}", problem.render()),
                None => problem.render(),
            };
            html(500, Arc::new(live::placeholder()), Some(Arc::from(report)))
        }
        Found::Missing => match site.get("404.html") {
            Found::Bytes(body) => html(404, body, errors),
            _ => Answer {
                status: 404,
                content_type: "text/plain; charset=utf-8",
                body: Arc::new(format!("{}\n", Msg::HttpNotFound).into_bytes()),
                html: false,
                redirect: None,
                errors,
            },
        },
    }
}

fn serve_file(request: Request, path: &str, folder_like: bool, shared: &Shared) {
    let (generation, site, errors, _) = shared.current();
    let base_path = site.as_deref().map_or("", |site| site.plan().base_path());
    let path = match paths::in_base(path, base_path) {
        InBase::Inside(path) => path,
        InBase::ToHome => {
            let home = format!("{base_path}/");
            return respond(
                request,
                302,
                "text/plain; charset=utf-8",
                Vec::new(),
                &[("Location", &home)],
            );
        }
        InBase::Outside => return plain(request, 404, Msg::HttpNotFound),
    };
    let answer = answer(&path, folder_like, site.as_deref(), errors);
    if let Some(location) = &answer.redirect {
        return respond(
            request,
            answer.status,
            answer.content_type,
            Vec::new(),
            &[("Location", location)],
        );
    }
    let body = if answer.html {
        let fingerprint = live::fingerprint(&answer.body);
        let edit = match (&shared.editor, answer.status) {
            (Some(editor), 200) => shared.source_of(&path).map(|source| editor.link(&source)),
            _ => None,
        };
        live::inject(
            &answer.body,
            &PageState {
                generation,
                fingerprint: &fingerprint,
                errors: answer.errors.as_deref(),
                edit: edit.as_deref(),
            },
        )
    } else {
        answer.body.to_vec()
    };
    respond(request, answer.status, answer.content_type, body, &[]);
}

fn park_poll(request: Request, query: &str, shared: &Shared) {
    let value = |name: &str| paths::query_value(query, name);
    let since = value("since").and_then(|s| s.parse::<u64>().ok());
    let Some(since) = since else {
        return plain(request, 400, Msg::HttpBadRequest);
    };
    let waiting = Waiting {
        request,
        since,
        path: value("path").unwrap_or_else(|| "/".into()),
        fingerprint: value("hash").unwrap_or_default(),
        shown_errors: value("shown").as_deref() == Some("1"),
        deadline: Instant::now() + POLL_TIMEOUT,
    };
    let Ok(mut polls) = shared.polls.lock() else {
        return plain(waiting.request, 503, Msg::HttpTooManyPages);
    };
    if polls.len() >= MAX_WAITING_POLLS {
        drop(polls);
        return plain(waiting.request, 503, Msg::HttpTooManyPages);
    }
    polls.push(waiting);
    drop(polls);
    shared.wake.notify_all();
}

/// The long-poll thread: answers each waiting page when a new build changes what it
/// shows, when a rebuild fails, or when its time is up.
fn answer_polls(shared: &Shared, stop: &AtomicBool) {
    while !stop.load(Ordering::SeqCst) {
        let ready: Vec<(Waiting, serde_json::Value)> = {
            let Ok(polls) = shared.polls.lock() else {
                return;
            };
            let Ok((mut polls, _)) = shared.wake.wait_timeout(polls, Duration::from_millis(500))
            else {
                return;
            };
            let state = shared.current();
            let mut ready = Vec::new();
            let mut index = 0;
            while index < polls.len() {
                let judged = catch_unwind(AssertUnwindSafe(|| verdict(&polls[index], &state)));
                // A page that cannot be judged is told to reload, which shows the problem.
                let judged = judged.unwrap_or_else(|_| Some(serde_json::json!({"reload": true})));
                match judged {
                    Some(message) => ready.push((polls.swap_remove(index), message)),
                    None => index += 1,
                }
            }
            ready
        };
        for (waiting, message) in ready {
            respond(
                waiting.request,
                200,
                "application/json; charset=utf-8",
                message.to_string().into_bytes(),
                &[],
            );
        }
    }
    // Stopping: let every waiting page know, so that connections close cleanly.
    if let Ok(mut polls) = shared.polls.lock() {
        for waiting in polls.drain(..) {
            plain(waiting.request, 503, Msg::HttpStopping);
        }
    }
}

type Current = (u64, Option<Arc<Snapshot>>, Option<Arc<str>>, u64);

/// What to tell a waiting page, or `None` to keep it waiting.
fn verdict(waiting: &Waiting, state: &Current) -> Option<serde_json::Value> {
    let (generation, site, errors, assets_changed) = state;
    if *generation <= waiting.since {
        return (Instant::now() >= waiting.deadline)
            .then(|| serde_json::json!({"generation": generation, "reload": false}));
    }
    if let Some(errors) = errors {
        return Some(
            serde_json::json!({"generation": generation, "reload": false, "errors": errors.as_ref()}),
        );
    }
    let reload = waiting.shown_errors || *assets_changed > waiting.since || {
        let base_path = site.as_deref().map_or("", |site| site.plan().base_path());
        let path = match paths::resolve(&waiting.path) {
            Ok(Target::File { path, folder_like }) => match paths::in_base(&path, base_path) {
                InBase::Inside(path) => Some((path, folder_like)),
                InBase::ToHome | InBase::Outside => None,
            },
            _ => None,
        };
        match path {
            Some((path, folder_like)) => {
                let answer = answer(&path, folder_like, site.as_deref(), None);
                live::fingerprint(&answer.body) != waiting.fingerprint
            }
            None => true,
        }
    };
    Some(serde_json::json!({"generation": generation, "reload": reload}))
}
