//! Photos: the images an article shows (written in its Markdown, or its front-matter
//! `image`), checked, and resized at build time into a few widths served with `srcset`.
//!
//! Two steps. [`plan`] finds every image, checks that it has alt text and that its file
//! is there and readable (reading only the file's header and hashing its bytes), and
//! decides the renditions and the [`Picture`] each page shows. [`make`] then resizes in
//! parallel, one photo per task so that memory stays bounded by the number of threads.
//!
//! Resized files live in a cache, `<root>/.loa-cache/images/<hash>-<width>.jpg`, named
//! by a hash of the original's bytes and of the resizing settings: a photo whose bytes
//! did not change is never resized again, and the output copies its renditions from
//! there. The cache is the one place outside the output folder that loa writes to; it
//! only ever adds files there (written whole, then renamed in), and never deletes.
//! Knows nothing of templates; reports problems as diagnostics and progress through the
//! caller's `Progress`.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits, RgbImage};
use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::load::config::locate_key;
use crate::load::content::{Article, Content, Source};
use crate::markdown::{self, Picture, Pictures};
use crate::progress::{Progress, Step};

/// The widths a photo is resized to; never wider than the original.
pub const WIDTHS: &[u32] = &[480, 960, 1600];
/// The width that browsers without `srcset` load, or the nearest below it.
const FALLBACK_WIDTH: u32 = 960;
/// Where resized photos are kept between builds, under the site's root.
pub const CACHE_DIR: &str = ".loa-cache/images";
const JPEG_QUALITY: u8 = 82;
/// Changes whenever resizing would give other bytes for the same original, so that the
/// cache never serves a rendition made with older settings.
const SETTINGS: &str = "loa-images-1;jpeg;q82;lanczos3;flatten-white";
/// The files loa resizes; other images (SVG, GIF) are copied and shown as they are.
const PHOTO_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "webp"];
/// The most pixels a photo may have, in millions: 8,160 × 6,120 (a phone's 50-megapixel
/// mode) fits. A photo is checked against it from its header, before anything is
/// decoded: a file of a few kilobytes may claim 60,000 × 60,000 pixels, which decoded
/// took 17.6 GB (issue 28).
pub const MAX_MEGAPIXELS: u64 = 50;
const MAX_PIXELS: u64 = MAX_MEGAPIXELS * 1_000_000;
/// The longest side a photo may have: a panorama of 20,000 × 2,500 fits both limits, a
/// strip of 1 × 50,000,000 pixels is not a photo.
pub const MAX_SIDE: u32 = 20_000;
/// What a decoder may allocate for one photo: the largest photo allowed in the widest
/// format loa reads (16-bit RGBA, 8 bytes a pixel: 400 MB), with room for the decoder's
/// own buffers. Two photos are decoded at a time, one a core.
const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;

/// One resized copy of a photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendition {
    pub width: u32,
    pub height: u32,
    /// Path in the output folder, forward slashes: `le-ra-mat/a/anh-960.jpg`.
    pub output: String,
    /// The file in the cache.
    pub cached: PathBuf,
}

/// A photo to resize, once however many times it is shown.
#[derive(Debug, Clone)]
pub struct Photo {
    pub source: PathBuf,
    /// The image as the article names it: `anh.jpg`.
    pub src: String,
    /// Where the Markdown or front matter names it first, for messages.
    pub named_in: PathBuf,
    pub location: Option<Location>,
    /// Largest first.
    pub renditions: Vec<Rendition>,
}

/// What [`plan`] found: the photos to resize, and what each Markdown file shows.
#[derive(Debug, Default)]
pub struct Photos {
    pub photos: Vec<Photo>,
    /// By the article's content path (`le-ra-mat/a/index.md`).
    pub pictures: HashMap<String, Pictures>,
}

impl Photos {
    /// The output paths of every rendition, as site paths (`/le-ra-mat/a/anh-960.jpg`).
    pub fn urls(&self) -> impl Iterator<Item = String> + '_ {
        self.photos
            .iter()
            .flat_map(|p| p.renditions.iter().map(|r| format!("/{}", r.output)))
    }

    /// Every rendition to copy into the output: output path and cached file.
    pub fn files(&self) -> impl Iterator<Item = (&str, &Path)> {
        self.photos.iter().flat_map(|p| {
            p.renditions
                .iter()
                .map(|r| (r.output.as_str(), r.cached.as_path()))
        })
    }
}

