//! Views for the UI: the roster, a person's history, a post's history, the timeline. Pure and
//! fast: the [`Roster`] precomputes folded search keys and one order per column, so a query per
//! keystroke only filters.

use super::date::PartialDate;
use super::derive::{
    ArticleIx, EventRecord, FactSource, OrgIx, PersonIx, PostIx, Records, Status, TenureIx,
};
use super::post::Seats;
use super::sort;
use crate::extract::normalize::fold;
use crate::extract::{EventKind, TitleChange};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::sync::OnceLock;

/// A roster column, to sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    #[default]
    Name,
    Titles,
    Organization,
    Place,
    FirstSeen,
    LastSeen,
    Articles,
}

impl Column {
    pub const ALL: [Column; 7] = [
        Column::Name,
        Column::Titles,
        Column::Organization,
        Column::Place,
        Column::FirstSeen,
        Column::LastSeen,
        Column::Articles,
    ];
}

/// One person in the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterRow {
    pub person: PersonIx,
    pub name: String,
    /// Titles of the person's most recent mention, as written.
    pub titles: Vec<String>,
    /// The organisation of the first of those titles that has one, seats on a committee
    /// ("Ủy viên ...") last.
    pub organization: Option<String>,
    pub org: Option<OrgIx>,
    pub place: Option<&'static str>,
    pub first_seen: Option<PartialDate>,
    pub last_seen: Option<PartialDate>,
    pub articles: usize,
    /// Whether any tenure is current.
    pub current: bool,
    search: String,
    /// Folded sort keys: name, first title, organisation, place.
    keys: [String; 4],
    /// Sort keys of first and last seen (dates with a year only).
    date_keys: [Option<(u8, i64, u8)>; 2],
    provinces: Vec<String>,
    org_ids: Vec<String>,
    post_ids: Vec<String>,
}

/// What the roster shows: a free-text search and filters, and an order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterQuery {
    /// Case- and diacritic-blind; every word must occur ("pham gia tuc", "bi thu tinh uy").
    #[serde(default)]
    pub text: String,
    /// A province, in any spelling.
    #[serde(default)]
    pub province: Option<String>,
    /// An organisation id ([`super::derive::Organization::id`]).
    #[serde(default)]
    pub organization: Option<String>,
    /// A post id ([`super::derive::Post::id`]).
    #[serde(default)]
    pub post: Option<String>,
    #[serde(default)]
    pub sort: Column,
    #[serde(default)]
    pub descending: bool,
}

/// The roster, ready to query.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    rows: Vec<RosterRow>,
    /// Ranks of each row's name, first title, organisation and place.
    ranks: Vec<[u32; 4]>,
    /// Row positions in the order of each column of [`Column::ALL`], ascending then
    /// descending; each sorted when first asked for.
    orders: Vec<[OnceLock<Vec<u32>>; 2]>,
}

impl Roster {
    pub fn new(r: &Records) -> Roster {
        let rows: Vec<RosterRow> = (0..r.people.len())
            .map(|p| row(r, PersonIx(p as u32)))
            .collect();
        let orders = Column::ALL
            .iter()
            .map(|_| [OnceLock::new(), OnceLock::new()])
            .collect();
        let ranks = ranks(&rows);
        let roster = Roster {
            rows,
            ranks,
            orders,
        };
        // The default order, ready before the first query.
        roster.order(Column::Name, false);
        roster
    }

    /// Row positions sorted by `column`.
    fn order(&self, column: Column, descending: bool) -> &[u32] {
        let col = Column::ALL.iter().position(|c| *c == column).unwrap_or(0);
        self.orders[col][usize::from(descending)].get_or_init(|| {
            let mut keyed: Vec<((bool, i64, u32), u32)> = self
                .rows
                .iter()
                .zip(&self.ranks)
                .enumerate()
                .map(|(i, (row, ranks))| (sort_key(row, ranks, column, descending), i as u32))
                .collect();
            // The keys are distinct (the row position is last): stable and unstable agree.
            sort::sort_by(&mut keyed, Ord::cmp);
            keyed.into_iter().map(|(_, i)| i).collect()
        })
    }

