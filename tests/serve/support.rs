//! A small site in a temporary folder, `loa serve` started on it on a free port, and raw
//! HTTP over std's TcpStream so that malformed requests can be sent too.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const SITE_YAML: &str = "title: Thử nghiệm\nbase_url: https://example.gov.vn\nlanguage: vi\ntheme: default\npaginate_by: 2\ntaxonomies:\n  - { name: tags, path: chu-de }\n  - { name: provinces, path: tinh-thanh }\nstats:\n  path: thong-ke\n  metrics:\n    teams: { label: Tổ bảo vệ ANTT }\n";

pub fn article(title: &str, date: &str, body: &str) -> String {
    format!(
        "---\ntitle: {title}\ndate: {date}\nprovince: Đắk Lắk\ntags: [lễ ra mắt]\n---\n{body}\n"
    )
}

pub struct SiteTest {
    pub dir: tempfile::TempDir,
}

impl SiteTest {
    /// A site with a home page, one section and two articles.
    pub fn new() -> Self {
        let site = Self {
            dir: tempfile::tempdir().expect("a temporary folder"),
        };
        site.file("site.yaml", SITE_YAML)
            .file(
                "content/_index.md",
                "---\ntitle: Trang chủ\n---\nXin chào.\n",
            )
            .file(
                "content/tin-tuc/_index.md",
                "---\ntitle: Tin tức\n---\nTin mới.\n",
            )
            .file(
                "content/tin-tuc/mot.md",
                &article("Bài một", "2024-07-01", "Nội dung bài một."),
            )
            .file(
                "content/tin-tuc/hai.md",
                &article("Bài hai", "2024-07-02", "Nội dung bài hai."),
            )
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// Writes `text` at `relative`, creating folders.
    pub fn file(self, relative: &str, text: &str) -> Self {
        self.write(relative, text);
        self
    }

    pub fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("creating a folder");
        }
        std::fs::write(&path, text).expect("writing a file");
    }

    pub fn remove(&self, relative: &str) {
        std::fs::remove_file(self.path(relative)).expect("removing a file");
    }

    pub fn serve(&self) -> Served {
        Served::start(self.root())
    }
}

/// A running `loa serve`, stopped when dropped.
pub struct Served {
    child: Child,
    pub port: u16,
    pub output: Arc<Mutex<String>>,
    /// The editor's address on the server (`/__loa/edit/<token>/`), when it is on.
    pub editor: Option<String>,
}

impl Served {
    pub fn start(root: &Path) -> Self {
        Self::start_with(root, &["--port", "0"])
    }