/// How many renditions a build made, and how many it found in the cache.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Made {
    pub resized: usize,
    pub reused: usize,
}

/// One article's photos, what its Markdown shows (by content path), and its problems.
type ArticlePlan = (Vec<Photo>, Option<(String, Pictures)>, Diagnostics);

/// An image as an article names it.
struct Named<'a> {
    src: &'a str,
    alt: &'a str,
    location: Option<Location>,
    in_markdown: bool,
}

/// Finds and checks every image of `content`, and plans its renditions.
pub fn plan(root: &Path, content: &Content) -> (Photos, Diagnostics) {
    let cache = root.join(CACHE_DIR);
    let mut problems = Diagnostics::default();
    for source in content.home.iter().map(|h| &h.source).chain(
        content
            .sections
            .iter()
            .filter_map(|s| s.index.as_ref())
            .map(|i| &i.source),
    ) {
        for image in &source.images {
            if image.alt.trim().is_empty() {
                problems.push(no_alt(source, image));
            }
        }
    }
    let planned: Vec<ArticlePlan> = content
        .articles
        .par_iter()
        .with_max_len(crate::parallel::SHARE)
        .map(|article| plan_article(&cache, article))
        .collect();
    let mut plan = Photos::default();
    for (photos, pictures, more) in planned {
        problems.extend(more);
        plan.photos.extend(photos);
        if let Some((path, pictures)) = pictures {
            plan.pictures.insert(path, pictures);
        }
    }
    (plan, problems)
}

fn no_alt(source: &Source, image: &markdown::ImageRef) -> Diagnostic {
    use crate::i18n::Msg;
    Diagnostic::new(
        &source.path,
        Msg::ImageNoAlt {
            src: image.src.clone(),
        }
        .to_string(),
    )
    .at(markdown_location(source, image))
    .help(
        Msg::ImageNoAltHelp {
            src: image.src.clone(),
        }
        .to_string(),
    )
}

fn markdown_location(source: &Source, image: &markdown::ImageRef) -> Location {
    let text = source.text();
    let start = source.body_offset() + image.offset;
    let quoted = &text[start..start + image.len];
    Location::at_offset(
        &text,
        start,
        quoted.lines().next().unwrap_or("").chars().count(),
    )
}

fn plan_article(cache: &Path, article: &Article) -> ArticlePlan {
    let source = &article.source;
    let mut problems = Diagnostics::default();
    let refs = &source.images;
    let mut named: Vec<Named> = Vec::new();
    if let Some(image) = &article.front.image {
        named.push(Named {
            src: &image.src,
            // An empty alt in front matter is reported with the other front-matter checks.
            alt: if image.alt.trim().is_empty() {
                ""
            } else {
                &image.alt
            },
            location: locate_key(&source.front, 2, &["image", "src"]),
            in_markdown: false,
        });
    }
    for image in refs {
        if image.alt.trim().is_empty() {
            problems.push(no_alt(source, image));
            continue;
        }
        named.push(Named {
            src: &image.src,
            alt: &image.alt,
            location: Some(markdown_location(source, image)),
            in_markdown: true,
        });
    }
    let mut photos: Vec<Photo> = Vec::new();
    let mut pictures = Pictures {
        by_src: HashMap::new(),
        eager: if article.front.image.is_some() { 0 } else { 1 },
    };
    for image in named {
        if image.alt.is_empty() && !image.in_markdown {
            continue;
        }
        if pictures.by_src.contains_key(image.src) || !is_in_bundle(image.src) {
            continue;
        }
        match plan_photo(cache, article, &image) {
            Ok(Some((photo, picture))) => {
                pictures.by_src.insert(image.src.to_string(), picture);
                photos.push(photo);
            }
            Ok(None) => {}
            Err(problem) => problems.push(problem),
        }
    }
    let pictures = (!pictures.by_src.is_empty() || !refs.is_empty())
        .then(|| (source.content_path.clone(), pictures));
    (photos, pictures, problems)
}

