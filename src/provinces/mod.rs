//! The province registry: the provincial-level units of Việt Nam before and after the 2025
//! reorganisation, their accepted spellings, which old units each current one absorbed, and
//! the region of each.
//!
//! Owns: the data in `provinces.yaml` (compiled in), the rules for merging a site's
//! `data/provinces.yaml` into it, and the answer to "which unit does this front matter
//! name?" (`lookup`), "what did the writer probably mean?" (`suggest`) and "which unit
//! is it today?" (`current_of`).
//!
//! Must never: read or write files, print, or panic on a site's text: a bad site file is a
//! `RegistryError` with a line where one can be found. It never accepts a name typed without
//! its tone marks: "Can Tho" is a near miss to report with a suggestion, not a match, so
//! that a typo cannot silently file figures under the wrong unit. It knows nothing of
//! articles or figures; summing them is `stats`' job.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::vi;

const BUILTIN_YAML: &str = include_str!("provinces.yaml");

/// The day the 34 current units came into force (Nghị quyết 202/2025/QH15).
pub const REORGANISED: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2025, 7, 1) {
    Some(day) => day,
    None => unreachable!(),
};

/// A folded spelling this similar to an official name or variant (normalised
/// Damerau-Levenshtein, 1.0 = equal) is offered as "did you mean"; below it the guess
/// would more often mislead than help ("Ha Tay" is not "Hà Nam").
const SUGGEST_THRESHOLD: f64 = 0.7;

/// Which list a unit belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Era {
    /// In force until 30/6/2025.
    Old,
    /// In force from 1/7/2025 (Nghị quyết 202/2025/QH15).
    Current,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    /// Official name without "tỉnh"/"thành phố", NFC: "Đắk Lắk", "Hồ Chí Minh".
    pub name: String,
    pub slug: String,
    /// "tỉnh" or "thành phố" in the builtin data; free text in a site's file.
    pub kind: String,
    pub region: String,
    pub era: Era,
    /// Other spellings accepted by `lookup`, beyond the ones it accepts for every name.
    pub variants: Vec<String>,
    /// For a current unit, the official names of the old units it was formed from; empty
    /// for an old unit.
    pub absorbed: Vec<String>,
}

/// A registry file that cannot be used. `line` and `column` (1-based) point into the text
/// that was given, when the fault can be located there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryError {
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl fmt::Display for RegistryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "{line}:{column}: {}", self.message),
            (Some(line), None) => write!(f, "{line}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for RegistryError {}

impl RegistryError {
    fn new(message: String) -> Self {
        Self {
            message,
            line: None,
            column: None,
        }
    }

    /// Points the error at the first place `needle` is written in `text`, if any.
    fn at(self, text: &str, needle: &str) -> Self {
        self.at_nth(text, needle, 0)
    }

    fn at_nth(mut self, text: &str, needle: &str, nth: usize) -> Self {
        if let Some((line, column)) = locate(text, needle, nth) {
            self.line = Some(line);
            self.column = Some(column);
        }
        self
    }

    fn from_yaml(error: &serde_yaml::Error) -> Self {
        let mut message = error.to_string();
        let (line, column) = match error.location() {
            Some(at) => {
                // The position is carried separately; leaving serde_yaml's own
                // "at line L column C" in the text would print it twice.
                let suffix = format!(" at line {} column {}", at.line(), at.column());
                message = message.replace(&suffix, "");
                (Some(at.line()), Some(at.column()))
            }
            None => (None, None),
        };
        Self {
            message,
            line,
            column,
        }
    }
}

/// The registry. Build it with `builtin()` (and `clone()` it to `extend` it for a site) or
/// `from_yaml`.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    /// In Vietnamese alphabetical order.
    old: Vec<Unit>,
    /// In Vietnamese alphabetical order.
    current: Vec<Unit>,
    /// Spelling key of every name and variant -> the unit; an old unit wins over a current
    /// one, because an article names the unit that existed when it was written.
    index: HashMap<String, (Era, usize)>,
    /// Spelling key of each official name -> position, per era.
    old_at: HashMap<String, usize>,
    current_at: HashMap<String, usize>,
    /// For each old unit, the position of the current unit that absorbed it.
    absorbed_by: Vec<usize>,
    /// Every name and variant, for `suggest`.
    folded: Vec<Spelling>,
}

