//! The timeline, person and post views.
//!
//! Natively: the axis layout (src/ui/timeline_layout.rs, included here because the UI module
//! is wasm32-only), and the example story below checked through the record layer, so the
//! browser tests stand on known records. In the browser (wasm32, headless Chromium): the app
//! itself (`nienbieu::ui::run`) over a library of the story stored in localStorage, driven
//! through its links, buttons and keys.
//!
//! `NIENBIEU_VIEWS_STORAGE=path cargo test --test web_views storage_dump -- --ignored` writes
//! the story as localStorage items (JSON), for screenshots of the release build;
//! `NIENBIEU_VIEWS_EXTRA=2000` adds that many generated events.

use nienbieu::extract::{self, EventKind, Role, Span, TitleChange};
use nienbieu::records::{Edit, Library, PartialDate, Source, TitleEdit};

#[cfg(not(target_arch = "wasm32"))]
#[path = "../src/ui/timeline_layout.rs"]
#[allow(dead_code)]
mod timeline_layout;

/// A title as the user would enter it: text, change, acting, concurrent.
type TitleSpec = (&'static str, TitleChange, bool, bool);

/// An official of an example article.
struct OfficialSpec {
    name: &'static str,
    titles: &'static [TitleSpec],
    roles: &'static [Role],
}

/// An example article: text (headline first), event date (ISO, `None`: the text gives none),
/// kind, and the officials it names.
struct ArticleSpec {
    slug: &'static str,
    text: &'static str,
    date: Option<&'static str>,
    kind: EventKind,
    officials: &'static [OfficialSpec],
}

const HELD: TitleChange = TitleChange::Held;
const TAKEN: TitleChange = TitleChange::Taken;
const LEFT: TitleChange = TitleChange::Left;

const BI_THU: TitleSpec = ("Bí thư Tỉnh ủy Ninh Bình", HELD, false, false);
const CHU_TICH: TitleSpec = (
    "Chủ tịch Ủy ban nhân dân tỉnh Ninh Bình",
    HELD,
    false,
    false,
);
const PHO_CHU_TICH: TitleSpec = (
    "Phó Chủ tịch Ủy ban nhân dân tỉnh Ninh Bình",
    HELD,
    false,
    false,
);

/// A province's story over four years, written in the style of provincial news (the names are
/// invented): a chairman leaves, the post is vacant, his deputy is elected; a secretary is
/// succeeded without the articles saying when; two people are called chairman at once; one
/// article gives no year, one no date; an acting director; a transfer to another province.
const STORY: &[ArticleSpec] = &[
    ArticleSpec {
        slug: "hoi-nghi-bch-lan-5",
        text: "Hội nghị Ban Chấp hành Đảng bộ tỉnh Ninh Bình lần thứ 5

Sáng 10-6-2020, Ban Chấp hành Đảng bộ tỉnh Ninh Bình tổ chức hội nghị lần thứ 5. Đồng chí Hoàng Minh Đức, Bí thư Tỉnh ủy chủ trì hội nghị. Dự hội nghị có đồng chí Đinh Văn Khải, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh và đồng chí Mai Thị Hạnh, Phó Chủ tịch UBND tỉnh.",
        date: Some("2020-06-10"),
        kind: EventKind::Conference,
        officials: &[
            OfficialSpec {
                name: "Hoàng Minh Đức",
                titles: &[BI_THU],
                roles: &[Role::Chair],
            },
            OfficialSpec {
                name: "Đinh Văn Khải",
                titles: &[("Phó Bí thư Tỉnh ủy Ninh Bình", HELD, false, false), CHU_TICH],
                roles: &[Role::Attend],
            },
            OfficialSpec {
                name: "Mai Thị Hạnh",
                titles: &[PHO_CHU_TICH],
                roles: &[Role::Attend],
            },
        ],
    },
    ArticleSpec {
        slug: "ky-hop-bat-thuong",
        text: "Kỳ họp bất thường HĐND tỉnh Ninh Bình

Ngày 20-4-2021, HĐND tỉnh Ninh Bình họp kỳ họp bất thường, miễn nhiệm chức vụ Chủ tịch UBND tỉnh đối với ông Đinh Văn Khải do chuyển công tác.",
        date: Some("2021-04-20"),
        kind: EventKind::CouncilSession,
        officials: &[OfficialSpec {
            name: "Đinh Văn Khải",
            titles: &[(
                "Chủ tịch Ủy ban nhân dân tỉnh Ninh Bình",
                LEFT,
                false,
                false,
            )],
            roles: &[],
        }],
    },
    ArticleSpec {
        slug: "thanh-hoa-cong-bo-quyet-dinh",
        text: "Thanh Hóa công bố quyết định của Bộ Chính trị về công tác cán bộ

Sáng 12-5-2021, Tỉnh ủy Thanh Hóa tổ chức hội nghị công bố quyết định của Bộ Chính trị điều động đồng chí Đinh Văn Khải giữ chức Phó Bí thư Tỉnh ủy Thanh Hóa.",
        date: Some("2021-05-12"),
        kind: EventKind::AppointmentCeremony,
        officials: &[OfficialSpec {
            name: "Đinh Văn Khải",
            titles: &[("Phó Bí thư Tỉnh ủy Thanh Hóa", TAKEN, false, false)],
            roles: &[],
        }],
    },
    ArticleSpec {
        slug: "bau-chu-tich-ubnd",
        text: "HĐND tỉnh Ninh Bình bầu Chủ tịch UBND tỉnh

Chiều 2-7-2021, tại kỳ họp thứ hai, HĐND tỉnh Ninh Bình khóa XV bầu bà Mai Thị Hạnh, Phó Chủ tịch UBND tỉnh, giữ chức Chủ tịch UBND tỉnh nhiệm kỳ 2021 - 2026. Đồng chí Hoàng Minh Đức, Bí thư Tỉnh ủy kiêm Chủ tịch HĐND tỉnh điều hành kỳ họp.",
        date: Some("2021-07-02"),
        kind: EventKind::CouncilSession,
        officials: &[
            OfficialSpec {
                name: "Mai Thị Hạnh",
                titles: &[
                    PHO_CHU_TICH,
                    (
                        "Chủ tịch Ủy ban nhân dân tỉnh Ninh Bình",
                        TAKEN,
                        false,
                        false,
                    ),
                ],
                roles: &[],
            },
            OfficialSpec {
                name: "Hoàng Minh Đức",
                titles: &[
                    BI_THU,
                    (
                        "Chủ tịch Hội đồng nhân dân tỉnh Ninh Bình",
                        HELD,
                        false,
                        true,
                    ),
                ],
                roles: &[Role::Chair],
            },
        ],
    },
    ArticleSpec {
        slug: "kiem-tra-duong-ven-bien",
        text: "Ninh Bình: kiểm tra tiến độ dự án đường ven biển

Ngày 15-3-2022, đồng chí Phan Thanh Tùng, Bí thư Tỉnh ủy Ninh Bình cùng đồng chí Mai Thị Hạnh, Chủ tịch UBND tỉnh kiểm tra tiến độ dự án đường ven biển.",
        date: Some("2022-03-15"),
        kind: EventKind::WorkingVisit,
        officials: &[
            OfficialSpec {
                name: "Phan Thanh Tùng",
                titles: &[BI_THU],
                roles: &[Role::Chair],
            },
            OfficialSpec {
                name: "Mai Thị Hạnh",
                titles: &[CHU_TICH],
                roles: &[Role::Attend],
            },
        ],
    },
    ArticleSpec {
        slug: "quyen-giam-doc-so-tai-chinh",
        text: "Ninh Bình công bố quyết định về công tác cán bộ

Chiều 3-8-2022, UBND tỉnh Ninh Bình công bố quyết định giao đồng chí Lý Quang Vinh, Phó Giám đốc Sở Tài chính, giữ chức Quyền Giám đốc Sở Tài chính. Đồng chí Mai Thị Hạnh, Chủ tịch UBND tỉnh trao quyết định.",
        date: Some("2022-08-03"),
        kind: EventKind::AppointmentCeremony,
        officials: &[
            OfficialSpec {
                name: "Lý Quang Vinh",
                titles: &[
                    ("Phó Giám đốc Sở Tài chính tỉnh Ninh Bình", HELD, false, false),
                    ("Giám đốc Sở Tài chính tỉnh Ninh Bình", TAKEN, true, false),
                ],
                roles: &[],
            },
            OfficialSpec {
                name: "Mai Thị Hạnh",
                titles: &[CHU_TICH],
                roles: &[Role::Chair],
            },
        ],
    },
    ArticleSpec {
        slug: "tiep-xuc-cu-tri-kim-son",
        text: "Ninh Bình: tiếp xúc cử tri huyện Kim Sơn

Sáng 5-9-2023, Đoàn đại biểu Quốc hội tỉnh Ninh Bình tiếp xúc cử tri huyện Kim Sơn. Đồng chí Trương Quốc Bảo, Chủ tịch UBND tỉnh dự và phát biểu.",
        date: Some("2023-09-05"),
        kind: EventKind::VoterMeeting,
        officials: &[OfficialSpec {
            name: "Trương Quốc Bảo",
            titles: &[CHU_TICH],
            roles: &[Role::Speak],
        }],
    },
    ArticleSpec {
        slug: "hoi-nghi-chuyen-doi-so",
        text: "UBND tỉnh Ninh Bình sơ kết chuyển đổi số

Sáng 20-9-2023, UBND tỉnh Ninh Bình tổ chức hội nghị sơ kết công tác chuyển đổi số. Đồng chí Mai Thị Hạnh, Chủ tịch UBND tỉnh chủ trì hội nghị.",
        date: Some("2023-09-20"),
        kind: EventKind::Conference,
        officials: &[OfficialSpec {
            name: "Mai Thị Hạnh",
            titles: &[CHU_TICH],
            roles: &[Role::Chair],
        }],
    },
    ArticleSpec {
        slug: "kiem-tra-phong-chong-bao",
        text: "Ninh Bình: kiểm tra công tác phòng, chống bão

Sáng 7-9, đồng chí Mai Thị Hạnh, Phó Chủ tịch UBND tỉnh Ninh Bình đi kiểm tra công tác phòng, chống bão tại các huyện ven biển.",
        date: Some("--09-07"),
        kind: EventKind::WorkingVisit,
        officials: &[OfficialSpec {
            name: "Mai Thị Hạnh",
            titles: &[PHO_CHU_TICH],
            roles: &[],
        }],
    },
    ArticleSpec {
        slug: "gap-mat-can-bo-huu-tri",
        text: "Tỉnh ủy Ninh Bình gặp mặt cán bộ hưu trí

Tỉnh ủy Ninh Bình tổ chức gặp mặt cán bộ lão thành, cán bộ hưu trí. Đồng chí Phan Thanh Tùng, Bí thư Tỉnh ủy phát biểu.",
        date: None,
        kind: EventKind::Other,
        officials: &[OfficialSpec {
            name: "Phan Thanh Tùng",
            titles: &[BI_THU],
            roles: &[Role::Speak],
        }],
    },
];

const T0: u64 = 1_700_000_000_000;

/// Adds one article with the corrections that make it read as `spec` says, whatever the
/// extractor finds: date, kind, headline, officials with their titles.
fn add(lib: &mut Library, spec: &ArticleSpec, at: u64) {
    let Ok(added) = lib.add_article(
        spec.text,
        Source {
            url: Some(format!("https://baoninhbinh.example/{}.html", spec.slug)),
            published: None,
        },
        at,
        extract::EXTRACTOR_VERSION,
    ) else {
        panic!("{} is an article", spec.slug)
    };
    let id = added.id().clone();
    let article = lib.article(&id).expect("just added").clone();
    // Spans point into the extractor's text.
    let read = extract::extract(&article.text, &article.context());
    lib.correct(
        Edit::SetEventDate {
            article: id.clone(),
            date: spec.date.and_then(PartialDate::parse),
        },
        at,
    );
    lib.correct(
        Edit::SetEventKind {
            article: id.clone(),
            kind: spec.kind,
        },
        at,
    );
    lib.correct(
        Edit::SetEventTitle {
            article: id.clone(),
            title: spec.text.lines().next().map(str::to_string),
        },
        at,
    );
    for o in spec.officials {
        let start = read
            .text
            .find(o.name)
            .unwrap_or_else(|| panic!("{} in {}", o.name, spec.slug));
        lib.correct(
            Edit::AddOfficial {
                article: id.clone(),
                name: o.name.to_string(),
                titles: o
                    .titles
                    .iter()
                    .map(|&(text, change, acting, concurrent)| TitleEdit {
                        text: text.to_string(),
                        change,
                        acting,
                        concurrent,
                        ..TitleEdit::default()
                    })
                    .collect(),
                roles: o.roles.to_vec(),
                selection: Span::new(start, start + o.name.len()),
            },
            at,
        );
    }
}

/// The story, plus `extra` generated events (visits and meetings of the story's officials,
/// spread over the years) for scale.
fn library(extra: usize) -> Library {
    let mut lib = Library::new();
    for (i, spec) in STORY.iter().enumerate() {
        add(&mut lib, spec, T0 + i as u64);
    }
    const PLACES: [&str; 6] = [
        "huyện Kim Sơn",
        "huyện Yên Khánh",
        "thành phố Tam Điệp",
        "huyện Nho Quan",
        "huyện Gia Viễn",
        "huyện Hoa Lư",
    ];
    for i in 0..extra {
        // Between her election (July 2021) and the overlap with Bảo (September 2023), so the
        // story's posts read the same: one a month over 25 months, then again a day later.
        let months = 2021 * 12 + 7 + i % 25;
        let (year, month, day) = (months / 12, months % 12 + 1, 1 + (i / 25) % 28);
        let place = PLACES[i % PLACES.len()];
        let text: &'static str = Box::leak(
            format!(
                "Ninh Bình: làm việc tại {place} (bài {i})\n\nNgày {day}-{month}-{year}, đồng chí Mai Thị Hạnh, Chủ tịch UBND tỉnh làm việc tại {place}."
            )
            .into_boxed_str(),
        );
        let date: &'static str = Box::leak(format!("{year}-{month:02}-{day:02}").into_boxed_str());
        let spec = ArticleSpec {
            slug: "lam-viec",
            text,
            date: Some(date),
            kind: if i % 3 == 0 {
                EventKind::WorkingVisit
            } else {
                EventKind::Conference
            },
            officials: &[OfficialSpec {
                name: "Mai Thị Hạnh",
                titles: &[CHU_TICH],
                roles: &[Role::Chair],
            }],
        };
        add(&mut lib, &spec, T0 + 1000 + i as u64);
    }
    lib
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::*;
    use nienbieu::records::derive::{BoundKind, Status};
    use nienbieu::records::store::{MemoryBackend, Store};
    use nienbieu::records::views::{self, TimelineQuery};
    use nienbieu::records::Records;

    fn person<'a>(r: &'a Records, name: &str) -> &'a nienbieu::records::derive::Person {
        let found: Vec<_> = r.people.iter().filter(|p| p.name == name).collect();
        assert_eq!(found.len(), 1, "{name}: {:?}", found);
        found[0]
    }

    fn post_ix(r: &Records, label: &str) -> nienbieu::records::derive::PostIx {
        let i = r
            .posts
            .iter()
            .position(|p| p.label == label)
            .unwrap_or_else(|| {
                let all: Vec<_> = r.posts.iter().map(|p| &p.label).collect();
                panic!("no post {label}: {all:?}")
            });
        nienbieu::records::derive::PostIx(i as u32)
    }

    /// What the browser tests stand on, read through the real extractor and record layer.
    #[test]
    fn the_story_reads_as_written() {
        let r = Records::from_library(&library(0));
        assert_eq!(r.events.len(), STORY.len());

        let hanh = person(&r, "Mai Thị Hạnh");
        let posts: Vec<(&str, Status)> = hanh
            .tenures
            .iter()
            .map(|&t| (r.post(r.tenure(t).post).label.as_str(), r.tenure(t).status))
            .collect();
        assert!(
            posts.contains(&("Phó Chủ tịch Ủy ban nhân dân tỉnh Ninh Bình", Status::Ended))
                || posts.contains(&(
                    "Phó Chủ tịch Ủy ban nhân dân tỉnh Ninh Bình",
                    Status::Current
                )),
            "{posts:?}"
        );
        assert!(
            posts.contains(&("Chủ tịch Ủy ban nhân dân tỉnh Ninh Bình", Status::Current)),
            "{posts:?}"
        );
        // The unknown-year visit is one of her facts, without a year.
        assert!(hanh.tenures.iter().any(|&t| r
            .tenure(t)
            .facts
            .iter()
            .any(|f| f.date.is_some_and(|d| d.year().is_none()))));

        // The chairmanship: Khải (left), vacant, Hạnh (elected), and Bảo at the same time.
        let chair = post_ix(&r, "Chủ tịch Ủy ban nhân dân tỉnh Ninh Bình");
        let h = views::post_history(&r, chair);
        let holders: Vec<&str> = h
            .holders
            .iter()
            .map(|x| r.person(r.tenure(x.tenure).person).name.as_str())
            .collect();
        assert_eq!(
            holders,
            ["Đinh Văn Khải", "Mai Thị Hạnh", "Trương Quốc Bảo"]
        );
        let khai = r.tenure(h.holders[0].tenure);
        assert_eq!(khai.end.as_ref().map(|e| e.kind), Some(BoundKind::Stated));
        assert!(h.gaps.iter().any(|g| g.vacant), "{:?}", h.gaps);
        assert_eq!(h.conflicts.len(), 1, "{:?}", h.conflicts);

        // The secretaryship: Đức, then Tùng with nothing said in between.
        let secretary = post_ix(&r, "Bí thư Tỉnh ủy Ninh Bình");
        let h = views::post_history(&r, secretary);
        assert_eq!(h.holders.len(), 2);
        assert!(h.gaps.iter().all(|g| !g.vacant) && !h.gaps.is_empty());

        // Transferred to another province, he is another person until merged.
        assert_eq!(
            r.people
                .iter()
                .filter(|p| p.name == "Đinh Văn Khải")
                .count(),
            2
        );

        // Timeline: dated groups, then the unknown year, then the undated.
        let groups = views::timeline(&r, &TimelineQuery::default());
        let last_two: Vec<(Option<i32>, Option<u8>)> = groups
            .iter()
            .rev()
            .take(2)
            .map(|g| (g.year, g.month))
            .collect();
        assert_eq!(last_two, [(None, None), (None, Some(9))]);
    }

    #[test]
    fn generated_events_are_dated_and_counted() {
        let r = Records::from_library(&library(60));
        assert_eq!(r.events.len(), STORY.len() + 60);
        let dated = r
            .events
            .iter()
            .filter(|e| e.date.is_some_and(|d| d.year().is_some()))
            .count();
        assert_eq!(dated, STORY.len() - 2 + 60);
    }

    /// Writes the story as localStorage items for the screenshot script.
    #[test]
    #[ignore = "writes a file; run by hand for screenshots"]
    fn storage_dump() {
        let path = std::env::var("NIENBIEU_VIEWS_STORAGE").expect("NIENBIEU_VIEWS_STORAGE");
        let extra = std::env::var("NIENBIEU_VIEWS_EXTRA")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let lib = library(extra);
        let (mut store, _, _) = Store::open(MemoryBackend::chromium());
        store.commit(&lib).expect("fits in Chromium's quota");
        let json = serde_json::to_string(store.backend().items()).expect("json");
        std::fs::write(&path, json).expect("writable");
    }
}