/// A `src` that names a file beside the article, rather than a site path or an address
/// with a scheme (`https:`, `data:`; a refused one, such as `javascript:`, is reported
/// where its scheme is checked, not as a missing file).
fn is_in_bundle(src: &str) -> bool {
    !(src.is_empty() || src.starts_with('/') || src.starts_with('#') || markdown::has_scheme(src))
}

fn plan_photo(
    cache: &Path,
    article: &Article,
    image: &Named,
) -> Result<Option<(Photo, Picture)>, Diagnostic> {
    use crate::i18n::Msg;
    let source = &article.source;
    let problem = |message: Msg, help: Option<Msg>| {
        let mut diagnostic = Diagnostic::new(&source.path, message.to_string())
            .help_opt(help.map(|h| h.to_string()));
        diagnostic.location = image.location.clone();
        diagnostic
    };
    let inside = image.src.trim_start_matches("./");
    let is_bundle = source.content_path.ends_with("/index.md");
    let file = article
        .bundle_files
        .iter()
        .find(|(_, name)| name == inside)
        .map(|(file, _)| file);
    let Some(file) = file else {
        let help = if is_bundle {
            let mut beside: Vec<&str> = article
                .bundle_files
                .iter()
                .map(|(_, name)| name.as_str())
                .filter(|name| is_image_name(name))
                .collect();
            beside.sort_unstable();
            if beside.is_empty() {
                Msg::ImageMissingHelpEmpty {
                    dir: shown_dir(source),
                }
            } else {
                Msg::ImageMissingHelpBeside {
                    dir: shown_dir(source),
                    files: beside.join(", "),
                }
            }
        } else if article.section.is_none() {
            Msg::ImageMissingHelpPage
        } else {
            Msg::ImageMissingHelpNotBundle {
                bundle: source.path_string().trim_end_matches(".md").to_string(),
            }
        };
        return Err(problem(
            Msg::ImageMissing {
                src: image.src.to_string(),
            },
            Some(help),
        ));
    };
    let extension = Path::new(inside)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if !PHOTO_EXTENSIONS.contains(&extension.as_str()) {
        return Ok(None);
    }
    let unreadable = |error: String| {
        problem(
            Msg::ImageUnreadable {
                src: image.src.to_string(),
                error,
            },
            Some(Msg::ImageUnreadableHelp),
        )
    };
    let bytes = fs::read(file).map_err(|e| unreadable(e.to_string()))?;
    let (width, height) = oriented_size(&bytes).map_err(|e| unreadable(e.to_string()))?;
    if !fits(width, height) {
        return Err(problem(
            Msg::ImageTooLarge {
                src: image.src.to_string(),
                width,
                height,
            },
            Some(Msg::ImageTooLargeHelp {
                megapixels: MAX_MEGAPIXELS,
                side: MAX_SIDE,
            }),
        ));
    }
    let hash = format!(
        "{:032x}",
        twox_hash::XxHash3_128::oneshot(&[SETTINGS.as_bytes(), &bytes].concat())
    );
    drop(bytes);

    let page_dir = article.url.trim_start_matches('/');
    let stem = inside
        .rsplit_once('.')
        .map_or(inside, |(stem, _)| stem)
        .to_string();
    let renditions: Vec<Rendition> = widths_for(width)
        .into_iter()
        .rev()
        .map(|w| Rendition {
            width: w,
            height: scaled_height(width, height, w),
            output: format!("{page_dir}{stem}-{w}.jpg"),
            cached: cache.join(format!("{hash}-{w}.jpg")),
        })
        .collect();
    if let Some(too_long) = renditions
        .iter()
        .map(|r| r.output.rsplit('/').next().unwrap_or(&r.output))
        .find(|name| name.len() > crate::load::names::NAME_MAX)
    {
        return Err(problem(
            Msg::PhotoNameTooLong {
                src: image.src.to_string(),
                copy: too_long.to_string(),
                bytes: too_long.len(),
                max: crate::load::names::NAME_MAX,
            },
            Some(Msg::PhotoNameTooLongHelp),
        ));
    }
    let largest = &renditions[0];
    let fallback = renditions
        .iter()
        .find(|r| r.width <= FALLBACK_WIDTH)
        .unwrap_or(largest);
    let picture = Picture {
        src: format!("/{}", fallback.output),
        srcset: renditions
            .iter()
            .rev()
            .map(|r| format!("/{} {}w", r.output, r.width))
            .collect::<Vec<_>>()
            .join(", "),
        width: largest.width,
        height: largest.height,
        original: format!("{}{inside}", article.url),
    };
    Ok(Some((
        Photo {
            source: file.clone(),
            src: image.src.to_string(),
            named_in: source.path.clone(),
            location: image.location.clone(),
            renditions,
        },
        picture,
    )))
}

