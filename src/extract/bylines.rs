//! Bylines: the article's authors, photographers and sources, who are not officials.
//!
//! Read from credit lines ("Tin: Thu Thủy", "Ảnh: Xuân Thu", "Bài và ảnh: ...", "Thực hiện: PV",
//! "Nguồn: BĐN"), a caption's closing "Ảnh: X", a signature line closing the article
//! ("Minh Ngọc", "Hoàng Tùng – Đàm Thanh", an outlet such as "Tiền Phong") and a signature in
//! capitals glued after the last sentence ("... trẻ em… T.PHÚC").

use super::phrases::find_str;
use super::{Author, Evidence, Span};
use std::sync::OnceLock;

/// Credit words a byline line starts with, longest first.
const CREDITS: &[&str] = &[
    "Bài và ảnh",
    "Bài, ảnh",
    "Tin và ảnh",
    "Tin, ảnh",
    "Tin - ảnh",
    "Tin/ảnh",
    "Bài/ảnh",
    "Tác giả",
    "Phóng viên",
    "Nhóm phóng viên",
    "Thực hiện",
    "Đồ họa",
    "Video",
    "Clip",
    "Nguồn",
    "Theo",
    "Tin",
    "Ảnh",
    "Bài",
];

/// The first bytes of the credit words: most lines open with none of them, and are turned away
/// without trying each credit.
const CREDIT_FIRST_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < CREDITS.len() {
        t[CREDITS[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    t
};

/// The credit word `t` starts with, the longest.
fn credit_at(t: &str) -> Option<&'static str> {
    let first = *t.as_bytes().first()?;
    if !CREDIT_FIRST_BYTES[first as usize] {
        return None;
    }
    CREDITS.iter().copied().find(|c| t.starts_with(c))
}

/// Words that open the line of the author's unit under a signature ("Ban Tuyên giáo Huyện ủy").
const UNIT_WORDS: &[&str] = &[
    "Ban",
    "Báo",
    "Đài",
    "Phòng",
    "Trung tâm",
    "Văn phòng",
    "Cổng",
    "Trang",
    "Tạp chí",
];

fn trimmed(text: &str, start: usize, end: usize) -> Span {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let body = s.trim();
    let body = body.trim_end_matches(['.', ',', ';']).trim_end();
    Span::new(start + lead, start + lead + body.len())
}

/// Is `s` a short signature: two to six capitalised words, maybe joined by dashes or commas, and
/// maybe the news agency in brackets after them ("Văn Dũng (TTXVN)")?
fn is_signature(s: &str) -> bool {
    let s = s.trim();
    let s = match s.strip_suffix(')').and_then(|r| r.rsplit_once(" (")) {
        Some((name, agency))
            if !agency.is_empty()
                && agency.chars().count() <= 12
                && agency
                    .chars()
                    .all(|c| c.is_uppercase() || c == '.' || c == ' ') =>
        {
            name
        }
        _ => s,
    };
    // (at most 4 bytes a letter: a longer line is told by its length)
    if s.is_empty()
        || s.len() > 200
        || s.chars().count() > 50
        || s.contains(':')
        || s.ends_with(['.', '!', '?', '|'])
    {
        return false;
    }
    let words: Vec<&str> = s
        .split([' ', '–', '-', ',', '/'])
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    if words.len() == 1 {
        // one word: only capitals or initials ("PV", "T.PHÚC")
        return words[0].chars().filter(|c| c.is_alphabetic()).count() >= 2
            && words[0].chars().all(|c| !c.is_lowercase());
    }
    words.iter().all(|w| {
        w.chars().next().is_some_and(|c| c.is_uppercase())
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '.' || c == '\'')
    })
}

