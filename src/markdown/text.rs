//! The plain text of a rendered Markdown file, as search reads it: what a reader sees of
//! the HTML, white space collapsed, each boundary between blocks a new line.
//!
//! Owns the rule of what is text and what separates it, and applies it to the events
//! that make the HTML, or to the finished HTML of a file with raw HTML in it. Never
//! writes HTML and never decides what is indexed: search cuts the text into syllables.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use pulldown_cmark::{Event, Tag, TagEnd};

/// Text being made. A run of ASCII white space (Markdown writes no other) becomes one
/// space; a block boundary becomes one new line. No line starts with a space and none
/// ends with one; the text never starts with a new line, and it ends with one when its
/// last element is a block.
#[derive(Default)]
struct PlainText {
    out: String,
}

impl PlainText {
    /// Appends `text`, its white space collapsed.
    fn push(&mut self, text: &str) {
        let out = &mut self.out;
        out.reserve(text.len());
        let plain =
            !text.contains("  ") && !text.bytes().any(|b| b.is_ascii_whitespace() && b != b' ');
        if plain {
            let at_start = out.is_empty() || out.ends_with([' ', '\n']);
            out.push_str(if at_start {
                text.trim_start_matches(' ')
            } else {
                text
            });
            return;
        }
        // Split at ASCII bytes, which are never inside a multi-byte character.
        let mut start = 0;
        for (at, byte) in text.bytes().enumerate() {
            if byte.is_ascii_whitespace() {
                out.push_str(&text[start..at]);
                if !out.is_empty() && !out.ends_with([' ', '\n']) {
                    out.push(' ');
                }
                start = at + 1;
            }
        }
        out.push_str(&text[start..]);
    }

    /// The start or end of a block: what follows is on a new line.
    fn block(&mut self) {
        let out = &mut self.out;
        while out.ends_with(' ') {
            out.pop();
        }
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    }

    fn into_string(self) -> String {
        self.out
    }
}

/// The text of `events`, read as `pulldown_cmark::html::push_html` writes them: the
/// elements it writes for a tag separate text where [`is_block`] says that element
/// does. `shown` holds, for each HTML event made by loa itself (a photo), the text it
/// shows; the events hold no HTML of the author's, whose text is read from the finished
/// HTML instead ([`from_html`]).
pub(super) fn from_events<'e>(
    events: &'e [(Event, std::ops::Range<usize>)],
    shown: &HashMap<usize, String>,
) -> String {
    let mut text = PlainText::default();
    // Footnotes are numbered as push_html numbers them: in the order first met, by
    // reference or by definition, those in an image's alt text too.
    let mut numbers: HashMap<&'e str, usize> = HashMap::new();
    let mut number = |name: &'e str| -> usize {
        let next = numbers.len() + 1;
        *numbers.entry(name).or_insert(next)
    };
    // Inside an image, the events are its alt text, an attribute: how deep, if inside.
    let mut in_image: Option<usize> = None;
    for (index, (event, _)) in events.iter().enumerate() {
        if let Some(depth) = &mut in_image {
            match event {
                Event::Start(_) => *depth += 1,
                Event::End(_) if *depth == 0 => in_image = None,
                Event::End(_) => *depth -= 1,
                Event::FootnoteReference(name) => {
                    number(name);
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Image { .. }) => {
                text.block();
                in_image = Some(0);
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                // `<div …><sup …>1</sup>`: the number, then the note.
                text.block();
                text.push(&number(name).to_string());
            }
            Event::Start(tag) => {
                if starts_block(tag) {
                    text.block();
                }
            }
            Event::End(tag) => {
                if ends_block(*tag) {
                    text.block();
                }
            }
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                text.push(t)
            }
            Event::SoftBreak => text.push("\n"),
            Event::HardBreak | Event::Rule => text.block(),
            Event::FootnoteReference(name) => text.push(&number(name).to_string()),
            Event::Html(_) | Event::InlineHtml(_) => {
                // A photo: `<img>` alone, or a `<figure>` with its caption.
                text.block();
                if let Some(caption) = shown.get(&index) {
                    text.push(caption);
                    text.block();
                }
            }
            Event::TaskListMarker(_) => {}
        }
    }
    text.into_string()
}

