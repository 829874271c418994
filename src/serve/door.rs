//! The front door: accepts connections on the public address and hands tiny_http only
//! whole, bounded requests, one per connection, over loopback.
//!
//! tiny_http 0.12 reads a request head without any size limit or timeout, gives every
//! connection a thread of its own for as long as the client keeps it open, and its
//! thread pool can leave a new connection queued behind idle ones forever. Here a
//! bounded pool of threads reads each head with a size limit and a timeout, answers
//! what is too large or too slow itself, and drops connections beyond what the pool can
//! hold, so that no client can stop the others.

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Limits of the front door.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The longest request head (request line and headers) passed on; longer gets 431.
    pub head_bytes: usize,
    /// How long a client may take to send its request head; slower gets 408.
    pub head_timeout: Duration,
    /// Connections handled at once; as many more may wait, the rest are dropped.
    pub connections: usize,
    /// How long the answer may take (long polls wait up to 25 s).
    pub answer_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            head_bytes: 16 * 1024,
            head_timeout: Duration::from_secs(10),
            connections: 64,
            answer_timeout: Duration::from_secs(40),
        }
    }
}

/// Accepts connections on `listener` until `stop` is set, passing each request to the
/// tiny_http server at `backend`.
pub fn run(listener: &TcpListener, backend: SocketAddr, limits: Limits, stop: &AtomicBool) {
    let (sender, receiver): (SyncSender<TcpStream>, Receiver<TcpStream>) =
        std::sync::mpsc::sync_channel(limits.connections);
    let receiver = Arc::new(Mutex::new(receiver));
    // Detached: a client that sends nothing may keep its thread for `head_timeout`,
    // which must not hold up the end of the server.
    for _ in 0..limits.connections.max(1) {
        let receiver = receiver.clone();
        std::thread::spawn(move || {
            loop {
                let next = match receiver.lock() {
                    Ok(receiver) => receiver.recv(),
                    Err(_) => return,
                };
                match next {
                    Ok(client) => pass(client, backend, limits),
                    Err(_) => return,
                }
            }
        });
    }
    {
        for client in listener.incoming() {
            if stop.load(Ordering::SeqCst) {
                break;
            }
            let Ok(client) = client else {
                // Out of file descriptors or a connection reset before accept: go on.
                std::thread::sleep(Duration::from_millis(10));
                continue;
            };
            match sender.try_send(client) {
                Ok(()) => {}
                // Too many at once: drop this one rather than slow down the others.
                Err(TrySendError::Full(client)) => {
                    let _ = client.shutdown(Shutdown::Both);
                }
                Err(TrySendError::Disconnected(_)) => break,
            }
        }
        drop(sender);
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

enum Head {
    Complete(Vec<u8>),
    TooLarge,
    TooSlow,
    Gone,
}

fn read_head(client: &mut TcpStream, limits: Limits) -> Head {
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    loop {
        match client.read(&mut chunk) {
            Ok(0) => return Head::Gone,
            Ok(read) => {
                let searched_from = head.len().saturating_sub(3);
                head.extend_from_slice(&chunk[..read]);
                if let Some(end) = head[searched_from..]
                    .windows(4)
                    .position(|w| w == b"\r\n\r\n")
                {
                    head.truncate(searched_from + end + 4);
                    return Head::Complete(head);
                }
                if head.len() > limits.head_bytes {
                    return Head::TooLarge;
                }
            }
            Err(error)
                if matches!(
                    error.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                return Head::TooSlow;
            }
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return Head::Gone,
        }
    }
}

fn refuse(mut client: TcpStream, status: &str) {
    let body = format!("{status}\n");
    let reply = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = client.write_all(reply.as_bytes());
    let _ = client.shutdown(Shutdown::Both);
}

/// The head with `Connection: close`, so that tiny_http ends the connection after it.
fn one_shot(head: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(head);
    let mut out = String::with_capacity(head.len() + 20);
    for line in text.split("\r\n").filter(|line| !line.is_empty()) {
        let is_connection = line
            .split_once(':')
            .is_some_and(|(name, _)| name.trim().eq_ignore_ascii_case("connection"));
        if !is_connection {
            out.push_str(line);
            out.push_str("\r\n");
        }
    }
    out.push_str("Connection: close\r\n\r\n");
    out.into_bytes()
}

fn pass(mut client: TcpStream, backend: SocketAddr, limits: Limits) {
    let _ = client.set_nodelay(true);
    if client.set_read_timeout(Some(limits.head_timeout)).is_err()
        || client
            .set_write_timeout(Some(limits.answer_timeout))
            .is_err()
    {
        return;
    }
    let head = match read_head(&mut client, limits) {
        Head::Complete(head) => head,
        Head::TooLarge => return refuse(client, "431 Request Header Fields Too Large"),
        Head::TooSlow => return refuse(client, "408 Request Timeout"),
        Head::Gone => return,
    };
    let Ok(mut upstream) = TcpStream::connect(backend) else {
        return refuse(client, "503 Service Unavailable");
    };
    let _ = upstream.set_nodelay(true);
    if upstream
        .set_read_timeout(Some(limits.answer_timeout))
        .is_err()
        || upstream.write_all(&one_shot(&head)).is_err()
    {
        return refuse(client, "502 Bad Gateway");
    }
    // The answer, relayed as it comes; either side closing ends it.
    let _ = io::copy(&mut upstream, &mut client);
    let _ = client.shutdown(Shutdown::Both);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_passed_on_asks_to_close_the_connection() {
        let head = b"GET / HTTP/1.1\r\nHost: x\r\nconnection: keep-alive\r\n\r\n";
        assert_eq!(
            one_shot(head),
            b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        );
    }
}
