//! Exports and imports, as bytes and strings: the full backup (JSON, re-importable), roster and
//! timeline CSV, Popolo JSON, TimelineJS JSON; and the validation of an import, which reports
//! each wrong record by path and reason and changes nothing until the whole file is valid.

use super::article::{Article, ArticleId, Library};
use super::correct::{Correction, CorrectionId};
use super::date::PartialDate;
use super::derive::{BoundKind, FactSource, Records};
use super::views::{self, RosterRow, TimelineGroup};
use crate::extract::EventKind;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

/// The backup format's name and version.
pub const BACKUP_FORMAT: &str = "nienbieu-backup";
pub const BACKUP_VERSION: u32 = 1;

/// The UTF-8 byte order mark, so spreadsheet programs read Vietnamese correctly.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One article in a backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleEntry {
    id: String,
    text: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    published: Option<String>,
    added_ms: u64,
    #[serde(default)]
    extractor_version: u32,
}

/// The full backup: every article and every correction.
pub fn backup_json(library: &Library, exported_ms: u64) -> String {
    let articles: Vec<ArticleEntry> = library
        .articles()
        .map(|a| ArticleEntry {
            id: a.id.to_string(),
            text: a.text.to_string(),
            url: a.url.clone(),
            published: a.published.clone(),
            added_ms: a.added_ms,
            extractor_version: a.extractor_version,
        })
        .collect();
    let doc = json!({
        "format": BACKUP_FORMAT,
        "version": BACKUP_VERSION,
        "exported_ms": exported_ms,
        "articles": articles,
        "corrections": library.corrections(),
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// How an import combines with the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Add what is not there yet; keep everything that is.
    Merge,
    /// The backup becomes the library.
    Replace,
}

/// A wrong record in an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// Where: "articles[3].published", "corrections[0]", "" for the file itself.
    pub path: String,
    pub reason: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.reason)
        } else {
            write!(f, "{}: {}", self.path, self.reason)
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub articles_added: usize,
    /// Already in the library (merge).
    pub articles_present: usize,
    pub corrections_added: usize,
    pub corrections_present: usize,
}

fn err(path: impl Into<String>, reason: impl Into<String>) -> ImportError {
    ImportError {
        path: path.into(),
        reason: reason.into(),
    }
}

