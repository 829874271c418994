//! Photos: resized at build time into a few widths served with `srcset`, the original
//! kept for download, a cache so that an unchanged photo is never resized twice, and an
//! error with file and line for a missing file, a missing alt text or a broken photo.

use crate::support::{SiteTest, assert_valid_html, image_size, jpeg, png_with_transparency};

const BUNDLE: &str = "content/le-ra-mat/dak-lak/index.md";
const PAGE: &str = "/le-ra-mat/le-ra-mat-dak-lak/";

fn bundle(front: &str, body: &str) -> SiteTest {
    SiteTest::new().article(BUNDLE, "Lễ ra mắt Đắk Lắk", "2024-07-01", front, body)
}

fn output_size(site: &SiteTest, url: &str) -> (u32, u32) {
    image_size(&site.out().join(url.trim_start_matches('/')))
}

#[test]
fn a_photo_is_resized_into_each_width_and_its_original_kept() {
    let photo = jpeg(2000, 1500);
    let site = bundle(
        "",
        "Mở đầu.\n\n![Lực lượng diễu hành](anh.jpg \"Lực lượng diễu hành tại lễ ra mắt\")\n",
    )
    .bytes("content/le-ra-mat/dak-lak/anh.jpg", &photo)
    .build();
    for (width, height) in [(480, 360), (960, 720), (1600, 1200)] {
        assert_eq!(
            output_size(&site, &format!("{PAGE}anh-{width}.jpg")),
            (width, height)
        );
    }
    assert_eq!(
        std::fs::read(site.out().join("le-ra-mat/le-ra-mat-dak-lak/anh.jpg")).unwrap(),
        photo,
        "the original is published as it is"
    );
    let main = site.main(PAGE);
    let figure = concat!(
        r#"<figure class="photo"><img src="/le-ra-mat/le-ra-mat-dak-lak/anh-960.jpg" "#,
        r#"srcset="/le-ra-mat/le-ra-mat-dak-lak/anh-480.jpg 480w, /le-ra-mat/le-ra-mat-dak-lak/anh-960.jpg 960w, /le-ra-mat/le-ra-mat-dak-lak/anh-1600.jpg 1600w" "#,
        r#"sizes="(min-width: 48rem) 44rem, 100vw" width="1600" height="1200" alt="Lực lượng diễu hành">"#,
        r#"<figcaption>Lực lượng diễu hành tại lễ ra mắt <a class="photo-original" href="/le-ra-mat/le-ra-mat-dak-lak/anh.jpg">Tải ảnh gốc</a></figcaption></figure>"#,
    );
    assert!(main.contains(figure), "{main}");
}

