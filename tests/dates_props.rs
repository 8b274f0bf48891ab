//! Property tests: dates, events and figures never panic, and what they return is well formed,
//! on arbitrary text and on mutated articles.

use nienbieu::extract::{dates, events, figures, normalize, Context};
use proptest::prelude::*;

const ARTICLES: [&str; 5] = [
    "Hội nghị lần thứ 13 Ban Chấp hành Đảng bộ tỉnh khoá XX\n\nSáng 28-12, BCH Đảng bộ tỉnh khoá XX họp hội nghị tổng kết công tác năm 2021, phương hướng, nhiệm vụ năm 2022. Ước cả năm đạt và vượt 11/14 chỉ tiêu; 78/204 xã (chiếm 38%) đạt chuẩn.",
    "19/11/2015 - 18:22\n\nChiều ngày 18-11-2015, Ban Tuyên giáo tổ chức hội nghị. Đại hội diễn ra từ 13 đến 16-10-2015, theo Công văn 5185-CV/VPTW ngày 24/10.",
    "Nhân kỷ niệm 88 năm Ngày truyền thống Mặt trận (18/11/1930 - 18/11/2018), sáng 11/11, Tổng Bí thư về dự Ngày hội.\n- 14-10-2015Kêu gọi\n- 04-10-2015Khai mạc",
    "Thursday, April 27, 2017\n\n(TTV)- Ngày 5/12 và chiều 16 và sáng 17.10, kể từ ngày 1/9/2022, từ ngày 1.7.2016 đến ngày 1.7.2021; ngày 12 tháng 02 năm 2026.",
    "Ngày xuất bản: 12/04/2024 | Lượt xem: 312\nHà Nội, 21/9 (TTXVN) - Chiều qua, sáng thứ Hai (13-4), hôm nay (thứ Bảy, 21/6), trong hai ngày 22, 23/9 (từ 22 - 24/9), quý I/2024, kỳ họp dự kiến khai mạc vào ngày 20/5.\nẢnh chụp sáng 12/4. Ảnh: A\n- Hội nghị (12/04/2023)\n- Trao quyết định - 10/04/2023\nTin khác\n12/04/2023 - Hội nghị",
];

fn valid_iso(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let md_ok = |m: &[u8], d: &[u8]| {
        let m = (m[0] - b'0') * 10 + (m[1] - b'0');
        let d = (d[0] - b'0') * 10 + (d[1] - b'0');
        (1..=12).contains(&m) && (1..=31).contains(&d)
    };
    match b.len() {
        10 => {
            digits(0..4)
                && b[4] == b'-'
                && b[7] == b'-'
                && digits(5..7)
                && digits(8..10)
                && md_ok(&b[5..7], &b[8..10])
        }
        7 => {
            s.starts_with("--")
                && b[4] == b'-'
                && digits(2..4)
                && digits(5..7)
                && md_ok(&b[2..4], &b[5..7])
        }
        _ => false,
    }
}

fn check(text: &str, ctx: &Context) {
    let text = normalize::normalize(text);
    let sentences = normalize::sentences(&text);
    if let Some(d) = dates::find_event_date(&text, &sentences, ctx) {
        assert!(valid_iso(&d.iso), "bad ISO {:?}", d.iso);
        if let Some(ev) = d.evidence {
            assert!(
                text.get(ev.mention.start..ev.mention.end).is_some(),
                "mention off a char boundary"
            );
            assert!(
                text.get(ev.sentence.start..ev.sentence.end).is_some(),
                "sentence off a char boundary"
            );
        }
    }
    let event = events::detect(&text, &sentences);
    if let Some(ev) = event.evidence {
        assert!(text.get(ev.mention.start..ev.mention.end).is_some());
    }
    for f in figures::find(&text, &sentences) {
        assert!(text
            .get(f.evidence.mention.start..f.evidence.mention.end)
            .is_some());
    }
}

/// Text made of the pieces dates are written with, so the scanners are exercised hard.
fn datey() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Sáng ".to_string()),
        Just("ngày ".to_string()),
        Just("nay (".to_string()),
        Just("tháng ".to_string()),
        Just("năm ".to_string()),
        Just("Đại hội nhiệm kỳ ".to_string()),
        Just("kỷ niệm 90 năm ".to_string()),
        Just("Tết ".to_string()),
        Just("\n- ".to_string()),
        Just("Ảnh: ".to_string()),
        Just("%".to_string()),
        "[0-9]{1,5}",
        "[-/.–: ,()]",
        "[a-zđàáạảãăắằẳẵặâấầẩẫậ]{1,4}",
        Just("April ".to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text(text in "\\PC{0,300}", url in proptest::option::of("\\PC{0,60}"), published in proptest::option::of("[0-9-]{0,12}")) {
        check(&text, &Context { url, published });
    }

    #[test]
    fn date_shaped_text(text in datey(), url in proptest::option::of("[a-z0-9/.-]{0,40}")) {
        check(&text, &Context { url, published: Some("2020-02".into()) });
        check(&text, &Context { url: None, published: Some("2024-02-29".into()) });
    }

    #[test]
    fn mutated_articles(which in 0usize..ARTICLES.len(), cuts in prop::collection::vec((0usize..400, 0usize..6, "\\PC{0,4}"), 0..8)) {
        let mut chars: Vec<char> = ARTICLES[which].chars().collect();
        for (at, del, ins) in cuts {
            let at = at.min(chars.len());
            let end = (at + del).min(chars.len());
            chars.splice(at..end, ins.chars());
        }
        let text: String = chars.into_iter().collect();
        check(&text, &Context::default());
    }
}

#[test]
fn edge_inputs() {
    for t in [
        "",
        " ",
        "\n\n",
        "28/12",
        "(",
        "ngày",
        "Sáng 31/2, ",
        "29/2/2023",
        "ngày 99 tháng 99 năm 9999",
        "1/1/1",
        "April 31, 2017",
        "- 01-01-2020x",
    ] {
        check(t, &Context::default());
    }
    let big = ARTICLES.concat().repeat(2000);
    check(&big, &Context::default());
}
