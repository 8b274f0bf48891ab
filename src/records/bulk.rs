//! Bulk import of many `.txt` files, one article each, one step at a time so the UI can show
//! progress (and stay responsive) between files.

use super::article::{AddError, Added, ArticleId, Library, Source};

/// What became of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileOutcome {
    Added(ArticleId),
    /// The same text is already in the library (or earlier in this batch).
    Duplicate(ArticleId),
    /// Not UTF-8 text; `valid_up_to` bytes were, `utf16` if it looks like UTF-16 (a byte order
    /// mark), so the UI can say "save it as UTF-8".
    NotUtf8 {
        valid_up_to: usize,
        utf16: bool,
    },
    /// Nothing but whitespace.
    Empty,
}

/// One file's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    pub name: String,
    pub outcome: FileOutcome,
}

/// A batch of files to add, read one per [`BulkImport::step`].
#[derive(Debug, Clone)]
pub struct BulkImport {
    files: std::vec::IntoIter<(String, Vec<u8>)>,
    total: usize,
    done: usize,
}

impl BulkImport {
    /// `files`: (file name, bytes), in the order to add them.
    pub fn new(files: Vec<(String, Vec<u8>)>) -> BulkImport {
        BulkImport {
            total: files.len(),
            files: files.into_iter(),
            done: 0,
        }
    }

    /// (files done, files in all).
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.total)
    }

    pub fn is_done(&self) -> bool {
        self.done == self.total
    }

    /// Adds the next file to `library`; `None` when all are done. `now_ms` is the time of
    /// adding (each article gets its own, one millisecond apart, so their order is kept).
    pub fn step(
        &mut self,
        library: &mut Library,
        now_ms: u64,
        extractor_version: u32,
    ) -> Option<FileReport> {
        let (name, bytes) = self.files.next()?;
        let at = now_ms + self.done as u64;
        self.done += 1;
        let outcome = match read(&bytes) {
            Err(why) => why,
            Ok(text) => match library.add_article(text, Source::default(), at, extractor_version) {
                Ok(Added::New(id)) => FileOutcome::Added(id),
                Ok(Added::Duplicate(id)) => FileOutcome::Duplicate(id),
                Err(AddError::Empty) | Err(AddError::BadPublished(_)) => FileOutcome::Empty,
            },
        };
        Some(FileReport { name, outcome })
    }

    /// Runs every remaining step.
    pub fn run(
        &mut self,
        library: &mut Library,
        now_ms: u64,
        extractor_version: u32,
    ) -> Vec<FileReport> {
        std::iter::from_fn(|| self.step(library, now_ms, extractor_version)).collect()
    }
}

/// The text of a file, or why it has none.
fn read(bytes: &[u8]) -> Result<&str, FileOutcome> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(t) if utf16 => Err(FileOutcome::NotUtf8 {
            valid_up_to: t.len(),
            utf16,
        }),
        Ok(t) if t.trim().is_empty() => Err(FileOutcome::Empty),
        Ok(t) => Ok(t),
        Err(e) => Err(FileOutcome::NotUtf8 {
            valid_up_to: e.valid_up_to(),
            utf16,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_each_file() {
        let mut lib = Library::new();
        let text = "Sáng 7-9, Phó Chủ tịch UBND tỉnh đi kiểm tra công tác phòng, chống bão.";
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        let latin1: Vec<u8> = b"S\xe1ng 7-9".to_vec();
        let files = vec![
            ("a.txt".to_string(), text.as_bytes().to_vec()),
            (
                "b.txt".to_string(),
                [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
            ),
            ("c.txt".to_string(), b"  \n\t ".to_vec()),
            ("d.txt".to_string(), utf16),
            ("e.txt".to_string(), latin1),
            ("f.txt".to_string(), "Bài khác.".as_bytes().to_vec()),
        ];
        let mut bulk = BulkImport::new(files);
        assert_eq!(bulk.progress(), (0, 6));
        let first = bulk.step(&mut lib, 1000, 1).unwrap();
        assert!(matches!(first.outcome, FileOutcome::Added(_)));
        assert_eq!(bulk.progress(), (1, 6));
        let rest = bulk.run(&mut lib, 1000, 1);
        let outcomes: Vec<_> = rest.iter().map(|r| (r.name.as_str(), &r.outcome)).collect();
        assert!(matches!(outcomes[0], ("b.txt", FileOutcome::Duplicate(_))));
        assert_eq!(outcomes[1], ("c.txt", &FileOutcome::Empty));
        assert!(matches!(
            outcomes[2],
            ("d.txt", FileOutcome::NotUtf8 { utf16: true, .. })
        ));
        assert_eq!(
            outcomes[3],
            (
                "e.txt",
                &FileOutcome::NotUtf8 {
                    valid_up_to: 1,
                    utf16: false
                }
            )
        );
        assert!(matches!(outcomes[4], ("f.txt", FileOutcome::Added(_))));
        assert!(bulk.is_done());
        assert_eq!(lib.len(), 2);
        // Added in order, one millisecond apart.
        let mut times: Vec<u64> = lib.articles().map(|a| a.added_ms).collect();
        times.sort();
        assert_eq!(times, [1000, 1005]);
    }
}
