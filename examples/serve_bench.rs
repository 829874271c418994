//! Edit-to-visible time of `loa serve`: from writing an article's file to the new HTML
//! being served, on synthetic sites of Vietnamese articles.
//!
//! ```text
//! cargo run --release --example serve_bench            # 1,000 and 10,000 articles
//! cargo run --release --example serve_bench -- 500 2000 # other sizes
//! ```
//! For each size: generates the site in a temporary folder, starts the preview server
//! in this process on a free port, edits one article's body 20 times, then its title 10
//! times (front matter: the whole site is resolved again), polls the article's page over
//! HTTP after each save until the new text is there, and prints the median and the
//! spread. The time runs from just before the file is written to the reply that has the
//! new text.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use loa::serve::{Event, Reporter, ServeOptions};

const EDITS: usize = 20;
/// Title edits go through a full resolve of the site: fewer of them.
const TITLE_EDITS: usize = 10;
const SECTIONS: [&str; 3] = ["tin-tuc", "le-ra-mat", "phong-trao"];
const PROVINCES: [&str; 10] = [
    "Đắk Lắk",
    "Cà Mau",
    "Long An",
    "Hải Dương",
    "Đồng Tháp",
    "Cần Thơ",
    "Sóc Trăng",
    "Hà Nội",
    "Nghệ An",
    "Thanh Hóa",
];
const TAGS: [&str; 8] = [
    "lễ ra mắt",
    "Tây Nguyên",
    "thi đua",
    "khen thưởng",
    "tập huấn",
    "an ninh",
    "trật tự",
    "cơ sở",
];

fn write(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, text)
}

fn article(i: usize, marker: &str) -> String {
    article_titled(i, "", marker)
}

/// Article `i`, with `title_extra` at the end of its title and `marker` in its body.
fn article_titled(i: usize, title_extra: &str, marker: &str) -> String {
    let date = format!("20{}-{:02}-{:02}", 20 + i % 5, 1 + i % 12, 1 + i % 28);
    let body: Vec<String> = (0..8)
        .map(|j| {
            format!(
                "Đoạn {j} của bài {i}: lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở tổ chức ra mắt, với {} thành viên và nhiều tổ bảo vệ.",
                j * 37
            )
        })
        .collect();
    format!(
        "---\ntitle: Bài viết số {i} về lực lượng cơ sở{title_extra}\ndate: {date}\nkind: news\nprovince: {}\ntags: [{}, {}]\nslug: bai-{i}\n---\n## Mở đầu\n\n{marker}\n\n{}\n",
        PROVINCES[i % 10],
        TAGS[i % 8],
        TAGS[(i * 3) % 8],
        body.join("\n\n")
    )
}

fn generate(root: &Path, articles: usize) -> std::io::Result<()> {
    write(
        &root.join("site.yaml"),
        "title: Thử nghiệm\nbase_url: https://example.gov.vn\nlanguage: vi\ntheme: default\npaginate_by: 20\ntaxonomies:\n  - { name: tags, path: chu-de }\n  - { name: provinces, path: tinh-thanh }\n",
    )?;
    write(
        &root.join("content/_index.md"),
        "---\ntitle: Trang chủ\n---\nXin chào.\n",
    )?;
    for section in SECTIONS {
        write(
            &root.join(format!("content/{section}/_index.md")),
            &format!("---\ntitle: Mục {section}\n---\nGiới thiệu.\n"),
        )?;
    }
    for i in 0..articles {
        let path = root.join(format!("content/{}/bai-{i}.md", SECTIONS[i % 3]));
        write(&path, &article(i, "Bản đầu tiên."))?;
    }
    Ok(())
}

struct Listen(Mutex<Sender<String>>);

impl Reporter for Listen {
    fn report(&self, event: Event<'_>) {
        let message = match event {
            Event::Serving { url } => url.to_string(),
            Event::Failed { report, .. } => format!("failed: {report}"),
            _ => return,
        };
        if let Ok(sender) = self.0.lock() {
            let _ = sender.send(message);
        }
    }
}

