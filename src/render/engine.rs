//! The Tera engine: templates registered under their names, loa's filters (dates,
//! numbers, addresses, plain text for descriptions), and template errors turned into
//! diagnostics at the template's line.
//!
//! Knows nothing of pages or views; never reads files.

use std::collections::HashMap;

use chrono::NaiveDate;
use tera::{Context, Kwargs, State, Tera, TeraResult, Value};

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::load::config::Config;
use crate::load::theme::TemplateSource;
use crate::markdown::decode_entities;
use crate::vi::{self, DateStyle};

impl crate::site::shortcodes::Templates for Renderer {
    fn shortcode_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .paths
            .keys()
            .filter_map(|name| name.strip_prefix(SHORTCODES)?.strip_suffix(".html"))
            .map(str::to_string)
            .collect();
        names.sort();
        names
    }

    fn render_shortcode(&self, name: &str, context: &serde_json::Value) -> Result<String, String> {
        let context = Context::from_serialize(context).map_err(|error| error.to_string())?;
        self.tera
            .render(&format!("{SHORTCODES}{name}.html"), &context)
            .map_err(|error| {
                let mut message = error.to_string();
                let mut cause = std::error::Error::source(&error);
                while let Some(inner) = cause {
                    message = format!("{message}: {inner}");
                    cause = inner.source();
                }
                message
            })
    }
}

/// The folder of shortcode templates.
const SHORTCODES: &str = "shortcodes/";

/// A Tera instance with loa's filters and the site's templates.
pub struct Renderer {
    pub(super) tera: Tera,
    pub(super) paths: HashMap<String, (String, String)>,
    /// `Config::base_path`: put in front of every root-relative address rendered.
    pub(super) base_path: String,
    /// The site has its own stylesheet, `static/site.css`.
    pub(super) site_css: bool,
}

impl Renderer {
    /// Parses `templates` (later ones override earlier ones of the same name).
    pub fn new(templates: Vec<TemplateSource>, config: &Config) -> Result<Self, Diagnostics> {
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        register_filters(&mut tera, config);
        let mut by_name: HashMap<String, TemplateSource> = HashMap::new();
        for template in templates {
            by_name.insert(template.name.clone(), template);
        }
        let paths = by_name
            .values()
            .map(|t| (t.name.clone(), (t.path.clone(), t.text.clone())))
            .collect();
        let renderer_paths: HashMap<String, (String, String)> = paths;
        tera.add_raw_templates(by_name.values().map(|t| (t.name.clone(), t.text.clone())))
            .map_err(|error| template_error(&renderer_paths, &error, None))?;
        Ok(Self {
            tera,
            paths: renderer_paths,
            base_path: config.base_path().to_string(),
            site_css: false,
        })
    }

    /// This renderer, for a site that has its own stylesheet (`static/site.css`) or not.
    pub fn with_site_css(self, site_css: bool) -> Self {
        Self { site_css, ..self }
    }

    /// `Config::base_path` of the site rendered.
    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    pub fn has_template(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// Whether the site has a search page: `search` is on in site.yaml and the theme has
    /// a `search.html` (a theme made before search existed simply has none).
    pub fn renders_search(&self, config: &Config) -> bool {
        config.search && self.has_template("search.html")
    }

    pub(super) fn render(
        &self,
        template: &str,
        context: &Context,
        url: &str,
    ) -> Result<Vec<u8>, Diagnostic> {
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(template, context, &mut out)
            .map_err(|error| template_error(&self.paths, &error, Some(url)))?;
        if self.base_path.is_empty() {
            return Ok(out);
        }
        Ok(super::base_path::rebase(&String::from_utf8_lossy(&out), &self.base_path).into_bytes())
    }
}

fn template_error(
    paths: &HashMap<String, (String, String)>,
    error: &tera::Error,
    url: Option<&str>,
) -> Diagnostic {
    let while_rendering = |d: Diagnostic| match url {
        Some(url) => d.note(format!("while rendering the page {url}")),
        None => d,
    };
    match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let (path, text) = paths
                .get(report.filename())
                .cloned()
                .unwrap_or_else(|| (report.filename().to_string(), String::new()));
            let span = report.span();
            let width = if span.end_line == span.start_line {
                span.end_col.saturating_sub(span.start_col)
            } else {
                1
            };
            while_rendering(Diagnostic::new(path, report.message().to_string()).at(
                Location::at_line(&text, span.start_line, span.start_col + 1, width),
            ))
        }
        _ => {
            let mut message = error.to_string();
            let mut source = std::error::Error::source(error);
            while let Some(cause) = source {
                message.push_str(&format!(": {cause}"));
                source = cause.source();
            }
            while_rendering(Diagnostic::new("templates", message))
        }
    }
}

/// How long `shorten` makes a text by default: search engines show about this much of
/// a page's description, and a longer one only weighs down every page.
const DESCRIPTION_CHARS: usize = 160;

