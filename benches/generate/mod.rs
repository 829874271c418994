//! A realistic synthetic loa site of N articles: Vietnamese text with tone marks, front
//! matter with provinces, tags and figures, tables, lists and internal links; one article
//! in ten is a bundle (a folder with `index.md`) with a document attached, as articles
//! with their plan or decision in PDF are. The same seed gives the same site, so runs can
//! be compared.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub const SECTIONS: [&str; 3] = ["tin-tuc", "le-ra-mat", "phong-trao"];

pub const PROVINCES: [&str; 63] = [
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bạc Liêu",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Định",
    "Bình Dương",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cần Thơ",
    "Cao Bằng",
    "Đà Nẵng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Nội",
    "Hà Tĩnh",
    "Hải Dương",
    "Hải Phòng",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Tiền Giang",
    "Hồ Chí Minh",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
];

const WORDS: [&str; 48] = [
    "lực lượng",
    "tham gia",
    "bảo vệ",
    "an ninh",
    "trật tự",
    "cơ sở",
    "tổ",
    "thành viên",
    "công an",
    "xã",
    "phường",
    "thị trấn",
    "phong trào",
    "thi đua",
    "toàn dân",
    "Tổ quốc",
    "huấn luyện",
    "bồi dưỡng",
    "nghiệp vụ",
    "pháp luật",
    "chính quyền",
    "cấp ủy",
    "nhân dân",
    "địa bàn",
    "tuần tra",
    "phòng ngừa",
    "tội phạm",
    "khen thưởng",
    "tập thể",
    "cá nhân",
    "xuất sắc",
    "triển khai",
    "thực hiện",
    "kiện toàn",
    "đồng hành",
    "nòng cốt",
    "hiệu quả",
    "bình yên",
    "hạnh phúc",
    "đoàn kết",
    "trách nhiệm",
    "nhiệm vụ",
    "lễ ra mắt",
    "Đắk Lắk",
    "đồng bằng",
    "miền núi",
    "biên giới",
    "khu dân cư",
];

pub const TAGS: usize = 40;

fn tag(i: usize) -> String {
    format!("chủ đề {} số {i}", WORDS[i % WORDS.len()])
}

fn sentence(rng: &mut fastrand::Rng) -> String {
    let length = rng.usize(8..18);
    let mut words: Vec<&str> = (0..length)
        .map(|_| WORDS[rng.usize(..WORDS.len())])
        .collect();
    let first = words[0];
    let capitalised: String = first
        .chars()
        .next()
        .map(|c| c.to_uppercase().chain(first.chars().skip(1)).collect())
        .unwrap_or_default();
    words[0] = &capitalised;
    format!("{}.", words.join(" "))
}

