//! The command-line extractor, run as a user runs it: `nienbieu extract` on standard input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nienbieu"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the nienbieu binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    // Written from a thread: a large input would otherwise fill the pipe while output waits.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("nienbieu finishes");
    writer.join().expect("input written");
    out
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

const ARTICLE: &str = "Sáng 28-12, BCH Đảng bộ tỉnh khoá XX họp hội nghị lần thứ 13. Đồng chí \
     Phạm Văn A, Uỷ viên BCH Trung ương Đảng, Bí thư Tỉnh uỷ chủ trì hội nghị.";

#[test]
fn one_article() {
    let out = run(
        &["extract", "--published", "2021-12-30"],
        ARTICLE.as_bytes(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = &json_lines(&out)[0];
    assert_eq!(v["date"], "2021-12-28");
    assert_eq!(v["people"][0]["name"], "Phạm Văn A");
    assert_eq!(
        v["people"][0]["titles"],
        serde_json::json!(["Ủy viên Ban Chấp hành Trung ương Đảng", "Bí thư Tỉnh ủy"])
    );
}

#[test]
fn one_article_not_utf8() {
    let out = run(&["extract"], b"Ng\xe0y 5/4");
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not valid UTF-8 (at byte 2)"), "{err}");
}

#[test]
fn bad_lines_are_named_and_the_others_go_through() {
    let mut input = Vec::new();
    input.extend_from_slice(
        format!("{}\n", serde_json::json!({"id": 1, "text": ARTICLE})).as_bytes(),
    );
    input.extend_from_slice(b"\xff\xfe\n");
    input.extend_from_slice(b"{bad json\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(b"{\"id\": \"no text\"}\n");
    input.extend_from_slice(
        format!(
            "{}\n",
            serde_json::json!({"id": 6, "text": ARTICLE, "published": "2024-13"})
        )
        .as_bytes(),
    );
    input.extend_from_slice(
        format!(
            "{}\n",
            serde_json::json!({"id": "last", "text": ARTICLE, "url": "https://t.vn/202201/x"})
        )
        .as_bytes(),
    );
    let out = run(&["extract", "--jsonl"], &input);
    assert!(!out.status.success(), "a failed line sets the exit code");
    let ids: Vec<_> = json_lines(&out).iter().map(|v| v["id"].clone()).collect();
    assert_eq!(ids, [serde_json::json!(1), serde_json::json!("last")]);
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    let expected = [
        "nienbieu: line 2: invalid UTF-8",
        "nienbieu: line 3: malformed JSON",
        "nienbieu: line 5: missing \"text\"",
        "nienbieu: line 6: \"published\"",
    ];
    assert_eq!(lines.len(), expected.len(), "{err}");
    for (line, prefix) in lines.iter().zip(expected) {
        assert!(line.starts_with(prefix), "{err}");
    }
}

/// Lines are extracted in batches on every core; the output keeps the input's order, across
/// batches too, and the line numbers of errors count from the first line.
#[test]
fn many_lines_keep_their_order() {
    let mut input = String::new();
    for i in 0..700 {
        if i == 555 {
            input.push_str("not json\n");
            continue;
        }
        let text = format!(
            "Ngày {}/4, ông Nguyễn Văn A, Bí thư Tỉnh ủy dự lễ.",
            i % 28 + 1
        );
        input.push_str(&format!("{}\n", serde_json::json!({"id": i, "text": text})));
    }
    let out = run(&["extract", "--jsonl"], input.as_bytes());
    let got = json_lines(&out);
    let expected: Vec<i64> = (0..700).filter(|&i| i != 555).collect();
    let ids: Vec<i64> = got.iter().map(|v| v["id"].as_i64().expect("id")).collect();
    assert_eq!(ids, expected);
    for (v, i) in got.iter().zip(&expected) {
        assert_eq!(v["date"], format!("--04-{:02}", i % 28 + 1));
    }
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("nienbieu: line 556: malformed JSON"),
        "{err}"
    );
}

#[test]
fn usage_errors() {
    let out = run(&["extract", "--published", "28-12-2021"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a date"));
    let out = run(&["extract", "--frobnicate"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown option"));
}