/// "Thu Trang (Sở KH&ĐT)", "Văn Hào (Trung tâm Văn hóa xã)", "Minh Anh (t/h)", "Minh Thu -
/// Trung tâm Văn hóa huyện": a signature followed by its writer's unit or a note that the
/// story is compiled: the name alone.
fn signature_with_unit(s: &str) -> Option<&str> {
    let s = s.trim();
    // "Minh Thu - Trung tâm VH-TT&TT huyện": the unit after a dash
    let dashed = [" - ", " – "]
        .iter()
        .find_map(|d| find_str(s, d).map(|at| (&s[..at], &s[at + d.len()..])));
    if let Some((name, unit)) = dashed {
        if UNIT_WORDS.iter().any(|u| unit.starts_with(u)) && is_signature(name) {
            return Some(name);
        }
    }
    let (name, rest) = s.strip_suffix(')')?.rsplit_once(" (")?;
    let note = matches!(
        rest.to_lowercase().as_str(),
        "t/h" | "th" | "tổng hợp" | "ghi" | "lược ghi"
    );
    let unit = rest.chars().count() <= 60
        && (UNIT_WORDS.iter().any(|u| rest.starts_with(u))
            || ["Sở ", "CTV", "Cộng tác viên"]
                .iter()
                .any(|u| rest.starts_with(u)));
    ((note || unit) && is_signature(name)).then_some(name)
}

/// A short credit line ("Tin, ảnh: Mai Hoa", "Tác giả: Văn phòng Thành ủy"): page furniture to
/// the event's lead. ("Theo" opens sentences too and is left out.)
pub(crate) fn is_credit_line(line: &str) -> bool {
    let t = line.trim();
    t.len() <= 100
        && t.as_bytes()
            .first()
            .is_some_and(|&x| CREDIT_FIRST_BYTES[x as usize])
        && CREDITS.iter().filter(|c| **c != "Theo").any(|c| {
            t.strip_prefix(c).is_some_and(|rest| {
                rest.find(':')
                    .is_some_and(|p| p <= 30 && !rest[..p].contains(['.', ',']))
            })
        })
}

/// A page's time stamp: digits with a date's or a time's separators ("10/07/2025 15:20").
fn is_stamp(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.len() <= 48
        && s.bytes().any(|b| b.is_ascii_digit())
        && s.contains(['/', ':'])
        && !s.contains(". ")
}

/// Under the headline, the author beside the page's stamp: "Ngọc Anh | 10/07/2025 15:20",
/// "Thanh Hà - 10:15 03/03/2025": the name's length.
pub(crate) fn top_byline(line: &str) -> Option<usize> {
    let t = line.trim();
    // (a stamp is at most 48 bytes and a signature 50 letters: a paragraph, or a line with no
    // digit near its end, is turned away before any search)
    let tail = &t.as_bytes()[t.len().saturating_sub(52)..];
    if t.len() > 260 || !tail.iter().any(u8::is_ascii_digit) {
        return None;
    }
    [" | ", " - ", " – "].iter().find_map(|sep| {
        let at = find_str(t, sep)?;
        let (name, stamp) = (&t[..at], &t[at + sep.len()..]);
        (is_stamp(stamp) && !is_stamp(name) && is_signature(name) && !is_outlet_or_section(name))
            .then_some(name.len())
    })
}

/// "BÁO ĐỒNG NAI", "THỜI SỰ": the outlet or the section a page names beside its stamp, no
/// author.
fn is_outlet_or_section(name: &str) -> bool {
    const SECTIONS: [&str; 14] = [
        "thời sự",
        "chính trị",
        "xã hội",
        "kinh tế",
        "tin tức",
        "sự kiện",
        "quốc phòng",
        "an ninh",
        "pháp luật",
        "văn hóa",
        "thế giới",
        "trong nước",
        "giáo dục",
        "y tế",
    ];
    let lower = name.trim().to_lowercase();
    SECTIONS.contains(&lower.as_str())
        || UNIT_WORDS.iter().any(|u| {
            let u = u.to_lowercase();
            lower.starts_with(&u) && lower[u.len()..].starts_with(' ')
        })
}