fn shown_dir(source: &Source) -> String {
    source
        .path_string()
        .trim_end_matches("index.md")
        .to_string()
}

fn is_image_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    PHOTO_EXTENSIONS
        .iter()
        .chain(&["gif", "svg", "heic", "avif"])
        .any(|e| lower.ends_with(&format!(".{e}")))
}

/// The widths to make for an original `width` pixels wide: each of [`WIDTHS`] below it,
/// and the original's own width when it is narrower than the largest; never wider.
pub fn widths_for(width: u32) -> Vec<u32> {
    let largest = WIDTHS[WIDTHS.len() - 1];
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w < width).collect();
    let top = width.min(largest);
    if !widths.contains(&top) {
        widths.push(top);
    }
    widths
}

fn scaled_height(width: u32, height: u32, to: u32) -> u32 {
    ((u64::from(height) * u64::from(to) + u64::from(width) / 2) / u64::from(width).max(1)).max(1)
        as u32
}

/// Whether a photo of `width` × `height` pixels is within [`MAX_MEGAPIXELS`] and
/// [`MAX_SIDE`].
fn fits(width: u32, height: u32) -> bool {
    u64::from(width) * u64::from(height) <= MAX_PIXELS && width.max(height) <= MAX_SIDE
}

/// The limits every photo is read with. Reading only a header needs no more; decoding
/// also reserves the whole image against `max_alloc` before allocating it ([`decode`]).
fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    limits
}

/// Width and height as the photo is seen, its EXIF orientation applied: a portrait
/// photo from a phone is stored sideways with a note to turn it. Reads the header only,
/// without the limit on sides, so that a photo too large is named with its size.
fn oriented_size(bytes: &[u8]) -> image::ImageResult<(u32, u32)> {
    let mut reader = ImageReader::new(io::Cursor::new(bytes)).with_guessed_format()?;
    let mut limits = limits();
    (limits.max_image_width, limits.max_image_height) = (None, None);
    reader.limits(limits);
    let mut decoder = reader.into_decoder()?;
    let (width, height) = decoder.dimensions();
    let turned = decoder.orientation().is_ok_and(|o| {
        use image::metadata::Orientation::*;
        matches!(o, Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH)
    });
    if width == 0 || height == 0 {
        return Err(image::ImageError::Limits(
            image::error::LimitError::from_kind(image::error::LimitErrorKind::DimensionError),
        ));
    }
    Ok(if turned {
        (height, width)
    } else {
        (width, height)
    })
}

/// Resizes every photo of `plan` whose renditions are not in the cache yet. With
/// `write` false (`loa check`), decodes them to find broken files but writes nothing.
pub fn make(plan: &Photos, write: bool, progress: &dyn Progress) -> Result<Made, Diagnostics> {
    let missing: Vec<&Photo> = plan
        .photos
        .iter()
        .filter(|p| !p.renditions.iter().all(|r| r.cached.is_file()))
        .collect();
    let reused = plan
        .photos
        .iter()
        .map(|p| p.renditions.len())
        .sum::<usize>()
        - missing.iter().map(|p| p.renditions.len()).sum::<usize>();
    progress.items(Step::ResizePhotos, Some(missing.len()));
    let resized = AtomicUsize::new(0);
    // A photo takes tens of milliseconds: one at a time keeps both cores busy to the end.
    let problems: Vec<Diagnostic> = missing
        .par_iter()
        .with_max_len(1)
        .filter_map(|photo| {
            let outcome = resize(photo, write);
            progress.item_done();
            match outcome {
                Ok(count) => {
                    resized.fetch_add(count, Ordering::Relaxed);
                    None
                }
                Err(problem) => Some(problem),
            }
        })
        .collect();
    problems
        .into_iter()
        .collect::<Diagnostics>()
        .into_result()?;
    Ok(Made {
        resized: resized.into_inner(),
        reused,
    })
}