fn get(port: u16, path: &str) -> std::io::Result<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )?;
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply)?;
    Ok(String::from_utf8_lossy(&reply).into_owned())
}

/// Edit-to-visible times of body edits, then of title edits (front matter).
type Times = (Vec<Duration>, Vec<Duration>);

fn measure(articles: usize) -> Result<Times, Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let root = dir.path();
    generate(root, articles)?;
    let full = Instant::now();
    let mut options = loa::BuildOptions::new(root);
    options.out = None;
    let summary = loa::build(&options).map_err(|e| e.render())?;
    println!(
        "{articles} articles: a full `loa check` renders {} pages in {} ms",
        summary.pages,
        full.elapsed().as_millis()
    );

    let mut serve_options = ServeOptions::new(loa::BuildOptions::new(root));
    serve_options.port = 0;
    let stop = Arc::new(AtomicBool::new(false));
    let (sender, receiver) = channel();
    let server = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let reporter = Listen(Mutex::new(sender));
            loa::serve::serve(&serve_options, &reporter, &stop).map_err(|e| e.render())
        })
    };
    let url = receiver.recv_timeout(Duration::from_secs(300))?;
    let port: u16 = url
        .trim_start_matches("http://127.0.0.1:")
        .trim_end_matches('/')
        .parse()?;

    let index = articles / 2;
    let file = root.join(format!("content/{}/bai-{index}.md", SECTIONS[index % 3]));
    let page = format!("/{}/bai-{index}/", SECTIONS[index % 3]);
    get(port, &page)?;
    let edit_and_wait =
        |text: String, marker: &str| -> Result<Duration, Box<dyn std::error::Error>> {
            let started = Instant::now();
            std::fs::write(&file, text)?;
            loop {
                if get(port, &page)?.contains(marker) {
                    break;
                }
                if started.elapsed() > Duration::from_secs(60) {
                    return Err(format!("{marker} never showed").into());
                }
                std::thread::sleep(Duration::from_micros(500));
            }
            let elapsed = started.elapsed();
            // Let the server settle, as between two saves of a person.
            std::thread::sleep(Duration::from_millis(300));
            while let Ok(message) = receiver.try_recv() {
                eprintln!("{message}");
            }
            Ok(elapsed)
        };
    let mut body_times = Vec::new();
    for edit in 0..EDITS {
        let marker = format!("Bản sửa số {edit} lúc {:?}.", Instant::now());
        body_times.push(edit_and_wait(article(index, &marker), &marker)?);
    }
    let mut title_times = Vec::new();
    for edit in 0..TITLE_EDITS {
        let marker = format!(" (bản {edit})");
        let text = article_titled(index, &marker, "Bản đầu tiên.");
        title_times.push(edit_and_wait(text, &marker)?);
    }
    stop.store(true, Ordering::SeqCst);
    server.join().map_err(|_| "the server thread panicked")??;
    Ok((body_times, title_times))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sizes: Vec<usize> = match std::env::args().skip(1).map(|a| a.parse()).collect() {
        Ok(sizes) if !Vec::<usize>::is_empty(&sizes) => sizes,
        _ => vec![1_000, 10_000],
    };
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let summary = |mut times: Vec<Duration>| {
        times.sort();
        format!(
            "median {:.1} ms over {} edits (min {:.1}, max {:.1})",
            ms(times[times.len() / 2]),
            times.len(),
            ms(times[0]),
            ms(times[times.len() - 1]),
        )
    };
    for articles in sizes {
        let (body, title) = measure(articles)?;
        println!(
            "{articles} articles: edit-to-visible, body edit: {}",
            summary(body)
        );
        println!(
            "{articles} articles: edit-to-visible, title edit: {}",
            summary(title)
        );
    }
    Ok(())
}