    /// Starts `loa serve --root ROOT` with `args`.
    pub fn start_with(root: &Path, args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_loa"))
            .arg("serve")
            .args(args)
            .arg("--root")
            .arg(root)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starting loa serve");
        let output = Arc::new(Mutex::new(String::new()));
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        let (sender, receiver) = std::sync::mpsc::channel();
        for stream in [Box::new(stdout) as Box<dyn Read + Send>, Box::new(stderr)] {
            let output = output.clone();
            let sender = sender.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    output
                        .lock()
                        .expect("output")
                        .push_str(&format!("{line}\n"));
                    if let Some(url) = line.split("Serving the site at ").nth(1) {
                        let _ = sender.send(url.to_string());
                    }
                    if let Some(url) = line.split("Write and edit articles at ").nth(1) {
                        let _ = sender.send(format!("editor {url}"));
                    }
                }
            });
        }
        let url = receiver
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|_| {
                panic!(
                    "loa serve did not start: {}",
                    output.lock().expect("output")
                )
            });
        let url = url.split(" (Ctrl-C").next().unwrap_or_default().to_string();
        // The editor's line comes right after, unless it is off.
        let editor = match receiver.recv_timeout(Duration::from_millis(500)) {
            Ok(line) => line.strip_prefix("editor ").map(|editor| {
                let path = editor.splitn(4, '/').nth(3).unwrap_or_default();
                format!("/{path}")
            }),
            Err(_) => None,
        };
        let port = url
            .rsplit(':')
            .next()
            .unwrap_or_default()
            .split('/')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {url}"));
        Self {
            child,
            port,
            output,
            editor,
        }
    }

    /// What the server printed so far, on both streams.
    pub fn printed(&self) -> String {
        self.output.lock().expect("output").clone()
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits up to `limit` for the server to exit by itself.
    pub fn wait(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        let started = Instant::now();
        while started.elapsed() < limit {
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the reader threads take the last lines.
                std::thread::sleep(Duration::from_millis(100));
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    pub fn get(&self, path: &str) -> Reply {
        self.request("GET", path)
    }

    pub fn request(&self, method: &str, path: &str) -> Reply {
        let raw =
            format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        Reply::parse(&self.raw(raw.as_bytes()))
    }

    /// Sends `bytes` and reads until the server closes the connection.
    pub fn raw(&self, bytes: &[u8]) -> Vec<u8> {
        self.raw_within(bytes, Duration::from_secs(10))
    }

    /// [`Served::raw`], giving up on any read that waits longer than `timeout`: what came
    /// by then is returned.
    pub fn raw_within(&self, bytes: &[u8], timeout: Duration) -> Vec<u8> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connecting");
        stream.set_read_timeout(Some(timeout)).expect("timeout");
        // The server may answer and close before everything is sent (oversized heads).
        let _ = stream.write_all(bytes);
        let mut reply = Vec::new();
        let _ = stream.read_to_end(&mut reply);
        reply
    }

    /// Polls `path` until `accept` holds, for up to 10 seconds.
    pub fn poll(&self, path: &str, what: &str, accept: impl Fn(&Reply) -> bool) -> Reply {
        let started = Instant::now();
        loop {
            let reply = self.get(path);
            if accept(&reply) {
                return reply;
            }
            if started.elapsed() > Duration::from_secs(10) {
                panic!(
                    "{path} never showed {what}; last reply:\n{}\nserver output:\n{}",
                    reply.text(),
                    self.output.lock().expect("output")
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// The TCP ports process `pid` listens on, found through /proc: its sockets, then
/// those of them in the LISTEN state in the system's tables.
#[cfg(target_os = "linux")]
pub fn listening_ports(pid: u32) -> Vec<u16> {
    let sockets: std::collections::HashSet<String> = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .expect("the server's files")
        .filter_map(Result::ok)
        .filter_map(|entry| std::fs::read_link(entry.path()).ok())
        .filter_map(|link| {
            let link = link.to_string_lossy().into_owned();
            let inode = link.strip_prefix("socket:[")?.strip_suffix(']')?;
            Some(inode.to_string())
        })
        .collect();
    let mut ports = Vec::new();
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        let Ok(table) = std::fs::read_to_string(table) else {
            continue;
        };
        for line in table.lines().skip(1) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
            let (Some(local), Some(&"0A"), Some(inode)) =
                (fields.get(1), fields.get(3), fields.get(9))
            else {
                continue;
            };
            if sockets.contains(*inode) {
                let port = local.rsplit(':').next().unwrap_or_default();
                ports.extend(u16::from_str_radix(port, 16).ok());
            }
        }
    }
    ports
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn parse(raw: &[u8]) -> Self {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or(raw.len());
        let head = String::from_utf8_lossy(&raw[..split]);
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|line| line.split(' ').nth(1))
            .and_then(|code| code.parse().ok())
            .unwrap_or(0);
        let headers = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let body = raw.get(split + 4..).unwrap_or_default().to_vec();
        Self {
            status,
            headers,
            body,
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn contains(&self, needle: &str) -> bool {
        self.status == 200 && self.text().contains(needle)
    }

    /// The generation and fingerprint the live-reload script was given.
    pub fn live_state(&self) -> (u64, String) {
        let text = self.text();
        let state = text
            .split("var g=")
            .nth(1)
            .unwrap_or_else(|| panic!("no live-reload script in {text}"));
        let generation = state
            .split(',')
            .next()
            .and_then(|g| g.parse().ok())
            .unwrap_or(0);
        let hash = state
            .split("h=\"")
            .nth(1)
            .and_then(|h| h.split('"').next())
            .unwrap_or_default()
            .to_string();
        (generation, hash)
    }
}