#[cfg(target_arch = "wasm32")]
mod page;

#[cfg(target_arch = "wasm32")]
mod browser {
    //! The app itself, mounted once over the story (plus 12 generated events, so some years
    //! cluster), driven as a person would: links, selects, typing, keys.
    use super::page::*;
    use super::*;
    use nienbieu::records::store::Store;
    use nienbieu::store::LocalStorageBackend;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// Stores the library and mounts the app, at `/timeline`.
    fn start() {
        let backend = LocalStorageBackend::open().expect("localStorage");
        let (mut store, _, _) = Store::open(backend);
        store.commit(&library(12)).expect("stored");
        js("history.replaceState(null, '', '/timeline')");
        nienbieu::ui::run();
    }

    #[wasm_bindgen_test]
    async fn the_three_views_in_the_app() {
        start();
        until("the timeline", || count("[data-testid=timeline]") == 1).await;
        timeline().await;
        person().await;
        post().await;
        merge_and_undo().await;
        split_and_undo().await;
        languages().await;
    }

    const MARKS: &str = "[data-testid=timeline] [data-ix]";

    async fn timeline() {
        // All years, 2020–2023: 2021 and 2022 have more than three events each and are
        // clusters; 2020 and 2023 show theirs one by one.
        assert_eq!(count(MARKS), 5);
        assert_eq!(count("[data-testid=timeline] [data-testid=tl-cluster]"), 2);
        assert_eq!(count("[data-testid=tl-list] [data-testid=tl-event]"), 20);
        assert_eq!(
            count("[data-testid=tl-no-year-list] [data-testid=tl-event]"),
            1
        );
        assert_eq!(
            count("[data-testid=tl-undated-list] [data-testid=tl-event]"),
            1
        );
        // One mark in the tab order; arrows move the focus along the axis.
        assert_eq!(count("[data-testid=timeline] [tabindex=\"0\"]"), 1);
        focus("[data-testid=timeline] [data-ix=\"0\"]");
        key("ArrowRight");
        assert_eq!(active_ix().as_deref(), Some("1"));
        key("End");
        assert_eq!(active_ix().as_deref(), Some("4"));
        key("ArrowLeft");
        assert_eq!(active_ix().as_deref(), Some("3"));

        // Enter on the 2021 cluster zooms into 2021: its eight events, month by month.
        let i = js(&format!(
            "[...document.querySelectorAll({})].find(e => e.getAttribute('data-testid') === 'tl-cluster' && e.getAttribute('aria-label').includes('2021')).getAttribute('data-ix')",
            lit(MARKS)
        ))
        .as_string()
        .expect("a 2021 cluster");
        focus(&format!("[data-testid=timeline] [data-ix=\"{i}\"]"));
        key("Enter");
        until("2021 by month", || path().contains("zoom=year&y=2021")).await;
        until("eight marks", || count(MARKS) == 8).await;
        until("the focus on the first mark", || {
            active_ix().as_deref() == Some("0")
        })
        .await;
        assert_eq!(count("[data-testid=tl-list] [data-testid=tl-event]"), 8);
        // PageDown: the next year; "-": back out to every year.
        key("PageDown");
        until("2022", || path().contains("y=2022")).await;
        // Nine events in eight months (two in March, stacked).
        until("nine marks", || count(MARKS) == 9).await;
        until("the focus back on the axis", || active_ix().is_some()).await;
        key("-");
        until("all years", || path() == "/timeline").await;
        until("five marks", || count(MARKS) == 5).await;

        // Kind filter: two council sessions, both in 2021; in the URL.
        choose("[data-testid=tl-kind]", "council_session");
        until("the kind filter", || {
            path().contains("kind=council_session")
        })
        .await;
        until("two sessions", || {
            count("[data-testid=tl-list] [data-testid=tl-event]") == 2
        })
        .await;
        assert_eq!(count("[data-testid=tl-no-year]"), 0);
        // The URL alone restores zoom and filters (as a reload does).
        go("/");
        until("the add page", || count("[data-testid=timeline]") == 0).await;
        go("/timeline?zoom=month&y=2021&m=7&kind=council_session");
        until("July 2021", || count("[data-testid=timeline]") == 1).await;
        until("one session in July", || {
            count("[data-testid=tl-list] [data-testid=tl-event]") == 1
        })
        .await;
        assert_eq!(
            js("document.querySelector('[data-testid=tl-kind]').value").as_string(),
            Some("council_session".into())
        );
        // A day with one event: a single mark, and Enter opens its article.
        assert_eq!(count(MARKS), 1);
        focus(MARKS);
        key("Enter");
        until("the article", || path().starts_with("/articles/")).await;

        // Person filter, diacritics-blind search as you type.
        go("/timeline");
        until("the timeline", || count("[data-testid=tl-person]") == 1).await;
        type_into("[data-testid=tl-person]", "mai thi hanh");
        until("one suggestion", || {
            count("#tl-person-list [role=option]") == 1
        })
        .await;
        assert!(text("#tl-person-list").contains("Mai Thị Hạnh"));
        key("Enter");
        until("the person filter", || {
            path().contains("person=mai-thi-hanh-ninh-binh")
        })
        .await;
        // Her 5 dated events in the story and the 12 generated ones; the undated one is
        // someone else's.
        until("her events", || {
            count("[data-testid=tl-list] [data-testid=tl-event]") == 17
        })
        .await;
        assert_eq!(count("[data-testid=tl-no-year]"), 1);
        assert_eq!(count("[data-testid=tl-undated]"), 0);
        // Back and forward: the filter, its text and the list follow the URL.
        let input = || {
            js("document.querySelector('[data-testid=tl-person]').value")
                .as_string()
                .unwrap_or_default()
        };
        js("history.back()");
        until("no filter", || path() == "/timeline").await;
        until("every event", || {
            count("[data-testid=tl-list] [data-testid=tl-event]") == 20
        })
        .await;
        assert_eq!(input(), "");
        js("history.forward()");
        until("her filter again", || path().contains("person=")).await;
        until("her name in the box", || input() == "Mai Thị Hạnh").await;
        click("[data-testid=tl-clear]");
        until("no filter", || path() == "/timeline").await;
        until("an empty box", || input().is_empty()).await;
    }