    pub fn rows(&self) -> &[RosterRow] {
        &self.rows
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The rows matching `q`, in its order.
    pub fn query(&self, q: &RosterQuery) -> Vec<&RosterRow> {
        let words: Vec<String> = fold(&q.text)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| expand_abbreviation(w).unwrap_or(w).to_string())
            .collect();
        let province = q.province.as_deref().map(province_key);
        let keep = |row: &&RosterRow| {
            words.iter().all(|w| row.search.contains(w.as_str()))
                && province.as_ref().is_none_or(|p| row.provinces.contains(p))
                && q.organization
                    .as_deref()
                    .is_none_or(|o| row.org_ids.iter().any(|x| x == o))
                && q.post
                    .as_deref()
                    .is_none_or(|p| row.post_ids.iter().any(|x| x == p))
        };
        self.order(q.sort, q.descending)
            .iter()
            .map(|&i| &self.rows[i as usize])
            .filter(keep)
            .collect()
    }
}

fn province_key(p: &str) -> String {
    super::places::lookup(p)
        .map(|p| fold(p.name))
        .unwrap_or_else(|| fold(p))
}

/// The sort key of a row for a column: unknown values (none, or a date whose year is unknown)
/// after every known one in either direction, then the value, then the name.
fn sort_key(row: &RosterRow, ranks: &[u32; 4], c: Column, descending: bool) -> (bool, i64, u32) {
    let value: Option<i64> = match c {
        Column::Name => Some(i64::from(ranks[0])),
        Column::Titles => (!row.keys[1].is_empty()).then_some(i64::from(ranks[1])),
        Column::Organization => (!row.keys[2].is_empty()).then_some(i64::from(ranks[2])),
        Column::Place => (!row.keys[3].is_empty()).then_some(i64::from(ranks[3])),
        Column::FirstSeen => row.date_keys[0].map(|(_, day, p)| day * 4 + i64::from(p)),
        Column::LastSeen => row.date_keys[1].map(|(_, day, p)| day * 4 + i64::from(p)),
        Column::Articles => Some(row.articles as i64),
    };
    let v = value.unwrap_or(0);
    (value.is_none(), if descending { -v } else { v }, ranks[0])
}

/// For each row, the rank of each of its folded keys among all rows' (equal keys, equal
/// ranks), so that sorting compares integers.
// `k` picks a key in every row, not an element of one slice.
#[allow(clippy::needless_range_loop)]
fn ranks(rows: &[RosterRow]) -> Vec<[u32; 4]> {
    let mut out = vec![[0u32; 4]; rows.len()];
    for k in 0..4 {
        let mut idx: Vec<u32> = (0..rows.len() as u32).collect();
        sort::sort_by(&mut idx, |&a, &b| {
            let (ra, rb) = (&rows[a as usize], &rows[b as usize]);
            ra.keys[k].cmp(&rb.keys[k]).then(if k == 0 {
                ra.person.cmp(&rb.person)
            } else {
                Ordering::Equal
            })
        });
        let mut rank = 0u32;
        for (i, &row) in idx.iter().enumerate() {
            if i > 0 {
                let prev = &rows[idx[i - 1] as usize];
                // Names rank distinct per row (ties broken by person), the rest by value.
                if k == 0 || prev.keys[k] != rows[row as usize].keys[k] {
                    rank += 1;
                }
            }
            out[row as usize][k] = rank;
        }
    }
    out
}