impl Registry {
    /// The registry compiled into the binary.
    pub fn builtin() -> &'static Registry {
        static BUILTIN: OnceLock<Registry> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Registry::from_yaml(BUILTIN_YAML).unwrap_or_else(|error| {
                // The text is compiled in, never a user's; the test
                // `the_builtin_registry_has_63_old_and_34_current_units` parses it, so this
                // can only fire in a build whose tests were not run.
                unreachable!("src/provinces.yaml is invalid: {error}")
            })
        })
    }

    /// A registry from a whole file in the schema of `provinces.yaml`.
    pub fn from_yaml(text: &str) -> Result<Registry, RegistryError> {
        let mut registry = Registry::default();
        registry.extend(text)?;
        Ok(registry)
    }

    /// Merges a site's `data/provinces.yaml` (same schema) into the registry. An entry whose
    /// name matches a unit of the same era (ignoring case, spacing and tone placement)
    /// replaces that unit's `kind`, `region` and `absorbed` where it gives them and adds
    /// its `variants` to the unit's own; any other entry is a new unit and must give `kind`
    /// and `region`. On error the registry is left as it was.
    pub fn extend(&mut self, text: &str) -> Result<(), RegistryError> {
        let file: RawFile =
            serde_yaml::from_str(text).map_err(|error| RegistryError::from_yaml(&error))?;
        let mut old = self.old.clone();
        let mut current = self.current.clone();
        merge(&mut old, file.old, Era::Old, text)?;
        merge(&mut current, file.current, Era::Current, text)?;
        *self = Registry::assemble(old, current, text)?;
        Ok(())
    }

    /// The unit a piece of front matter names: its official name or a variant, with or
    /// without "Tỉnh", "TP", "TP.", "T.P." or "Thành phố" before it, in any case, NFC or
    /// NFD, with any spacing and hyphens and either tone placement ("Hoà"/"Hòa"). The tone
    /// marks themselves must be right. A name of both eras (Cần Thơ) gives the old unit;
    /// `current_of` gives today's.
    pub fn lookup(&self, written: &str) -> Option<&Unit> {
        let key = spelling_key(written);
        if key.is_empty() {
            return None;
        }
        self.index.get(&key).map(|&(era, at)| self.unit(era, at))
    }

    /// The official name nearest to a spelling `lookup` did not accept, ignoring tone marks
    /// and prefixes: "Dak Lakk" -> "Đắk Lắk". `None` when nothing is reasonably close.
    pub fn suggest(&self, written: &str) -> Option<&str> {
        self.nearest(written, None)
    }

    /// The current unit that absorbed an old one; a current unit is its own. A unit this
    /// registry does not know is returned as it is.
    pub fn current_of<'a>(&'a self, unit: &'a Unit) -> &'a Unit {
        let key = spelling_key(&unit.name);
        let found = match unit.era {
            Era::Current => self.current_at.get(&key).map(|&at| &self.current[at]),
            Era::Old => self
                .old_at
                .get(&key)
                .and_then(|&at| self.absorbed_by.get(at))
                .map(|&at| &self.current[at]),
        };
        found.unwrap_or(unit)
    }

    /// The current unit an old one became part of on [`REORGANISED`], when that ended it:
    /// when the current unit was formed from more than it. `None` for a unit whose land
    /// goes on as one unit (Hà Nội; Thừa Thiên Huế, now Huế), a current unit, or one this
    /// registry cannot place.
    pub fn merged_into<'a>(&'a self, unit: &'a Unit) -> Option<&'a Unit> {
        if unit.era != Era::Old {
            return None;
        }
        let current = self.current_of(unit);
        (current.era == Era::Current && current.absorbed.len() > 1).then_some(current)
    }

    /// The old units a current unit was formed from, in the order its `absorbed` lists them.
    pub fn absorbed_units<'a>(&'a self, unit: &'a Unit) -> impl Iterator<Item = &'a Unit> {
        unit.absorbed.iter().filter_map(move |name| {
            self.old_at
                .get(&spelling_key(name))
                .map(|&at| &self.old[at])
        })
    }

    /// The units in force until 30/6/2025, in Vietnamese alphabetical order.
    pub fn old_units(&self) -> impl ExactSizeIterator<Item = &Unit> {
        self.old.iter()
    }

    /// The units in force from 1/7/2025, in Vietnamese alphabetical order.
    pub fn current_units(&self) -> impl ExactSizeIterator<Item = &Unit> {
        self.current.iter()
    }

    fn unit(&self, era: Era, at: usize) -> &Unit {
        match era {
            Era::Old => &self.old[at],
            Era::Current => &self.current[at],
        }
    }

    /// Orders the units, indexes their spellings and checks the whole: no spelling shared
    /// by two units of one era, no slug shared either (they are URLs), and every old unit
    /// absorbed by exactly one current unit.
    fn assemble(
        mut old: Vec<Unit>,
        mut current: Vec<Unit>,
        text: &str,
    ) -> Result<Registry, RegistryError> {
        for units in [&mut old, &mut current] {
            units.sort_by(|a, b| vi::compare(&a.name, &b.name).then_with(|| a.name.cmp(&b.name)));
        }
        let mut registry = Registry {
            old_at: positions(&old),
            current_at: positions(&current),
            old,
            current,
            ..Registry::default()
        };

        for era in [Era::Old, Era::Current] {
            let units = match era {
                Era::Old => &registry.old,
                Era::Current => &registry.current,
            };
            let mut slugs: HashMap<&str, &str> = HashMap::new();
            for (at, unit) in units.iter().enumerate() {
                if let Some(other) = slugs.insert(&unit.slug, &unit.name) {
                    return Err(RegistryError::new(format!(
                        "“{}” and “{other}” would both have the address “{}”; \
                         two units of one era need names that differ in more than tone marks",
                        unit.name, unit.slug
                    ))
                    .at(text, &unit.name));
                }
                for spelling in std::iter::once(&unit.name).chain(&unit.variants) {
                    let key = spelling_key(spelling);
                    if key.is_empty() {
                        return Err(RegistryError::new(format!(
                            "“{spelling}” (of {}) has no letters left once “tỉnh”/“thành phố” \
                             is set aside",
                            unit.name
                        ))
                        .at(text, spelling));
                    }
                    match registry.index.get(&key) {
                        Some(&(other_era, other)) if other_era == era && other != at => {
                            let other = &registry.unit(era, other).name;
                            return Err(RegistryError::new(format!(
                                "“{spelling}” would name both {other} and {}; \
                                 remove it from one of them",
                                unit.name
                            ))
                            .at(text, spelling));
                        }
                        // An old unit already holds this spelling: it wins.
                        Some(_) => {}
                        None => {
                            registry.index.insert(key, (era, at));
                        }
                    }
                    registry.folded.push(Spelling {
                        folded: folded_key(spelling),
                        era,
                        at,
                        official: spelling == &unit.name,
                    });
                }
            }
        }

        let mut absorbed_by: Vec<Option<usize>> = vec![None; registry.old.len()];
        let mut resolved = Vec::with_capacity(registry.current.len());
        for (at, unit) in registry.current.iter().enumerate() {
            let mut names = Vec::with_capacity(unit.absorbed.len());
            for name in &unit.absorbed {
                let Some(&old_at) = registry.old_at.get(&spelling_key(name)) else {
                    let hint = registry
                        .nearest(name, Some(Era::Old))
                        .map(|near| format!("; did you mean “{near}”?"))
                        .unwrap_or_default();
                    return Err(RegistryError::new(format!(
                        "{} absorbs “{name}”, which is not an old unit{hint}",
                        unit.name
                    ))
                    .at(text, name));
                };
                let old_name = &registry.old[old_at].name;
                match absorbed_by[old_at] {
                    Some(other) if other == at => {
                        return Err(RegistryError::new(format!(
                            "{} lists {old_name} twice in `absorbed`",
                            unit.name
                        ))
                        .at(text, name));
                    }
                    Some(other) => {
                        return Err(RegistryError::new(format!(
                            "{old_name} is absorbed by both {} and {}; an old unit went into \
                             exactly one current unit",
                            registry.current[other].name, unit.name
                        ))
                        .at(text, name));
                    }
                    None => absorbed_by[old_at] = Some(at),
                }
                names.push(old_name.clone());
            }
            resolved.push(names);
        }
        for (unit, names) in registry.current.iter_mut().zip(resolved) {
            unit.absorbed = names;
        }
        for (old_at, absorber) in absorbed_by.iter().enumerate() {
            match absorber {
                Some(at) => registry.absorbed_by.push(*at),
                None => {
                    let name = &registry.old[old_at].name;
                    return Err(RegistryError::new(format!(
                        "the old unit {name} is absorbed by no current unit; \
                         add it to the `absorbed` list of the one it went into"
                    ))
                    .at(text, name));
                }
            }
        }
        Ok(registry)
    }

    /// The official name of the unit, of `era` if given, with the spelling nearest to
    /// `written` once both are folded. On a tie an official name beats a variant, so "Hue"
    /// suggests "Huế" rather than "Thừa Thiên Huế", whose variant it also is.
    fn nearest(&self, written: &str, era: Option<Era>) -> Option<&str> {
        let query = folded_key(written);
        if query.is_empty() {
            return None;
        }
        let mut best: Option<((f64, bool), &Spelling)> = None;
        for spelling in self
            .folded
            .iter()
            .filter(|s| era.is_none_or(|e| e == s.era))
        {
            let rank = (
                strsim::normalized_damerau_levenshtein(&query, &spelling.folded),
                spelling.official,
            );
            if best.is_none_or(|(top, _)| rank > top) {
                best = Some((rank, spelling));
            }
        }
        best.filter(|((score, _), _)| *score >= SUGGEST_THRESHOLD)
            .map(|(_, spelling)| self.unit(spelling.era, spelling.at).name.as_str())
    }
}