/// Whether the element that push_html writes for the start of `tag` separates text.
fn starts_block(tag: &Tag) -> bool {
    match tag {
        // p, h1–h6, blockquote, pre, ol, ul, li, div, dl, dt, dd, table, tr, th, td
        Tag::Paragraph
        | Tag::Heading { .. }
        | Tag::BlockQuote(_)
        | Tag::CodeBlock(_)
        | Tag::List(_)
        | Tag::Item
        | Tag::FootnoteDefinition(_)
        | Tag::DefinitionList
        | Tag::DefinitionListTitle
        | Tag::DefinitionListDefinition
        | Tag::Table(_)
        | Tag::TableHead
        | Tag::TableRow
        | Tag::TableCell
        | Tag::Image { .. } => true,
        // Nothing written, or em, strong, del, sup, sub, a.
        Tag::HtmlBlock
        | Tag::MetadataBlock(_)
        | Tag::Emphasis
        | Tag::Strong
        | Tag::Strikethrough
        | Tag::Superscript
        | Tag::Subscript
        | Tag::Link { .. } => false,
    }
}

/// Whether the element that push_html closes at `tag` separates text.
fn ends_block(tag: TagEnd) -> bool {
    match tag {
        TagEnd::Paragraph
        | TagEnd::Heading(_)
        | TagEnd::BlockQuote(_)
        | TagEnd::CodeBlock
        | TagEnd::List(_)
        | TagEnd::Item
        | TagEnd::FootnoteDefinition
        | TagEnd::DefinitionList
        | TagEnd::DefinitionListTitle
        | TagEnd::DefinitionListDefinition
        | TagEnd::Table
        | TagEnd::TableHead
        | TagEnd::TableRow
        | TagEnd::TableCell => true,
        // An image's end is read with its start.
        TagEnd::Image
        | TagEnd::HtmlBlock
        | TagEnd::MetadataBlock(_)
        | TagEnd::Emphasis
        | TagEnd::Strong
        | TagEnd::Strikethrough
        | TagEnd::Superscript
        | TagEnd::Subscript
        | TagEnd::Link => false,
    }
}

/// The text of finished HTML: that of a Markdown file with raw HTML in it, after
/// sanitising (or as written, where the site allows raw HTML). Its tags are what the
/// author wrote, so the text comes from the HTML itself, read by html5ever's tokenizer
/// (the parser that ammonia sanitises with, already built for it): entities decoded as
/// a browser decodes them, attributes never taken for text, scripts and styles left
/// out. The tokens come in the order of the document: ammonia's output is serialised
/// from its tree, and the order of the author's own HTML is what the reader gets.
/// ammonia's own tree would save parsing twice, but it is public only behind the
/// `ammonia_unstable` cfg flag, outside semver; no other HTML crate is in the tree, and
/// these files are few (none on the example and benchmark sites).
pub(crate) fn from_html(html: &str) -> String {
    let tokenizer = Tokenizer::new(HtmlText::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // Only a sink that runs scripts can make the tokenizer stop before the end.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.text.into_inner().into_string()
}

/// Collects the text of the tokens of [`from_html`].
#[derive(Default)]
struct HtmlText {
    text: RefCell<PlainText>,
    /// Inside a script or style, whose content is not text.
    in_code: Cell<bool>,
}

impl TokenSink for HtmlText {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) => {
                let name: &str = &tag.name;
                let code = match name {
                    "script" => Some(RawKind::ScriptData),
                    "style" => Some(RawKind::Rawtext),
                    _ => None,
                };
                if let Some(kind) = code {
                    // As in a browser, `<script/>` starts a script all the same.
                    self.in_code.set(tag.kind == TagKind::StartTag);
                    if tag.kind == TagKind::StartTag {
                        return TokenSinkResult::RawData(kind);
                    }
                } else if is_block(name) {
                    self.text.borrow_mut().block();
                }
            }
            Token::CharacterTokens(text) if !self.in_code.get() => {
                self.text.borrow_mut().push(&text);
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Whether the element `name` (lower case) separates text: its start and end become a
/// new line in the text, and no pair of syllables forms across it.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "br"
            | "caption"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "figcaption"
            | "figure"
            | "footer"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "img"
            | "li"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "table"
            | "td"
            | "th"
            | "tr"
            | "ul"
    )
}