/// Decodes one photo, turns it upright, and writes each missing rendition into the
/// cache, each made from the next larger one. Returns how many it wrote.
fn resize(photo: &Photo, write: bool) -> Result<usize, Diagnostic> {
    use crate::i18n::Msg;
    let problem = |message: Msg, help: Option<Msg>| {
        let mut diagnostic = Diagnostic::new(&photo.named_in, message.to_string())
            .help_opt(help.map(|h| h.to_string()));
        diagnostic.location = photo.location.clone();
        diagnostic
    };
    let unreadable = |error: String| {
        problem(
            Msg::ImageUnreadable {
                src: photo.src.clone(),
                error,
            },
            Some(Msg::ImageUnreadableHelp),
        )
    };
    let image = decode(&photo.source).map_err(|e| unreadable(e.to_string()))?;
    if !write {
        return Ok(0);
    }
    let mut current = flatten(image);
    let mut written = 0;
    for rendition in &photo.renditions {
        if current.width() != rendition.width || current.height() != rendition.height {
            current = image::imageops::resize(
                &current,
                rendition.width,
                rendition.height,
                FilterType::Lanczos3,
            );
        }
        if rendition.cached.is_file() {
            continue;
        }
        let cache_failed = |error: io::Error| {
            problem(
                Msg::ImageCacheFailed {
                    path: rendition.cached.display().to_string(),
                    error: error.to_string(),
                },
                None,
            )
        };
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY)
            .encode_image(&current)
            .map_err(|e| cache_failed(io::Error::other(e)))?;
        write_whole(&rendition.cached, &jpeg).map_err(cache_failed)?;
        written += 1;
    }
    Ok(written)
}

/// The photo at `path`, upright. Within [`limits`], checked from its header before the
/// image is allocated: [`plan`] refused larger photos, and this holds if the file
/// changed since or its header lied. `ImageReader::decode` would reserve the image
/// against the limits too, but gives no orientation; `from_decoder` does not reserve.
fn decode(path: &Path) -> image::ImageResult<DynamicImage> {
    decode_from(ImageReader::open(path)?.with_guessed_format()?)
}