/// A name or variant as `suggest` compares it.
#[derive(Debug, Clone)]
struct Spelling {
    folded: String,
    era: Era,
    at: usize,
    official: bool,
}

#[derive(Deserialize, Default)]
#[serde(
    deny_unknown_fields,
    expecting = "a mapping with the lists `old` and `current`"
)]
struct RawFile {
    #[serde(default)]
    old: Vec<RawUnit>,
    #[serde(default)]
    current: Vec<RawUnit>,
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a unit such as { name: Đắk Lắk, kind: tỉnh, region: Tây Nguyên }"
)]
struct RawUnit {
    name: String,
    kind: Option<String>,
    region: Option<String>,
    variants: Option<Vec<String>>,
    absorbed: Option<Vec<String>>,
}

/// Applies a file's entries for one era to that era's units (see `Registry::extend`).
fn merge(
    units: &mut Vec<Unit>,
    entries: Vec<RawUnit>,
    era: Era,
    text: &str,
) -> Result<(), RegistryError> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for entry in entries {
        let raw_name = entry.name.clone();
        let name = clean(&entry.name);
        let key = spelling_key(&name);
        if key.is_empty() || vi::slugify(&name).is_empty() {
            return Err(
                RegistryError::new(format!("“{raw_name}” is not a usable unit name"))
                    .at(text, &raw_name),
            );
        }
        let times = seen.entry(key.clone()).or_insert(0);
        *times += 1;
        if *times > 1 {
            return Err(RegistryError::new(format!(
                "{name} is listed twice under `{}`",
                era_key(era)
            ))
            .at_nth(text, &raw_name, 1));
        }
        if era == Era::Old && entry.absorbed.is_some() {
            return Err(RegistryError::new(format!(
                "{name} is under `old`, but only units under `current` absorb others"
            ))
            .at(text, &raw_name));
        }
        let kind = nonempty(entry.kind);
        let region = nonempty(entry.region);
        let variants: Vec<String> = entry
            .variants
            .unwrap_or_default()
            .iter()
            .map(|v| clean(v))
            .collect();
        let absorbed = entry
            .absorbed
            .map(|names| names.iter().map(|n| clean(n)).collect::<Vec<_>>());

        if let Some(unit) = units
            .iter_mut()
            .find(|unit| spelling_key(&unit.name) == key)
        {
            if let Some(kind) = kind {
                unit.kind = kind;
            }
            if let Some(region) = region {
                unit.region = region;
            }
            for variant in variants {
                let variant_key = spelling_key(&variant);
                if !unit.variants.iter().any(|v| spelling_key(v) == variant_key) {
                    unit.variants.push(variant);
                }
            }
            if let Some(absorbed) = absorbed {
                unit.absorbed = absorbed;
            }
            continue;
        }

        let missing = |field: &str| {
            RegistryError::new(format!(
                "{name} is a new unit, so it needs `{field}` (an existing unit is matched by \
                 its name)"
            ))
            .at(text, &raw_name)
        };
        let kind = kind.ok_or_else(|| missing("kind"))?;
        let region = region.ok_or_else(|| missing("region"))?;
        units.push(Unit {
            slug: vi::slugify(&name),
            name,
            kind,
            region,
            era,
            variants,
            absorbed: absorbed.unwrap_or_default(),
        });
    }
    Ok(())
}

