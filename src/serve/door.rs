//! The front door: accepts connections on the public address and hands tiny_http only
//! whole, bounded request heads, one per connection, over loopback.
//!
//! tiny_http 0.12 reads a request head with no size limit and no timeout, waits for a
//! body of up to 1 KiB before it hands the request over, gives every connection a
//! thread for as long as the client keeps it open, and stops accepting for good at the
//! first failed `accept` (out of file descriptors). So nothing reaches it but what the
//! door has checked, and no client can stop the others:
//!
//! - Every connection has a thread of its own, with a small stack, blocked in `read`
//!   until its head is complete: a slow or idle client delays no one else, and the
//!   threads that answer (the server's workers behind tiny_http) only ever see complete
//!   heads. Portable std threads rather than a poll loop: Windows builds and behaves
//!   the same, and a blocked thread costs a few pages of memory and no CPU. A thread
//!   done with its connection waits a while for the next one: making a thread for each
//!   connection halved the pages served to 200 clients at once.
//! - The whole head must arrive within one deadline counted from `accept` (408) and
//!   within a size limit (431): a byte every few seconds buys no more time.
//! - No body is passed on or waited for: the preview answers only GET and HEAD.
//!   `Content-Length`, `Transfer-Encoding` and `Expect` are taken out of the head, the
//!   request is answered at once (405 for a `POST`), and whatever body follows is
//!   discarded for a moment after the answer, so that closing does not reset the
//!   connection under the answer.
//! - But for a `POST` to the editor (`/__loa/edit/`): its body is read whole by the
//!   door's thread, within a deadline, and passed on with its `Content-Length`. It must
//!   say its length (411 otherwise: no chunked bodies) and be within the route's limit,
//!   [`super::edit::UPLOAD_BYTES`] for an upload and 2 MiB of JSON for any other (413),
//!   so that tiny_http, which would wait for a body, never waits for one.
//! - Connections are counted. Past the limit the door answers `503 Service
//!   Unavailable` with `Retry-After` at once and closes, rather than dropping anyone
//!   silently. The limit is kept within the open-file limit (raised on Unix): each
//!   connection passed on uses three descriptors, the client's and both ends of the
//!   connection to tiny_http.
//! - tiny_http listens on a loopback port, which any local program, or a web page in a
//!   browser, can reach. So the door adds to every head it passes on a header holding a
//!   key drawn afresh for each run (and removes any the client sent); the server checks
//!   it before anything else and answers 403 without it. Why a key rather than no
//!   second hop: tiny_http 0.12 serves only connections it accepts from a listener of
//!   its own and cannot be handed one whose head was already read. Why not a socket
//!   only this process can reach: on Unix that is a socket file in a private folder,
//!   left behind whenever the server is killed, and tiny_http has none on Windows;
//!   Linux's abstract sockets have no permissions at all. The key works the same on
//!   every system. What it leaves: a local program that connects to tiny_http itself
//!   and never finishes a head still holds one of tiny_http's threads; it gets no page.

use std::collections::VecDeque;
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use crate::i18n::Msg;

/// The header that carries the door's key to the server behind it.
pub const KEY_HEADER: &str = "X-Loa-Door";

/// Limits of the front door.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The longest request head (request line and headers) passed on; longer gets 431.
    pub head_bytes: usize,
    /// How long a client may take to send its whole request head, counted from the
    /// connection; slower gets 408.
    pub head_timeout: Duration,
    /// Connections held at once, whatever they are doing; more get 503 at once.
    pub connections: usize,
    /// How long the answer may take, in all (long polls wait up to 25 s).
    pub answer_timeout: Duration,
    /// How long a body that was announced is discarded after the answer.
    pub linger: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            head_bytes: 16 * 1024,
            head_timeout: Duration::from_secs(10),
            connections: 1024,
            answer_timeout: Duration::from_secs(40),
            linger: Duration::from_secs(1),
        }
    }
}

/// Descriptors kept for everything but connections: the listeners, the file watcher,
/// the files a rebuild reads.
const RESERVED_FILES: usize = 256;
/// The stack of a connection's thread: it reads a head into the heap and copies an
/// answer through a heap buffer.
const STACK_BYTES: usize = 256 * 1024;
/// How long a connection's thread waits for another before it ends.
const THREAD_IDLE: Duration = Duration::from_secs(10);
/// The most bytes of an unwanted body discarded before closing.
const LINGER_BYTES: usize = 1 << 20;

