//! The command line of `loa serve`: ports, addresses, Ctrl-C.

use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Served, SiteTest};

#[test]
fn a_taken_port_falls_back_to_the_next_free_one() {
    let site = SiteTest::new();
    let taken = TcpListener::bind(("127.0.0.1", 0)).expect("a port");
    let port = taken.local_addr().expect("an address").port();
    let served = Served::start_with(site.root(), &["--port", &port.to_string()]);
    assert!(served.port > port, "{} after {port}", served.port);
    assert_eq!(served.get("/").status, 200);
}

#[test]
fn an_address_other_than_loopback_is_warned_about() {
    let site = SiteTest::new();
    let served = Served::start_with(site.root(), &["--port", "0", "--bind", "0.0.0.0"]);
    let started = Instant::now();
    while !served.printed().contains("not a loopback address") {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{}",
            served.printed()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn loopback_is_the_default_address() {
    let served = SiteTest::new().serve();
    assert!(!served.printed().contains("not a loopback address"));
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let site = SiteTest::new();
    let mut served = site.serve();
    assert_eq!(served.get("/").status, 200);
    let status = Command::new("kill")
        .args(["-INT", &served.pid().to_string()])
        .stdout(Stdio::null())
        .status()
        .expect("running kill");
    assert!(status.success());
    let exit = served
        .wait(Duration::from_secs(10))
        .expect("loa serve stops after Ctrl-C");
    assert!(exit.success(), "{exit:?}");
    assert!(
        served.printed().contains("Stopped."),
        "{}",
        served.printed()
    );
    assert!(
        !site.path("public").exists(),
        "serve writes no output folder"
    );
}