fn era_key(era: Era) -> &'static str {
    match era {
        Era::Old => "old",
        Era::Current => "current",
    }
}

fn clean(text: &str) -> String {
    vi::nfc(text.trim()).into_owned()
}

fn nonempty(text: Option<String>) -> Option<String> {
    text.map(|t| clean(&t)).filter(|t| !t.is_empty())
}

fn positions(units: &[Unit]) -> HashMap<String, usize> {
    units
        .iter()
        .enumerate()
        .map(|(at, unit)| (spelling_key(&unit.name), at))
        .collect()
}

/// Characters that separate the words of a name: writers put hyphens, dots and dashes
/// where the official name has a space ("Bà Rịa-Vũng Tàu", "TP.HCM").
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–' | '—' | '.' | ',' | '_')
}

/// The words of a spelling, lower case, each with its tone mark moved to the end as a digit
/// (sắc 1, huyền 2, hỏi 3, ngã 4, nặng 5): "Thanh Hoá" and "Thanh Hóa" both give
/// ["thanh", "hoa1"], while "Thanh Hoa" gives ["thanh", "hoa"]. So the old and new tone
/// placements meet, and a missing or wrong tone mark still tells names apart.
fn spelling_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut tones = String::new();
    let mut finish = |word: &mut String, tones: &mut String| {
        if !word.is_empty() {
            word.push_str(tones);
            words.push(std::mem::take(word));
        }
        tones.clear();
    };
    for c in text.nfd() {
        match c {
            c if is_separator(c) => finish(&mut word, &mut tones),
            '\u{301}' => tones.push('1'),
            '\u{300}' => tones.push('2'),
            '\u{309}' => tones.push('3'),
            '\u{303}' => tones.push('4'),
            '\u{323}' => tones.push('5'),
            // Text that went through the Western code page instead of the Vietnamese one
            // (Windows-1252 instead of 1258) has the look-alike Ð for Đ.
            'Ð' | 'ð' | 'Đ' => word.push('đ'),
            c => word.extend(c.to_lowercase()),
        }
    }
    finish(&mut word, &mut tones);
    words
}

