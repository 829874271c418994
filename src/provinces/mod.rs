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
mod tests {
    use super::*;

    fn builtin() -> &'static Registry {
        Registry::builtin()
    }

    fn old(name: &str) -> &'static Unit {
        builtin()
            .old_units()
            .find(|unit| unit.name == name)
            .unwrap_or_else(|| panic!("no old unit {name}"))
    }

    fn current(name: &str) -> &'static Unit {
        builtin()
            .current_units()
            .find(|unit| unit.name == name)
            .unwrap_or_else(|| panic!("no current unit {name}"))
    }

    #[test]
    fn the_builtin_registry_has_63_old_and_34_current_units() {
        let registry = Registry::from_yaml(BUILTIN_YAML).expect("provinces.yaml parses");
        assert_eq!(registry.old_units().len(), 63);
        assert_eq!(registry.current_units().len(), 34);
        let cities = |units: Vec<&Unit>| units.iter().filter(|u| u.kind == "thành phố").count();
        let provinces = |units: Vec<&Unit>| units.iter().filter(|u| u.kind == "tỉnh").count();
        assert_eq!(cities(registry.old_units().collect()), 5);
        assert_eq!(provinces(registry.old_units().collect()), 58);
        assert_eq!(cities(registry.current_units().collect()), 6);
        assert_eq!(provinces(registry.current_units().collect()), 28);
    }

    #[test]
    fn every_old_unit_is_absorbed_by_exactly_one_current_unit() {
        let registry = builtin();
        let mut absorbers: HashMap<&str, Vec<&str>> = HashMap::new();
        for unit in registry.current_units() {
            assert!(!unit.absorbed.is_empty(), "{} absorbs nothing", unit.name);
            for name in &unit.absorbed {
                assert!(
                    registry.old_units().any(|old| &old.name == name),
                    "{} absorbs {name}, which is not an old unit",
                    unit.name
                );
                absorbers.entry(name).or_default().push(&unit.name);
            }
        }
        for unit in registry.old_units() {
            assert_eq!(
                absorbers.get(unit.name.as_str()).map(Vec::len),
                Some(1),
                "{} is absorbed by {:?}",
                unit.name,
                absorbers.get(unit.name.as_str())
            );
        }
    }

    #[test]
    fn each_current_unit_absorbed_the_units_named_in_nghi_quyet_202() {
        let cases: [(&str, &[&str]); 34] = [
            ("Hà Nội", &["Hà Nội"]),
            ("Huế", &["Thừa Thiên Huế"]),
            ("Lai Châu", &["Lai Châu"]),
            ("Điện Biên", &["Điện Biên"]),
            ("Sơn La", &["Sơn La"]),
            ("Lạng Sơn", &["Lạng Sơn"]),
            ("Quảng Ninh", &["Quảng Ninh"]),
            ("Thanh Hóa", &["Thanh Hóa"]),
            ("Nghệ An", &["Nghệ An"]),
            ("Hà Tĩnh", &["Hà Tĩnh"]),
            ("Cao Bằng", &["Cao Bằng"]),
            ("Tuyên Quang", &["Tuyên Quang", "Hà Giang"]),
            ("Lào Cai", &["Lào Cai", "Yên Bái"]),
            ("Thái Nguyên", &["Thái Nguyên", "Bắc Kạn"]),
            ("Phú Thọ", &["Phú Thọ", "Vĩnh Phúc", "Hòa Bình"]),
            ("Bắc Ninh", &["Bắc Ninh", "Bắc Giang"]),
            ("Hưng Yên", &["Hưng Yên", "Thái Bình"]),
            ("Hải Phòng", &["Hải Phòng", "Hải Dương"]),
            ("Ninh Bình", &["Ninh Bình", "Hà Nam", "Nam Định"]),
            ("Quảng Trị", &["Quảng Trị", "Quảng Bình"]),
            ("Đà Nẵng", &["Đà Nẵng", "Quảng Nam"]),
            ("Quảng Ngãi", &["Quảng Ngãi", "Kon Tum"]),
            ("Gia Lai", &["Gia Lai", "Bình Định"]),
            ("Khánh Hòa", &["Khánh Hòa", "Ninh Thuận"]),
            ("Lâm Đồng", &["Lâm Đồng", "Đắk Nông", "Bình Thuận"]),
            ("Đắk Lắk", &["Đắk Lắk", "Phú Yên"]),
            (
                "Hồ Chí Minh",
                &["Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"],
            ),
            ("Đồng Nai", &["Đồng Nai", "Bình Phước"]),
            ("Tây Ninh", &["Tây Ninh", "Long An"]),
            ("Cần Thơ", &["Cần Thơ", "Sóc Trăng", "Hậu Giang"]),
            ("Vĩnh Long", &["Vĩnh Long", "Bến Tre", "Trà Vinh"]),
            ("Đồng Tháp", &["Đồng Tháp", "Tiền Giang"]),
            ("Cà Mau", &["Cà Mau", "Bạc Liêu"]),
            ("An Giang", &["An Giang", "Kiên Giang"]),
        ];
        for (name, absorbed) in cases {
            let unit = current(name);
            let mut got: Vec<&str> = unit.absorbed.iter().map(String::as_str).collect();
            let mut want = absorbed.to_vec();
            got.sort_unstable();
            want.sort_unstable();
            assert_eq!(got, want, "{name}");
            let via: Vec<&str> = builtin()
                .absorbed_units(unit)
                .map(|u| u.name.as_str())
                .collect();
            assert_eq!(via.len(), absorbed.len(), "{name}");
        }
    }

    #[test]
    fn old_units_fall_in_the_six_regions() {
        let cases = [
            ("Trung du và miền núi phía Bắc", 14),
            ("Đồng bằng sông Hồng", 11),
            ("Bắc Trung Bộ và Duyên hải miền Trung", 14),
            ("Tây Nguyên", 5),
            ("Đông Nam Bộ", 6),
            ("Đồng bằng sông Cửu Long", 13),
        ];
        for (region, count) in cases {
            let got = builtin().old_units().filter(|u| u.region == region).count();
            assert_eq!(got, count, "{region}");
        }
        let regions: Vec<&str> = cases.iter().map(|(region, _)| *region).collect();
        for unit in builtin().old_units().chain(builtin().current_units()) {
            assert!(regions.contains(&unit.region.as_str()), "{}", unit.name);
        }
    }

    #[test]
    fn names_variants_and_prefixes_find_the_unit() {
        let nfd_dak_lak: String = "Đắk Lắk".nfd().collect();
        let nfd_prefixed: String = "Tỉnh Thừa Thiên Huế".nfd().collect();
        let cases = [
            ("Đắk Lắk", "Đắk Lắk"),
            (nfd_dak_lak.as_str(), "Đắk Lắk"),
            (nfd_prefixed.as_str(), "Thừa Thiên Huế"),
            ("tỉnh Đắk Lắk", "Đắk Lắk"),
            ("TỈNH ĐẮK LẮK", "Đắk Lắk"),
            ("Đăk Lăk", "Đắk Lắk"),
            ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
            ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
            ("TP.HCM", "Hồ Chí Minh"),
            ("Tp HCM", "Hồ Chí Minh"),
            ("TPHCM", "Hồ Chí Minh"),
            ("Sài Gòn", "Hồ Chí Minh"),
            ("Thành phố Cần Thơ", "Cần Thơ"),
            ("T.P. Cần Thơ", "Cần Thơ"),
            ("TP Đà Nẵng", "Đà Nẵng"),
            ("Thừa Thiên - Huế", "Thừa Thiên Huế"),
            ("Thừa Thiên-Huế", "Thừa Thiên Huế"),
            ("TT-Huế", "Thừa Thiên Huế"),
            ("Bà Rịa–Vũng Tàu", "Bà Rịa - Vũng Tàu"),
            ("Bà Rịa Vũng Tàu", "Bà Rịa - Vũng Tàu"),
            ("  Hải   Dương ", "Hải Dương"),
            ("Thanh Hoá", "Thanh Hóa"),
            ("Khánh Hoà", "Khánh Hòa"),
            ("tỉnh Hoà Bình", "Hòa Bình"),
            ("ĐỒNG THÁP", "Đồng Tháp"),
            ("Ðồng Tháp", "Đồng Tháp"),
        ];
        for (written, name) in cases {
            let found = builtin().lookup(written).map(|unit| unit.name.as_str());
            assert_eq!(found, Some(name), "{written:?}");
        }
    }

    #[test]
    fn names_without_their_tone_marks_are_not_accepted() {
        let cases = [
            "Dak Lak",
            "Can Tho",
            "Ha Noi",
            "Hai Duong",
            "Thanh Hoa",
            "Cân Thơ",
            "tinh Đắk Lắk",
            "Tỉnh",
            "TP.",
            "",
            "Paris",
        ];
        for written in cases {
            assert_eq!(builtin().lookup(written), None, "{written:?}");
        }
    }

    #[test]
    fn a_name_of_both_eras_finds_the_old_unit() {
        let cases = [
            ("Cần Thơ", "Cần Thơ"),
            ("Hải Phòng", "Hải Phòng"),
            ("Hồ Chí Minh", "Hồ Chí Minh"),
            ("Huế", "Thừa Thiên Huế"),
            ("Thành phố Huế", "Thừa Thiên Huế"),
        ];
        for (written, name) in cases {
            let unit = builtin().lookup(written);
            assert_eq!(
                unit.map(|u| (u.name.as_str(), u.era)),
                Some((name, Era::Old))
            );
        }
    }

    #[test]
    fn near_misses_suggest_the_official_name() {
        let cases = [
            ("Dak Lakk", Some("Đắk Lắk")),
            ("Can Tho", Some("Cần Thơ")),
            ("Ha Noi", Some("Hà Nội")),
            ("Hai Duong", Some("Hải Dương")),
            ("Daklak", Some("Đắk Lắk")),
            ("tinh Dak Lak", Some("Đắk Lắk")),
            ("Thanh Hoa", Some("Thanh Hóa")),
            ("Sai Gon", Some("Hồ Chí Minh")),
            ("Hue", Some("Huế")),
            ("Ba Ria Vung Tau", Some("Bà Rịa - Vũng Tàu")),
            ("Cân Thơ", Some("Cần Thơ")),
            ("Paris", None),
            ("", None),
        ];
        for (written, name) in cases {
            assert_eq!(builtin().suggest(written), name, "{written:?}");
        }
    }

    #[test]
    fn old_units_roll_up_into_the_current_unit_that_absorbed_them() {
        let cases = [
            ("Sóc Trăng", "Cần Thơ"),
            ("Hậu Giang", "Cần Thơ"),
            ("Cần Thơ", "Cần Thơ"),
            ("Hải Dương", "Hải Phòng"),
            ("Long An", "Tây Ninh"),
            ("Bạc Liêu", "Cà Mau"),
            ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
            ("Phú Yên", "Đắk Lắk"),
            ("Thừa Thiên Huế", "Huế"),
        ];
        for (name, into) in cases {
            let rolled = builtin().current_of(old(name));
            assert_eq!(
                (rolled.name.as_str(), rolled.era),
                (into, Era::Current),
                "{name}"
            );
        }
        let today = current("Cần Thơ");
        assert!(std::ptr::eq(builtin().current_of(today), today));
    }

    #[test]
    fn units_are_listed_in_vietnamese_alphabetical_order() {
        for units in [
            builtin().old_units().collect::<Vec<_>>(),
            builtin().current_units().collect(),
        ] {
            assert_eq!(units[0].name, "An Giang");
            assert!(units.is_sorted_by(|a, b| vi::compare(&a.name, &b.name).is_le()));
        }
        let d: Vec<&str> = builtin()
            .current_units()
            .map(|u| u.name.as_str())
            .filter(|n| n.starts_with('Đ'))
            .collect();
        assert_eq!(
            d,
            ["Đà Nẵng", "Đắk Lắk", "Điện Biên", "Đồng Nai", "Đồng Tháp"]
        );
    }

    #[test]
    fn slugs_are_ascii_names() {
        let cases = [
            ("Đắk Lắk", "dak-lak"),
            ("Bà Rịa - Vũng Tàu", "ba-ria-vung-tau"),
            ("Thừa Thiên Huế", "thua-thien-hue"),
            ("Hồ Chí Minh", "ho-chi-minh"),
        ];
        for (name, slug) in cases {
            assert_eq!(old(name).slug, slug);
        }
    }

    #[test]
    fn units_serialise_with_their_era_in_lower_case() {
        let text = serde_yaml::to_string(current("Cà Mau")).expect("a unit serialises");
        assert!(text.contains("era: current"), "{text}");
        assert!(text.contains("slug: ca-mau"), "{text}");
        assert!(text.contains("- Bạc Liêu"), "{text}");
    }

    #[test]
    fn a_site_file_adds_a_unit_and_overrides_a_region() {
        let mut registry = builtin().clone();
        let site = "\
# Đặc khu Phú Quốc reported on its own before the merger.
old:
  - { name: Phú Quốc, kind: đặc khu, region: Đồng bằng sông Cửu Long, variants: [Đảo Ngọc] }
current:
  - { name: Gia Lai, region: Bắc Trung Bộ và Duyên hải miền Trung }
  - name: An Giang
    absorbed: [An Giang, Kiên Giang, Phú Quốc]
";
        registry.extend(site).expect("the site file is valid");
        assert_eq!(registry.old_units().len(), 64);
        assert_eq!(registry.current_units().len(), 34);

        let gia_lai = registry.lookup("Gia Lai").map(|u| registry.current_of(u));
        assert_eq!(
            gia_lai.map(|u| u.region.as_str()),
            Some("Bắc Trung Bộ và Duyên hải miền Trung")
        );
        assert_eq!(gia_lai.map(|u| u.kind.as_str()), Some("tỉnh"));

        let phu_quoc = registry
            .lookup("Đảo Ngọc")
            .expect("the site's variant is known");
        assert_eq!(phu_quoc.slug, "phu-quoc");
        assert_eq!(registry.current_of(phu_quoc).name, "An Giang");
        assert_eq!(
            builtin().lookup("Phú Quốc"),
            None,
            "the builtin is untouched"
        );
    }

    #[test]
    fn a_site_file_may_be_empty_or_only_comments() {
        for text in ["", "# nothing to add\n", "old: []\ncurrent: []\n"] {
            let mut registry = builtin().clone();
            assert_eq!(registry.extend(text), Ok(()), "{text:?}");
            assert_eq!(registry.old_units().len(), 63);
        }
    }

    #[test]
    fn a_bad_site_file_reports_a_line() {
        let cases = [
            // YAML syntax
            ("current:\n  - { name: Gia Lai, region: [Tây Nguyên }\n", 2),
            // a misspelt field
            (
                "old:\n  - name: Hải Dương\n    regon: Đồng bằng sông Hồng\n",
                3,
            ),
            // a new unit without its kind
            (
                "old:\n  - name: Hải Dương\n  - name: Côn Đảo\n    region: Đông Nam Bộ\n",
                3,
            ),
            // absorbing a unit that does not exist
            (
                "current:\n  - name: Cà Mau\n    absorbed: [Cà Mau, Bac Lieu]\n",
                3,
            ),
            // two units claiming one old unit
            (
                "current:\n  - { name: Cần Thơ, absorbed: [Cần Thơ, Sóc Trăng, Hậu Giang, Bạc Liêu] }\n",
                2,
            ),
            // one unit listed twice
            (
                "old:\n  - { name: Hải Dương }\n  - { name: Hải Dương }\n",
                3,
            ),
        ];
        for (text, line) in cases {
            let mut registry = builtin().clone();
            let error = registry.extend(text).expect_err(text);
            assert_eq!(error.line, Some(line), "{text}\n{error}");
            assert!(error.column.is_some(), "{error}");
            assert!(!error.message.contains("at line"), "{error}");
        }
    }

    #[test]
    fn an_unknown_absorbed_name_is_answered_with_a_suggestion() {
        let mut registry = builtin().clone();
        let text = "current:\n  - name: Cà Mau\n    absorbed: [Cà Mau, Bac Lieu]\n";
        let error = registry.extend(text).expect_err("Bac Lieu is not a name");
        assert!(error.message.contains("did you mean “Bạc Liêu”"), "{error}");
        assert_eq!((error.line, error.column), (Some(3), Some(24)));
    }

    #[test]
    fn a_site_file_that_leaves_an_old_unit_unabsorbed_is_refused_and_changes_nothing() {
        let mut registry = builtin().clone();
        let text = "current:\n  - { name: Cần Thơ, absorbed: [Cần Thơ, Sóc Trăng] }\n";
        let error = registry.extend(text).expect_err("Hậu Giang is left out");
        assert!(error.message.contains("Hậu Giang"), "{error}");
        assert_eq!(
            registry.current_of(old("Hậu Giang")).name,
            "Cần Thơ",
            "the registry is as it was"
        );
        assert_eq!(current("Cần Thơ").absorbed.len(), 3);
    }

    #[test]
    fn a_spelling_shared_by_two_units_of_one_era_is_refused() {
        let mut registry = builtin().clone();
        let text = "old:\n  - { name: Hà Nam, variants: [Hà Nội] }\n";
        let error = registry.extend(text).expect_err("Hà Nội is taken");
        assert!(error.message.contains("Hà Nội"), "{error}");
        assert_eq!(error.line, Some(2));
    }
}