/// `limits` with as many connections as this process can open files for, after
/// raising its soft limit on open files as far as the hard one allows (Unix).
pub fn fit(limits: Limits) -> Limits {
    let wanted = limits.connections.saturating_mul(3) + RESERVED_FILES;
    let connections = match open_files(wanted) {
        Some(allowed) => limits
            .connections
            .min(allowed.saturating_sub(RESERVED_FILES) / 3),
        None => limits.connections,
    };
    Limits {
        connections: connections.max(1),
        ..limits
    }
}

/// Raises the soft limit on open files towards `wanted`; the limit then, if any.
#[cfg(unix)]
fn open_files(wanted: usize) -> Option<usize> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes one `rlimit` that lives on this stack.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0 {
        return None;
    }
    let wanted = wanted as libc::rlim_t;
    if limit.rlim_cur < wanted {
        let raised = libc::rlimit {
            rlim_cur: wanted.min(limit.rlim_max),
            rlim_max: limit.rlim_max,
        };
        // SAFETY: setrlimit reads one `rlimit` that lives on this stack.
        if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &raised) } == 0 {
            limit = raised;
        }
    }
    Some(usize::try_from(limit.rlim_cur).unwrap_or(usize::MAX))
}

/// Windows has no such limit on sockets.
#[cfg(not(unix))]
fn open_files(_wanted: usize) -> Option<usize> {
    None
}

/// A key for one run of the server: 128 bits from the system's randomness (through
/// the keys std draws for its hash maps).
pub fn new_key() -> String {
    let state = std::collections::hash_map::RandomState::new();
    let mut key = String::with_capacity(32);
    for part in 0u8..2 {
        let mut hasher = state.build_hasher();
        hasher.write_u8(part);
        hasher.write_u32(std::process::id());
        key.push_str(&format!("{:016x}", hasher.finish()));
    }
    key
}

/// Whether `given` is `key`, in a time that does not depend on where they differ.
pub fn same_key(given: &[u8], key: &[u8]) -> bool {
    given.len() == key.len() && given.iter().zip(key).fold(0, |acc, (a, b)| acc | (a ^ b)) == 0
}

struct Door {
    backend: SocketAddr,
    key: String,
    limits: Limits,
    /// Connections held, counted by their [`Slot`]s.
    open: Arc<AtomicUsize>,
    /// Threads done with a connection, and connections accepted for them.
    spare: Mutex<Spare>,
    ready: Condvar,
}

#[derive(Default)]
struct Spare {
    idle: usize,
    waiting: VecDeque<Client>,
}

/// One of the door's connections, given back when dropped.
struct Slot(Arc<AtomicUsize>);

impl Slot {
    fn take(door: &Door) -> Option<Self> {
        let limit = door.limits.connections;
        door.open
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |open| {
                (open < limit).then_some(open + 1)
            })
            .ok()
            .map(|_| Slot(door.open.clone()))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// A connection on its way to a thread, with its slot: answered 503 if it never gets
/// there (no thread could be made).
struct Client {
    stream: Option<TcpStream>,
    _slot: Slot,
}

impl Drop for Client {
    fn drop(&mut self) {
        if let Some(stream) = self.stream.take() {
            busy(stream);
        }
    }
}

impl Door {
    fn spare(&self) -> MutexGuard<'_, Spare> {
        // Nothing panics while holding it; the counts stay right either way.
        self.spare.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Gives `client` to a thread that waits for one, or back when none does.
    fn hand_over(&self, client: Client) -> Option<Client> {
        let mut spare = self.spare();
        if spare.idle > spare.waiting.len() {
            spare.waiting.push_back(client);
            self.ready.notify_one();
            None
        } else {
            Some(client)
        }
    }

