//! Slow, idle and too many clients, and the server behind the front door (issue 28).
//!
//! No test here times the server: a request that must not wait behind the crowd is
//! given a read timeout, and the crowd is checked to be still connected after it.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;
use std::thread::JoinHandle;
use std::time::Duration;

use crate::support::{Reply, Served, SiteTest};

/// How long a request that must not wait behind the crowd may wait for each read.
const PATIENCE: Duration = Duration::from_secs(5);

const NORMAL: &[u8] = b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

fn connect(port: u16) -> TcpStream {
    TcpStream::connect(("127.0.0.1", port)).expect("connecting")
}

/// Connections that keep a server busy: slow ones send a head that never ends, one
/// byte a second each, from a thread of their own; idle ones send nothing.
struct Crowd {
    idle: Vec<TcpStream>,
    trickling: Arc<AtomicBool>,
    slow: JoinHandle<Vec<TcpStream>>,
    rounds: Receiver<usize>,
}

impl Crowd {
    fn gather(port: u16, slow: usize, idle: usize) -> Self {
        let slow: Vec<TcpStream> = (0..slow).map(|_| connect(port)).collect();
        let idle = (0..idle).map(|_| connect(port)).collect();
        let trickling = Arc::new(AtomicBool::new(true));
        let (sender, rounds) = std::sync::mpsc::channel();
        let going = trickling.clone();
        let slow = std::thread::spawn(move || {
            let head = b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ";
            let mut slow = slow;
            let mut round = 0;
            while going.load(Ordering::SeqCst) {
                let byte = head.get(round).copied().unwrap_or(b'a');
                for stream in &mut slow {
                    // A connection the server closed shows when the crowd is checked.
                    let _ = stream.write_all(&[byte]);
                }
                round += 1;
                let _ = sender.send(round);
                for _ in 0..10 {
                    if going.load(Ordering::SeqCst) {
                        std::thread::sleep(Duration::from_millis(100));
                    }
                }
            }
            slow
        });
        Self {
            idle,
            trickling,
            slow,
            rounds,
        }
    }

    /// Waits until every slow client has sent `bytes` bytes.
    fn wait_for(&self, bytes: usize) {
        while self.rounds.recv().expect("the slow clients") < bytes {}
    }

    /// Stops the trickle; every connection of the crowd.
    fn disperse(self) -> Vec<TcpStream> {
        self.trickling.store(false, Ordering::SeqCst);
        let mut all = self.slow.join().expect("the slow clients");
        all.extend(self.idle);
        all
    }
}

/// Whether the server has neither answered nor closed `stream`.
fn still_waiting(stream: &TcpStream) -> bool {
    stream.set_nonblocking(true).expect("non-blocking");
    let mut byte = [0u8; 1];
    matches!(stream.peek(&mut byte), Err(error) if error.kind() == ErrorKind::WouldBlock)
}

/// Sends `head` on a new connection to `port`; the whole answer.
fn exchange(port: u16, head: &str) -> Reply {
    let mut stream = connect(port);
    stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
    stream.write_all(head.as_bytes()).expect("writing");
    let mut reply = Vec::new();
    let _ = stream.read_to_end(&mut reply);
    Reply::parse(&reply)
}

/// Sends a head announcing a body that never comes; the answer.
fn without_its_body(port: u16, method: &str) -> Reply {
    exchange(
        port,
        &format!("{method} / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n"),
    )
}

#[test]
fn a_page_is_served_while_300_slow_and_300_idle_clients_hold_their_connections() {
    let served = SiteTest::new().serve();
    let crowd = Crowd::gather(served.port, 300, 300);
    crowd.wait_for(3);

    let page = Reply::parse(&served.raw_within(NORMAL, PATIENCE));
    assert!(
        page.contains("Xin chào."),
        "{} {}",
        page.status,
        page.text()
    );
    // Bodies that never arrive hold nothing up: the preview reads none.
    assert!(without_its_body(served.port, "GET").contains("Xin chào."));
    assert_eq!(without_its_body(served.port, "POST").status, 405);
    let page = Reply::parse(&served.raw_within(NORMAL, PATIENCE));
    assert!(
        page.contains("Xin chào."),
        "{} {}",
        page.status,
        page.text()
    );

    let crowd = crowd.disperse();
    let waiting = crowd.iter().filter(|stream| still_waiting(stream)).count();
    assert_eq!(waiting, 600, "answered while the crowd was still connected");
}

#[test]
fn over_the_connection_limit_the_extras_get_503_rather_than_a_silent_close() {
    let site = SiteTest::new();
    let served = Served::start_with(site.root(), &["--port", "0", "--max-connections", "8"]);
    let held: Vec<TcpStream> = (0..8).map(|_| connect(served.port)).collect();
    for _ in 0..4 {
        let raw = served.raw_within(NORMAL, PATIENCE);
        assert!(
            raw.starts_with(b"HTTP/1.1 503 Service Unavailable\r\n"),
            "{}",
            String::from_utf8_lossy(&raw)
        );
        assert_eq!(Reply::parse(&raw).header("retry-after"), Some("1"));
    }
    drop(held);
    served.poll("/", "the page once the crowd has gone", |r| {
        r.contains("Xin chào.")
    });
}

#[cfg(target_os = "linux")]
#[test]
fn the_server_behind_the_front_door_refuses_what_did_not_come_through_it() {
    let served = SiteTest::new().serve();
    let ports = crate::support::listening_ports(served.pid());
    assert!(ports.contains(&served.port), "{ports:?}");
    let guessed = format!("X-Loa-Door: {}\r\n", "0".repeat(32));
    for port in ports.into_iter().filter(|&port| port != served.port) {
        for key in ["", "X-Loa-Door: \r\n", guessed.as_str()] {
            let head = format!("GET / HTTP/1.1\r\nHost: x\r\n{key}Connection: close\r\n\r\n");
            let reply = exchange(port, &head);
            assert_eq!(reply.status, 403, "port {port}, {key:?}: {}", reply.text());
            assert!(!reply.text().contains("Xin chào."));
        }
    }
    assert!(
        served.get("/").contains("Xin chào."),
        "the door still works"
    );
}