#[test]
fn a_photo_narrower_than_the_widths_is_never_enlarged() {
    let site = bundle("", "![Toàn cảnh](nho.jpg)\n")
        .bytes("content/le-ra-mat/dak-lak/nho.jpg", &jpeg(300, 200))
        .build();
    assert_eq!(
        output_size(&site, &format!("{PAGE}nho-300.jpg")),
        (300, 200)
    );
    assert!(!site.exists(&format!("{PAGE}nho-480.jpg")));
    let main = site.main(PAGE);
    assert!(
        main.contains(r#"srcset="/le-ra-mat/le-ra-mat-dak-lak/nho-300.jpg 300w" sizes="(min-width: 48rem) 44rem, 100vw" width="300" height="200""#),
        "{main}"
    );
}

#[test]
fn only_the_first_photo_of_a_page_loads_at_once() {
    let body = "![Một](a.jpg)\n\n![Hai](b.jpg)\n\nChữ và ảnh ![Ba](c.jpg) trong đoạn.\n";
    let with = |site: SiteTest| {
        site.bytes("content/le-ra-mat/dak-lak/a.jpg", &jpeg(100, 50))
            .bytes("content/le-ra-mat/dak-lak/b.jpg", &jpeg(100, 50))
            .bytes("content/le-ra-mat/dak-lak/c.jpg", &jpeg(100, 50))
            .build()
    };
    let site = with(bundle("", body));
    let main = site.main(PAGE);
    let lazy = main.matches(r#"loading="lazy" decoding="async""#).count();
    assert_eq!(lazy, 2, "{main}");
    assert!(main.contains(r#"alt="Một">"#), "the first is eager: {main}");
    // An image inside a paragraph stays in it, without a figure.
    assert!(
        main.contains(r#"<p>Chữ và ảnh <img src="/le-ra-mat/le-ra-mat-dak-lak/c-100.jpg""#),
        "{main}"
    );

    // With a lead photo above the text, every photo of the text is lazy.
    let site = with(bundle(
        "image: { src: a.jpg, alt: Toàn cảnh, caption: Lễ ra mắt }\n",
        body,
    ));
    let main = site.main(PAGE);
    assert_eq!(main.matches(r#"loading="lazy""#).count(), 3, "{main}");
    let lead = concat!(
        r#"<figure class="lead-image">"#,
        "\n",
        r#"  <img src="/le-ra-mat/le-ra-mat-dak-lak/a-100.jpg" srcset="/le-ra-mat/le-ra-mat-dak-lak/a-100.jpg 100w" sizes="(min-width: 48rem) 44rem, 100vw" width="100" height="50" alt="Toàn cảnh" fetchpriority="high">"#,
        "\n",
        r#"  <figcaption>Lễ ra mắt <a class="photo-original" href="/le-ra-mat/le-ra-mat-dak-lak/a.jpg">Tải ảnh gốc</a></figcaption>"#,
        "\n",
        "</figure>",
    );
    assert!(main.contains(lead), "{main}");
    let page = site.page(PAGE);
    assert!(
        page.contains(r#"<meta property="og:image" content="https://example.gov.vn/le-ra-mat/le-ra-mat-dak-lak/a-100.jpg">"#),
        "{page}"
    );
}

#[test]
fn a_png_with_transparency_becomes_a_jpeg_on_white() {
    let site = bundle("", "![Huy hiệu](huy-hieu.png)\n")
        .bytes(
            "content/le-ra-mat/dak-lak/huy-hieu.png",
            &png_with_transparency(40, 20),
        )
        .build();
    let rendition = site
        .out()
        .join("le-ra-mat/le-ra-mat-dak-lak/huy-hieu-40.jpg");
    let image = image::open(&rendition).unwrap().into_rgb8();
    let [r, g, b] = image.get_pixel(2, 10).0;
    assert!(r > 240 && g > 240 && b > 240, "white, got {r} {g} {b}");
}

#[test]
fn an_image_loa_does_not_resize_is_shown_as_written() {
    let site = bundle(
        "",
        "![Sơ đồ](so-do.svg \"Sơ đồ tổ chức\")\n\n![Logo](/logo.png)\n",
    )
    .file(
        "content/le-ra-mat/dak-lak/so-do.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .bytes("static/logo.png", &png_with_transparency(4, 4))
    .build();
    let main = site.main(PAGE);
    assert!(
        main.contains(r#"<figure class="photo"><img src="so-do.svg" alt="Sơ đồ"><figcaption>Sơ đồ tổ chức</figcaption></figure>"#),
        "{main}"
    );
    assert!(
        main.contains(r#"<img src="/logo.png" alt="Logo""#),
        "{main}"
    );
}

fn photos_line(site: &SiteTest) -> String {
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
        .lines()
        .find(|l| l.starts_with("Photos:"))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn an_unchanged_photo_is_never_resized_twice() {
    let site = bundle(
        "image: { src: a.jpg, alt: Toàn cảnh }\n",
        "![Hội trường](b.jpg)\n",
    )
    .bytes("content/le-ra-mat/dak-lak/a.jpg", &jpeg(1000, 500))
    .bytes("content/le-ra-mat/dak-lak/b.jpg", &jpeg(500, 500));
    assert_eq!(
        photos_line(&site),
        "Photos: 5 sizes resized, 0 reused from the cache."
    );
    let cached = std::fs::read_dir(site.root().join(".loa-cache/images"))
        .unwrap()
        .count();
    assert_eq!(cached, 5);
    assert_eq!(
        photos_line(&site),
        "Photos: 0 sizes resized, 5 reused from the cache."
    );
    // A changed photo is resized again; the other one is not.
    let site = site.bytes("content/le-ra-mat/dak-lak/b.jpg", &jpeg(500, 400));
    assert_eq!(
        photos_line(&site),
        "Photos: 2 sizes resized, 3 reused from the cache."
    );
    assert_eq!(output_size(&site, &format!("{PAGE}b-500.jpg")), (500, 400));
    // The same photo in another article comes from the cache too.
    let site = site
        .article(
            "content/tin-tuc/b/index.md",
            "Bài B",
            "2024-07-02",
            "",
            "![Hội trường](b.jpg)",
        )
        .bytes("content/tin-tuc/b/b.jpg", &jpeg(500, 400));
    assert_eq!(
        photos_line(&site),
        "Photos: 0 sizes resized, 7 reused from the cache."
    );
    assert!(site.exists("/tin-tuc/bai-b/b-480.jpg"));
}

#[test]
fn check_writes_no_cache_but_finds_broken_photos() {
    let site = bundle("", "![Hội trường](a.png)\n").bytes(
        "content/le-ra-mat/dak-lak/a.png",
        &png_with_transparency(600, 400),
    );
    let run = site.run(&["check"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert!(!site.root().join(".loa-cache").exists());
    // A file whose header is fine but whose data is cut off, as after a failed copy.
    let mut cut = png_with_transparency(600, 400);
    cut.truncate(cut.len() / 2);
    let site = site.bytes("content/le-ra-mat/dak-lak/a.png", &cut);
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("the image `a.png` cannot be read"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(" --> content/le-ra-mat/dak-lak/index.md:5:1"),
        "{}",
        run.stderr
    );
}

/// A mistake with photos: the build fails with exit code 1 and this exact message.
fn assert_error(site: &SiteTest, expected: &str) {
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stderr, expected);
    assert!(!site.out().exists(), "nothing was written");
}

#[test]
fn a_missing_photo_is_an_error_at_its_line() {
    let site = bundle("", "Mở đầu.\n\n![Hội trường](hoi-truong.jpg)\n")
        .bytes("content/le-ra-mat/dak-lak/Hoi-truong.JPG", &jpeg(10, 10));
    assert_error(
        &site,
        "1. error: the image `hoi-truong.jpg` is not beside this article
 --> content/le-ra-mat/dak-lak/index.md:7:1
  |
7 | ![Hội trường](hoi-truong.jpg)
  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  |
  = help: the folder content/le-ra-mat/dak-lak/ has: Hoi-truong.JPG; names must match exactly, capitals included

1 problem found; nothing was written.
",
    );
}

#[test]
fn a_photo_without_alt_text_is_an_error_at_its_line() {
    let site =
        bundle("", "![](anh.jpg)\n").bytes("content/le-ra-mat/dak-lak/anh.jpg", &jpeg(10, 10));
    assert_error(
        &site,
        "1. error: the image `anh.jpg` has no alt text
 --> content/le-ra-mat/dak-lak/index.md:5:1
  |
5 | ![](anh.jpg)
  | ^^^^^^^^^^^^
  |
  = help: describe the photo between the brackets, for readers who cannot see it: ![Lực lượng ra mắt tại hội trường](anh.jpg)

1 problem found; nothing was written.
",
    );
}

#[test]
fn a_photo_in_an_article_that_is_not_a_folder_is_an_error() {
    let site = SiteTest::new().article(
        "content/tin-tuc/a.md",
        "Bài A",
        "2024-07-01",
        "image: { src: anh.jpg, alt: Hội trường }\n",
        "",
    );
    assert_error(
        &site,
        "1. error: the image `anh.jpg` is not beside this article
 --> content/tin-tuc/a.md:4:10
  |
4 | image: { src: anh.jpg, alt: Hội trường }
  |          ^^^
  |
  = help: an article with photos is a folder: move this file to content/tin-tuc/a/index.md and put the photos beside it (`loa new --bundle` makes one)

1 problem found; nothing was written.
",
    );
}

#[test]
fn a_broken_photo_is_an_error() {
    let site =
        bundle("", "![Hội trường](anh.jpg)\n").bytes("content/le-ra-mat/dak-lak/anh.jpg", b"JPEG");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with("1. error: the image `anh.jpg` cannot be read: "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("= help: open it in a photo editor and save it again as JPEG"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_section_page_image_needs_alt_text_too() {
    let site = SiteTest::new().file(
        "content/tin-tuc/_index.md",
        "---\ntitle: Tin tức\n---\n![](/logo.png)\n",
    );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("--> content/tin-tuc/_index.md:4:1"),
        "{}",
        run.stderr
    );
}

#[test]
fn pages_with_photos_pass_the_nu_html_checker() {
    let site = bundle(
        "image: { src: a.jpg, alt: Toàn cảnh, caption: \"Lễ ra mắt <Đắk Lắk> & \\\"bạn\\\"\" }\n",
        "Mở đầu ![Huy hiệu](b.jpg) trong câu.\n\n![Hội trường](b.jpg \"Hội trường & \\\"khách\\\"\")\n\n![Sơ đồ](so-do.svg \"Sơ đồ\")\n\n![Không chú thích](a.jpg)\n",
    )
    .bytes("content/le-ra-mat/dak-lak/a.jpg", &jpeg(1000, 600))
    .bytes("content/le-ra-mat/dak-lak/b.jpg", &jpeg(500, 500))
    .file(
        "content/le-ra-mat/dak-lak/so-do.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .build();
    assert_valid_html(&site.out());
}

/// A real photo of `format` whose header is rewritten to claim 60,000 × 60,000 pixels,
/// in a file of a few hundred bytes: a photo bomb (issue 28).
fn bomb(format: &str) -> Vec<u8> {
    let claimed = 60_000u32;
    match format {
        "jpg" => {
            let mut bytes = jpeg(16, 16);
            // Start of frame, its length for three components, 8 bits: height, width.
            let frame = bytes
                .windows(5)
                .position(|w| w == [0xFF, 0xC0, 0x00, 0x11, 0x08])
                .expect("a start of frame");
            let side = (claimed as u16).to_be_bytes();
            bytes[frame + 5..frame + 7].copy_from_slice(&side);
            bytes[frame + 7..frame + 9].copy_from_slice(&side);
            bytes
        }
        _ => {
            let mut bytes = png_with_transparency(16, 16);
            // The signature, then the IHDR chunk: length, type, width, height, …, CRC.
            assert_eq!(&bytes[12..16], b"IHDR");
            bytes[16..20].copy_from_slice(&claimed.to_be_bytes());
            bytes[20..24].copy_from_slice(&claimed.to_be_bytes());
            let crc = crc32(&bytes[12..29]);
            bytes[29..33].copy_from_slice(&crc.to_be_bytes());
            bytes
        }
    }
}

/// The CRC of PNG chunks (ISO 3309), bit by bit.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn a_photo_bomb_is_refused_at_the_line_that_shows_it() {
    for format in ["jpg", "png"] {
        let site = bundle("", &format!("Mở đầu.\n\n![Hội trường](anh.{format})\n")).bytes(
            &format!("content/le-ra-mat/dak-lak/anh.{format}"),
            &bomb(format),
        );
        assert_error(
            &site,
            &format!(
                "1. error: the photo `anh.{format}` is 60000 × 60000 pixels (3600 megapixels), more than loa resizes
 --> content/le-ra-mat/dak-lak/index.md:7:1
  |
7 | ![Hội trường](anh.{format})
  | ^^^^^^^^^^^^^^^^^^^^^^
  |
  = help: make it smaller than 50 megapixels and 20000 pixels a side in a photo editor, such as 6000 × 4000 pixels: pages show photos at most 1600 pixels wide

1 problem found; nothing was written.
"
            ),
        );
    }
}

#[test]
fn a_photo_bomb_as_the_lead_photo_is_refused_at_its_line_in_the_officers_language() {
    let site = bundle("image: { src: anh.png, alt: Toàn cảnh }\n", "Chữ.\n")
        .bytes("content/le-ra-mat/dak-lak/anh.png", &bomb("png"));
    let run = site.run(&["--lang", "vi", "check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "1. lỗi: ảnh `anh.png` có 60.000 × 60.000 điểm ảnh (3.600 megapixel), lớn quá mức loa thu nhỏ được
 --> content/le-ra-mat/dak-lak/index.md:4:10
  |
4 | image: { src: anh.png, alt: Toàn cảnh }
  |          ^^^
  |
  = gợi ý: dùng phần mềm sửa ảnh thu nhỏ ảnh xuống dưới 50 megapixel, mỗi cạnh dưới 20.000 điểm ảnh, ví dụ 6.000 × 4.000 điểm ảnh: trang chỉ hiện ảnh rộng tối đa 1.600 điểm ảnh

Có 1 lỗi; chưa ghi gì cả.
"
    );
}