/// Validates a backup and, if every record is valid, returns the library it makes with
/// `library` (which is not changed: the caller stores the result, then keeps it). Otherwise
/// returns every error found.
pub fn import_backup(
    text: &str,
    library: &Library,
    mode: ImportMode,
) -> Result<(Library, ImportSummary), Vec<ImportError>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let doc: Value = serde_json::from_str(text).map_err(|e| {
        vec![err(
            "",
            format!("not JSON (line {}, column {}): {e}", e.line(), e.column()),
        )]
    })?;
    let Some(obj) = doc.as_object() else {
        return Err(vec![err("", "not a Niên biểu backup (expected an object)")]);
    };
    let mut errors = Vec::new();
    match obj.get("format").and_then(Value::as_str) {
        Some(BACKUP_FORMAT) => {}
        Some(other) => errors.push(err("format", format!("`{other}` is not `{BACKUP_FORMAT}`"))),
        None => errors.push(err(
            "format",
            format!("missing (expected `{BACKUP_FORMAT}`)"),
        )),
    }
    match obj.get("version").and_then(Value::as_u64) {
        Some(v) if v >= 1 && v <= u64::from(BACKUP_VERSION) => {}
        Some(v) if v > u64::from(BACKUP_VERSION) => errors.push(err(
            "version",
            format!("{v}: made by a newer version of Niên biểu"),
        )),
        _ => errors.push(err("version", "missing or not a positive number")),
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut articles: Vec<Article> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    match obj.get("articles") {
        None => {}
        Some(Value::Array(items)) => {
            for (i, v) in items.iter().enumerate() {
                let path = format!("articles[{i}]");
                let entry: ArticleEntry = match serde_json::from_value(v.clone()) {
                    Ok(e) => e,
                    Err(e) => {
                        errors.push(err(path, e.to_string()));
                        continue;
                    }
                };
                let canonical = super::article::canonical_text(&entry.text);
                if canonical.is_empty() {
                    errors.push(err(format!("{path}.text"), "empty"));
                    continue;
                }
                let id = ArticleId::of_text(&canonical);
                if entry.id != id.as_str() {
                    errors.push(err(
                        format!("{path}.id"),
                        format!("`{}` does not match the text (its id is `{id}`)", entry.id),
                    ));
                    continue;
                }
                if let Some(&j) = seen.get(&entry.id) {
                    errors.push(err(
                        format!("{path}.id"),
                        format!("same article as articles[{j}]"),
                    ));
                    continue;
                }
                if let Some(p) = &entry.published {
                    if PartialDate::parse(p).and_then(|d| d.year()).is_none() {
                        errors.push(err(
                            format!("{path}.published"),
                            format!("`{p}` is not a date (YYYY-MM-DD or YYYY-MM)"),
                        ));
                        continue;
                    }
                }
                seen.insert(entry.id.clone(), i);
                articles.push(Article {
                    id,
                    text: canonical.into(),
                    url: entry.url,
                    published: entry.published,
                    added_ms: entry.added_ms,
                    extractor_version: entry.extractor_version,
                });
            }
        }
        Some(_) => errors.push(err("articles", "not a list")),
    }

    let mut corrections: Vec<Correction> = Vec::new();
    let mut ids: HashMap<u64, usize> = HashMap::new();
    match obj.get("corrections") {
        None => {}
        Some(Value::Array(items)) => {
            for (i, v) in items.iter().enumerate() {
                let path = format!("corrections[{i}]");
                let c: Correction = match serde_json::from_value(v.clone()) {
                    Ok(c) => c,
                    Err(e) => {
                        errors.push(err(path, e.to_string()));
                        continue;
                    }
                };
                if let Some(bad) = c
                    .edit
                    .articles()
                    .into_iter()
                    .find(|a| ArticleId::parse(a.as_str()).is_none())
                {
                    errors.push(err(path, format!("`{bad}` is not an article id")));
                    continue;
                }
                if let Some(&j) = ids.get(&c.id.0) {
                    errors.push(err(
                        format!("{path}.id"),
                        format!("{} is also the id of corrections[{j}]", c.id.0),
                    ));
                    continue;
                }
                ids.insert(c.id.0, i);
                corrections.push(c);
            }
        }
        Some(_) => errors.push(err("corrections", "not a list")),
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut summary = ImportSummary::default();
    let mut out = match mode {
        ImportMode::Replace => Library::new(),
        ImportMode::Merge => library.clone(),
    };
    for a in articles {
        if out.article(&a.id).is_some() {
            summary.articles_present += 1;
        } else {
            out.insert_article(a);
            summary.articles_added += 1;
        }
    }
    // Corrections keep their order; in a merge, those already present (same edit, same time)
    // are skipped and the others numbered after the library's own.
    let mut log: Vec<Correction> = out.corrections().to_vec();
    let present: HashSet<(u64, String)> = log
        .iter()
        .map(|c| (c.at_ms, serde_json::to_string(&c.edit).unwrap_or_default()))
        .collect();
    let mut next = log.iter().map(|c| c.id.0).max().unwrap_or(0) + 1;
    for mut c in corrections {
        let key = (c.at_ms, serde_json::to_string(&c.edit).unwrap_or_default());
        if mode == ImportMode::Merge && present.contains(&key) {
            summary.corrections_present += 1;
            continue;
        }
        if mode == ImportMode::Merge {
            c.id = CorrectionId(next);
            next += 1;
        }
        log.push(c);
        summary.corrections_added += 1;
    }
    out.set_corrections(log);
    Ok((out, summary))
}

/// CSV as the `csv` crate's default writer makes it (`QuoteStyle::Necessary`, `,`, `"`, `\n`),
/// written by hand: the crate's buffered writer and `std::io` cost several KB of wasm for this.
/// A field is quoted when it holds a comma, a quote, CR or LF (quotes doubled); a record that
/// would be empty is written as `""`. Every row here has as many fields as the header.
fn csv_bytes(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut out = BOM.to_vec();
    csv_record(&mut out, header);
    for r in rows {
        csv_record(&mut out, &r);
    }
    out
}

#[inline(never)]
fn csv_record<S: AsRef<str>>(out: &mut Vec<u8>, fields: &[S]) {
    let start = out.len();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        csv_field(out, f.as_ref().as_bytes());
    }
    if out.len() == start {
        out.extend_from_slice(b"\"\"");
    }
    out.push(b'\n');
}