/// A photo credit is a name or an agency, not a caption: "Ảnh: Đồng chí Bí thư Tỉnh ủy phát
/// biểu kết luận hội nghị." describes the photo.
fn is_caption(name: &str) -> bool {
    let words = name.split_whitespace().count();
    words > 6 || (words > 3 && name.trim_end().ends_with('.'))
}

/// "Tin liên quan", "Xem thêm": the heading of the links to other stories pasted under one.
/// (The dates read it too: a link's date is never the event's.)
pub(crate) fn is_related_heading(line: &str) -> bool {
    // (not "Tin mới nhất": a site's menu may open the page with it)
    const HEADINGS: [&str; 20] = [
        "tin liên quan",
        "tin khác cùng chuyên mục",
        "đọc tiếp",
        "tin mới hơn",
        "tin cũ hơn",
        "các tin đã đưa",
        "tin mới",
        "bài liên quan",
        "bài viết liên quan",
        "tin bài liên quan",
        "tin bài khác",
        "bài viết khác",
        "các bài viết khác",
        "tin cùng chuyên mục",
        "tin khác",
        "các tin khác",
        "tin đã đưa",
        "xem thêm",
        "đọc thêm",
        "có thể bạn quan tâm",
    ];
    let t = line.trim().trim_end_matches(':').trim_end();
    // (every line is asked: the long ones, nearly all, are told by their length alone, and
    // the others by their first byte before any lowercase copy)
    t.len() <= 32 && may_open_heading(t) && HEADINGS.iter().any(|h| lowercase_is(t, h, true))
}

/// Whether `s.to_lowercase()` is `target` (`whole`) or starts with it, read char by char
/// without the copy: most lines differ at their first letters. (The final sigma, the one char
/// `str::to_lowercase` lowers by its context, lowers to no byte of the Vietnamese targets.)
fn lowercase_is(s: &str, target: &str, whole: bool) -> bool {
    let mut rest = target.as_bytes();
    let mut buf = [0u8; 4];
    for c in s.chars() {
        if rest.is_empty() {
            return !whole;
        }
        if c.is_ascii() {
            if rest[0] != c.to_ascii_lowercase() as u8 {
                return false;
            }
            rest = &rest[1..];
            continue;
        }
        // (a char may lower to two: "İ" to "i̇")
        for l in c.to_lowercase() {
            if rest.is_empty() {
                return !whole;
            }
            let l = l.encode_utf8(&mut buf).as_bytes();
            if !rest.starts_with(l) {
                return false;
            }
            rest = &rest[l.len()..];
        }
    }
    rest.is_empty()
}

/// Each line of `text` (without its "\n") and where it starts; line ends found by memchr
/// (the callers turn most lines away by their first byte).
fn lines_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut at = 0;
    ends.map(move |end| {
        let a = at;
        at = end + 1;
        (a, &text[a..end])
    })
}

/// The entries of related-links lists: after a heading ("Tin liên quan", "Tin khác:"), the
/// lines that read as links to other stories (a bullet, a date opening or closing them, or a
/// headline's form: short, with no full stop), up to the first paragraph of prose. Their
/// names are other stories' people. (A heading with a link after its colon is one too.)
pub(crate) fn related_link_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut in_list = false;
    for (a, line) in lines_at(text) {
        if !in_list && !may_open_heading(line) {
            continue;
        }
        let b = a + line.trim_end().len();
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if may_open_heading(t) {
            if is_related_heading(t) {
                in_list = true;
                continue;
            }
            if let Some((h, rest)) = t.split_once(':') {
                if !rest.trim().is_empty() && is_related_heading(h) {
                    in_list = true;
                    out.push(Span::new(a, b));
                    continue;
                }
            }
        }
        if !in_list {
            continue;
        }
        let bullet = t.starts_with(['-', '–', '»', '›', '•', '+', '*', '·', '>', '◦', '▪']);
        let dated = t.starts_with(|c: char| c.is_ascii_digit())
            || t.ends_with(')')
                && t.rsplit_once('(').is_some_and(|(_, d)| {
                    d.bytes().any(|c| c.is_ascii_digit())
                        && d.bytes()
                            .all(|c| c.is_ascii_digit() || b"/-.: )".contains(&c))
                });
        let headline = t.len() < 240 && !t.ends_with(['.', '!', '?', ':', ';', ',']);
        if bullet || dated || headline {
            out.push(Span::new(a, b));
        } else {
            in_list = false;
        }
    }
    out
}

