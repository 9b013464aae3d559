//! A value fed to the hash as serde walks it: no text is made, no byte
//! escaped. Every item starts with a tag saying what it is, every string
//! and list says its length or ends with a tag, so two different values
//! never feed the same bytes (tests below).

use serde::ser::{self, Serialize};
use xxhash_rust::xxh3::Xxh3;

/// Feeds a value's parts into `hash`.
pub(super) struct Feed<'a> {
    pub(super) hash: &'a mut Xxh3,
}

/// A value serde could not walk (a type's own refusal).
#[derive(Debug)]
pub(super) struct Refused;

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the value cannot be serialised")
    }
}

impl std::error::Error for Refused {}

impl ser::Error for Refused {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Refused
    }
}

/// What an item is; one byte before it.
#[derive(Clone, Copy)]
#[repr(u8)]
enum Tag {
    Bool = 1,
    Int,
    Uint,
    Float,
    Char,
    Str,
    Bytes,
    None,
    Some,
    Unit,
    UnitStruct,
    UnitVariant,
    NewtypeVariant,
    TupleVariant,
    StructVariant,
    Newtype,
    Seq,
    Map,
    Struct,
    Field,
    Skipped,
    End,
}

impl Feed<'_> {
    fn tag(&mut self, tag: Tag) {
        self.hash.update(&[tag as u8]);
    }

    fn text(&mut self, tag: Tag, text: &[u8]) {
        self.tag(tag);
        self.hash.update(&(text.len() as u64).to_le_bytes());
        self.hash.update(text);
    }

    fn variant(&mut self, kind: Tag, index: u32, name: &str) {
        self.text(kind, name.as_bytes());
        self.hash.update(&index.to_le_bytes());
    }
}

type Done = Result<(), Refused>;

/// Narrow numbers are fed as the widest of their kind: 1u8 and 1u64 are
/// the same number.
macro_rules! widen {
    ($($method:ident($narrow:ty) => $wide:ident),*) => {$(
        fn $method(self, v: $narrow) -> Done {
            self.$wide(v.into())
        }
    )*};
}

impl<'f, 'a> ser::Serializer for &'f mut Feed<'a> {
    type Ok = ();
    type Error = Refused;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Done {
        self.tag(Tag::Bool);
        self.hash.update(&[v as u8]);
        Ok(())
    }
    widen!(
        serialize_i8(i8) => serialize_i128,
        serialize_i16(i16) => serialize_i128,
        serialize_i32(i32) => serialize_i128,
        serialize_i64(i64) => serialize_i128,
        serialize_u8(u8) => serialize_u128,
        serialize_u16(u16) => serialize_u128,
        serialize_u32(u32) => serialize_u128,
        serialize_u64(u64) => serialize_u128,
        serialize_f32(f32) => serialize_f64
    );
    fn serialize_i128(self, v: i128) -> Done {
        self.tag(Tag::Int);
        self.hash.update(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Done {
        self.tag(Tag::Uint);
        self.hash.update(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Done {
        self.tag(Tag::Float);
        self.hash.update(&v.to_bits().to_le_bytes());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Done {
        self.tag(Tag::Char);
        self.hash.update(&u32::from(v).to_le_bytes());
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Done {
        self.text(Tag::Str, v.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        self.text(Tag::Bytes, v);
        Ok(())
    }
    fn serialize_none(self) -> Done {
        self.tag(Tag::None);
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Done {
        self.tag(Tag::Some);
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.tag(Tag::Unit);
        Ok(())
    }
    fn serialize_unit_struct(self, name: &'static str) -> Done {
        self.text(Tag::UnitStruct, name.as_bytes());
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, index: u32, variant: &'static str) -> Done {
        self.variant(Tag::UnitVariant, index, variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Done {
        self.tag(Tag::Newtype);
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        self.variant(Tag::NewtypeVariant, index, variant);
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Refused> {
        self.tag(Tag::Seq);
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Refused> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Refused> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        index: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, Refused> {
        self.variant(Tag::TupleVariant, index, variant);
        self.serialize_seq(None)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Refused> {
        self.tag(Tag::Map);
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Refused> {
        self.tag(Tag::Struct);
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        index: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, Refused> {
        self.variant(Tag::StructVariant, index, variant);
        self.serialize_struct("", 0)
    }
}

/// Lists of every kind: items, then an end tag.
macro_rules! list {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for &mut Feed<'_> {
            type Ok = ();
            type Error = Refused;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Done {
                value.serialize(&mut **self)
            }
            fn end(self) -> Done {
                self.tag(Tag::End);
                Ok(())
            }
        }
    )*};
}
list!(SerializeSeq::serialize_element, SerializeTuple::serialize_element, SerializeTupleStruct::serialize_field);
list!(SerializeTupleVariant::serialize_field);

impl ser::SerializeMap for &mut Feed<'_> {
    type Ok = ();
    type Error = Refused;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Done {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.tag(Tag::End);
        Ok(())
    }
}

/// Structs: each field's name, then its value; a skipped field's name.
macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for &mut Feed<'_> {
            type Ok = ();
            type Error = Refused;
            fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Done {
                self.text(Tag::Field, key.as_bytes());
                value.serialize(&mut **self)
            }
            fn skip_field(&mut self, key: &'static str) -> Done {
                self.text(Tag::Skipped, key.as_bytes());
                Ok(())
            }
            fn end(self) -> Done {
                self.tag(Tag::End);
                Ok(())
            }
        }
    )*};
}
fields!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    fn of<T: Serialize>(value: &T) -> u128 {
        let mut hash = Xxh3::new();
        value.serialize(&mut Feed { hash: &mut hash }).unwrap();
        hash.digest128()
    }

    #[derive(Serialize)]
    struct Page {
        title: String,
        body: Option<String>,
        items: Vec<String>,
    }

    #[test]
    fn moving_a_boundary_between_strings_or_items_changes_what_is_fed() {
        assert_ne!(of(&["ab", "c"]), of(&["a", "bc"]));
        assert_ne!(of(&vec![vec!["a"], vec![]]), of(&vec![vec![], vec!["a"]]));
        assert_ne!(of(&("a", "")), of(&("", "a")));
        let page = |t: &str, b: Option<&str>, i: &[&str]| Page {
            title: t.into(),
            body: b.map(Into::into),
            items: i.iter().map(|s| s.to_string()).collect(),
        };
        assert_ne!(of(&page("a", None, &[])), of(&page("a", Some(""), &[])));
        assert_ne!(of(&page("a", None, &["b"])), of(&page("ab", None, &[])));
        assert_eq!(of(&page("Kỳ Anh", Some("x"), &["1"])), of(&page("Kỳ Anh", Some("x"), &["1"])));
    }

    #[derive(Serialize)]
    enum E {
        A,
    }
    #[derive(Serialize)]
    enum F {
        A(()),
    }

    #[test]
    fn the_kind_of_a_value_is_fed_with_it() {
        assert_ne!(of(&(E::A, ())), of(&(F::A(()),)), "a unit variant then a unit, a newtype variant of a unit");
        assert_ne!(of(&1u32), of(&1i32));
        assert_ne!(of(&1.0f64), of(&1u64));
        assert_ne!(of(&"1"), of(&1u8));
        assert_ne!(of(&Some(())), of(&None::<()>));
        let map: BTreeMap<&str, &str> = [("a", "b")].into();
        assert_ne!(of(&map), of(&("a", "b")));
    }
}