fn csv_field(out: &mut Vec<u8>, f: &[u8]) {
    if !f.iter().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n')) {
        out.extend_from_slice(f);
        return;
    }
    out.push(b'"');
    for &b in f {
        if b == b'"' {
            out.push(b'"');
        }
        out.push(b);
    }
    out.push(b'"');
}

fn date(d: Option<PartialDate>) -> String {
    d.map(|d| d.iso()).unwrap_or_default()
}

/// The roster rows given (as the UI shows them, filtered and sorted) as CSV.
pub fn roster_csv(r: &Records, rows: &[&RosterRow]) -> Vec<u8> {
    csv_bytes(
        &[
            "Họ tên",
            "Chức vụ",
            "Cơ quan",
            "Tỉnh, thành phố",
            "Xuất hiện đầu",
            "Xuất hiện cuối",
            "Số bài",
            "Mã",
        ],
        rows.iter().map(|row| {
            vec![
                row.name.clone(),
                row.titles.join("; "),
                row.organization.clone().unwrap_or_default(),
                row.place.unwrap_or_default().to_string(),
                date(row.first_seen),
                date(row.last_seen),
                row.articles.to_string(),
                r.person(row.person).id.clone(),
            ]
        }),
    )
}

/// Vietnamese names of event kinds.
pub fn kind_label(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Conference => "Hội nghị",
        EventKind::CouncilSession => "Kỳ họp",
        EventKind::Congress => "Đại hội",
        EventKind::WorkingVisit => "Làm việc, thăm, kiểm tra",
        EventKind::AppointmentCeremony => "Công bố, trao quyết định",
        EventKind::VoterMeeting => "Tiếp xúc cử tri",
        EventKind::PersonnelChange => "Bầu, bổ nhiệm, miễn nhiệm",
        EventKind::Ceremony => "Lễ, mít tinh",
        EventKind::Discipline => "Kỷ luật",
        EventKind::Other => "Khác",
    }
}

/// The timeline (as the UI shows it) as CSV.
pub fn timeline_csv(r: &Records, groups: &[TimelineGroup]) -> Vec<u8> {
    csv_bytes(
        &[
            "Ngày",
            "Loại",
            "Sự kiện",
            "Người tham gia",
            "Nguồn",
            "Mã bài",
        ],
        groups.iter().flat_map(|g| &g.events).map(|&a| {
            let e = r.event(a);
            let people: Vec<&str> = e
                .participants
                .iter()
                .map(|p| r.person(p.person).name.as_str())
                .collect();
            vec![
                date(e.date),
                kind_label(e.kind).to_string(),
                e.title.clone().unwrap_or_default(),
                people.join("; "),
                r.article(a).url.clone().unwrap_or_default(),
                r.article(a).id.to_string(),
            ]
        }),
    )
}

fn source_json(r: &Records, s: &FactSource) -> Value {
    let a = r.article(s.article);
    json!({
        "url": a.url.clone().unwrap_or_else(|| format!("nienbieu:article:{}", a.id)),
        "note": views::evidence_text(r, s),
    })
}

/// Popolo dates are ISO 8601 with a year: a year-less date is left out.
fn popolo_date(d: Option<PartialDate>) -> Option<String> {
    d.filter(|d| d.year().is_some()).map(|d| d.iso())
}

fn insert_opt(obj: &mut serde_json::Map<String, Value>, key: &str, v: Option<String>) {
    if let Some(v) = v {
        obj.insert(key.to_string(), Value::String(v));
    }
}

