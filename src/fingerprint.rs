//! Fingerprints of what a page is made from: its template context, the articles it
//! shows in full, and the inputs every page shares (templates, `site`, `stats`, loa's
//! version). Two pages with the same fingerprint render to the same bytes, so a build
//! can leave a page it published before in place without rendering it again.
//!
//! Pure: hashing only. Maps are hashed in key order, so the fingerprint does not depend
//! on the order in which a map happens to hold its entries.

use std::collections::HashMap;

use tera::Value;
use twox_hash::XxHash3_128;

/// Fingerprints already taken, by the address of the map they were taken of. Tera
/// shares a map between the values cloned from it, so an article's view listed on many
/// pages is walked once.
pub type Known = HashMap<usize, u128>;

/// The address that identifies `value`'s map, shared by every clone of it.
pub fn address(value: &Value) -> Option<usize> {
    value.as_map().map(|map| map as *const tera::Map as usize)
}

/// A fingerprint under construction.
pub struct Fingerprint(XxHash3_128);

impl Fingerprint {
    pub fn new() -> Self {
        Self(XxHash3_128::new())
    }

    pub fn text(&mut self, text: &str) -> &mut Self {
        self.bytes(text.as_bytes())
    }

    pub fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.write(&(bytes.len() as u64).to_le_bytes());
        self.0.write(bytes);
        self
    }

    pub fn number(&mut self, number: u128) -> &mut Self {
        self.0.write(&number.to_le_bytes());
        self
    }

    pub fn value(&mut self, value: &Value) -> &mut Self {
        self.value_with(value, &Known::new())
    }

    /// [`Fingerprint::value`], taking the fingerprint of a map it has seen from `known`.
    pub fn value_with(&mut self, value: &Value, known: &Known) -> &mut Self {
        if let Some(print) = address(value).and_then(|a| known.get(&a)) {
            self.0.write(&[5]);
            return self.number(*print);
        }
        if let Some(text) = value.as_str() {
            self.0.write(&[1]);
            self.text(text);
            self.0.write(&[u8::from(value.is_safe())]);
        } else if let Some(items) = value.as_array() {
            self.0.write(&[2]);
            self.0.write(&(items.len() as u64).to_le_bytes());
            for item in items {
                self.value_with(item, known);
            }
        } else if let Some(map) = value.as_map() {
            self.0.write(&[3]);
            let mut entries: Vec<_> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            self.0.write(&(entries.len() as u64).to_le_bytes());
            for (key, item) in entries {
                match key.as_str() {
                    Some(key) => self.text(key),
                    None => self.text(&key.to_string()),
                };
                self.value_with(item, known);
            }
        } else {
            // Numbers, booleans and none print the same for the same value.
            self.0.write(&[4]);
            self.text(&value.to_string());
            self.text(value.name());
        }
        self
    }

    pub fn finish(&self) -> u128 {
        self.0.finish_128()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(value: &Value) -> u128 {
        Fingerprint::new().value(value).finish()
    }

    #[test]
    fn maps_hash_alike_whatever_their_order() {
        let a: std::collections::BTreeMap<&str, i64> = [("a", 1), ("b", 2)].into();
        let mut b = tera::Map::new();
        b.insert("b".into(), Value::from(2));
        b.insert("a".into(), Value::from(1));
        assert_eq!(of(&Value::from(a)), of(&Value::from(b)));
    }

    #[test]
    fn different_values_hash_apart() {
        let pairs = [
            (Value::from("1"), Value::from(1)),
            (Value::from("a"), Value::safe_string("a")),
            (
                Value::from(vec![Value::from("ab")].as_slice()),
                Value::from(vec![Value::from("a"), Value::from("b")].as_slice()),
            ),
            (Value::from(true), Value::from("true")),
        ];
        for (left, right) in pairs {
            assert_ne!(of(&left), of(&right), "{left:?} {right:?}");
        }
    }
}