/// A site's masthead lines ("Tổng Biên tập: X", "Chịu trách nhiệm nội dung: X"): the page's
/// staff, not the story's officials.
pub(crate) fn masthead_spans(text: &str) -> Vec<Span> {
    const LABELS: [&str; 6] = [
        "tổng biên tập:",
        "phó tổng biên tập:",
        "trưởng ban biên tập:",
        "phó trưởng ban biên tập:",
        "chịu trách nhiệm nội dung:",
        "chịu trách nhiệm xuất bản:",
    ];
    let mut out = Vec::new();
    for (a, line) in lines_at(text) {
        // (first bytes: 'T', 'P', 'C', any case)
        if !matches!(
            line.as_bytes().first(),
            Some(b'T' | b't' | b'P' | b'p' | b'C' | b'c')
        ) {
            continue;
        }
        let head = &line[..super::dates::floor_boundary(line, line.len().min(40))];
        if LABELS.iter().any(|l| lowercase_is(head, l, false)) {
            out.push(Span::new(a, a + line.len()));
        }
    }
    out
}

/// Whether `line`, its leading blanks aside, opens with a byte a related-links heading may
/// open with: only 'T', 'B', 'C', 'X' and 'Đ' (C4 90) lowercase to a heading's first letter.
/// A line that does not is no heading, and nor is any start of it.
pub(crate) fn may_open_heading(line: &str) -> bool {
    matches!(
        line.trim_start().as_bytes().first(),
        Some(b't' | b'T' | b'b' | b'B' | b'c' | b'C' | b'x' | b'X' | 0xC4)
    )
}

/// "Chia sẻ | Bình luận | In bài": the page's own links, not the story.
fn is_share_line(line: &str) -> bool {
    const WORDS: [&str; 8] = [
        "Chia sẻ",
        "Bình luận",
        "In bài",
        "Gửi bài",
        "Facebook",
        "Zalo",
        "Twitter",
        "Email",
    ];
    // (eight links at most: a paragraph is told by its length before it is split)
    if line.len() > 120 {
        return false;
    }
    let parts: Vec<&str> = line
        .split(['|', '/', '·'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    !parts.is_empty()
        && parts
            .iter()
            .all(|p| WORDS.iter().any(|w| p.eq_ignore_ascii_case(w)))
}

/// "Bản quyền thuộc Báo Quảng Ngãi", "© 2025 Báo Nam Định": the page's footer under the story.
fn is_footer_line(line: &str) -> bool {
    let t = line.trim();
    t.len() <= 160
        && [
            "Bản quyền",
            "BẢN QUYỀN",
            "©",
            "Copyright",
            "Ghi rõ nguồn",
            "Giấy phép",
        ]
        .iter()
        .any(|w| t.starts_with(w))
}

fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        out.push((start, i));
        start = i + 1;
    }
    out.push((start, text.len()));
    out
}

/// Where the last "Ảnh:" of `line` starts. (Colons are rare: look for them first.)
fn last_photo_credit(line: &str) -> Option<usize> {
    const WORD: &str = "Ảnh";
    memchr::memrchr_iter(b':', line.as_bytes())
        .find(|&p| line[..p].ends_with(WORD))
        .map(|p| p - WORD.len())
}

/// In "X - Ảnh: Y" (or "X; Ảnh: Y", "X, Ảnh: Y"): where the separator before "Ảnh:" is, and
/// where Y starts.
fn photo_after_dash(s: &str) -> Option<(usize, usize)> {
    photo_after_dash_at(s, last_photo_credit(s)?)
}

