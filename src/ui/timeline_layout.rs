//! Layout of the time axes: zoom levels, the slots of an axis and what falls in each, clusters,
//! label spacing, pagination and linear scales. Pure and std-only, so that it is tested natively
//! (`tests/web_views.rs` includes this file) while the views that draw it are wasm32-only.

/// How far the timeline is zoomed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Zoom {
    /// Every year with events.
    All,
    /// One year, by month.
    Year(i32),
    /// One month, by day.
    Month(i32, u8),
}

impl Zoom {
    /// One level out: a month's year, a year's whole range.
    pub fn out(self) -> Zoom {
        match self {
            Zoom::All | Zoom::Year(_) => Zoom::All,
            Zoom::Month(y, _) => Zoom::Year(y),
        }
    }

    /// The period before (`step` -1) or after (+1) at the same level; `All` stays.
    pub fn step(self, step: i32) -> Zoom {
        match self {
            Zoom::All => Zoom::All,
            Zoom::Year(y) => Zoom::Year(y.saturating_add(step)),
            Zoom::Month(y, m) => {
                let i = i64::from(y) * 12 + i64::from(m) - 1 + i64::from(step);
                let y = i.div_euclid(12);
                match i32::try_from(y) {
                    Ok(y) => Zoom::Month(y, (i.rem_euclid(12) + 1) as u8),
                    Err(_) => self,
                }
            }
        }
    }

    /// Whether a date with these known parts falls in the period (dates without a year never
    /// do; a year-only date falls in its year but in no month).
    pub fn contains(self, d: Ymd) -> bool {
        match (self, d.year) {
            (_, None) => false,
            (Zoom::All, Some(_)) => true,
            (Zoom::Year(y), Some(dy)) => y == dy,
            (Zoom::Month(y, m), Some(dy)) => y == dy && d.month == Some(m),
        }
    }

    /// Reads the URL form: `zoom=year&y=2023`, `zoom=month&y=2023&m=3`; anything else is `All`.
    pub fn parse(zoom: Option<&str>, year: Option<&str>, month: Option<&str>) -> Zoom {
        let y = year.and_then(|y| y.parse::<i32>().ok());
        let m = month
            .and_then(|m| m.parse::<u8>().ok())
            .filter(|m| (1..=12).contains(m));
        match (zoom, y, m) {
            (Some("month"), Some(y), Some(m)) => Zoom::Month(y, m),
            (Some("year") | Some("month"), Some(y), _) => Zoom::Year(y),
            _ => Zoom::All,
        }
    }

    /// The URL form read by [`Zoom::parse`] (empty for `All`).
    pub fn query(self) -> Vec<(&'static str, String)> {
        match self {
            Zoom::All => Vec::new(),
            Zoom::Year(y) => vec![("zoom", "year".into()), ("y", y.to_string())],
            Zoom::Month(y, m) => vec![
                ("zoom", "month".into()),
                ("y", y.to_string()),
                ("m", m.to_string()),
            ],
        }
    }
}

/// The known parts of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ymd {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// A place on an axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    Year(i32),
    Month(u8),
    Day(u8),
    /// Events of the period whose finer part is unknown: a year view's "month unknown", a
    /// month view's "day unknown". Drawn apart, at the end of the axis.
    Unknown,
}

/// A slot and the items that fall in it, in the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket<T> {
    pub slot: Slot,
    pub items: Vec<T>,
}

/// Days in `month` of `year` (February of a leap year has 29).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// The slots of `zoom` with the items of `items` that fall in each. `All` spans the first to
/// the last year with an item (no slots without items); `Year` has its 12 months and `Month` its
/// days, plus an [`Slot::Unknown`] slot at the end when some item of the period lacks the finer
/// part. Linear in the number of items.
pub fn buckets<T: Copy>(zoom: Zoom, items: &[(Ymd, T)]) -> Vec<Bucket<T>> {
    let inside = items.iter().filter(|(d, _)| zoom.contains(*d));
    let mut out: Vec<Bucket<T>> = match zoom {
        Zoom::All => {
            let years = || items.iter().filter_map(|(d, _)| d.year);
            match (years().min(), years().max()) {
                (Some(a), Some(b)) => (a..=b).map(Slot::Year).map(empty).collect(),
                _ => Vec::new(),
            }
        }
        Zoom::Year(_) => (1..=12).map(Slot::Month).map(empty).collect(),
        Zoom::Month(y, m) => (1..=days_in_month(y, m))
            .map(Slot::Day)
            .map(empty)
            .collect(),
    };
    let mut unknown = Vec::new();
    let first_year = match out.first().map(|b| b.slot) {
        Some(Slot::Year(y)) => y,
        _ => 0,
    };
    for (d, item) in inside {
        let i = match zoom {
            Zoom::All => d.year.map(|y| (y - first_year) as usize),
            Zoom::Year(_) => d.month.map(|m| usize::from(m) - 1),
            Zoom::Month(..) => d.day.map(|day| usize::from(day) - 1),
        };
        match i.and_then(|i| out.get_mut(i)) {
            Some(b) => b.items.push(*item),
            None => unknown.push(*item),
        }
    }
    if !unknown.is_empty() {
        out.push(Bucket {
            slot: Slot::Unknown,
            items: unknown,
        });
    }
    out
}