pub(super) fn register_filters(tera: &mut Tera, config: &Config) {
    tera.register_filter(
        "number",
        |value: &Value, kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let decimals: usize = kwargs.get("decimals")?.unwrap_or(2);
            // A figure given to `number` (a template written before figures had words)
            // still shows its word and unit.
            if value.is_map() {
                return figure_filter(value);
            }
            if let Some(integer) = value.as_i64() {
                Ok(vi::format_integer(integer))
            } else if let Some(float) = value.as_f64() {
                Ok(vi::format_decimal(float, decimals))
            } else {
                Ok(value.to_string())
            }
        },
    );
    tera.register_filter(
        "figure",
        |value: &Value, _: Kwargs, _: &State| -> TeraResult<String> { figure_filter(value) },
    );
    let default_style = config.date_style;
    tera.register_filter(
        "date",
        move |value: &str, kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let style = match kwargs.get::<&str>("style")? {
                Some(name) => DateStyle::parse(name).ok_or_else(|| {
                    tera::Error::message(format!(
                        "unknown date style `{name}`: use short, weekday or admin"
                    ))
                })?,
                None => default_style,
            };
            format_date(value, style)
        },
    );
    tera.register_filter("date_short", |value: &str, _: Kwargs, _: &State| {
        format_date(value, DateStyle::Short)
    });
    tera.register_filter("date_weekday", |value: &str, _: Kwargs, _: &State| {
        format_date(value, DateStyle::Weekday)
    });
    tera.register_filter("date_admin", |value: &str, _: Kwargs, _: &State| {
        format_date(value, DateStyle::Admin)
    });
    tera.register_filter("slugify", |value: &str, _: Kwargs, _: &State| {
        vi::slugify(value)
    });
    tera.register_filter(
        "json",
        |value: &Value, _: Kwargs, _: &State| -> TeraResult<Value> {
            // Through serde_json's own value, whose maps are sorted: Tera's maps are
            // hash maps, and a page must come out the same on every build.
            let json = serde_json::to_value(value)
                .and_then(|v| serde_json::to_string(&v))
                .map_err(|e| tera::Error::message(format!("cannot write as JSON: {e}")))?;
            // Inside <script>, `</` would end the element early and `<!--` would
            // change how it is parsed: no `<` at all is the simple rule.
            Ok(Value::safe_string(&json.replace('<', "\\u003c")))
        },
    );
    tera.register_filter("striptags", |value: &str, _: Kwargs, _: &State| {
        strip_tags(value)
    });
    tera.register_filter(
        "shorten",
        |value: &str, kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let length: usize = kwargs.get("length")?.unwrap_or(DESCRIPTION_CHARS);
            let mut text = value.to_string();
            if let Some((end, _)) = text.char_indices().nth(length) {
                vi::truncate_at_space(&mut text, end);
            }
            Ok(text)
        },
    );
    let base_url = config.base_url.clone();
    tera.register_filter("absolute", move |value: &str, _: Kwargs, _: &State| {
        if value.starts_with('/') {
            format!("{base_url}{value}")
        } else {
            value.to_string()
        }
    });
    tera.register_filter("urlencode", |value: &str, _: Kwargs, _: &State| {
        percent_encode(value)
    });
}

/// A text as one component of an address (a query value): every byte but the letters,
/// digits and `-._~` that RFC 3986 leaves unreserved written as `%XX`.
pub(super) fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// `{{ f.value | figure }}`: a figure view (`views::FigureValue`) as readers see it, its
/// word first and its unit last: "trên 9.000", "4,6 tỷ đồng/năm". The one way a template
/// shows a figure, so that no page drops the qualifier.
fn figure_filter(value: &Value) -> TeraResult<String> {
    let field = |name: &'static str| {
        value
            .get_from_path(name)
            .filter(|v| !v.is_none() && !v.is_undefined())
    };
    let number = field("value").ok_or_else(|| {
        tera::Error::message(format!(
            "`figure` needs a figure such as `f.value`, got `{value}`"
        ))
    })?;
    let decimals = field("decimals").and_then(|d| d.as_i64()).unwrap_or(0);
    let mut text = match (number.as_i64(), number.as_f64()) {
        (Some(whole), _) => vi::format_integer(whole),
        (None, Some(float)) => vi::format_decimal(float, usize::try_from(decimals).unwrap_or(0)),
        (None, None) => number.to_string(),
    };
    if let Some(word) = field("qualifier") {
        text = format!("{} {text}", word.as_str().unwrap_or_default());
    }
    if let Some(unit) = field("unit") {
        text = format!("{text} {}", unit.as_str().unwrap_or_default());
    }
    Ok(text)
}

/// Plain text from HTML, for attributes such as the page description and for JSON-LD:
/// the tags dropped and the entities that Markdown and `escape` write decoded, since the
/// result is escaped again where it is printed (else "Q&A" would show as "Q&amp;A").
pub(super) fn strip_tags(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    decode_entities(text.trim())
}

fn format_date(value: &str, style: DateStyle) -> TeraResult<String> {
    let date = value
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    date.map(|d| style.format(d))
        .ok_or_else(|| tera::Error::message(format!("`{value}` is not a date such as 2024-07-01")))
}