fn row(r: &Records, p: PersonIx) -> RosterRow {
    let person = r.person(p);
    // The most recent mention: articles are in chronological order.
    let latest = person.mentions.iter().max_by_key(|m| m.article);
    let titles: Vec<String> = latest
        .map(|m| {
            r.official(*m)
                .titles
                .iter()
                .map(|t| t.text.clone())
                .collect()
        })
        .unwrap_or_default();
    let latest_posts: &[PostIx] = latest
        .and_then(|m| r.posts_of.get(m))
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    // The organisation of the post the person holds, not of a committee they sit on: a
    // provincial secretary's is "Tỉnh ủy X", not "Ban Chấp hành Trung ương Đảng".
    // Nor of a post they have left: held posts first, then seats, then anything.
    let latest_titles = latest
        .map(|m| r.official(*m).titles.as_slice())
        .unwrap_or(&[]);
    let held: Vec<(PostIx, bool)> = latest_posts
        .iter()
        .zip(latest_titles)
        .map(|(&post, t)| (post, !t.former && t.change != TitleChange::Left))
        .collect();
    let is_seat = |post: PostIx| {
        let label = &r.post(post).label;
        label.starts_with("Ủy viên ") || label.ends_with(" ủy viên")
    };
    let org = held
        .iter()
        .filter(|&&(post, held)| held && !is_seat(post))
        .chain(held.iter().filter(|&&(_, held)| held))
        .chain(&held)
        .find_map(|&(post, _)| r.post(post).org);
    let mut posts: Vec<PostIx> = person.tenures.iter().map(|&t| r.tenure(t).post).collect();
    sort::sort_dedup(&mut posts);
    let mut orgs: Vec<OrgIx> = posts.iter().filter_map(|&x| r.post(x).org).collect();
    sort::sort_dedup(&mut orgs);
    let dates = || person.articles.iter().filter_map(|&a| r.date_of(a));
    let mut search = fold(&person.name);
    for n in &person.other_names {
        search.push(' ');
        search.push_str(&fold(n));
    }
    for t in &titles {
        search.push(' ');
        search.push_str(&fold(t));
    }
    for &x in &posts {
        search.push(' ');
        search.push_str(&fold(&r.post(x).label));
    }
    for pl in &person.places {
        search.push(' ');
        search.push_str(&fold(pl));
    }
    let keys = [
        fold(&person.name),
        titles.first().map(|t| fold(t)).unwrap_or_default(),
        org.map(|o| fold(&r.org(o).name)).unwrap_or_default(),
        org.and_then(|o| r.org(o).place)
            .or_else(|| person.places.first().copied())
            .map(fold)
            .unwrap_or_default(),
    ];
    let first_seen = dates().min();
    let last_seen = dates().max();
    let date_key = |d: Option<PartialDate>| d.filter(|d| d.year().is_some()).map(|d| d.sort_key());
    RosterRow {
        keys,
        date_keys: [date_key(first_seen), date_key(last_seen)],
        person: p,
        name: person.name.clone(),
        titles,
        organization: org.map(|o| r.org(o).name.clone()),
        org,
        place: org
            .and_then(|o| r.org(o).place)
            .or_else(|| person.places.first().copied()),
        first_seen,
        last_seen,
        articles: person.articles.len(),
        current: person
            .tenures
            .iter()
            .any(|&t| r.tenure(t).status == Status::Current),
        search,
        provinces: person.places.iter().map(|p| fold(p)).collect(),
        org_ids: orgs.iter().map(|&o| r.org(o).id.clone()).collect(),
        post_ids: posts.iter().map(|&x| r.post(x).id.clone()).collect(),
    }
}

/// What a folded search word stands for when it is an abbreviation of the genre ("hdnd" →
/// "hoi dong nhan dan"): titles are stored expanded, people search as they write.
fn expand_abbreviation(word: &str) -> Option<&'static str> {
    static MAP: std::sync::OnceLock<std::collections::HashMap<String, String>> =
        std::sync::OnceLock::new();
    let map = MAP.get_or_init(|| {
        crate::extract::lexicon::abbreviations()
            .filter_map(|(abbr, expansion)| {
                let key = fold(abbr).replace(' ', "");
                // Too short to be told from an ordinary word ("ca", "tt"): left as typed.
                (key.len() >= 3).then(|| (key, fold(expansion)))
            })
            .collect()
    });
    map.get(word).map(String::as_str)
}