    async fn person() {
        go("/people/mai-thi-hanh-ninh-binh");
        until("her page", || count("[data-testid=person]") == 1).await;
        assert_eq!(text("[data-testid=person-name]"), "Mai Thị Hạnh");
        // Two posts, two bars; the fact without a year is listed apart.
        assert_eq!(count("[data-testid=tenure]"), 2);
        assert_eq!(count("[data-testid=tenure-chart] rect.hv-bar"), 2);
        assert_eq!(
            count("[data-testid=undated-facts] [data-testid=fact]")
                + count("[data-testid=undated-facts] .hv-fact"),
            1
        );
        // Every fact quotes its sentence and links to its article.
        let facts = "[data-testid=tenure] [data-testid=fact]";
        assert_eq!(count(facts), count(&format!("{facts} blockquote")));
        assert_eq!(
            count(facts),
            count(&format!("{facts} a[href^='/articles/']"))
        );
        // The chairmanship has 16 facts: the ends are shown until asked for all.
        assert_eq!(count(facts), 3 + 6);
        click(".hv-more button");
        until("every fact", || count(facts) == 3 + 16).await;
        // A tenure links to its post.
        assert!(count("[data-testid=tenure] h3 a[href^='/posts/']") == 2);

        go("/people/no-such-person");
        until("the message", || count("[data-testid=person-missing]") == 1).await;
        assert_eq!(count("[data-testid=person-missing] a[href='/roster']"), 1);
    }