/// The twelve months of dates whose year is unknown (they have a month and a day by
/// construction; anything else is dropped).
pub fn month_buckets_without_year<T: Copy>(items: &[(Ymd, T)]) -> Vec<Bucket<T>> {
    let mut out: Vec<Bucket<T>> = (1..=12).map(Slot::Month).map(empty).collect();
    for (d, item) in items.iter().filter(|(d, _)| d.year.is_none()) {
        if let Some(b) = d
            .month
            .and_then(|m| out.get_mut(usize::from(m).wrapping_sub(1)))
        {
            b.items.push(*item);
        }
    }
    out
}

fn empty<T>(slot: Slot) -> Bucket<T> {
    Bucket {
        slot,
        items: Vec::new(),
    }
}

/// What is drawn for (part of) a bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind<T> {
    /// One item, drawn on its own.
    One(T),
    /// Too many to draw apart: one circle with the count.
    Cluster(usize),
}

/// A mark on the axis: in slot `slot` (position in the buckets), `level` places up the stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark<T> {
    pub slot: usize,
    pub level: usize,
    pub kind: MarkKind<T>,
}

/// The marks of `buckets`, in reading order (by slot, then up the stack): a bucket of at most
/// `stack` items shows each, a fuller one a single cluster. So an axis never has more than
/// `slots × stack` marks, however many the items.
pub fn marks<T: Copy>(buckets: &[Bucket<T>], stack: usize) -> Vec<Mark<T>> {
    let mut out = Vec::new();
    for (slot, b) in buckets.iter().enumerate() {
        if b.items.len() > stack {
            out.push(Mark {
                slot,
                level: 0,
                kind: MarkKind::Cluster(b.items.len()),
            });
        } else {
            out.extend(b.items.iter().enumerate().map(|(level, &it)| Mark {
                slot,
                level,
                kind: MarkKind::One(it),
            }));
        }
    }
    out
}

/// A horizontal axis of `slots` equal slots between `left` and `width - right`, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    pub width: f64,
    pub left: f64,
    pub right: f64,
    pub slots: usize,
}

impl Axis {
    /// The narrowest an axis of `slots` slots may be drawn, so marks and labels stay legible;
    /// narrower screens scroll it sideways.
    pub fn min_width(slots: usize) -> f64 {
        (slots as f64 * 18.0 + 48.0).max(300.0)
    }

    /// An axis as wide as `available` (but not narrower than [`Axis::min_width`]).
    pub fn fit(available: f64, slots: usize) -> Axis {
        Axis {
            width: available.max(Axis::min_width(slots)).round(),
            left: 24.0,
            right: 24.0,
            slots: slots.max(1),
        }
    }

    pub fn slot_width(&self) -> f64 {
        (self.width - self.left - self.right).max(1.0) / self.slots as f64
    }

    /// The centre of slot `i`.
    pub fn x(&self, i: usize) -> f64 {
        self.left + self.slot_width() * (i as f64 + 0.5)
    }

    /// Label every n-th slot so labels `label_px` wide do not touch: 1, 2, 5, 10, 20, 50...
    pub fn label_every(&self, label_px: f64) -> usize {
        let need = (label_px / self.slot_width()).ceil().max(1.0) as usize;
        let mut step = 1;
        for n in (0..).map(|k| 10usize.saturating_pow(k)) {
            if let Some(s) = [n, 2 * n, 5 * n].into_iter().find(|&s| s >= need) {
                step = s;
                break;
            }
        }
        step
    }
}

/// The radius of a cluster of `count` items: grows with the logarithm of the count, within
/// `[min, max]`.
pub fn cluster_radius(count: usize, min: f64, max: f64) -> f64 {
    let r = min + 3.0 * (count.max(1) as f64).log2();
    r.clamp(min, max.max(min))
}

/// One page of a list: the range of positions to show, the page actually shown (clamped) and
/// the number of pages (at least 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub start: usize,
    pub end: usize,
    pub page: usize,
    pub pages: usize,
}