/// [`photo_after_dash`] given `last_photo_credit(s) == Some(p)`.
fn photo_after_dash_at(s: &str, p: usize) -> Option<(usize, usize)> {
    let before = s[..p].trim_end();
    let dash = before.strip_suffix(['-', '–', ';', ','])?.trim_end().len();
    (dash > 0).then_some((dash, p + "Ảnh:".len()))
}

/// Where the last sentence end (". ", "… ", "! ", "? ") of `line` starts.
fn last_sentence_end(line: &str) -> Option<usize> {
    memchr::memrchr_iter(b' ', line.as_bytes()).find_map(|sp| {
        let before = &line[..sp];
        ['.', '…', '!', '?']
            .into_iter()
            .find(|&c| before.ends_with(c))
            .map(|c| sp - c.len_utf8())
    })
}

/// "(Theo TTXVN)", "Theo VOV": the outlet a story is taken from, starting at byte `start`.
fn source(text: &str, start: usize, outlet: &str, line: Span) -> Option<Author> {
    author(text, Span::new(start, start + outlet.len()), "Theo", line)
}

fn author(text: &str, name: Span, credit: &str, line: Span) -> Option<Author> {
    let n = name.slice(text).trim();
    if n.is_empty() || n.len() > 240 || n.chars().count() > 60 {
        return None;
    }
    Some(Author {
        name: n.to_string(),
        credit: credit.to_string(),
        evidence: Evidence {
            mention: name,
            sentence: line,
        },
    })
}