    async fn post() {
        go("/posts/chu-tich--uy-ban-nhan-dan--ninh-binh");
        until("the post", || count("[data-testid=post]") == 1).await;
        assert_eq!(count("[data-testid=holder]"), 3);
        let holders = text("[data-testid=post] .hv-holders");
        let (k, h, b) = (
            holders.find("Đinh Văn Khải"),
            holders.find("Mai Thị Hạnh"),
            holders.find("Trương Quốc Bảo"),
        );
        assert!(k < h && h < b && k.is_some(), "in order: {holders}");
        assert_eq!(count("[data-testid=gap][data-vacant=true]"), 1);
        assert_eq!(count("[data-testid=conflicts] [data-testid=conflict]"), 1);
        assert_eq!(count("[data-testid=holder].hv-flagged"), 2);
        // Holders link to their pages (through the router).
        click("[data-testid=holder] h3 a");
        until("Khải's page", || {
            path() == "/people/dinh-van-khai-ninh-binh"
        })
        .await;
        until("his page", || count("[data-testid=person]") == 1).await;

        go("/posts/bi-thu--tinh-uy--ninh-binh");
        until("the secretaryship", || {
            count("[data-testid=post]") == 1 && count("[data-testid=holder]") == 2
        })
        .await;
        assert_eq!(count("[data-testid=gap][data-vacant=false]"), 1);
        assert_eq!(count("[data-testid=conflicts]"), 0);

        go("/posts/no-such-post");
        until("the message", || count("[data-testid=post-missing]") == 1).await;
    }

