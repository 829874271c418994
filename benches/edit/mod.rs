//! Edit-to-visible time of `loa serve`: from writing an article's file to the page with
//! the new text being served.
//!
//! Starts the release binary's preview server on a generated site, edits one article's
//! body, then its front matter twice: a `summary:`, which only the article's view shows
//! (patched in place, as a body edit is), and a tag added, which changes the term pages
//! and makes the server resolve the whole site again. Last it puts the file back as it
//! was generated. After each save it does what the page open in a browser does: its
//! long poll returns, and it loads the page again; the time runs from just before the
//! file is written until the page with the new text is received.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::generate;

/// Medians of the edit-to-visible times.
pub struct Edits {
    pub body: Duration,
    pub summary: Duration,
    pub tags: Duration,
}

/// Saves are this far apart, as between two saves of a person, so that each edit finds
/// the server idle.
const SETTLE: Duration = Duration::from_millis(300);

pub fn measure(loa: &str, root: &Path, articles: usize) -> Edits {
    let index = articles / 2;
    let file = root.join("content").join(generate::article_path(index));
    let original = std::fs::read_to_string(&file).expect("read the article to edit");
    let page = page_url(&original, index);

    let mut server = Server::start(loa, root);
    let port = server.port;
    let mut shown = get(port, &page);
    // As an open page does: hold a long poll to the server, and when it says the page
    // changed, load the page again. The time runs until the new text is received.
    let mut edit = |text: String, marker: &str| {
        std::thread::sleep(SETTLE);
        let (mut generation, mut hash) = live_state(&shown);
        let mut poll = open_poll(port, &page, generation, &hash);
        let started = Instant::now();
        std::fs::write(&file, text).expect("save the article");
        loop {
            let answer: serde_json::Value =
                serde_json::from_str(&body_of(&read_reply(poll))).expect("a JSON answer");
            if answer["reload"] == true {
                shown = get(port, &page);
                if shown.contains(marker) {
                    return started.elapsed();
                }
                (generation, hash) = live_state(&shown);
            } else {
                generation = answer["generation"].as_u64().expect("a generation");
            }
            assert!(
                started.elapsed() < Duration::from_secs(600),
                "{marker} never showed on {page}"
            );
            poll = open_poll(port, &page, generation, &hash);
        }
    };
    let body_edits = if articles > 20_000 { 10 } else { 20 };
    let body: Vec<Duration> = (1..=body_edits)
        .map(|revision| {
            edit(
                generate::article(index, articles, revision),
                &format!("Bản sửa số {revision}."),
            )
        })
        .collect();
    let summary: Vec<Duration> = (1..=body_edits)
        .map(|revision| {
            let marker = format!("Tóm tắt bản {revision}");
            let text = original.replacen("\ndate:", &format!("\nsummary: {marker}\ndate:"), 1);
            edit(text, &marker)
        })
        .collect();
    // Each of these resolves the whole site again: fewer of them.
    let tags: Vec<Duration> = (1..=5)
        .map(|revision| {
            let marker = format!("Nhãn sửa {revision}");
            let text = original.replacen("\ntags: [", &format!("\ntags: [{marker}, "), 1);
            edit(text, &marker)
        })
        .collect();

    std::fs::write(&file, &original).expect("put the article back");
    server.stop();
    Edits {
        body: median(body),
        summary: median(summary),
        tags: median(tags),
    }
}

/// The site path of generated article `index`, whose slug comes from its title.
fn page_url(text: &str, index: usize) -> String {
    let title = text
        .lines()
        .find_map(|line| line.strip_prefix("title: "))
        .expect("a generated article has a title");
    let section = generate::SECTIONS[index % generate::SECTIONS.len()];
    format!("/{section}/{}/", loa::vi::slugify(title))
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

struct Server {
    child: Child,
    port: u16,
}

impl Server {
    /// Starts `loa serve` in `root` and waits until it says where it listens.
    fn start(loa: &str, root: &Path) -> Self {
        let mut child = Command::new(loa)
            .args(["serve", "--lang", "en", "--port", "0"])
            .current_dir(root)
            .stdout(Stdio::piped())
            .spawn()
            .expect("start loa serve");
        let stdout = child.stdout.take().expect("a pipe");
        let mut lines = BufReader::new(stdout).lines();
        let port = loop {
            let line = lines
                .next()
                .expect("loa serve stopped before serving")
                .expect("read loa serve's output");
            if let Some(port) = line
                .split("http://127.0.0.1:")
                .nth(1)
                .and_then(|rest| rest.split('/').next())
                .and_then(|port| port.parse().ok())
            {
                break port;
            }
        };
        // Keep reading, so that the server never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Server { child, port }
    }

    /// Stops the server as Ctrl-C does.
    fn stop(&mut self) {
        // SAFETY: kill only sends a signal to our own child.
        unsafe { libc::kill(self.child.id() as libc::pid_t, libc::SIGINT) };
        let status = self.child.wait().expect("wait for loa serve");
        assert!(status.success(), "loa serve ended with {status}");
    }
}

/// The generation and page fingerprint that the live-reload script of `html` polls with.
fn live_state(html: &str) -> (u64, String) {
    let after = |prefix: &str| {
        html.split(prefix)
            .nth(1)
            .expect("the page has the live-reload script")
    };
    let generation = after("var g=")
        .split(',')
        .next()
        .and_then(|g| g.parse().ok())
        .expect("a generation");
    let hash = after(",h=\"").split('"').next().unwrap_or_default();
    (generation, hash.to_string())
}

fn request(port: u16, path: &str) -> TcpStream {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to loa serve");
    stream
        .set_read_timeout(Some(Duration::from_secs(600)))
        .expect("set a timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .expect("send the request");
    stream
}

/// Sends the long poll of an open page, without waiting for the answer.
fn open_poll(port: u16, page: &str, generation: u64, hash: &str) -> TcpStream {
    let path = page.replace('/', "%2F");
    request(
        port,
        &format!("/__loa/reload?since={generation}&hash={hash}&shown=0&path={path}"),
    )
}

fn read_reply(mut stream: TcpStream) -> String {
    let mut reply = Vec::new();
    stream
        .read_to_end(&mut reply)
        .expect("read loa serve's answer");
    String::from_utf8_lossy(&reply).into_owned()
}

fn body_of(reply: &str) -> String {
    reply
        .split_once("\r\n\r\n")
        .map_or("", |(_, body)| body)
        .to_string()
}

fn get(port: u16, path: &str) -> String {
    read_reply(request(port, path))
}
