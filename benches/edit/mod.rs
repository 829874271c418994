//! Edit-to-visible time of `loa serve`: from writing an article's file to the page with
//! the new text being served.
//!
//! Starts the release binary's preview server on a generated site, edits one article's
//! body, then its front matter (a `summary:`, which the page shows in its description
//! and which makes the server resolve the whole site again), polls the article's page
//! over HTTP after each save until the new text is there, and puts the file back as it
//! was generated.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::generate;

/// Medians of the edit-to-visible times.
pub struct Edits {
    pub body: Duration,
    pub front_matter: Duration,
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
    let wait_for = |marker: &str, started: Instant| loop {
        if get(port, &page).contains(marker) {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "{marker} never showed on {page}"
        );
        std::thread::sleep(Duration::from_micros(500));
    };
    wait_for(&marker_of(0), Instant::now());

    let edit = |text: String, marker: &str| {
        std::thread::sleep(SETTLE);
        let started = Instant::now();
        std::fs::write(&file, text).expect("save the article");
        wait_for(marker, started)
    };
    let body_edits = if articles > 20_000 { 10 } else { 20 };
    let body: Vec<Duration> = (1..=body_edits)
        .map(|revision| {
            edit(
                generate::article(index, articles, revision),
                &marker_of(revision),
            )
        })
        .collect();
    // Each of these resolves the whole site again: fewer of them.
    let front_matter: Vec<Duration> = (1..=5)
        .map(|revision| {
            let marker = format!("Tóm tắt bản {revision}");
            let text = original.replacen("\ndate:", &format!("\nsummary: {marker}\ndate:"), 1);
            edit(text, &marker)
        })
        .collect();

    std::fs::write(&file, &original).expect("put the article back");
    server.stop();
    Edits {
        body: median(body),
        front_matter: median(front_matter),
    }
}

/// The text that revision `revision` of a generated article shows.
fn marker_of(revision: usize) -> String {
    format!("Bản sửa số {revision}.")
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

fn get(port: u16, path: &str) -> String {
    let mut reply = Vec::new();
    let sent = TcpStream::connect(("127.0.0.1", port)).and_then(|mut stream| {
        stream.set_read_timeout(Some(Duration::from_secs(600)))?;
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )?;
        stream.read_to_end(&mut reply)
    });
    sent.expect("ask loa serve for the page");
    String::from_utf8_lossy(&reply).into_owned()
}