/// Page `page` (from 0) of `total` items, `per_page` a page.
pub fn page(total: usize, page: usize, per_page: usize) -> Page {
    let per_page = per_page.max(1);
    let pages = total.div_ceil(per_page).max(1);
    let page = page.min(pages - 1);
    let start = page * per_page;
    Page {
        start: start.min(total),
        end: (start + per_page).min(total),
        page,
        pages,
    }
}

/// A linear map from a range of day numbers to pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub from: i64,
    pub to: i64,
    pub x0: f64,
    pub x1: f64,
}

impl Scale {
    /// The pixel of day `day` (clamped to the range).
    pub fn x(&self, day: i64) -> f64 {
        let span = (self.to - self.from).max(1) as f64;
        let t = ((day - self.from) as f64 / span).clamp(0.0, 1.0);
        self.x0 + t * (self.x1 - self.x0)
    }

    /// The pixels of `a..=b`, at least `min` wide (a one-day fact must still be seen).
    pub fn bar(&self, a: i64, b: i64, min: f64) -> (f64, f64) {
        let (xa, xb) = (self.x(a.min(b)), self.x(a.max(b) + 1));
        if xb - xa >= min {
            (xa, xb)
        } else {
            let mid = (xa + xb) / 2.0;
            let x = (mid - min / 2.0).clamp(self.x0, (self.x1 - min).max(self.x0));
            (x, x + min)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(s: &str) -> Ymd {
        // "2023-03-14", "2023-03", "2023", "--03-14"
        let mut d = Ymd::default();
        if let Some(rest) = s.strip_prefix("--") {
            let (m, day) = rest.split_once('-').unwrap();
            d.month = m.parse().ok();
            d.day = day.parse().ok();
            return d;
        }
        let mut parts = s.split('-');
        d.year = parts.next().and_then(|y| y.parse().ok());
        d.month = parts.next().and_then(|m| m.parse().ok());
        d.day = parts.next().and_then(|x| x.parse().ok());
        d
    }

    fn items(dates: &[&str]) -> Vec<(Ymd, usize)> {
        dates.iter().enumerate().map(|(i, s)| (ymd(s), i)).collect()
    }

    /// Each bucket as "slot:items".
    fn show(b: &[Bucket<usize>]) -> Vec<String> {
        b.iter()
            .filter(|b| !b.items.is_empty() || matches!(b.slot, Slot::Year(_)))
            .map(|b| format!("{:?}:{:?}", b.slot, b.items))
            .collect()
    }

    #[test]
    fn buckets_at_every_zoom() {
        let dates = [
            "2021-06-10", // 0
            "2023-03-14", // 1
            "2023-03-14", // 2
            "2023",       // 3: year only
            "2023-03",    // 4: month only
            "--09-07",    // 5: year unknown, on no axis of years
            "2023-12-31", // 6
        ];
        let it = items(&dates);
        for (zoom, want) in [
            (
                Zoom::All,
                vec![
                    "Year(2021):[0]",
                    "Year(2022):[]",
                    "Year(2023):[1, 2, 3, 4, 6]",
                ],
            ),
            (
                Zoom::Year(2023),
                vec!["Month(3):[1, 2, 4]", "Month(12):[6]", "Unknown:[3]"],
            ),
            (Zoom::Month(2023, 3), vec!["Day(14):[1, 2]", "Unknown:[4]"]),
            (Zoom::Month(2023, 12), vec!["Day(31):[6]"]),
            (Zoom::Year(2022), vec![]),
        ] {
            assert_eq!(show(&buckets(zoom, &it)), want, "{zoom:?}");
        }
        assert_eq!(buckets(Zoom::Month(2024, 2), &it).len(), 29);
        assert_eq!(buckets(Zoom::Month(2023, 2), &it).len(), 28);
        assert!(buckets::<usize>(Zoom::All, &[]).is_empty());
        let no_year = month_buckets_without_year(&it);
        assert_eq!(no_year.len(), 12);
        assert_eq!(no_year[8].items, vec![5]);
    }

    #[test]
    fn thousands_of_events_stay_a_few_marks() {
        // 5,000 events over ten years: one cluster per year, per month, or per crowded day.
        let dates: Vec<String> = (0..5000)
            .map(|i| {
                format!(
                    "{}-{:02}-{:02}",
                    2015 + i % 10,
                    1 + (i / 10) % 12,
                    1 + (i / 120) % 28
                )
            })
            .collect();
        let refs: Vec<&str> = dates.iter().map(String::as_str).collect();
        let it = items(&refs);
        for zoom in [Zoom::All, Zoom::Year(2019), Zoom::Month(2019, 5)] {
            let b = buckets(zoom, &it);
            let m = marks(&b, 3);
            assert!(m.len() <= b.len() * 3, "{zoom:?}: {} marks", m.len());
            let counted: usize = m
                .iter()
                .map(|m| match m.kind {
                    MarkKind::One(_) => 1,
                    MarkKind::Cluster(n) => n,
                })
                .sum();
            let inside = it.iter().filter(|(d, _)| zoom.contains(*d)).count();
            assert_eq!(counted, inside, "{zoom:?}: every event counted once");
        }
        assert_eq!(marks(&buckets(Zoom::All, &it), 3).len(), 10);
    }

    #[test]
    fn small_buckets_stack_full_ones_cluster() {
        let b = vec![
            Bucket {
                slot: Slot::Day(1),
                items: vec![7, 8],
            },
            Bucket {
                slot: Slot::Day(2),
                items: vec![],
            },
            Bucket {
                slot: Slot::Day(3),
                items: vec![1, 2, 3, 4],
            },
        ];
        assert_eq!(
            marks(&b, 3),
            vec![
                Mark {
                    slot: 0,
                    level: 0,
                    kind: MarkKind::One(7)
                },
                Mark {
                    slot: 0,
                    level: 1,
                    kind: MarkKind::One(8)
                },
                Mark {
                    slot: 2,
                    level: 0,
                    kind: MarkKind::Cluster(4)
                },
            ]
        );
    }

    #[test]
    fn zoom_steps_and_round_trips_through_the_url() {
        assert_eq!(Zoom::Month(2023, 1).step(-1), Zoom::Month(2022, 12));
        assert_eq!(Zoom::Month(2023, 12).step(1), Zoom::Month(2024, 1));
        assert_eq!(Zoom::Year(2023).step(1), Zoom::Year(2024));
        assert_eq!(Zoom::All.step(1), Zoom::All);
        assert_eq!(Zoom::Month(2023, 5).out(), Zoom::Year(2023));
        assert_eq!(Zoom::Year(2023).out(), Zoom::All);
        for z in [Zoom::All, Zoom::Year(2021), Zoom::Month(2021, 12)] {
            let q = z.query();
            let get = |k: &str| q.iter().find(|(n, _)| *n == k).map(|(_, v)| v.as_str());
            assert_eq!(Zoom::parse(get("zoom"), get("y"), get("m")), z);
        }
        // Damaged URLs fall back, they do not fail.
        assert_eq!(
            Zoom::parse(Some("month"), Some("2021"), Some("13")),
            Zoom::Year(2021)
        );
        assert_eq!(Zoom::parse(Some("year"), Some("x"), None), Zoom::All);
        assert_eq!(Zoom::parse(Some("??"), None, None), Zoom::All);
    }

    #[test]
    fn axes_fit_and_thin_their_labels() {
        let a = Axis::fit(1200.0, 12);
        assert_eq!(a.width, 1200.0);
        assert!((a.x(0) - (24.0 + a.slot_width() / 2.0)).abs() < 1e-9);
        assert_eq!(a.label_every(30.0), 1);
        // A month of days on a phone: the axis keeps a legible width and scrolls.
        let d = Axis::fit(328.0, 31);
        assert!(d.width > 328.0 && d.slot_width() >= 18.0);
        assert_eq!(d.label_every(20.0), 2);
        assert_eq!(Axis::fit(300.0, 60).label_every(40.0), 5);
    }

    #[test]
    fn clusters_pages_and_scales() {
        assert_eq!(cluster_radius(1, 8.0, 20.0), 8.0);
        assert!(cluster_radius(1000, 8.0, 20.0) <= 20.0);
        assert!(cluster_radius(8, 8.0, 20.0) > cluster_radius(4, 8.0, 20.0));
        assert_eq!(
            page(95, 3, 30),
            Page {
                start: 90,
                end: 95,
                page: 3,
                pages: 4
            }
        );
        assert_eq!(
            page(95, 99, 30).page,
            3,
            "a page past the end shows the last"
        );
        assert_eq!(
            page(0, 2, 30),
            Page {
                start: 0,
                end: 0,
                page: 0,
                pages: 1
            }
        );
        let s = Scale {
            from: 0,
            to: 100,
            x0: 10.0,
            x1: 110.0,
        };
        assert_eq!(s.x(50), 60.0);
        assert_eq!(s.x(-5), 10.0);
        let (a, b) = s.bar(50, 50, 6.0);
        assert!(b - a >= 6.0 - 1e-9 && a >= 10.0);
        let (a, b) = s.bar(100, 100, 6.0);
        assert!(b <= 110.0 + 1e-9 && b - a >= 6.0 - 1e-9);
    }
}
