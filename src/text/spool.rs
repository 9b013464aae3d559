//! [`Spool`]: texts set aside in a temporary file while a large site is
//! built, so that a run never holds every article's text at once.
//!
//! A build of a million articles would hold 5.6 GiB of Markdown from
//! reading to rendering; each text is needed only while its article is
//! checked, when its page is rendered and when its links are checked.
//! Above a number of articles (`load::Keep`, `load::SPOOL_ABOVE`), `load`
//! puts each article's text, as read and normalised, into a spool and keeps
//! a [`Spooled`] handle (its place in the spool, 24 bytes); the stages that
//! need the text read it back ([`Text::get`]), from the page cache as a
//! rule.
//!
//! The spool is an anonymous file (`tempfile::tempfile_in`: no name on
//! Linux, deleted when closed elsewhere) in the folder the caller names,
//! beside the output: it is gone when the run ends, however it ends, and
//! nothing else can write to it. What is read back is the text put in,
//! byte for byte: the run's own copy, not the file on disk, which may have
//! changed since. A text read back is checked to be UTF-8; a read that
//! fails or finds anything else is an error of the run, never a panic.

use super::shared::Shared;
use std::fmt;
use std::fs::File;
use std::io;
use std::ops::Range;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

/// An append-only file of texts, written and read from many threads.
pub struct Spool {
    file: File,
    /// Where the next text goes.
    end: AtomicU64,
    /// Whether a text could not be put in.
    failed: AtomicBool,
}

impl Spool {
    /// A new, empty spool in the folder `dir`.
    pub fn new_in(dir: &Path) -> io::Result<Arc<Spool>> {
        let file = tempfile::tempfile_in(dir)?;
        Ok(Arc::new(Spool { file, end: AtomicU64::new(0), failed: AtomicBool::new(false) }))
    }

    /// Puts `text` into the spool: the handle to read it back.
    pub fn put(self: &Arc<Spool>, text: &str) -> io::Result<Spooled> {
        let len = text.len() as u64;
        let at = self.end.fetch_add(len, Ordering::Relaxed);
        write_at(&self.file, text.as_bytes(), at)?;
        Ok(Spooled { spool: Arc::clone(self), range: at..at + len })
    }

    /// Whether this is the first failure to put a text in (a caller that
    /// failed says so only then: once the disk is full, every text fails).
    pub fn first_failure(&self) -> bool {
        !self.failed.swap(true, Ordering::Relaxed)
    }

    /// How many bytes the spool holds.
    pub fn len(&self) -> u64 {
        self.end.load(Ordering::Relaxed)
    }

    /// Whether nothing was put in yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl fmt::Debug for Spool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Spool({} bytes)", self.len())
    }
}

/// A text in a [`Spool`]: where it is. Cheap to clone.
#[derive(Clone)]
pub struct Spooled {
    spool: Arc<Spool>,
    range: Range<u64>,
}

impl Spooled {
    /// The text, read back.
    pub fn read(&self) -> io::Result<Shared> {
        let mut bytes = vec![0; self.len()];
        read_exact_at(&self.spool.file, &mut bytes, self.range.start)?;
        // std's own check is slow on Vietnamese text; a copy costs a tenth
        // of simdutf8's (as `load` does).
        let text = simdutf8::basic::from_utf8(&bytes).map_err(|e| invalid(&e))?;
        Ok(Shared::from(text.to_string()))
    }

    /// The piece at `range` (byte offsets into this text, which the caller
    /// has read and found on character boundaries), without writing it again.
    pub fn piece(&self, range: Range<usize>) -> Option<Spooled> {
        let start = self.range.start.checked_add(range.start as u64)?;
        let end = self.range.start.checked_add(range.end as u64)?;
        (range.start <= range.end && end <= self.range.end)
            .then(|| Spooled { spool: Arc::clone(&self.spool), range: start..end })
    }

    /// The length of the text in bytes.
    pub fn len(&self) -> usize {
        (self.range.end - self.range.start) as usize
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The spool the text is in.
    pub fn spool(&self) -> &Arc<Spool> {
        &self.spool
    }
}

impl fmt::Debug for Spooled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Spooled({}..{})", self.range.start, self.range.end)
    }
}

fn invalid(e: &dyn fmt::Display) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("the temporary copy of a text is damaged: {e}"))
}

/// A text as a stage holds it: in memory, or set aside in a spool.
#[derive(Clone, Debug)]
pub enum Text {
    Held(Shared),
    Spooled(Spooled),
}

impl Default for Text {
    fn default() -> Text {
        Text::Held(Shared::default())
    }
}

impl From<Shared> for Text {
    fn from(s: Shared) -> Text {
        Text::Held(s)
    }
}

impl Text {
    /// The text, from memory or read back from its spool.
    pub fn get(&self) -> io::Result<Shared> {
        match self {
            Text::Held(s) => Ok(s.clone()),
            Text::Spooled(s) => s.read(),
        }
    }

    /// The text only if it is in memory (tests, and `serve`, which never
    /// spools).
    pub fn held(&self) -> Option<&Shared> {
        match self {
            Text::Held(s) => Some(s),
            Text::Spooled(_) => None,
        }
    }