    async fn merge_and_undo() {
        go("/people/dinh-van-khai-ninh-binh");
        until("his page", || count("[data-testid=mentions] li") == 2).await;
        type_into("[data-testid=merge-search]", "dinh van khai");
        // Himself is not offered: only the Thanh Hóa record.
        until("one suggestion", || {
            count("#merge-search-list [role=option]") == 1
        })
        .await;
        assert!(text("#merge-search-list").contains("Thanh Hóa"));
        key("ArrowDown");
        key("Enter");
        until("the merge button", || {
            count("[data-testid=merge-confirm]") == 1
        })
        .await;
        click("[data-testid=merge-confirm]");
        until("one person with three mentions", || {
            count("[data-testid=mentions] li") == 3
        })
        .await;
        assert!(path().starts_with("/people/dinh-van-khai"));
        assert_eq!(count("[data-testid=tenure]"), 3);
        let merged = path();
        let other = if merged.ends_with("thanh-hoa") {
            "/people/dinh-van-khai-ninh-binh"
        } else {
            "/people/dinh-van-khai-thanh-hoa"
        };
        // The other record is gone: it is this one now.
        go(other);
        until("no other record", || {
            count("[data-testid=person-missing]") == 1
        })
        .await;
        go(&merged);
        until("the merged record", || {
            count("[data-testid=mentions] li") == 3
        })
        .await;
        until("the undo button", || count("[data-testid=undo]") == 1).await;
        click("[data-testid=undo]");
        until("two people again", || {
            count("[data-testid=mentions] li") == 2
        })
        .await;
        assert_eq!(path(), "/people/dinh-van-khai-ninh-binh");
        go("/people/dinh-van-khai-thanh-hoa");
        until("the other record", || {
            count("[data-testid=person]") == 1 && count("[data-testid=mentions] li") == 1
        })
        .await;
    }