/// Credits such as "Tin: Thu Thủy", "Ảnh: Xuân Thu", and signatures closing the article.
pub fn find(text: &str) -> Vec<Author> {
    let mut out: Vec<Author> = Vec::new();
    let ls = lines(text);
    // The author under the headline: beside the stamp ("Ngọc Anh | 10/07/2025 15:20"), or a
    // name in capitals on its own line above the stamp ("THANH HÀ\n10/07/2025 15:20 GMT+7").
    let top: Vec<(usize, usize)> = ls
        .iter()
        .copied()
        .filter(|&(a, b)| !text[a..b].trim().is_empty())
        .take(4)
        .collect();
    for (i, &(a, b)) in top.iter().enumerate().skip(1) {
        let line = &text[a..b];
        let off = a + (line.len() - line.trim_start().len());
        let len = top_byline(line).or_else(|| {
            let t = line.trim();
            let next_is_stamp = || top.get(i + 1).is_some_and(|&(c, d)| is_stamp(&text[c..d]));
            // (below a headline: a section's name in capitals comes above it)
            let after_headline = || {
                let (c, d) = top[i - 1];
                let h = text[c..d].trim();
                h.split_whitespace().take(5).count() >= 5 && !h.ends_with('.')
            };
            (t.len() <= 40
                && next_is_stamp()
                && after_headline()
                && !is_outlet_or_section(t)
                && t.split_whitespace().count() >= 2
                && t.chars().all(|c| !c.is_lowercase())
                && is_signature(t))
            .then_some(t.len())
        });
        if let Some(au) =
            len.and_then(|n| author(text, Span::new(off, off + n), "", Span::new(a, b)))
        {
            out.push(au);
            break;
        }
    }
    // Where every "Ảnh:" of the text starts, found at once: each line asks for its last one
    // (most lines have none), where a search per line read every line twice.
    static PHOTO: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let photo = PHOTO.get_or_init(|| memchr::memmem::Finder::new("Ảnh:"));
    let mut credits = photo.find_iter(text.as_bytes()).peekable();
    for &(a, b) in &ls {
        let line = &text[a..b];
        let t = line.trim_start();
        let off = a + (line.len() - t.len());
        // `last_photo_credit(line)`: the last "Ảnh:" whose colon is on the line (a credit is
        // no blank, so it is `t`'s too, `off - a` bytes further left there).
        let mut photo_credit = None;
        while let Some(&p) = credits.peek().filter(|&&p| p + "Ảnh".len() < b) {
            if p >= a {
                photo_credit = Some(p - a);
            }
            credits.next();
        }
        // "Tin: X", "Nguồn VNEWS: url", "Thực hiện: PV"
        if let Some(credit) = credit_at(t) {
            let rest = &t[credit.len()..];
            if let Some(colon) = rest
                .find(':')
                .filter(|&c| c <= 30 && !rest[..c].contains(['.', ',']))
            {
                let named = rest[..colon].trim();
                let after = colon + 1;
                if credit == "Ảnh" && is_caption(&rest[after..]) {
                    continue;
                }
                let name = if !named.is_empty() && rest[after..].trim_start().starts_with("http") {
                    let s = off + credit.len() + (rest.len() - rest.trim_start().len());
                    Span::new(s, s + named.len())
                } else {
                    trimmed(text, off + credit.len() + after, b)
                };
                // "Bài: Quang Minh - Ảnh: TTXVN": two credits on one line.
                let (name, photo) = match photo_after_dash(name.slice(text)) {
                    Some((dash, p)) => (
                        trimmed(text, name.start, name.start + dash),
                        Some(trimmed(text, name.start + p, b)),
                    ),
                    None => (name, None),
                };
                if let Some(au) = author(text, name, credit, Span::new(a, b)) {
                    out.push(au);
                }
                if let Some(au) = photo.and_then(|p| author(text, p, "Ảnh", Span::new(a, b))) {
                    out.push(au);
                }
                continue;
            }
        }
        // "(Theo TTXVN)", "(Theo Báo Nhân Dân)": the source, on a line of its own.
        if let Some(outlet) = t
            .trim_end()
            .strip_prefix("(Theo ")
            .and_then(|r| r.strip_suffix(')'))
            .filter(|o| is_signature(o))
        {
            out.extend(source(text, off + "(Theo ".len(), outlet, Span::new(a, b)));
            continue;
        }
        // "Thùy Dương - Ảnh: Tuấn Anh": a signature, then the photographer.
        if let Some((dash, p)) = photo_credit
            .and_then(|p| photo_after_dash_at(t, p - (off - a)))
            .filter(|&(dash, _)| is_signature(&t[..dash]))
        {
            for (name, credit) in [
                (trimmed(text, off, off + dash), ""),
                (trimmed(text, off + p, b), "Ảnh"),
            ] {
                if let Some(au) = author(text, name, credit, Span::new(a, b)) {
                    out.push(au);
                }
            }
            continue;
        }
        // a caption closing on "Ảnh: X"
        if let Some(p) = photo_credit.filter(|&p| p > 0) {
            let before = line[..p].trim_end();
            if before.ends_with(['.', '|', ')']) {
                let name = trimmed(text, a + p + "Ảnh:".len(), b);
                if name.slice(text).chars().count() <= 40 {
                    if let Some(au) = author(text, name, "Ảnh", Span::new(a, b)) {
                        out.push(au);
                    }
                }
            }
        }
    }
    // Signature lines closing the article: the story's last lines, above a "Tin liên quan" list
    // and the page's "Chia sẻ | Bình luận" links.
    let mut body: Vec<(usize, usize)> = ls
        .iter()
        .copied()
        .filter(|&(a, b)| !text[a..b].trim().is_empty())
        .collect();
    if let Some(heading) = body
        .iter()
        .position(|&(a, b)| is_related_heading(&text[a..b]))
    {
        body.truncate(heading);
    }
    while body
        .last()
        .is_some_and(|&(a, b)| is_share_line(&text[a..b]) || is_footer_line(&text[a..b]))
    {
        body.pop();
    }
    if body.len() >= 2 {
        let mut idx = body.len() - 1;
        for _ in 0..2 {
            let (a, b) = body[idx];
            let line = text[a..b].trim();
            let unit = UNIT_WORDS.iter().any(|u| line.starts_with(u)) && !line.ends_with('.');
            // "Theo VOV", "Theo Nhân Dân": the outlet a story is taken from.
            if let Some(outlet) = line.strip_prefix("Theo ").filter(|o| is_signature(o)) {
                let s = a + (text[a..b].len() - text[a..b].trim_start().len()) + "Theo ".len();
                out.extend(source(text, s, outlet, Span::new(a, b)));
                break;
            }
            if out.iter().any(|o| o.evidence.sentence.start == a) {
                // (a credit line read above: "(Theo TTXVN)")
            } else if is_signature(line) {
                if let Some(au) = author(text, trimmed(text, a, b), "", Span::new(a, b)) {
                    out.push(au);
                }
                break;
            } else if let Some(name) = signature_with_unit(line) {
                let s = a + (text[a..b].len() - text[a..b].trim_start().len());
                if let Some(au) = author(text, Span::new(s, s + name.len()), "", Span::new(a, b)) {
                    out.push(au);
                }
                break;
            }
            if !unit || idx == 0 {
                break;
            }
            idx -= 1;
        }
    }
    if let Some(&(a, b)) = body.last() {
        // "... vì trẻ em… T.PHÚC": capitals glued after the last sentence
        let line = &text[a..b];
        let term = last_sentence_end(line);
        if let Some(p) = term {
            let p_end = p + line[p..].chars().next().map_or(1, char::len_utf8);
            let tail = line[p_end..].trim();
            // (more than 80 bytes hold more than 20 letters)
            let before = line[..p].trim();
            let has_sentence = before.len() > 80 || before.chars().count() > 20;
            if has_sentence
                && !tail.is_empty()
                && tail.len() <= 30
                && tail.split(' ').count() <= 3
                && tail.chars().all(|c| !c.is_lowercase())
                && tail.chars().filter(|c| c.is_alphabetic()).count() >= 2
            {
                let s = a + p_end + (line[p_end..].len() - line[p_end..].trim_start().len());
                if let Some(au) = author(text, Span::new(s, s + tail.len()), "", Span::new(a, b)) {
                    out.push(au);
                }
            }
        }
    }
    // One author once, at the first credit: "Ảnh: X" under every photo is one photographer.
    let mut seen = Vec::with_capacity(out.len());
    out.retain(|a| {
        let key = (a.credit.clone(), a.name.clone());
        let first = !seen.contains(&key);
        seen.push(key);
        first
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_is_as_to_lowercase_reads() {
        let texts = [
            "Tổng Biên tập: X",
            "TỔNG BIÊN TẬP:",
            "Tin liên quan",
            "TIN LIÊN QUAN",
            "Tin Liên",
            "İstanbul",
            "Đọc thêm",
            "ĐỌC THÊM ",
            "Xem thêm:",
            "ΣΑΣ",
            "tin",
            "",
        ];
        let targets = [
            "tổng biên tập:",
            "tin liên quan",
            "i",
            "i̇s",
            "đọc thêm",
            "xem thêm",
            "",
        ];
        for s in texts {
            for t in targets {
                let low = s.to_lowercase();
                assert_eq!(lowercase_is(s, t, true), low == t, "{s:?} = {t:?}");
                assert_eq!(
                    lowercase_is(s, t, false),
                    low.starts_with(t),
                    "{s:?} ^ {t:?}"
                );
            }
        }
    }

    /// `bylines.examples.tsv`: text (`\n` for line breaks) → authors as `credit=name`, `|`-joined.
    #[test]
    fn examples() {
        let data = include_str!("bylines.examples.tsv");
        let mut failures = Vec::new();
        for (n, line) in data.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((input, expected)) = line.split_once('\t') else {
                continue;
            };
            let input = input.replace("\\n", "\n");
            let got: Vec<String> = find(&input)
                .iter()
                .map(|a| format!("{}={}", a.credit, a.name))
                .collect();
            let got = got.join("|");
            if got != expected {
                failures.push(format!("line {}: → {got:?}, expected {expected:?}", n + 1));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
