//! Checking links to other sites, on request (`loa check --external`): each distinct
//! address once, a bounded number of requests in flight and in all.
//!
//! The only module that makes network requests. Never runs unless asked: a build must
//! not depend on other sites being up.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::i18n::Msg;
use crate::markdown::LinkTarget;
use crate::site::Site;

/// How many requests run at once: polite to the sites checked, quick enough for a press
/// office's few hundred links.
const IN_FLIGHT: usize = 4;
const TIMEOUT: Duration = Duration::from_secs(10);

/// What a check found: the problems, and how many addresses it looked at of how many.
#[derive(Debug, Default)]
pub struct ExternalReport {
    pub problems: Diagnostics,
    pub checked: usize,
    pub total: usize,
}

/// Where each distinct external address is first written, in a stable order.
fn collect(site: &Site) -> BTreeMap<String, Diagnostic> {
    let mut first_use = BTreeMap::new();
    for page in &site.pages {
        let source = &page.article.source;
        for link in &page.rendered.links {
            if let LinkTarget::External { url } = &link.target {
                first_use.entry(url.clone()).or_insert_with(|| {
                    Diagnostic::new(&source.path, String::new()).at(Location::at_offset(
                        &source.text(),
                        source.body_offset() + link.offset,
                        link.len,
                    ))
                });
            }
        }
    }
    first_use
}

/// Requests at most `limit` distinct external addresses of `site`, `IN_FLIGHT` at a
/// time, and reports each that does not answer with success.
pub fn check(site: &Site, limit: usize) -> ExternalReport {
    let links = collect(site);
    let total = links.len();
    let queue: Mutex<Vec<(String, Diagnostic)>> =
        Mutex::new(links.into_iter().take(limit).rev().collect());
    let checked = queue.lock().map_or(0, |q| q.len());
    let problems = Mutex::new(Diagnostics::default());
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .http_status_as_error(false)
        .user_agent(concat!("loa/", env!("CARGO_PKG_VERSION"), " (link check)"))
        .build()
        .into();
    std::thread::scope(|scope| {
        for _ in 0..IN_FLIGHT {
            scope.spawn(|| {
                while let Some((url, place)) = queue.lock().ok().and_then(|mut q| q.pop()) {
                    if let Some(problem) = request(&agent, &url) {
                        let diagnostic = Diagnostic {
                            message: Msg::ExternalBroken { url, problem }.to_string(),
                            ..place
                        }
                        .help(Msg::ExternalBrokenHelp.to_string());
                        if let Ok(mut problems) = problems.lock() {
                            problems.push(diagnostic);
                        }
                    }
                }
            });
        }
    });
    ExternalReport {
        problems: problems.into_inner().unwrap_or_default().sorted(),
        checked,
        total,
    }
}

/// `None` when the address answers with success; else what went wrong, in plain words.
fn request(agent: &ureq::Agent, url: &str) -> Option<String> {
    // Some servers refuse HEAD; a GET is the fair second try.
    let answer = match agent.head(url).call() {
        Ok(response) if response.status().as_u16() == 405 => agent.get(url).call(),
        other => other,
    };
    match answer {
        Ok(response) if response.status().is_success() || response.status().is_redirection() => {
            None
        }
        Ok(response) => Some(format!("the server answered {}", response.status())),
        Err(error) => Some(format!("no answer ({error})")),
    }
}