    async fn split_and_undo() {
        go("/people/mai-thi-hanh-ninh-binh");
        until("her page", || count("[data-testid=mentions] li") == 18).await;
        assert!(js("document.querySelector('[data-testid=split]').disabled")
            .as_bool()
            .unwrap_or(false));
        // The last mention (the year-unknown visit) is someone else.
        click("[data-testid=mentions] li:last-child input");
        until("the split button", || {
            js("document.querySelector('[data-testid=split]').disabled").as_bool() == Some(false)
        })
        .await;
        click("[data-testid=split]");
        until("17 mentions left", || {
            count("[data-testid=mentions] li") == 17
        })
        .await;
        until("a link to the new person", || {
            count("[data-testid=split-person]") == 1
        })
        .await;
        click("[data-testid=split-person]");
        until("the new person", || count("[data-testid=mentions] li") == 1).await;
        assert_eq!(text("[data-testid=person-name]"), "Mai Thị Hạnh");
        assert!(path() != "/people/mai-thi-hanh-ninh-binh");
        click("[data-testid=undo]");
        until("one person again", || {
            count("[data-testid=mentions] li") == 18
        })
        .await;
        assert_eq!(path(), "/people/mai-thi-hanh-ninh-binh");
    }

    async fn languages() {
        go("/timeline");
        until("the timeline", || count("[data-testid=timeline]") == 1).await;
        let before = text("main h1");
        click("[data-testid=lang-switch]");
        until("the other language", || text("main h1") != before).await;
        let after = text("main h1");
        assert!(
            ["Dòng thời gian", "Timeline"].contains(&before.as_str())
                && ["Dòng thời gian", "Timeline"].contains(&after.as_str()),
            "{before} / {after}"
        );
        // The axis is still there, labelled in the new language.
        assert_eq!(count(MARKS), 5);
        click("[data-testid=lang-switch]");
        until("the first language", || text("main h1") == before).await;
    }
}