/// Persons, organizations, posts and memberships in Popolo JSON. Memberships carry Popolo's
/// `start_date` / `end_date` only where an article states them; what was merely observed is
/// in `first_seen` / `last_seen` (and `ended_by` for "nguyên"), with every source.
pub fn popolo_json(r: &Records) -> String {
    let persons: Vec<Value> = r
        .people
        .iter()
        .map(|p| {
            let mut urls: Vec<String> = p
                .articles
                .iter()
                .map(|&a| {
                    let a = r.article(a);
                    a.url
                        .clone()
                        .unwrap_or_else(|| format!("nienbieu:article:{}", a.id))
                })
                .collect();
            urls.dedup();
            json!({
                "id": p.id,
                "name": p.name,
                "other_names": p.other_names.iter().map(|n| json!({"name": n})).collect::<Vec<_>>(),
                "sources": urls.into_iter().map(|u| json!({"url": u})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let organizations: Vec<Value> = r
        .organizations
        .iter()
        .map(|o| {
            let mut v = json!({
                "id": o.id,
                "name": o.name,
                "classification": classification(&o.name),
            });
            if let (Some(obj), Some(place)) = (v.as_object_mut(), o.place) {
                obj.insert("area".into(), json!({ "name": place }));
            }
            v
        })
        .collect();
    let posts: Vec<Value> = r
        .posts
        .iter()
        .map(|p| {
            let mut v = json!({ "id": p.id, "label": p.label, "role": p.role });
            if let Some(obj) = v.as_object_mut() {
                if let Some(o) = p.org {
                    obj.insert("organization_id".into(), json!(r.org(o).id));
                }
                if let Some(place) = p.place {
                    obj.insert("area".into(), json!({ "name": place }));
                }
            }
            v
        })
        .collect();
    let memberships: Vec<Value> = r
        .tenures
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let post = r.post(t.post);
            let mut m = serde_json::Map::new();
            m.insert(
                "id".into(),
                json!(format!("{}--{}-{i}", r.person(t.person).id, post.id)),
            );
            m.insert("person_id".into(), json!(r.person(t.person).id));
            m.insert("post_id".into(), json!(post.id));
            if let Some(o) = post.org {
                m.insert("organization_id".into(), json!(r.org(o).id));
            }
            m.insert("role".into(), json!(post.role));
            m.insert("label".into(), json!(post.label));
            let stated = |b: &Option<super::derive::Bound>, kinds: &[BoundKind]| {
                b.as_ref()
                    .filter(|b| kinds.contains(&b.kind))
                    .and_then(|b| popolo_date(b.date))
            };
            insert_opt(&mut m, "start_date", stated(&t.start, &[BoundKind::Stated]));
            insert_opt(&mut m, "end_date", stated(&t.end, &[BoundKind::Stated]));
            insert_opt(
                &mut m,
                "ended_by",
                stated(&t.end, &[BoundKind::EndedBy, BoundKind::Superseded]),
            );
            insert_opt(&mut m, "first_seen", t.first_seen.map(|d| d.iso()));
            insert_opt(&mut m, "last_seen", t.last_seen.map(|d| d.iso()));
            m.insert("status".into(), json!(t.status));
            if t.acting {
                m.insert("acting".into(), json!(true));
            }
            if t.concurrent {
                m.insert("concurrent".into(), json!(true));
            }
            m.insert(
                "sources".into(),
                Value::Array(t.facts.iter().map(|f| source_json(r, &f.source)).collect()),
            );
            Value::Object(m)
        })
        .collect();
    let events: Vec<Value> = r
        .events
        .iter()
        .map(|e| {
            let a = r.article(e.article);
            let mut v = serde_json::Map::new();
            v.insert("id".into(), json!(format!("event-{}", a.id)));
            v.insert(
                "name".into(),
                json!(e
                    .title
                    .clone()
                    .unwrap_or_else(|| kind_label(e.kind).to_string())),
            );
            v.insert("classification".into(), json!(kind_label(e.kind)));
            insert_opt(&mut v, "start_date", popolo_date(e.date));
            if let Some(&o) = e.organizations.first() {
                v.insert("organization_id".into(), json!(r.org(o).id));
            }
            if let Some(u) = &a.url {
                v.insert("sources".into(), json!([{ "url": u }]));
            }
            Value::Object(v)
        })
        .collect();
    serde_json::to_string_pretty(&json!({
        "persons": persons,
        "organizations": organizations,
        "posts": posts,
        "memberships": memberships,
        "events": events,
    }))
    .unwrap_or_default()
}

/// A Popolo classification from the organisation's name.
fn classification(name: &str) -> &'static str {
    let f = crate::extract::normalize::fold(name);
    let has = |w: &str| format!(" {f} ").contains(&format!(" {w} "));
    if has("hoi dong nhan dan") || has("quoc hoi") || has("doan dai bieu quoc hoi") {
        "legislature"
    } else if has("uy ban nhan dan")
        || has("chinh phu")
        || f.starts_with("so ")
        || f.starts_with("bo ") && !has("chinh tri")
    {
        "executive"
    } else if has("tinh uy")
        || has("thanh uy")
        || has("huyen uy")
        || has("dang")
        || has("bo chinh tri")
        || has("trung uong")
    {
        "party"
    } else if has("mat tran") {
        "front"
    } else {
        "other"
    }
}

fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The timeline as TimelineJS JSON. TimelineJS needs a year: events without one are left out.
pub fn timelinejs_json(r: &Records, groups: &[TimelineGroup], title: &str) -> String {
    let events: Vec<Value> = groups
        .iter()
        .flat_map(|g| &g.events)
        .filter_map(|&a| {
            let e = r.event(a);
            let d = e.date?;
            let year = d.year()?;
            let mut start = serde_json::Map::new();
            start.insert("year".into(), json!(year));
            if let Some(m) = d.month() {
                start.insert("month".into(), json!(m));
            }
            if let Some(day) = d.day() {
                start.insert("day".into(), json!(day));
            }
            let people: Vec<String> = e
                .participants
                .iter()
                .map(|p| {
                    let name = escape_html(&r.person(p.person).name);
                    match p.titles.first() {
                        Some(t) => format!("{name} ({})", escape_html(t)),
                        None => name,
                    }
                })
                .collect();
            let mut text = people.join(", ");
            if let Some(u) = &r.article(a).url {
                text.push_str(&format!("<br><a href=\"{}\">Nguồn</a>", escape_html(u)));
            }
            Some(json!({
                "start_date": Value::Object(start),
                "text": {
                    "headline": escape_html(e.title.as_deref().unwrap_or(kind_label(e.kind))),
                    "text": text,
                },
                "group": kind_label(e.kind),
                "unique_id": format!("event-{}", r.article(a).id),
            }))
        })
        .collect();
    serde_json::to_string_pretty(&json!({
        "title": { "text": { "headline": escape_html(title) } },
        "events": events,
    }))
    .unwrap_or_default()
}

/// Rows of a CSV export, for tests and previews: (header, rows), the BOM removed.
pub fn read_csv(bytes: &[u8]) -> Result<(Vec<String>, Vec<Vec<String>>), String> {
    let body = bytes.strip_prefix(BOM).ok_or("no byte order mark")?;
    let mut rd = csv::Reader::from_reader(body);
    let header = rd
        .headers()
        .map_err(|e| e.to_string())?
        .iter()
        .map(str::to_string)
        .collect();
    let mut rows = Vec::new();
    for r in rd.records() {
        rows.push(
            r.map_err(|e| e.to_string())?
                .iter()
                .map(str::to_string)
                .collect(),
        );
    }
    Ok((header, rows))
}

/// Article ids named by a set of corrections, for the UI to warn about corrections whose
/// article is no longer stored.
pub fn dangling_corrections(library: &Library) -> BTreeMap<CorrectionId, Vec<ArticleId>> {
    let mut out = BTreeMap::new();
    for c in library.corrections() {
        let missing: Vec<ArticleId> = c
            .edit
            .articles()
            .into_iter()
            .filter(|a| library.article(a).is_none())
            .cloned()
            .collect();
        if !missing.is_empty() {
            out.insert(c.id, missing);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written CSV is byte for byte what the `csv` crate's default writer makes.
    #[test]
    fn csv_bytes_match_the_csv_crate() {
        let fields = [
            "",
            "a",
            "Hà Nội",
            "a,b",
            "say \"hi\"",
            "\"",
            "line\nbreak",
            "cr\rlf",
            "x\r\n",
            " ",
            "#",
            "'",
            ";",
            "\t",
            "a;b",
        ];
        let header = ["Họ tên", "Chức vụ", "Mã"];
        let mut rows: Vec<Vec<String>> = Vec::new();
        for a in fields {
            for b in fields {
                rows.push(vec![a.to_string(), b.to_string(), format!("{a}{b}")]);
            }
        }
        let ours = csv_bytes(&header, rows.clone().into_iter());
        let mut w = csv::Writer::from_writer(BOM.to_vec());
        w.write_record(header).unwrap();
        for r in &rows {
            w.write_record(r).unwrap();
        }
        assert_eq!(ours, w.into_inner().unwrap());
        // One empty field: the crate writes `""` so the record is not read as blank.
        let one = csv_bytes(&[""], vec![vec![String::new()]].into_iter());
        let mut w = csv::Writer::from_writer(BOM.to_vec());
        w.write_record([""]).unwrap();
        w.write_record([""]).unwrap();
        assert_eq!(one, w.into_inner().unwrap());
    }
}