/// How writers commonly prefix a unit's name; none is part of an official name.
const PREFIXES: [&str; 4] = ["Tỉnh", "Thành phố", "TP", "T.P."];

/// The key `lookup` matches on: `spelling_words` without the prefixes.
fn spelling_key(text: &str) -> String {
    static PREFIX_WORDS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let prefixes =
        PREFIX_WORDS.get_or_init(|| PREFIXES.iter().map(|p| spelling_words(p)).collect());
    strip_prefixes(spelling_words(text), prefixes).join(" ")
}

/// The key `suggest` compares: like `spelling_key`, but with every diacritic removed.
fn folded_key(text: &str) -> String {
    static PREFIX_WORDS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let prefixes = PREFIX_WORDS.get_or_init(|| PREFIXES.iter().map(|p| folded_words(p)).collect());
    strip_prefixes(folded_words(text), prefixes).join(" ")
}

fn folded_words(text: &str) -> Vec<String> {
    let text: String = text
        .chars()
        .map(|c| if matches!(c, 'Ð' | 'ð') { 'đ' } else { c })
        .collect();
    vi::fold(&text)
        .split(is_separator)
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Removes leading prefixes ("TP. Thành phố Huế" happens), but never the last word: a
/// spelling that is nothing but a prefix names nothing and must stay unmatched.
fn strip_prefixes(mut words: Vec<String>, prefixes: &[Vec<String>]) -> Vec<String> {
    while let Some(prefix) = prefixes
        .iter()
        .find(|prefix| words.len() > prefix.len() && words.starts_with(prefix))
    {
        words.drain(..prefix.len());
    }
    words
}

/// The 1-based line and column of the `nth` place `needle` (as written, or in NFD) appears
/// in `text` outside comment lines. serde_yaml gives no positions for values it parsed
/// successfully, so a fault found afterwards is pointed at by searching for it.
fn locate(text: &str, needle: &str, nth: usize) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let nfd: String = needle.nfd().collect();
    let mut left = nth;
    for (number, line) in text.lines().enumerate() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        let mut from = 0;
        while let Some(found) = [needle, nfd.as_str()]
            .iter()
            .filter_map(|n| line[from..].find(n).map(|at| (from + at, n.len())))
            .min()
        {
            if left == 0 {
                return Some((number + 1, line[..found.0].chars().count() + 1));
            }
            left -= 1;
            from = found.0 + found.1;
        }
    }
    None
}

#[cfg(test)]
mod tests;