    /// `part`, a text made from this one's `read` (its text as
    /// [`Text::get`] gave it), kept the way this one is: held, or in the
    /// same spool; a piece of `read` is not written again.
    pub fn keep(&self, read: &Shared, part: Shared) -> io::Result<Text> {
        match self {
            Text::Held(_) => Ok(Text::Held(part)),
            Text::Spooled(s) => match part.range_in(read).and_then(|r| s.piece(r)) {
                Some(piece) => Ok(Text::Spooled(piece)),
                None => s.spool().put(&part).map(Text::Spooled),
            },
        }
    }
}

#[cfg(unix)]
fn write_at(file: &File, bytes: &[u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, bytes, at)
}

#[cfg(unix)]
fn read_exact_at(file: &File, bytes: &mut [u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, at)
}

#[cfg(windows)]
fn write_at(file: &File, mut bytes: &[u8], mut at: u64) -> io::Result<()> {
    while !bytes.is_empty() {
        let n = std::os::windows::fs::FileExt::seek_write(file, bytes, at)?;
        if n == 0 {
            return Err(io::ErrorKind::WriteZero.into());
        }
        (bytes, at) = (&bytes[n..], at + n as u64);
    }
    Ok(())
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut bytes: &mut [u8], mut at: u64) -> io::Result<()> {
    while !bytes.is_empty() {
        let n = std::os::windows::fs::FileExt::seek_read(file, bytes, at)?;
        if n == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        (bytes, at) = (&mut bytes[n..], at + n as u64);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spool() -> Arc<Spool> {
        Spool::new_in(&std::env::temp_dir()).unwrap()
    }

    #[test]
    fn a_text_put_is_read_back_byte_for_byte() {
        let s = spool();
        let a = s.put("Xã Kỳ Anh: 12/20 tiêu chí\n").unwrap();
        let b = s.put("").unwrap();
        let c = s.put("8.850,26 tỷ đồng").unwrap();
        assert_eq!(a.read().unwrap(), "Xã Kỳ Anh: 12/20 tiêu chí\n");
        assert_eq!(b.read().unwrap(), "");
        assert_eq!(c.read().unwrap(), "8.850,26 tỷ đồng");
        assert_eq!(s.len() as usize, a.len() + c.len());
    }

    #[test]
    fn texts_put_from_many_threads_each_read_back_as_put() {
        use rayon::prelude::*;
        let s = spool();
        let texts: Vec<String> = (0..2000).map(|i| format!("Bài {i}: {}\n", "đường ".repeat(i % 37))).collect();
        let handles: Vec<Spooled> = texts.par_iter().map(|t| s.put(t).unwrap()).collect();
        for (t, h) in texts.iter().zip(&handles) {
            assert_eq!(h.read().unwrap(), t.as_str());
        }
    }

    #[test]
    fn a_piece_of_what_was_read_is_not_written_again_and_a_new_text_is() {
        let s = spool();
        let whole = Text::Spooled(s.put("---\ntitle: Kỳ Anh\n---\nThân bài\n").unwrap());
        let read = whole.get().unwrap();
        let before = s.len();
        let body = read.slice(read.find("Thân").unwrap()..read.len()).unwrap();
        let kept = whole.keep(&read, body).unwrap();
        assert_eq!(s.len(), before, "a piece is a place in the spool, not a copy");
        assert_eq!(kept.get().unwrap(), "Thân bài\n");
        let made = whole.keep(&read, Shared::from("Thân bài \u{E000}0\u{E001}\n")).unwrap();
        assert!(s.len() > before);
        assert_eq!(made.get().unwrap(), "Thân bài \u{E000}0\u{E001}\n");
    }

    #[test]
    fn a_piece_past_the_end_is_refused() {
        let s = spool();
        let t = s.put("Thân").unwrap(); // five bytes: "â" is two
        assert!(t.piece(0..6).is_none());
        #[allow(clippy::reversed_empty_ranges)]
        let backwards = 3..2;
        assert!(t.piece(backwards).is_none());
        assert_eq!(t.piece(0..5).unwrap().read().unwrap(), "Thân");
    }

    #[test]
    fn a_damaged_text_is_an_error_not_a_panic() {
        let s = spool();
        let t = s.put("Thân").unwrap();
        // Cutting inside "â" (two bytes) leaves bytes that are not UTF-8.
        let cut = t.piece(0..3).unwrap();
        assert_eq!(cut.read().unwrap_err().kind(), io::ErrorKind::InvalidData);
        let past = Spooled { spool: Arc::clone(&s), range: 0..100 };
        assert!(past.read().is_err());
        assert!(s.first_failure() && !s.first_failure(), "a failure is said once");
    }

    #[test]
    fn held_text_is_kept_held() {
        let held = Text::from(Shared::from("Thân bài"));
        let read = held.get().unwrap();
        let kept = held.keep(&read, read.slice(0..5).unwrap()).unwrap();
        assert_eq!(kept.held().unwrap(), "Thân");
    }
}
