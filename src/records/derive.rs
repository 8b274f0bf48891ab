//! Derivation: articles + extractions + corrections → people, organisations, posts, tenures,
//! events. Pure and deterministic; rebuilt whole whenever something changes (it is linear in the
//! number of mentions, up to sorting).

use super::article::{Article, ArticleId, Library};
use super::correct::{self, CorrectedArticle, Correction, CorrectionId, DateSource, Edit};
use super::date::PartialDate;
use super::identity::{self, MentionContext};
use super::post::{self, PostRef, Scope, Seats};
use super::sort;
use crate::extract::{self, normalize::fold, EventKind, Evidence, Extraction, Role, TitleChange};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);
        impl $name {
            /// As a position in the records' vectors.
            pub fn ix(self) -> usize {
                self.0 as usize
            }
        }
    };
}
index_type!(
    /// Position of an article in [`Records::articles`].
    ArticleIx
);
index_type!(
    /// Position of a person in [`Records::people`].
    PersonIx
);
index_type!(
    /// Position of a post in [`Records::posts`].
    PostIx
);
index_type!(
    /// Position of an organisation in [`Records::organizations`].
    OrgIx
);
index_type!(
    /// Position of a tenure in [`Records::tenures`].
    TenureIx
);

fn ix32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// What the extractor read from each article, kept in memory between rebuilds (re-reading is
/// the slow part; rebuilding records from extractions is fast).
#[derive(Debug, Clone, Default)]
pub struct Extractions {
    map: HashMap<ArticleId, (u32, Arc<Extraction>)>,
}

impl Extractions {
    pub fn new() -> Extractions {
        Extractions::default()
    }

    pub fn get(&self, id: &ArticleId) -> Option<&Extraction> {
        self.map.get(id).map(|(_, e)| e.as_ref())
    }

    /// Keeps what extractor `version` read from article `id`.
    pub fn insert(&mut self, id: ArticleId, version: u32, extraction: Extraction) {
        self.map.insert(id, (version, Arc::new(extraction)));
    }

    /// Reads with `extractor` (at `version`) every article of `library` not yet read at that
    /// version, and forgets articles no longer in it. Returns the ids read, so the caller can
    /// show progress or record the version ([`Library::set_extractor_version`]).
    pub fn refresh(
        &mut self,
        library: &Library,
        version: u32,
        extractor: &dyn Fn(&Article) -> Extraction,
    ) -> Vec<ArticleId> {
        self.map.retain(|id, _| library.article(id).is_some());
        let mut read = Vec::new();
        for a in library.articles() {
            if self.map.get(&a.id).map(|(v, _)| *v) != Some(version) {
                self.insert(a.id.clone(), version, extractor(a));
                read.push(a.id.clone());
            }
        }
        read
    }

    /// How many articles of `library` the crate's extractor has not read yet.
    pub fn unread(&self, library: &Library) -> usize {
        library.articles().filter(|a| !self.has_read(a)).count()
    }

    /// Reads, with the crate's extractor, articles of `library` not read yet, one after another
    /// while `more()` says there is time (at least one). Returns how many are left, so a caller
    /// can spread a long read over several frames.
    pub fn read_some(&mut self, library: &Library, mut more: impl FnMut() -> bool) -> usize {
        let mut left = self.unread(library);
        for a in library.articles() {
            if left == 0 {
                break;
            }
            if !self.has_read(a) {
                let extraction = extract::extract(&a.text, &a.context());
                self.insert(a.id.clone(), extract::EXTRACTOR_VERSION, extraction);
                left -= 1;
                if !more() {
                    break;
                }
            }
        }
        left
    }

    fn has_read(&self, a: &Article) -> bool {
        self.map.get(&a.id).map(|(v, _)| *v) == Some(extract::EXTRACTOR_VERSION)
    }

    /// [`Extractions::refresh`] with the crate's extractor.
    pub fn refresh_with_extract(&mut self, library: &Library) -> Vec<ArticleId> {
        self.refresh(library, extract::EXTRACTOR_VERSION, &|a: &Article| {
            extract::extract(&a.text, &a.context())
        })
    }
}

