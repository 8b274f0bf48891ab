//! Robustness of `extract()`: it never panics, stays fast, and every span it returns is in
//! range and on character boundaries, whatever the input (arbitrary strings, mutated articles,
//! empty or huge texts, control characters, NFD text, HTML source, mixed scripts).

use nienbieu::extract::{extract, Context, Extraction, Span};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

fn check_span(text: &str, s: Span, what: &str) {
    assert!(
        s.start <= s.end && s.end <= text.len(),
        "{what} span {s:?} out of range ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what} span {s:?} off char boundary"
    );
}

fn check(x: &Extraction) {
    let t = &x.text;
    for p in &x.people {
        assert!(!p.name.is_empty());
        for m in &p.mentions {
            check_span(t, m.mention, "mention");
            check_span(t, m.sentence, "mention sentence");
        }
        for ti in &p.titles {
            assert!(!ti.text.is_empty());
            check_span(t, ti.evidence.mention, "title");
            check_span(t, ti.evidence.sentence, "title sentence");
        }
    }
    for a in &x.authors {
        check_span(t, a.evidence.mention, "author");
        check_span(t, a.evidence.sentence, "author line");
    }
    for f in &x.figures {
        check_span(t, f.evidence.mention, "figure");
    }
    if let Some(e) = x.event_date.as_ref().and_then(|d| d.evidence) {
        check_span(t, e.mention, "date");
    }
    if let Some(e) = x.event.evidence {
        check_span(t, e.mention, "event");
    }
    // the JSON contract serializes
    assert!(serde_json::to_string(x).is_ok());
}

fn run(text: &str) -> Extraction {
    let x = extract(text, &Context::default());
    check(&x);
    x
}

const ARTICLE: &str = "Hội nghị lần thứ 13 Ban Chấp hành Đảng bộ tỉnh khoá XX\n\nSáng 28-12, các đồng chí: Phạm Văn A, Uỷ viên BCH Trung ương Đảng, Bí thư Tỉnh uỷ; Lê Thị B, Phó Bí thư Thường trực Tỉnh uỷ, Chủ tịch HĐND tỉnh, chủ trì hội nghị. HĐND tỉnh bầu chức danh Phó Chủ tịch UBND tỉnh đối với ông Trần Văn C, Giám đốc Sở Tài chính và bà Ngô Thị D, Chánh Văn phòng UBND tỉnh. Ông C (45 tuổi, Trưởng phòng Doanh nghiệp, kinh tế tập thể và tư nhân) được bầu giữ chức Phó Chủ tịch. Đồng chí Đỗ Văn E, Trợ lý đồng chí Phạm Văn A, Bí thư Tỉnh ủy, giữ chức Thư ký.\n\nTin: Thu Thủy\nẢnh: Xuân Thu";

#[test]
fn degenerate_inputs() {
    for t in [
        "",
        " ",
        "\n\n\t  \r\n",
        "\u{0}\u{1}\u{7f}",
        "…",
        "(",
        ")",
        "-",
        "ông",
        "Ông Bà",
        "đồng chí",
        "các đồng chí:",
        "Bí thư",
        "Nguyễn",
    ] {
        run(t);
    }
    run(&ARTICLE.nfd().collect::<String>());
    run(&ARTICLE.to_uppercase());
    run(&ARTICLE.to_lowercase());
    let html = format!(
        "<html><body><p class=\"x\">{}</p><script>var a = '&amp;';</script></body></html>",
        ARTICLE.replace('\n', "<br/>")
    );
    run(&html);
    let mixed = format!("{ARTICLE} Президент Путин 習近平主席 الرئيس 🇻🇳 Ð Ɖ \u{202e}abc\u{200b}");
    run(&mixed);
    let controls: String = ARTICLE.chars().flat_map(|c| [c, '\u{0008}']).collect();
    run(&controls);
}

/// The same article as a page's HTML source reads the same officials.
#[test]
fn html_source_reads_as_its_text() {
    let plain = extract(ARTICLE, &Context::default());
    let html = format!(
        "<div class=\"detail\"><h1>Tin</h1><p>{}</p><script>var x = '<p>Nguyễn Văn Giả, Bí thư</p>';</script></div>",
        ARTICLE
            .replace('\n', "</p><p>")
            .replace("á", "&aacute;")
            .replace(' ', " <span></span>")
    );
    let from_html = extract(&html, &Context::default());
    let people = |e: &nienbieu::extract::Extraction| {
        e.people
            .iter()
            .map(|p| {
                (
                    p.name.clone(),
                    p.titles.iter().map(|t| t.text.clone()).collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert!(!plain.people.is_empty());
    assert_eq!(people(&from_html), people(&plain));
    assert_eq!(
        from_html.event_date.map(|d| d.iso),
        plain.event_date.map(|d| d.iso)
    );
}

#[test]
fn ten_megabytes() {
    let mut big = String::with_capacity(10 << 20);
    while big.len() < 10 << 20 {
        big.push_str(ARTICLE);
        big.push('\n');
    }
    let x = run(&big);
    assert!(!x.people.is_empty());
    // one 10 MB line without spaces or breaks
    let glued: String = ARTICLE
        .chars()
        .filter(|c| !c.is_whitespace())
        .cycle()
        .take(10 << 20)
        .collect();
    run(&glued);
    // 10 MB of one repeated cue
    run(&"ông ".repeat(2 << 20));
}

fn mutate(base: &str, ops: &[(u8, usize, char)]) -> String {
    let mut chars: Vec<char> = base.chars().collect();
    for &(op, pos, c) in ops {
        if chars.is_empty() {
            chars.push(c);
            continue;
        }
        let p = pos % chars.len();
        match op % 5 {
            0 => chars.insert(p, c),
            1 => {
                chars.remove(p);
            }
            2 => chars[p] = c,
            3 => chars.truncate(p),
            _ => {
                let tail: Vec<char> = chars[p..].to_vec();
                chars.extend(tail);
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(s in any::<String>()) {
        run(&s);
    }

    #[test]
    fn vietnamese_like_strings(s in "[ A-Za-zĐđÐăâêôơưÂĂÊÔƠƯáàảãạấầẩẫậếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵúùủũụ,.;:()\\-–\n0-9]{0,400}") {
        run(&s);
    }

    #[test]
    fn tag_soup(s in "(<[/!]?[a-z]{0,6}( [a-z]+=[\"'][^\"']{0,8}[\"'])?/?>|&#?[a-z0-9]{0,8};?|<!--|-->|[ a-zăâđêôơưáàạ<>&;\n]{0,12}){0,60}") {
        run(&s);
    }

    #[test]
    fn mutated_articles(ops in proptest::collection::vec((any::<u8>(), any::<usize>(), any::<char>()), 0..12)) {
        let text = mutate(ARTICLE, &ops);
        run(&text);
        run(&text.nfd().collect::<String>());
    }
}