/// The sentence a fact was read in.
pub fn evidence_text<'a>(r: &'a Records, s: &FactSource) -> &'a str {
    s.evidence.sentence.slice(&r.corrected[s.article.ix()].text)
}

/// A holder in a post's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holder {
    pub tenure: TenureIx,
    pub predecessor: Option<TenureIx>,
    pub successor: Option<TenureIx>,
}

/// A stretch of time in which no holder of a single-seat post is on record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    pub after: TenureIx,
    pub before: TenureIx,
    pub from: PartialDate,
    pub to: PartialDate,
    /// Both ends stated (left, then elected or appointed): the post was vacant. Otherwise the
    /// articles just say nothing in between.
    pub vacant: bool,
}

/// Two holders of a single-seat post at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conflict {
    pub a: TenureIx,
    pub b: TenureIx,
    /// An article names both as holding the post.
    pub same_article: Option<ArticleIx>,
}

/// A post's holders in order, with gaps and conflicts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostHistory {
    pub post: PostIx,
    pub holders: Vec<Holder>,
    pub gaps: Vec<Gap>,
    pub conflicts: Vec<Conflict>,
}

/// The history of one post. Holders are in the order of their start (or first mention);
/// predecessors and successors only link tenures whose year is known, and only in single-seat
/// posts (deputies and members serve side by side).
pub fn post_history(r: &Records, post: PostIx) -> PostHistory {
    let p = r.post(post);
    let dated: Vec<TenureIx> = p
        .tenures
        .iter()
        .copied()
        .filter(|&t| r.tenure(t).order_date().is_some_and(|d| d.year().is_some()))
        .collect();
    let mut holders: Vec<Holder> = p
        .tenures
        .iter()
        .map(|&t| Holder {
            tenure: t,
            predecessor: None,
            successor: None,
        })
        .collect();
    let mut gaps = Vec::new();
    let mut conflicts = Vec::new();
    if p.seats == Seats::One {
        for w in dated.windows(2) {
            let (a, b) = (w[0], w[1]);
            for h in holders.iter_mut() {
                if h.tenure == a {
                    h.successor = Some(b);
                }
                if h.tenure == b {
                    h.predecessor = Some(a);
                }
            }
            let (ta, tb) = (r.tenure(a), r.tenure(b));
            let from = ta
                .end
                .as_ref()
                .filter(|e| e.kind != super::derive::BoundKind::Superseded)
                .and_then(|e| e.date)
                .or(ta.last_seen);
            let to = tb.start.as_ref().and_then(|s| s.date).or(tb.first_seen);
            if let (Some(from), Some(to)) = (from, to) {
                if from.before(&to) {
                    let stated = |k: Option<super::derive::BoundKind>| {
                        k == Some(super::derive::BoundKind::Stated)
                    };
                    gaps.push(Gap {
                        after: a,
                        before: b,
                        from,
                        to,
                        vacant: stated(ta.end.as_ref().map(|e| e.kind))
                            && stated(tb.start.as_ref().map(|s| s.kind)),
                    });
                }
            }
        }
        let ts = &p.tenures;
        for (i, &a) in ts.iter().enumerate() {
            for &b in &ts[i + 1..] {
                let (ta, tb) = (r.tenure(a), r.tenure(b));
                if ta.person == tb.person {
                    continue;
                }
                let same_article = ta
                    .facts
                    .iter()
                    .filter(|f| f.is_held())
                    .find(|f| {
                        tb.facts
                            .iter()
                            .any(|g| g.is_held() && g.source.article == f.source.article)
                    })
                    .map(|f| f.source.article);
                let overlap = match (ta.certain_days(), tb.certain_days()) {
                    (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
                    _ => false,
                };
                if same_article.is_some() || overlap {
                    conflicts.push(Conflict { a, b, same_article });
                }
            }
        }
    }
    PostHistory {
        post,
        holders,
        gaps,
        conflicts,
    }
}

/// One fact of a person's history, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactLine {
    pub date: Option<PartialDate>,
    /// The title as written.
    pub title: String,
    pub change: crate::extract::TitleChange,
    pub former: bool,
    pub article: ArticleIx,
    /// The sentence it was read in, and the mention's span in the article's text.
    pub sentence: String,
    pub mention: crate::extract::Span,
}