    /// The next connection for a thread done with its last, if one comes before the
    /// thread has been idle for [`THREAD_IDLE`].
    fn next_client(&self) -> Option<Client> {
        let mut spare = self.spare();
        spare.idle += 1;
        let until = Instant::now() + THREAD_IDLE;
        let next = loop {
            if let Some(client) = spare.waiting.pop_front() {
                break Some(client);
            }
            let Some(wait) = left(until) else { break None };
            spare = match self.ready.wait_timeout(spare, wait) {
                Ok((spare, _)) => spare,
                Err(poisoned) => poisoned.into_inner().0,
            };
        };
        spare.idle -= 1;
        next
    }
}

/// A connection's thread: passes its request on, then waits a while for another
/// connection, so that a busy door does not make a thread for each.
fn keep(door: Arc<Door>, first: Client) {
    let mut next = Some(first);
    while let Some(mut client) = next.take() {
        if let Some(stream) = client.stream.take() {
            pass(stream, &door);
        }
        drop(client);
        next = door.next_client();
    }
}

/// Accepts connections on `listener` until `stop` is set, passing each request to the
/// tiny_http server at `backend` with `key`.
pub fn run(
    listener: &TcpListener,
    backend: SocketAddr,
    key: &str,
    limits: Limits,
    stop: &AtomicBool,
) {
    let door = Arc::new(Door {
        backend,
        key: key.to_string(),
        limits,
        open: Arc::default(),
        spare: Mutex::default(),
        ready: Condvar::new(),
    });
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else {
            // Out of file descriptors or a connection reset before accept: go on.
            std::thread::sleep(Duration::from_millis(10));
            continue;
        };
        let Some(slot) = Slot::take(&door) else {
            busy(stream);
            continue;
        };
        let client = Client {
            stream: Some(stream),
            _slot: slot,
        };
        let Some(client) = door.hand_over(client) else {
            continue;
        };
        // Detached: a client that sends nothing keeps its thread for `head_timeout`,
        // which must not hold up the end of the server. A thread that cannot be made
        // drops `client`, which answers 503.
        let door = door.clone();
        let _ = std::thread::Builder::new()
            .name("loa-door".into())
            .stack_size(STACK_BYTES)
            .spawn(move || keep(door, client));
    }
}

/// Wakes [`run`] blocked in `accept` so that it sees `stop`.
pub fn wake(address: SocketAddr) {
    let address = if address.ip().is_unspecified() {
        SocketAddr::new(
            match address {
                SocketAddr::V4(_) => [127, 0, 0, 1].into(),
                SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
            },
            address.port(),
        )
    } else {
        address
    };
    let _ = TcpStream::connect_timeout(&address, Duration::from_secs(1));
}

/// What remains of `deadline`, or `None` once it has passed.
fn left(deadline: Instant) -> Option<Duration> {
    deadline
        .checked_duration_since(Instant::now())
        .filter(|left| !left.is_zero())
}

#[derive(Debug, PartialEq, Eq)]
enum Head {
    /// The head, and what came after it in the same reads: the start of a body.
    Complete(Vec<u8>, Vec<u8>),
    TooLarge,
    TooSlow,
    Gone,
}

/// Reads a request head of at most `limit` bytes that must be complete by `deadline`.
fn read_head(client: &mut TcpStream, limit: usize, deadline: Instant) -> Head {
    let mut head = Vec::with_capacity(1024);
    let mut chunk = vec![0u8; 4096];
    loop {
        let Some(wait) = left(deadline) else {
            return Head::TooSlow;
        };
        if client.set_read_timeout(Some(wait)).is_err() {
            return Head::Gone;
        }
        match client.read(&mut chunk) {
            Ok(0) => return Head::Gone,
            Ok(read) => {
                let searched_from = head.len().saturating_sub(3);
                head.extend_from_slice(&chunk[..read]);
                if let Some(end) = head[searched_from..]
                    .windows(4)
                    .position(|w| w == b"\r\n\r\n")
                {
                    let end = searched_from + end + 4;
                    if end > limit {
                        return Head::TooLarge;
                    }
                    let extra = head.split_off(end);
                    return Head::Complete(head, extra);
                }
                if head.len() > limit {
                    return Head::TooLarge;
                }
            }
            Err(error)
                if matches!(
                    error.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) => {}
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return Head::Gone,
        }
    }
}