/// Where a fact was read: an article and a span of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FactSource {
    pub article: ArticleIx,
    pub evidence: Evidence,
}

/// A person, resolved from the mentions of one name in compatible contexts (or as the user
/// merged and split them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Readable and stable while the person's name and province are: "pham-gia-tuc-thanh-hoa".
    pub id: String,
    /// The spelling seen most often.
    pub name: String,
    /// Other spellings seen.
    pub other_names: Vec<String>,
    /// Provinces of the person's posts, most frequent first.
    pub places: Vec<&'static str>,
    pub mentions: Vec<MentionIx>,
    /// Distinct articles, in chronological order.
    pub articles: Vec<ArticleIx>,
    /// Tenures, in chronological order.
    pub tenures: Vec<TenureIx>,
}

/// One official of one article, after corrections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MentionIx {
    pub article: ArticleIx,
    /// Position in [`CorrectedArticle::officials`].
    pub official: u32,
}

/// An organisation: "Ủy ban nhân dân tỉnh Bắc Giang", "Bộ Chính trị".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub place: Option<&'static str>,
    pub national: bool,
    pub posts: Vec<PostIx>,
}

/// A post: a title within an organisation and place, separate from its holders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub id: String,
    /// The wording seen most often: "Bí thư Tỉnh ủy Nam Định".
    pub label: String,
    pub role: String,
    pub org: Option<OrgIx>,
    pub place: Option<&'static str>,
    pub national: bool,
    pub seats: Seats,
    /// Tenures in the order of [`super::views::post_history`].
    pub tenures: Vec<TenureIx>,
}

/// One mention of a title: the ground every tenure stands on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub source: FactSource,
    /// The event date of the article.
    pub date: Option<PartialDate>,
    pub change: TitleChange,
    pub former: bool,
    pub acting: bool,
    pub concurrent: bool,
    /// The title as written.
    pub title: String,
}

impl Fact {
    /// Says the post was held at the time (not left, not "nguyên").
    pub fn is_held(&self) -> bool {
        !self.former && self.change != TitleChange::Left
    }
}

/// How a tenure's start or end is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoundKind {
    /// An article says so: elected, appointed, transferred (start); dismissed, retired (end).
    Stated,
    /// Called "nguyên ..." on this date: the tenure had ended by then.
    EndedBy,
    /// Another person held this single-seat post later.
    Superseded,
}

/// The start or end of a tenure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bound {
    pub date: Option<PartialDate>,
    pub kind: BoundKind,
    /// The fact that says it (for `Superseded`: the successor's first fact).
    pub source: FactSource,
}

/// Whether a tenure goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The latest evidence says the post is held.
    Current,
    /// Left, called "nguyên", or held by someone else since.
    Ended,
    /// The evidence cannot be put in order (a year is unknown).
    Unknown,
}

/// A person × post over time (a Popolo Membership), derived from every mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenure {
    pub person: PersonIx,
    pub post: PostIx,
    /// Earliest and latest dated facts of any kind ([`PartialDate`] display order).
    pub first_seen: Option<PartialDate>,
    /// Latest date the post is said to be held.
    pub last_seen: Option<PartialDate>,
    pub start: Option<Bound>,
    pub end: Option<Bound>,
    /// "Quyền ...": the latest holding fact says acting.
    pub acting: bool,
    /// "kiêm ...": held alongside another post.
    pub concurrent: bool,
    pub status: Status,
    /// Every fact, in display order of their dates.
    pub facts: Vec<Fact>,
}

impl Tenure {
    /// Dates of the first and last holding facts.
    pub fn held_range(&self) -> (Option<PartialDate>, Option<PartialDate>) {
        let held = || {
            self.facts
                .iter()
                .filter(|f| f.is_held())
                .filter_map(|f| f.date)
        };
        (held().min(), super::date::latest(held()))
    }

    /// The days on which the post was certainly held (between the last possible day of the
    /// first holding fact and the first possible day of the last), if any.
    pub fn certain_days(&self) -> Option<(i64, i64)> {
        let (first, last) = self.held_range();
        let (_, a) = first?.span()?;
        let (b, _) = last?.span()?;
        (a <= b).then_some((a, b))
    }

