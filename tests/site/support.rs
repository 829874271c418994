//! A small site in a temporary folder, built with the real `loa` binary, and the
//! assertions tests make on what it produced.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const SITE_YAML: &str = "\
title: Trang thử nghiệm
base_url: https://example.gov.vn
paginate_by: 2
taxonomies:
  - { name: tags, path: chu-de }
  - { name: provinces, path: tinh-thanh }
stats:
  path: thong-ke
  metrics:
    teams: { label: Tổ bảo vệ ANTT }
    members: { label: Thành viên }
";

pub struct SiteTest {
    dir: tempfile::TempDir,
}

/// What a run of `loa` printed and returned, with the temporary folder shown as [ROOT].
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl SiteTest {
    /// A site with the standard site.yaml and nothing else.
    pub fn new() -> Self {
        Self::empty().file("site.yaml", SITE_YAML)
    }

    /// A folder with no files at all.
    pub fn empty() -> Self {
        Self {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    pub fn file(self, path: &str, text: &str) -> Self {
        self.bytes(path, text.as_bytes())
    }

    pub fn bytes(self, path: &str, bytes: &[u8]) -> Self {
        let path = self.dir.path().join(path);
        fs::create_dir_all(path.parent().expect("a parent")).expect("create the folder");
        fs::write(path, bytes).expect("write the file");
        self
    }

    /// An article in `section` with the given extra front-matter lines and body.
    pub fn article(self, path: &str, title: &str, date: &str, front: &str, body: &str) -> Self {
        let text = format!("---\ntitle: {title}\ndate: {date}\n{front}---\n{body}\n");
        self.file(path, &text)
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    /// `loa` with `args`, started in the site's folder with messages in English, for a
    /// test that watches or stops it while it runs.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_loa"));
        command
            .args(args)
            .current_dir(self.dir.path())
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        command
    }

    /// A finished `command`, as `run` returns it.
    pub fn finished(&self, child: std::process::Child) -> Run {
        self.run_of(child.wait_with_output().expect("wait for loa"))
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_lang(args, "C")
    }

    /// `loa` with the locale variable `LANG` set to `lang`, and no other locale variable.
    pub fn run_with_lang(&self, args: &[&str], lang: &str) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_loa"))
            .args(args)
            .current_dir(self.dir.path())
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .expect("run loa");
        self.run_of(output)
    }

    /// `loa` unable to write a file larger than `bytes`, as on a full disk: writing past
    /// the limit fails with "File too large" (the signal the kernel would send instead is
    /// ignored, which the child inherits).
    pub fn run_with_file_limit(&self, args: &[&str], bytes: u64) -> Run {
        use std::os::unix::process::CommandExt;
        let mut command = Command::new(env!("CARGO_BIN_EXE_loa"));
        command
            .args(args)
            .current_dir(self.dir.path())
            .env("LANG", "C");
        // SAFETY: between fork and exec the child only calls two async-signal-safe
        // functions on plain data.
        unsafe {
            command.pre_exec(move || {
                let limit = libc::rlimit {
                    rlim_cur: bytes,
                    rlim_max: bytes,
                };
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            })
        };
        self.run_of(command.output().expect("run loa"))
    }

    /// `loa` sent Ctrl-C (SIGINT) as soon as `ready` says so, polled every millisecond.
    pub fn run_interrupted(&self, args: &[&str], ready: impl Fn() -> bool) -> Run {
        let child = Command::new(env!("CARGO_BIN_EXE_loa"))
            .args(args)
            .current_dir(self.dir.path())
            .env("LANG", "C")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start loa");
        let started = std::time::Instant::now();
        while !ready() {
            assert!(
                started.elapsed() < std::time::Duration::from_secs(60),
                "loa never got to the point where it is interrupted"
            );
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        // SAFETY: kill with the pid of our own running child and a plain signal number.
        unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
        self.run_of(child.wait_with_output().expect("wait for loa"))
    }

    fn run_of(&self, output: Output) -> Run {
        let redact = |bytes: &[u8]| {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let root = self.dir.path().to_string_lossy().into_owned();
            let canonical = fs::canonicalize(self.dir.path())
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_else(|_| root.clone());
            text.replace(&canonical, "[ROOT]").replace(&root, "[ROOT]")
        };
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: redact(&output.stdout),
            stderr: redact(&output.stderr),
        }
    }

    /// `loa build`, which must succeed.
    pub fn build(self) -> Self {
        self.rebuild();
        self
    }

    /// `loa build` again on a site already built, which must succeed.
    pub fn rebuild(&self) {
        let run = self.run(&["build"]);
        assert_eq!(run.code, 0, "loa build failed:\n{}", run.stderr);
    }

    /// The file at site path `url` (`/tin-tuc/` reads `public/tin-tuc/index.html`).
    pub fn page(&self, url: &str) -> String {
        let path = self.output_file(url);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("{} not produced: {e}", path.display()))
    }

    pub fn exists(&self, url: &str) -> bool {
        self.output_file(url).is_file()
    }

    fn output_file(&self, url: &str) -> PathBuf {
        let relative = url.trim_start_matches('/');
        let mut path = self.out().join(relative);
        if relative.is_empty() || relative.ends_with('/') {
            path = path.join("index.html");
        }
        path
    }

    /// The `<main>` element of the page at `url`: what a test of content looks at.
    pub fn main(&self, url: &str) -> String {
        let page = self.page(url);
        let start = page.find("<main").expect("a <main> element");
        let end = page.find("</main>").expect("a </main>") + "</main>".len();
        page[start..end].to_string()
    }
}

/// The hrefs of the article links in a listing, in order.
pub fn card_links(html: &str) -> Vec<String> {
    html.split("class=\"card-title\"><a href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

/// Every file under `dir`, with its bytes, for byte-for-byte comparisons.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let bytes = fs::read(e.path()).expect("read");
            (
                e.path().strip_prefix(dir).expect("inside").to_path_buf(),
                bytes,
            )
        })
        .collect();
    files.sort();
    files
}

/// A JPEG photo of `width` × `height` pixels, made here rather than committed: a
/// gradient, so that resizing has something to do.
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
    });
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 80)
        .encode_image(&image)
        .expect("encode a JPEG");
    bytes
}

/// A PNG with a transparent left half.
pub fn png_with_transparency(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbaImage::from_fn(width, height, |x, _| {
        image::Rgba([200, 30, 30, if x < width / 2 { 0 } else { 255 }])
    });
    let mut bytes = Vec::new();
    image
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .expect("encode a PNG");
    bytes
}

/// Width and height of the image file at `path`.
pub fn image_size(path: &Path) -> (u32, u32) {
    image::image_dimensions(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Runs the Nu Html Checker on every HTML file under `dir` and fails with its report.
pub fn assert_valid_html(dir: &Path) {
    let jar = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/tools/node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(
        jar.is_file(),
        "the Nu Html Checker is missing at {}: run scripts/install-test-deps.sh",
        jar.display()
    );
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--skip-non-html", "--format", "text"])
        .arg(dir)
        .output()
        .unwrap_or_else(|e| panic!("java is missing ({e}): run scripts/install-test-deps.sh"));
    assert!(
        output.status.success(),
        "the Nu Html Checker found errors:\n{}{}",
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout)
    );
}