/// A short answer of the door's own, `extra` headers added.
fn reply(status: &str, body: Msg, extra: &str) -> Vec<u8> {
    let body = format!("{body}\n");
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// Answers 503 at once, from the thread that accepts: never blocks.
fn busy(client: TcpStream) {
    if client.set_nonblocking(true).is_err() {
        return;
    }
    let mut client = client;
    let _ = client.write_all(&reply(
        "503 Service Unavailable",
        Msg::HttpTooManyPages,
        "Retry-After: 1\r\n",
    ));
    // What the client sent already, read so that closing does not reset the
    // connection under the answer.
    let _ = client.shutdown(Shutdown::Write);
    let mut sink = [0u8; 1024];
    for _ in 0..64 {
        if !matches!(client.read(&mut sink), Ok(read) if read > 0) {
            break;
        }
    }
}

/// Answers `status` from a connection's own thread and closes.
fn refuse(mut client: TcpStream, status: &str, body: Msg, linger: Duration) {
    let _ = client.set_write_timeout(Some(Duration::from_secs(5)));
    let _ = client.write_all(&reply(status, body, ""));
    close(client, Instant::now() + linger);
}

/// Ends the connection: nothing more is written, and what the client still sends is
/// discarded until it closes, `until` or [`LINGER_BYTES`], so that closing does not
/// reset the connection (which can lose the answer on its way) while a body arrives.
fn close(mut client: TcpStream, until: Instant) {
    let _ = client.shutdown(Shutdown::Write);
    let mut sink = vec![0u8; 4096];
    let mut discarded = 0;
    while discarded < LINGER_BYTES {
        let Some(wait) = left(until) else { break };
        if client.set_read_timeout(Some(wait)).is_err() {
            break;
        }
        match client.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(read) => discarded += read,
        }
    }
}

/// The head as it is passed on, and whether the client announced a body.
struct Forward {
    head: Vec<u8>,
    body: bool,
}