    /// Where the tenure sits in time, for ordering holders: its start, else its first fact.
    pub fn order_date(&self) -> Option<PartialDate> {
        self.start.as_ref().and_then(|b| b.date).or(self.first_seen)
    }

    /// Distinct articles behind the tenure.
    pub fn articles(&self) -> Vec<ArticleIx> {
        let mut a: Vec<_> = self.facts.iter().map(|f| f.source.article).collect();
        sort::sort_dedup(&mut a);
        a
    }
}

/// A participant in an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub person: PersonIx,
    pub roles: Vec<Role>,
    pub titles: Vec<String>,
}

/// The event an article reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRecord {
    pub article: ArticleIx,
    pub date: Option<PartialDate>,
    pub date_source: DateSource,
    pub kind: EventKind,
    /// The headline, or the holding body when there is none.
    pub title: Option<String>,
    pub body: Option<String>,
    pub participants: Vec<Participant>,
    pub organizations: Vec<OrgIx>,
}

/// A correction that could not be applied (its target is not in the current records).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    pub correction: CorrectionId,
    pub reason: &'static str,
}

/// Everything derived from a library.
#[derive(Debug, Clone, Default)]
pub struct Records {
    /// Stored articles, in chronological order (event date, then when added).
    pub articles: Vec<Arc<Article>>,
    /// Each article read and corrected, aligned with `articles`.
    pub corrected: Vec<CorrectedArticle>,
    pub people: Vec<Person>,
    pub organizations: Vec<Organization>,
    pub posts: Vec<Post>,
    pub tenures: Vec<Tenure>,
    /// One per article, aligned with `articles`.
    pub events: Vec<EventRecord>,
    /// The person of each mention.
    pub person_of: HashMap<MentionIx, PersonIx>,
    /// The post of each title of each mention, in the order of the titles.
    pub posts_of: HashMap<MentionIx, Vec<PostIx>>,
    /// Corrections that found no target.
    pub unmatched: Vec<Unmatched>,
    /// Articles with no extraction in the cache given to [`Records::build`].
    pub unread: Vec<ArticleId>,
    article_ix: HashMap<ArticleId, ArticleIx>,
    person_ix: HashMap<String, PersonIx>,
    /// By public id.
    post_ix: HashMap<String, PostIx>,
    org_ix: HashMap<String, OrgIx>,
    /// By key ([`PostRef::key`], [`PostRef::org_key`]).
    post_key_ix: HashMap<String, PostIx>,
    org_key_ix: HashMap<String, OrgIx>,
}

impl Records {
    /// Reads every article with the crate's extractor and derives the records (convenient for
    /// tests and tools; an app keeps [`Extractions`] between rebuilds).
    pub fn from_library(library: &Library) -> Records {
        let mut ex = Extractions::new();
        ex.refresh_with_extract(library);
        Records::build(library, &ex)
    }

    /// Derives the records from what was read (`extractions`) and the library's corrections.
    pub fn build(library: &Library, extractions: &Extractions) -> Records {
        Builder::default().build(library, extractions)
    }

    pub fn article_ix(&self, id: &ArticleId) -> Option<ArticleIx> {
        self.article_ix.get(id).copied()
    }
    pub fn person_ix(&self, id: &str) -> Option<PersonIx> {
        self.person_ix.get(id).copied()
    }
    pub fn post_ix(&self, id: &str) -> Option<PostIx> {
        self.post_ix.get(id).copied()
    }
    pub fn org_ix(&self, id: &str) -> Option<OrgIx> {
        self.org_ix.get(id).copied()
    }
    pub fn article(&self, a: ArticleIx) -> &Article {
        &self.articles[a.ix()]
    }
    pub fn person(&self, p: PersonIx) -> &Person {
        &self.people[p.ix()]
    }
    pub fn post(&self, p: PostIx) -> &Post {
        &self.posts[p.ix()]
    }
    pub fn tenure(&self, t: TenureIx) -> &Tenure {
        &self.tenures[t.ix()]
    }
    pub fn org(&self, o: OrgIx) -> &Organization {
        &self.organizations[o.ix()]
    }
    pub fn event(&self, a: ArticleIx) -> &EventRecord {
        &self.events[a.ix()]
    }
    pub fn official(&self, m: MentionIx) -> &correct::CorrectedOfficial {
        &self.corrected[m.article.ix()].officials[m.official as usize]
    }