fn paragraph(rng: &mut fastrand::Rng) -> String {
    (0..rng.usize(3..6))
        .map(|_| sentence(rng))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Path under content/ of article `i`.
pub fn article_path(i: usize) -> String {
    let section = SECTIONS[i % SECTIONS.len()];
    if is_bundle(i) {
        format!("{section}/bai-viet-so-{i}/index.md")
    } else {
        format!("{section}/bai-viet-so-{i}.md")
    }
}

fn is_bundle(i: usize) -> bool {
    i.is_multiple_of(10)
}

/// The document attached to each bundle.
const ATTACHMENT: &str = "ke-hoach.pdf";

/// The text of article `i`; `revision` changes its body, for edit benchmarks.
pub fn article(i: usize, articles: usize, revision: usize) -> String {
    let mut rng = fastrand::Rng::with_seed(i as u64);
    let province = PROVINCES[i % PROVINCES.len()];
    let kind = ["news", "ceremony", "campaign"][i % 3];
    let day = 1 + i % 28;
    let month = 1 + (i / 28) % 12;
    let year = 2020 + (i / 336) % 6;
    // Province and date repeat together every 2,016 articles; figures that repeat with
    // them keep two reports of one province and day equal, as docs/design.md requires.
    let cycle = i % 2016;
    let tags: Vec<String> = (0..3).map(|k| tag((i * 7 + k * 13) % TAGS)).collect();
    let mut text = format!(
        "---\ntitle: Bài viết số {i} về lực lượng tham gia bảo vệ ANTT ở {province}\ndate: {year}-{month:02}-{day:02}\nkind: {kind}\nprovince: {province}\ntags: [{}]\n",
        tags.join(", ")
    );
    if i.is_multiple_of(5) {
        text.push_str(&format!(
            "stats:\n  as_of: {year}-{month:02}-{day:02}\n  teams: {}\n  members: {}\n",
            100 + cycle,
            400 + cycle * 3
        ));
    }
    if kind == "campaign" {
        text.push_str(&format!(
            "campaign:\n  motto: Lực lượng mới, khí thế mới\n  starts: {year}-{month:02}-{day:02}\n"
        ));
    }
    text.push_str("---\n");
    text.push_str(&format!(
        "{}\n\nBản sửa số {revision}.\n\n",
        paragraph(&mut rng)
    ));
    let words_wanted = rng.usize(300..1200);
    let mut words = 0;
    let mut heading = 0;
    while words < words_wanted {
        if words > 0 && rng.usize(..4) == 0 {
            heading += 1;
            text.push_str(&format!(
                "## Phần {heading}: {}\n\n",
                WORDS[rng.usize(..WORDS.len())]
            ));
        }
        let p = paragraph(&mut rng);
        words += p.split_whitespace().count();
        text.push_str(&p);
        text.push_str("\n\n");
        if rng.usize(..8) == 0 {
            text.push_str("| Đơn vị | Số tổ | Thành viên |\n|---|---:|---:|\n");
            for _ in 0..3 {
                text.push_str(&format!(
                    "| {} | {} | {} |\n",
                    PROVINCES[rng.usize(..PROVINCES.len())],
                    rng.usize(10..3000),
                    rng.usize(100..20000)
                ));
            }
            text.push('\n');
        }
        if rng.usize(..6) == 0 {
            for _ in 0..3 {
                text.push_str(&format!("- {}\n", sentence(&mut rng)));
            }
            text.push('\n');
        }
    }
    if is_bundle(i) {
        text.push_str(&format!(
            "Tải [kế hoạch triển khai]({ATTACHMENT}) (PDF).\n\n"
        ));
    }
    if articles > 1 {
        let other = (i + 1 + rng.usize(..articles - 1)) % articles;
        if other != i {
            text.push_str(&format!(
                "Xem thêm [bài liên quan](@/{}).\n",
                article_path(other)
            ));
        }
    }
    text
}

/// Writes a whole site of `articles` articles into `root`.
pub fn site(root: &Path, articles: usize) -> io::Result<()> {
    fs::create_dir_all(root)?;
    fs::write(
        root.join("site.yaml"),
        "title: Trang thử tốc độ\nbase_url: https://example.gov.vn\npaginate_by: 20\ntaxonomies:\n  - { name: tags, path: chu-de }\n  - { name: provinces, path: tinh-thanh }\nstats:\n  path: thong-ke\n  metrics:\n    teams: { label: Tổ bảo vệ ANTT }\n    members: { label: Thành viên }\n",
    )?;
    let content = root.join("content");
    for section in SECTIONS {
        fs::create_dir_all(content.join(section))?;
        fs::write(
            content.join(section).join("_index.md"),
            format!("---\ntitle: Mục {section}\n---\n"),
        )?;
    }
    fs::write(
        content.join("_index.md"),
        "---\ntitle: Trang chủ\n---\nXin chào.\n",
    )?;
    // A small PDF-like file: what loa does with an attachment does not depend on it.
    let attachment = format!("%PDF-1.4\n%{}\n%%EOF\n", "kế hoạch ".repeat(200));
    for i in 0..articles {
        let path = content.join(article_path(i));
        if is_bundle(i) {
            let folder = path.parent().expect("a bundle folder");
            fs::create_dir_all(folder)?;
            fs::write(folder.join(ATTACHMENT), &attachment)?;
        }
        fs::write(path, article(i, articles, 0))?;
    }
    Ok(())
}

/// Hugo's configuration and plain layouts doing what loa's default theme does (list
/// pages with summaries, paginated by 20, tag and province terms, feeds limited to 20),
/// so that both tools build the same articles. loa ignores these files.
pub fn hugo_layouts(root: &Path) -> io::Result<()> {
    fs::write(
        root.join("hugo.toml"),
        "baseURL = 'https://example.gov.vn/'\nlanguageCode = 'vi'\ntitle = 'Trang thử tốc độ'\n[pagination]\npagerSize = 20\n[services.rss]\nlimit = 20\n[taxonomies]\ntag = 'tags'\nprovince = 'province'\n[markup.goldmark.extensions]\ntable = true\nstrikethrough = true\ntypographer = true\n",
    )?;
    let layouts = root.join("layouts");
    fs::create_dir_all(&layouts)?;
    fs::write(
        layouts.join("baseof.html"),
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main>{{ block \"main\" . }}{{ end }}</main></body></html>\n",
    )?;
    fs::write(
        layouts.join("single.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1><p>{{ .Date.Format \"2/1/2006\" }} · {{ .Params.province }}</p>{{ .Content }}{{ range .Params.tags }}<a href=\"/tags/{{ . | urlize }}/\">{{ . }}</a> {{ end }}{{ with .PrevInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}{{ end }}\n",
    )?;
    let list = "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ range .Paginator.Pages }}<article><h2><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></h2><p>{{ .Date.Format \"2/1/2006\" }}</p>{{ .Summary }}</article>{{ end }}{{ with .Paginator.Next }}<a href=\"{{ .URL }}\">Sau</a>{{ end }}{{ end }}\n";
    fs::write(layouts.join("list.html"), list)?;
    fs::write(layouts.join("home.html"), list)?;
    fs::write(
        layouts.join("taxonomy.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ range .Data.Terms.Alphabetical }}<a href=\"{{ .Page.RelPermalink }}\">{{ .Page.Title }}</a> ({{ .Count }}) {{ end }}{{ end }}\n",
    )?;
    Ok(())
}

/// The generated site of `articles` articles under the target's temporary folder, made
/// when missing. The generator's version is in the name: a changed generator makes new
/// sites.
pub fn site_for(articles: usize) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("bench-site-v2-{articles}"));
    if !root.join("site.yaml").is_file() {
        eprintln!("generating {articles} articles in {}", root.display());
        site(&root, articles).expect("generate the site");
    }
    root
}