/// The head without the headers that frame a body or keep the connection, and
/// without any key the client sent; then the door's key and `Connection: close`, so
/// that tiny_http answers this request alone, reads no body and ends the connection.
fn forward(head: &[u8], key: &str, body_length: Option<usize>) -> Forward {
    let mut out = Vec::with_capacity(head.len() + 64);
    let mut body = false;
    let head = head.strip_suffix(b"\r\n\r\n").unwrap_or(head);
    for (index, line) in head.split(|&b| b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if index > 0 {
            let (name, value) = match line.iter().position(|&b| b == b':') {
                Some(colon) => (&line[..colon], &line[colon + 1..]),
                None => (line, &[][..]),
            };
            let name = String::from_utf8_lossy(name);
            let is = |header: &str| name.trim().eq_ignore_ascii_case(header);
            if is("content-length") {
                body |= String::from_utf8_lossy(value).trim() != "0";
                continue;
            }
            if is("transfer-encoding") {
                body = true;
                continue;
            }
            if is("connection") || is("expect") || is("keep-alive") || is(KEY_HEADER) {
                continue;
            }
        }
        out.extend_from_slice(line);
        out.extend_from_slice(b"\r\n");
    }
    if let Some(length) = body_length {
        out.extend_from_slice(format!("Content-Length: {length}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("{KEY_HEADER}: {key}\r\nConnection: close\r\n\r\n").as_bytes());
    Forward { head: out, body }
}

fn pass(mut client: TcpStream, door: &Door) {
    let limits = door.limits;
    let accepted = Instant::now();
    let _ = client.set_nodelay(true);
    let (head, extra) = match read_head(
        &mut client,
        limits.head_bytes,
        accepted + limits.head_timeout,
    ) {
        Head::Complete(head, extra) => (head, extra),
        Head::TooLarge => {
            return refuse(
                client,
                "431 Request Header Fields Too Large",
                Msg::HttpHeadTooLarge,
                limits.linger,
            );
        }
        Head::TooSlow => {
            return refuse(
                client,
                "408 Request Timeout",
                Msg::HttpTooSlow,
                Duration::ZERO,
            );
        }
        Head::Gone => return,
    };
    let body = match passed_body(&head) {
        Some(limit) => match read_body(&mut client, &head, extra, limit, &limits) {
            Ok(body) => Some(body),
            Err((status, message)) => {
                return refuse_json(client, status, message, limits.linger);
            }
        },
        None => None,
    };
    let request = forward(&head, &door.key, body.as_ref().map(Vec::len));
    let deadline = Instant::now() + limits.answer_timeout;
    let Ok(mut upstream) = TcpStream::connect_timeout(&door.backend, Duration::from_secs(5)) else {
        return refuse(
            client,
            "503 Service Unavailable",
            Msg::HttpStopping,
            limits.linger,
        );
    };
    let _ = upstream.set_nodelay(true);
    if upstream
        .set_write_timeout(Some(Duration::from_secs(5)))
        .is_err()
        || upstream.write_all(&request.head).is_err()
        || body.as_ref().is_some_and(|body| {
            upstream
                .set_write_timeout(Some(limits.head_timeout))
                .and_then(|()| upstream.write_all(body))
                .is_err()
        })
    {
        return refuse(client, "502 Bad Gateway", Msg::HttpNoAnswer, limits.linger);
    }
    if relay(&mut upstream, &mut client, deadline) == 0 {
        return refuse(client, "502 Bad Gateway", Msg::HttpNoAnswer, limits.linger);
    }
    drop(upstream);
    let linger = if request.body && body.is_none() {
        limits.linger
    } else {
        Duration::ZERO
    };
    close(client, Instant::now() + linger);
}

/// The most bytes of a body passed on to the editor: a photo for `api/upload`, JSON
/// for every other request.
const EDIT_JSON_BYTES: usize = 2 * 1024 * 1024;

/// For a `POST` to the editor, the longest body it may carry; `None` for any other
/// request, whose body is never passed on.
fn passed_body(head: &[u8]) -> Option<usize> {
    let line = head.split(|&b| b == b'\n').next()?;
    let target = line.strip_prefix(b"POST ")?;
    let prefix = format!("{}{}", super::paths::INTERNAL_PREFIX, super::edit::PREFIX);
    if !target.starts_with(prefix.as_bytes()) {
        return None;
    }
    let upload = target
        .windows(b"/api/upload".len())
        .any(|w| w == b"/api/upload");
    Some(if upload {
        super::edit::UPLOAD_BYTES
    } else {
        EDIT_JSON_BYTES
    })
}

/// The value of header `name` in `head`, and whether it came more than once.
fn head_value(head: &[u8], name: &str) -> (Option<String>, bool) {
    let mut values = String::from_utf8_lossy(head)
        .lines()
        .skip(1)
        .filter_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim()
                .eq_ignore_ascii_case(name)
                .then(|| value.trim().to_string())
        })
        .collect::<Vec<_>>();
    let twice = values.len() > 1;
    (values.pop(), twice)
}

/// Reads the body a head announced with `Content-Length`, of at most `limit` bytes,
/// `extra` being what came with the head; the status and message to refuse it with.
fn read_body(
    client: &mut TcpStream,
    head: &[u8],
    mut extra: Vec<u8>,
    limit: usize,
    limits: &Limits,
) -> Result<Vec<u8>, (&'static str, Msg)> {
    let (encoding, _) = head_value(head, "transfer-encoding");
    let (length, twice) = head_value(head, "content-length");
    let length = match (
        encoding,
        length.and_then(|l| l.parse::<usize>().ok()),
        twice,
    ) {
        (None, Some(length), false) => length,
        _ => return Err(("411 Length Required", Msg::EditLengthRequired)),
    };
    if length > limit {
        let limit = format!("{} MiB", limit / (1024 * 1024));
        return Err(("413 Content Too Large", Msg::EditTooLarge { limit }));
    }
    let deadline = Instant::now() + limits.head_timeout + Duration::from_secs(50);
    extra.truncate(length);
    // curl and other clients wait up to a second to be told to send a body they announced.
    let (expect, _) = head_value(head, "expect");
    if extra.len() < length && expect.is_some_and(|e| e.eq_ignore_ascii_case("100-continue")) {
        let _ = client.set_write_timeout(Some(Duration::from_secs(5)));
        let _ = client.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
    }
    let mut body = extra;
    body.reserve_exact(length - body.len());
    let mut chunk = vec![0u8; 64 * 1024];
    while body.len() < length {
        let Some(wait) = left(deadline) else {
            return Err(("408 Request Timeout", Msg::HttpTooSlow));
        };
        if client.set_read_timeout(Some(wait)).is_err() {
            return Err(("408 Request Timeout", Msg::HttpTooSlow));
        }
        let want = (length - body.len()).min(chunk.len());
        match client.read(&mut chunk[..want]) {
            Ok(0) => return Err(("400 Bad Request", Msg::HttpBadRequest)),
            Ok(read) => body.extend_from_slice(&chunk[..read]),
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return Err(("408 Request Timeout", Msg::HttpTooSlow)),
        }
    }
    Ok(body)
}

/// Answers `status` with the editor's JSON `{"message": …}` and closes.
fn refuse_json(mut client: TcpStream, status: &str, message: Msg, linger: Duration) {
    let body = serde_json::json!({ "message": message.to_string() }).to_string();
    let answer = format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = client.set_write_timeout(Some(Duration::from_secs(5)));
    let _ = client.write_all(answer.as_bytes());
    close(client, Instant::now() + linger);
}

/// Copies the answer from `upstream` to `client` until `upstream` ends it, either side
/// fails or `deadline` passes; the number of bytes copied.
fn relay(upstream: &mut TcpStream, client: &mut TcpStream, deadline: Instant) -> usize {
    let mut copied = 0;
    // Cut short, the answer just ends: the client sees it incomplete.
    let _ = copy(upstream, client, deadline, &mut copied);
    copied
}

fn copy(
    upstream: &mut TcpStream,
    client: &mut TcpStream,
    deadline: Instant,
    copied: &mut usize,
) -> io::Result<()> {
    let mut buffer = vec![0u8; 16 * 1024];
    let timed_out = || io::Error::from(io::ErrorKind::TimedOut);
    loop {
        upstream.set_read_timeout(Some(left(deadline).ok_or_else(timed_out)?))?;
        let read = match upstream.read(&mut buffer) {
            Ok(0) => return Ok(()),
            Ok(read) => read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        let mut rest = &buffer[..read];
        while !rest.is_empty() {
            client.set_write_timeout(Some(left(deadline).ok_or_else(timed_out)?))?;
            match client.write(rest) {
                Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(written) => rest = &rest[written..],
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error),
            }
        }
        *copied += read;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forwarded(head: &str) -> (String, bool) {
        let forward = forward(head.as_bytes(), "k", None);
        (String::from_utf8(forward.head).expect("text"), forward.body)
    }

    #[test]
    fn the_head_passed_on_carries_the_key_and_nothing_that_frames_a_body() {
        let cases = [
            (
                "GET / HTTP/1.1\r\nHost: x\r\nconnection: keep-alive\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nX-Loa-Door: k\r\nConnection: close\r\n\r\n",
                false,
            ),
            (
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: x\r\nX-Loa-Door: k\r\nConnection: close\r\n\r\n",
                true,
            ),
            (
                "GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
                "GET / HTTP/1.1\r\nX-Loa-Door: k\r\nConnection: close\r\n\r\n",
                false,
            ),
            (
                "GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
                "GET / HTTP/1.1\r\nX-Loa-Door: k\r\nConnection: close\r\n\r\n",
                true,
            ),
            (
                "GET / HTTP/1.1\r\nx-loa-door: guessed\r\nX-Loa-Door:k\r\n\r\n",
                "GET / HTTP/1.1\r\nX-Loa-Door: k\r\nConnection: close\r\n\r\n",
                false,
            ),
        ];
        for (head, passed, body) in cases {
            assert_eq!(forwarded(head), (passed.to_string(), body), "{head:?}");
        }
    }

    #[test]
    fn keys_differ_and_compare_exactly() {
        let (one, two) = (new_key(), new_key());
        assert_eq!(one.len(), 32);
        assert_ne!(one, two);
        assert!(same_key(one.as_bytes(), one.as_bytes()));
        assert!(!same_key(two.as_bytes(), one.as_bytes()));
        assert!(!same_key(&one.as_bytes()[..31], one.as_bytes()));
        assert!(!same_key(b"", one.as_bytes()));
    }

    /// A client and the door's end of its connection.
    fn connected() -> (TcpStream, TcpStream) {
        let listener = TcpListener::bind(("127.0.0.1", 0)).expect("a port");
        let client =
            TcpStream::connect(listener.local_addr().expect("an address")).expect("connecting");
        let (server, _) = listener.accept().expect("accepting");
        (client, server)
    }

    #[test]
    fn a_head_sent_a_byte_at_a_time_meets_one_deadline_not_one_per_byte() {
        let (mut client, mut server) = connected();
        let trickle = std::thread::spawn(move || {
            for byte in b"GET / HTTP/1.1\r\nX-Slow: "
                .iter()
                .chain([b'a'; 400].iter())
            {
                if client.write_all(&[*byte]).is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(5));
            }
        });
        // Each byte comes far sooner than the deadline; the head never ends before it.
        let deadline = Instant::now() + Duration::from_millis(300);
        assert_eq!(read_head(&mut server, 16 * 1024, deadline), Head::TooSlow);
        drop(server);
        let _ = trickle.join();
    }

    #[test]
    fn a_head_longer_than_the_limit_is_too_large_even_when_complete() {
        let (mut client, mut server) = connected();
        let head = format!("GET / HTTP/1.1\r\nX-Big: {}\r\n\r\n", "a".repeat(200));
        client.write_all(head.as_bytes()).expect("writing");
        let deadline = Instant::now() + Duration::from_secs(10);
        assert_eq!(read_head(&mut server, 100, deadline), Head::TooLarge);
    }
}