    /// The person a mention (article + name, as the UI shows it) belongs to.
    pub fn person_of_official(&self, r: &correct::OfficialRef) -> Option<PersonIx> {
        let a = self.article_ix(&r.article)?;
        let o = correct::find(&self.corrected[a.ix()].officials, r)?;
        self.person_of
            .get(&MentionIx {
                article: a,
                official: ix32(o),
            })
            .copied()
    }

    /// The date of an article's event.
    pub fn date_of(&self, a: ArticleIx) -> Option<PartialDate> {
        self.corrected[a.ix()].date
    }
}

#[derive(Default)]
struct Builder {
    post_cache: HashMap<(String, Option<String>), Arc<PostRef>>,
}

impl Builder {
    fn resolve(&mut self, title: &str, place: Option<&str>) -> Arc<PostRef> {
        let key = (title.to_string(), place.map(str::to_string));
        self.post_cache
            .entry(key)
            .or_insert_with(|| Arc::new(post::resolve(title, place)))
            .clone()
    }

    fn build(mut self, library: &Library, extractions: &Extractions) -> Records {
        let mut r = Records::default();
        let corrections: Vec<&Correction> = library.corrections().iter().collect();
        let mut by_article: HashMap<&ArticleId, Vec<&Correction>> = HashMap::new();
        for c in &corrections {
            if let Some(a) = c.edit.article() {
                by_article.entry(a).or_default().push(c);
            }
        }

        // Articles, read and corrected, in chronological order.
        let empty = Extraction::default();
        let mut items: Vec<(Arc<Article>, CorrectedArticle)> = library
            .articles()
            .map(|a| {
                let ex = match extractions.get(&a.id) {
                    Some(e) => e,
                    None => {
                        r.unread.push(a.id.clone());
                        &empty
                    }
                };
                let cs = by_article.get(&a.id).map(Vec::as_slice).unwrap_or(&[]);
                (Arc::new(a.clone()), correct::apply(a, ex, cs))
            })
            .collect();
        sort::sort_by(&mut items, |(a, ca), (b, cb)| {
            (ca.date.map(|d| d.sort_key()), a.added_ms, &a.id).cmp(&(
                cb.date.map(|d| d.sort_key()),
                b.added_ms,
                &b.id,
            ))
        });
        // Undated articles last rather than first.
        sort::sort_by_key(&mut items, |(_, c)| c.date.is_none());
        for (i, (a, c)) in items.into_iter().enumerate() {
            r.article_ix.insert(a.id.clone(), ArticleIx(ix32(i)));
            for u in &c.unmatched {
                r.unmatched.push(Unmatched {
                    correction: *u,
                    reason: "no such official in this article",
                });
            }
            r.articles.push(a);
            r.corrected.push(c);
        }

        // Mentions and the posts of their titles.
        let mut mentions: Vec<MentionIx> = Vec::new();
        let mut contexts: Vec<MentionContext> = Vec::new();
        let mut title_posts: Vec<Vec<Arc<PostRef>>> = Vec::new();
        for (ai, c) in r.corrected.iter().enumerate() {
            let place = c.place.as_deref();
            for (oi, o) in c.officials.iter().enumerate() {
                let posts: Vec<Arc<PostRef>> = o
                    .titles
                    .iter()
                    .map(|t| self.resolve(&t.text, place))
                    .collect();
                let mut provinces: Vec<&'static str> =
                    posts.iter().filter_map(|p| p.scope.place()).collect();
                let orgs: Vec<String> = posts
                    .iter()
                    .filter(|p| p.scope == Scope::National && !p.org_key.is_empty())
                    .map(|p| p.org_key.clone())
                    .collect();
                if o.titles.is_empty() {
                    // Named without a title: most likely someone of the article's province.
                    provinces.extend(place.and_then(super::places::lookup).map(|p| p.name));
                }
                sort::sort_dedup(&mut provinces);
                mentions.push(MentionIx {
                    article: ArticleIx(ix32(ai)),
                    official: ix32(oi),
                });
                contexts.push(MentionContext {
                    name: fold(&o.name),
                    provinces,
                    orgs,
                });
                title_posts.push(posts);
            }
        }

        // Identity: automatic clusters, then the user's merges and splits in order.
        let mention_pos: HashMap<MentionIx, usize> =
            mentions.iter().enumerate().map(|(i, m)| (*m, i)).collect();
        let locate = |rf: &correct::OfficialRef| -> Option<usize> {
            let a = *r.article_ix.get(&rf.article)?;
            let o = correct::find(&r.corrected[a.ix()].officials, rf)?;
            mention_pos
                .get(&MentionIx {
                    article: a,
                    official: ix32(o),
                })
                .copied()
        };
        let mut labels = identity::cluster(&contexts);
        let mut next_label = labels.iter().copied().max().map_or(0, |m| m + 1);
        let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
        for (m, l) in labels.iter().enumerate() {
            members.entry(*l).or_default().push(m);
        }
        for c in &corrections {
            match &c.edit {
                Edit::Merge { a, b } => match (locate(a), locate(b)) {
                    (Some(x), Some(y)) => {
                        let (lx, ly) = (labels[x], labels[y]);
                        if lx != ly {
                            let moved = members.remove(&ly).unwrap_or_default();
                            for &m in &moved {
                                labels[m] = lx;
                            }
                            members.entry(lx).or_default().extend(moved);
                        }
                    }
                    _ => r.unmatched.push(Unmatched {
                        correction: c.id,
                        reason: "a merged official is not in the records",
                    }),
                },
                Edit::Split { mentions: refs } => {
                    let found: Vec<usize> = refs.iter().filter_map(&locate).collect();
                    if found.len() < refs.len() {
                        r.unmatched.push(Unmatched {
                            correction: c.id,
                            reason: "a split official is not in the records",
                        });
                    }
                    let l = next_label;
                    next_label += 1;
                    for m in found {
                        if let Some(v) = members.get_mut(&labels[m]) {
                            v.retain(|&x| x != m);
                        }
                        labels[m] = l;
                        members.entry(l).or_default().push(m);
                    }
                }
                _ => {}
            }
        }

        // People, ordered by name then first appearance.
        let mut groups: Vec<Vec<usize>> = members.into_values().filter(|v| !v.is_empty()).collect();
        for g in &mut groups {
            sort::sort_by(g, usize::cmp);
        }
        let names: Vec<(String, Vec<String>)> = groups
            .iter()
            .map(|g| spellings(g.iter().map(|&m| r.official(mentions[m]).name.as_str())))
            .collect();
        let name_keys: Vec<String> = names.iter().map(|(n, _)| fold(n)).collect();
        let mut order: Vec<usize> = (0..groups.len()).collect();
        sort::sort_by(&mut order, |&a, &b| {
            (&name_keys[a], &names[a].0, groups[a][0]).cmp(&(
                &name_keys[b],
                &names[b].0,
                groups[b][0],
            ))
        });
        let mut person_of_mention = vec![PersonIx(0); mentions.len()];
        let mut used_ids: HashMap<String, u32> = HashMap::new();
        for (pi, &gi) in order.iter().enumerate() {
            let g = &groups[gi];
            let (name, other_names) = names[gi].clone();
            let mut place_count: BTreeMap<&'static str, usize> = BTreeMap::new();
            for &m in g {
                for p in &contexts[m].provinces {
                    *place_count.entry(p).or_default() += 1;
                }
            }
            let mut places: Vec<(&'static str, usize)> = place_count.into_iter().collect();
            sort::sort_by(&mut places, |a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let places: Vec<&'static str> = places.into_iter().map(|(p, _)| p).collect();
            let mut id = slug(&name);
            if let Some(p) = places.first() {
                id = format!("{id}-{}", slug(p));
            }
            let n = used_ids.entry(id.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                id = format!("{id}-{n}");
            }
            let mut articles: Vec<ArticleIx> = g.iter().map(|&m| mentions[m].article).collect();
            articles.dedup();
            for &m in g {
                person_of_mention[m] = PersonIx(ix32(pi));
                r.person_of.insert(mentions[m], PersonIx(ix32(pi)));
            }
            r.person_ix.insert(id.clone(), PersonIx(ix32(pi)));
            r.people.push(Person {
                id,
                name,
                other_names,
                places,
                mentions: g.iter().map(|&m| mentions[m]).collect(),
                articles,
                tenures: Vec::new(),
            });
        }

        // Posts and organisations, and the facts behind each person × post.
        let mut post_labels: Vec<BTreeMap<String, usize>> = Vec::new();
        let mut facts: BTreeMap<(PersonIx, PostIx), Vec<Fact>> = BTreeMap::new();
        for (m, posts) in title_posts.iter().enumerate() {
            let mention = mentions[m];
            let official = r.official(mention).clone();
            let date = r.corrected[mention.article.ix()].date;
            let mut mention_posts = Vec::with_capacity(posts.len());
            for (t, pr) in official.titles.iter().zip(posts) {
                let post = self.post_for(&mut r, &mut post_labels, pr);
                mention_posts.push(post);
                let evidence = if t.evidence.sentence.is_empty() && t.evidence.mention.is_empty() {
                    official.first_evidence()
                } else {
                    t.evidence
                };
                facts
                    .entry((person_of_mention[m], post))
                    .or_default()
                    .push(Fact {
                        source: FactSource {
                            article: mention.article,
                            evidence,
                        },
                        date,
                        change: t.change,
                        former: t.former || pr.former,
                        acting: t.acting || pr.acting,
                        concurrent: t.concurrent || pr.concurrent,
                        title: t.text.clone(),
                    });
            }
            r.posts_of.insert(mention, mention_posts);
        }
        for (post, labels) in r.posts.iter_mut().zip(&post_labels) {
            if let Some((label, _)) = labels
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            {
                post.label = label.clone();
            }
        }

        // Tenures.
        for ((person, post), mut fs) in facts {
            sort::sort_by_key(&mut fs, |f| (f.date.is_none(), f.date, f.source.article));
            for segment in segment(same_fact_once(fs)) {
                let t = tenure(person, post, segment);
                let ti = TenureIx(ix32(r.tenures.len()));
                r.people[person.ix()].tenures.push(ti);
                r.posts[post.ix()].tenures.push(ti);
                r.tenures.push(t);
            }
        }
        supersede(&mut r);
        let tenures = &r.tenures;
        for p in &mut r.posts {
            sort::sort_by_key(&mut p.tenures, |&t| {
                (
                    tenures[t.ix()].order_date().is_none(),
                    tenures[t.ix()].order_date(),
                    t,
                )
            });
        }
        for p in &mut r.people {
            sort::sort_by_key(&mut p.tenures, |&t| {
                (
                    tenures[t.ix()].order_date().is_none(),
                    tenures[t.ix()].order_date(),
                    t,
                )
            });
        }

        // Events.
        for (ai, c) in r.corrected.iter().enumerate() {
            let a = ArticleIx(ix32(ai));
            let mut participants = Vec::new();
            let mut orgs = Vec::new();
            for (oi, o) in c.officials.iter().enumerate() {
                let m = MentionIx {
                    article: a,
                    official: ix32(oi),
                };
                if let Some(&person) = r.person_of.get(&m) {
                    participants.push(Participant {
                        person,
                        roles: o.roles.clone(),
                        titles: o.titles.iter().map(|t| t.text.clone()).collect(),
                    });
                }
                if let Some(&pos) = mention_pos.get(&m) {
                    for pr in &title_posts[pos] {
                        if let Some(&org) = r.org_key_ix.get(&pr.org_key) {
                            if !orgs.contains(&org) {
                                orgs.push(org);
                            }
                        }
                    }
                }
            }
            r.events.push(EventRecord {
                article: a,
                date: c.date,
                date_source: c.date_source,
                kind: c.kind,
                title: c.title.clone().or_else(|| c.body.clone()),
                body: c.body.clone(),
                participants,
                organizations: orgs,
            });
        }
        r
    }

    fn post_for(
        &mut self,
        r: &mut Records,
        labels: &mut Vec<BTreeMap<String, usize>>,
        pr: &PostRef,
    ) -> PostIx {
        let org = if pr.org_key.is_empty() {
            None
        } else {
            Some(match r.org_key_ix.get(&pr.org_key) {
                Some(&o) => o,
                None => {
                    let o = OrgIx(ix32(r.organizations.len()));
                    r.organizations.push(Organization {
                        id: slug(&pr.org_key),
                        name: pr.org_label.clone(),
                        place: pr.scope.place(),
                        national: pr.scope == Scope::National,
                        posts: Vec::new(),
                    });
                    r.org_key_ix.insert(pr.org_key.clone(), o);
                    r.org_ix.insert(slug(&pr.org_key), o);
                    o
                }
            })
        };
        let p = match r.post_key_ix.get(&pr.key) {
            Some(&p) => p,
            None => {
                let p = PostIx(ix32(r.posts.len()));
                r.posts.push(Post {
                    id: slug(&pr.key),
                    label: pr.label.clone(),
                    role: pr.role.clone(),
                    org,
                    place: pr.scope.place(),
                    national: pr.scope == Scope::National,
                    seats: pr.seats,
                    tenures: Vec::new(),
                });
                labels.push(BTreeMap::new());
                r.post_key_ix.insert(pr.key.clone(), p);
                r.post_ix.insert(slug(&pr.key), p);
                if let Some(o) = org {
                    r.organizations[o.ix()].posts.push(p);
                }
                p
            }
        };
        *labels[p.ix()].entry(pr.label.clone()).or_default() += 1;
        p
    }
}

/// Splits a person's facts about one post into tenures: a holding fact certainly after an end
/// (left, or "nguyên") starts a new tenure. Facts come sorted.
fn segment(facts: Vec<Fact>) -> Vec<Vec<Fact>> {
    let mut out: Vec<Vec<Fact>> = Vec::new();
    let mut current: Vec<Fact> = Vec::new();
    for f in facts {
        let after_end = current.iter().any(|e| {
            !e.is_held()
                && match (e.date, f.date) {
                    (Some(ed), Some(fd)) => ed.before(&fd),
                    _ => false,
                }
        });
        if f.is_held() && after_end {
            out.push(std::mem::take(&mut current));
        }
        current.push(f);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// One article saying the same of one person's post twice ("Phó Chủ tịch UBND tỉnh" read by the
/// extractor, "Phó Chủ tịch UBND tỉnh Ninh Bình" added by the user; a title repeated in a later
/// sentence) is one fact: the first, with the fullest wording.
fn same_fact_once(facts: Vec<Fact>) -> Vec<Fact> {
    let mut out: Vec<Fact> = Vec::with_capacity(facts.len());
    for f in facts {
        let twin = out.iter_mut().find(|g| {
            g.source.article == f.source.article
                && g.change == f.change
                && g.former == f.former
                && g.acting == f.acting
        });
        match twin {
            Some(g) => {
                if f.title.len() > g.title.len() {
                    g.title = f.title;
                }
                g.concurrent |= f.concurrent;
            }
            None => out.push(f),
        }
    }
    out
}

fn tenure(person: PersonIx, post: PostIx, facts: Vec<Fact>) -> Tenure {
    let dated = || facts.iter().filter_map(|f| f.date);
    let held = || facts.iter().filter(|f| f.is_held());
    let first_seen = dated().min();
    let last_held = held()
        .filter(|f| f.date.is_some())
        .max_by_key(|f| (f.date.is_some_and(|d| d.year().is_some()), f.date));
    let last_seen = last_held.and_then(|f| f.date);
    let start = held()
        .filter(|f| f.change == TitleChange::Taken)
        .min_by_key(|f| (f.date.is_none(), f.date))
        .map(|f| Bound {
            date: f.date,
            kind: BoundKind::Stated,
            source: f.source,
        });
    let left = facts
        .iter()
        .filter(|f| f.change == TitleChange::Left)
        .max_by_key(|f| {
            (
                f.date.is_some_and(|d| d.year().is_some()),
                f.date.is_some(),
                f.date,
            )
        });
    let end = match left {
        Some(f) => Some(Bound {
            date: f.date,
            kind: BoundKind::Stated,
            source: f.source,
        }),
        None => facts
            .iter()
            .filter(|f| f.former)
            .min_by_key(|f| (f.date.is_none(), f.date))
            .map(|f| Bound {
                date: f.date,
                kind: BoundKind::EndedBy,
                source: f.source,
            }),
    };
    let any_held = held().next().is_some();
    let status = match &end {
        None if any_held => Status::Current,
        None => Status::Unknown,
        Some(_) if !any_held => Status::Ended,
        Some(e) => {
            // Ended when the end is not before the last holding fact; unknown when the dates
            // cannot say (segmenting already split off holding facts certainly after it).
            let latest_held = held().map(|f| f.date).max_by_key(|d| (d.is_some(), *d));
            match (e.date, latest_held.flatten()) {
                (Some(ed), Some(hd)) if hd.before(&ed) || hd == ed => Status::Ended,
                _ if held().all(|f| f.source.article == e.source.article) => Status::Ended,
                (Some(ed), Some(hd)) if ed.before(&hd) => Status::Current,
                _ => Status::Unknown,
            }
        }
    };
    let latest = held().max_by_key(|f| {
        (
            f.date.is_some_and(|d| d.year().is_some()),
            f.date.is_some(),
            f.date,
        )
    });
    Tenure {
        person,
        post,
        first_seen,
        last_seen,
        start,
        end,
        acting: latest.is_some_and(|f| f.acting),
        concurrent: held().any(|f| f.concurrent),
        status,
        facts,
    }
}

/// In a single-seat post, a tenure with no stated end ends when another person is certainly
/// in the post after its last holding fact.
fn supersede(r: &mut Records) {
    for post in &r.posts {
        if post.seats != Seats::One {
            continue;
        }
        for &t in &post.tenures {
            let this = &r.tenures[t.ix()];
            if this.end.is_some() {
                continue;
            }
            let Some(last) = this.last_seen else { continue };
            let successor = post
                .tenures
                .iter()
                .map(|&u| &r.tenures[u.ix()])
                .filter(|u| u.person != this.person && !u.acting)
                .filter_map(|u| {
                    let f = u
                        .facts
                        .iter()
                        .filter(|f| f.is_held() && f.date.is_some_and(|d| last.before(&d)))
                        .min_by_key(|f| f.date)?;
                    Some((
                        u.order_date().filter(|d| last.before(d)).or(f.date),
                        f.source,
                    ))
                })
                .min_by_key(|(d, _)| *d);
            if let Some((date, source)) = successor {
                let this = &mut r.tenures[t.ix()];
                this.end = Some(Bound {
                    date,
                    kind: BoundKind::Superseded,
                    source,
                });
                this.status = Status::Ended;
            }
        }
    }
}

/// The most frequent spelling and the others.
fn spellings<'a>(names: impl Iterator<Item = &'a str>) -> (String, Vec<String>) {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for n in names {
        *count.entry(n).or_default() += 1;
    }
    let best = count
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(n, _)| n.to_string())
        .unwrap_or_default();
    let others = count
        .keys()
        .filter(|n| **n != best)
        .map(|n| n.to_string())
        .collect();
    (best, others)
}

/// "Phạm Gia Túc" → "pham-gia-tuc"; "bi thu|tinh uy|nam dinh" → "bi-thu--tinh-uy--nam-dinh".
pub fn slug(s: &str) -> String {
    s.split('|')
        .map(|part| fold(part).replace(' ', "-"))
        .collect::<Vec<_>>()
        .join("--")
        .trim_end_matches('-')
        .to_string()
}