fn decode_from<R: io::BufRead + io::Seek>(
    mut reader: ImageReader<R>,
) -> image::ImageResult<DynamicImage> {
    let mut limits = limits();
    reader.limits(limits.clone());
    let mut decoder = reader.into_decoder()?;
    let (width, height) = decoder.dimensions();
    if !fits(width, height) {
        return Err(image::ImageError::Limits(
            image::error::LimitError::from_kind(image::error::LimitErrorKind::DimensionError),
        ));
    }
    limits.reserve(decoder.total_bytes())?;
    decoder.set_limits(limits)?;
    let orientation = decoder.orientation()?;
    let mut image = DynamicImage::from_decoder(decoder)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// Whether `name` is a photo a build resizes, by its extension.
pub fn is_photo_name(name: &str) -> bool {
    let extension = Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    PHOTO_EXTENSIONS.contains(&extension.as_str())
}

/// Checks the photo `bytes`, to be saved as `src`, as a build would read it: its size
/// from its header within the limits, then decoded whole within the memory limit. Its
/// width and height as seen; else the build's message and its fix.
pub fn check_photo(src: &str, bytes: &[u8]) -> Result<(u32, u32), Diagnostic> {
    use crate::i18n::Msg;
    let unreadable = |error: String| {
        Diagnostic::new(
            src,
            Msg::ImageUnreadable {
                src: src.into(),
                error,
            }
            .to_string(),
        )
        .help(Msg::ImageUnreadableHelp.to_string())
    };
    let (width, height) = oriented_size(bytes).map_err(|e| unreadable(e.to_string()))?;
    if !fits(width, height) {
        return Err(Diagnostic::new(
            src,
            Msg::ImageTooLarge {
                src: src.into(),
                width,
                height,
            }
            .to_string(),
        )
        .help(
            Msg::ImageTooLargeHelp {
                megapixels: MAX_MEGAPIXELS,
                side: MAX_SIDE,
            }
            .to_string(),
        ));
    }
    let reader = ImageReader::new(io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| unreadable(e.to_string()))?;
    decode_from(reader).map_err(|e| unreadable(e.to_string()))?;
    Ok((width, height))
}

/// The photo as 8-bit RGB, transparent parts laid on white (JPEG has no transparency).
fn flatten(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over_white =
            |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([over_white(r), over_white(g), over_white(b)])
    })
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into place, so that
/// an interrupted build never leaves half a file that a later build would trust.
fn write_whole(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    // Unique per process and per call: two articles may show the same photo, and their
    // renditions are then the same cache files, made by two threads at once.
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let temporary = path.with_extension(format!(
        "tmp{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    fs::write(&temporary, bytes)?;
    super::tree::rename(&temporary, path).inspect_err(|_| {
        let _ = fs::remove_file(&temporary);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photos_are_never_made_wider_than_they_are() {
        let cases: &[(u32, &[u32])] = &[
            (4000, &[480, 960, 1600]),
            (1600, &[480, 960, 1600]),
            (1200, &[480, 960, 1200]),
            (960, &[480, 960]),
            (700, &[480, 700]),
            (480, &[480]),
            (300, &[300]),
        ];
        for (width, expected) in cases {
            assert_eq!(widths_for(*width), *expected, "{width}");
        }
    }

    #[test]
    fn heights_keep_the_aspect_ratio() {
        assert_eq!(scaled_height(4000, 3000, 480), 360);
        assert_eq!(scaled_height(3000, 4000, 960), 1280);
        assert_eq!(scaled_height(1000, 1, 480), 1);
    }

    /// A real photo whose header is rewritten to claim `width` × `height` pixels: what a
    /// photo bomb is (issue 28).
    fn jpeg_claiming(width: u16, height: u16) -> Vec<u8> {
        let mut bytes = Vec::new();
        image::codecs::jpeg::JpegEncoder::new(&mut bytes)
            .encode_image(&RgbImage::new(16, 16))
            .expect("encode a JPEG");
        // Start of frame, its length for three components, 8 bits: then height, width.
        let frame = bytes
            .windows(5)
            .position(|w| w == [0xFF, 0xC0, 0x00, 0x11, 0x08])
            .expect("a start of frame");
        bytes[frame + 5..frame + 7].copy_from_slice(&height.to_be_bytes());
        bytes[frame + 7..frame + 9].copy_from_slice(&width.to_be_bytes());
        bytes
    }

    #[test]
    fn photos_are_bounded_in_pixels_and_in_each_side() {
        let cases = [
            ((8160, 6120), true),
            ((10_000, 5_000), true),
            ((20_000, 2_500), true),
            ((10_001, 5_000), false),
            ((20_001, 100), false),
            ((100, 20_001), false),
            ((60_000, 60_000), false),
            ((u32::MAX, u32::MAX), false),
        ];
        for ((width, height), fine) in cases {
            assert_eq!(fits(width, height), fine, "{width} × {height}");
        }
    }

    #[test]
    fn a_photo_bomb_is_refused_from_its_header_before_decoding() {
        let bomb = jpeg_claiming(60_000, 60_000);
        assert_eq!(oriented_size(&bomb).expect("a header"), (60_000, 60_000));
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("bom.jpg");
        fs::write(&path, &bomb).expect("write the photo");
        let error = decode(&path).expect_err("refused");
        assert!(
            matches!(error, image::ImageError::Limits(_)),
            "refused for its size, not for broken data: {error}"
        );
        // Within the sides, and decoded.
        fs::write(&path, jpeg_claiming(16, 16)).expect("write the photo");
        assert_eq!(decode(&path).expect("decoded").width(), 16);
    }

    #[test]
    fn transparency_is_laid_on_white() {
        let mut rgba = image::RgbaImage::new(1, 2);
        rgba.put_pixel(0, 0, image::Rgba([0, 0, 0, 0]));
        rgba.put_pixel(0, 1, image::Rgba([10, 20, 30, 255]));
        let flat = flatten(DynamicImage::ImageRgba8(rgba));
        assert_eq!(flat.get_pixel(0, 0).0, [255, 255, 255]);
        assert_eq!(flat.get_pixel(0, 1).0, [10, 20, 30]);
    }
}