/// One post held, with the facts behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenureLine {
    pub tenure: TenureIx,
    pub post: PostIx,
    pub post_label: String,
    pub first_seen: Option<PartialDate>,
    pub last_seen: Option<PartialDate>,
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
    pub end_kind: Option<super::derive::BoundKind>,
    pub status: Status,
    pub acting: bool,
    pub concurrent: bool,
    pub facts: Vec<FactLine>,
}

/// A person's history: posts in the order they were taken, each fact with its evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonHistory {
    pub person: PersonIx,
    pub name: String,
    pub other_names: Vec<String>,
    pub tenures: Vec<TenureLine>,
    /// Articles in chronological order.
    pub articles: Vec<ArticleIx>,
}

pub fn person_history(r: &Records, person: PersonIx) -> PersonHistory {
    let p = r.person(person);
    let tenures = p
        .tenures
        .iter()
        .map(|&ti| {
            let t = r.tenure(ti);
            TenureLine {
                tenure: ti,
                post: t.post,
                post_label: r.post(t.post).label.clone(),
                first_seen: t.first_seen,
                last_seen: t.last_seen,
                start: t.start.as_ref().and_then(|b| b.date),
                end: t.end.as_ref().and_then(|b| b.date),
                end_kind: t.end.as_ref().map(|b| b.kind),
                status: t.status,
                acting: t.acting,
                concurrent: t.concurrent,
                facts: t
                    .facts
                    .iter()
                    .map(|f| FactLine {
                        date: f.date,
                        title: f.title.clone(),
                        change: f.change,
                        former: f.former,
                        article: f.source.article,
                        sentence: evidence_text(r, &f.source).to_string(),
                        mention: f.source.evidence.mention,
                    })
                    .collect(),
            }
        })
        .collect();
    PersonHistory {
        person,
        name: p.name.clone(),
        other_names: p.other_names.clone(),
        tenures,
        articles: p.articles.clone(),
    }
}

/// Which events the timeline shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimelineQuery {
    pub person: Option<PersonIx>,
    pub organization: Option<OrgIx>,
    pub kind: Option<EventKind>,
}

/// Events of one month (or of one year whose month is unknown, or of unknown years).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineGroup {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub events: Vec<ArticleIx>,
}

/// Events matching `q`, in chronological order, grouped by year and month. Events whose year
/// is unknown come last, grouped by month; undated events last of all.
pub fn timeline(r: &Records, q: &TimelineQuery) -> Vec<TimelineGroup> {
    let keep = |e: &&EventRecord| {
        q.kind.is_none_or(|k| e.kind == k)
            && q.person
                .is_none_or(|p| e.participants.iter().any(|x| x.person == p))
            && q.organization.is_none_or(|o| e.organizations.contains(&o))
    };
    let mut groups: Vec<TimelineGroup> = Vec::new();
    // Events are aligned with articles, which are in chronological order.
    for e in r.events.iter().filter(keep) {
        let (year, month) = match e.date {
            Some(d) => (d.year(), d.month()),
            None => (None, None),
        };
        match groups.last_mut() {
            Some(g) if g.year == year && g.month == month => g.events.push(e.article),
            _ => groups.push(TimelineGroup {
                year,
                month,
                events: vec![e.article],
            }),
        }
    }
    groups
}

#[cfg(test)]
mod search_tests {
    use super::expand_abbreviation;

    #[test]
    fn abbreviations_of_the_genre_search_as_their_expansions() {
        assert_eq!(expand_abbreviation("hdnd"), Some("hoi dong nhan dan"));
        assert_eq!(expand_abbreviation("ubnd"), Some("uy ban nhan dan"));
        assert_eq!(expand_abbreviation("dbqh"), Some("dai bieu quoc hoi"));
        assert_eq!(expand_abbreviation("tinh"), None);
    }
}
