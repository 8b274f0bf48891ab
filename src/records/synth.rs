//! Synthetic articles from realistic templates, for benchmarks and scale tests: real-sized
//! (about 7 KB), in the genre's own patterns ("Các đồng chí: Name, Title; ..."), each naming
//! five officials so that 2,000 articles name 10,000 officials. Deterministic: the same seed
//! gives the same texts on every platform. Not used by the app itself.

/// Family names, middle names and given names the generated officials are made of.
const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Mai",
];
const MIDDLES: &[&str] = &[
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Ngọc", "Xuân", "Hồng", "Thành", "Công",
    "Anh", "Trọng", "Quốc", "Kim",
];
const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hải", "Hà", "Hùng", "Khoa", "Lâm", "Long", "Minh", "Nam",
    "Phong", "Quân", "Sơn", "Tâm", "Thắng", "Tuấn", "Việt", "Vinh", "Hạnh", "Lan", "Hương", "Thủy",
    "Trang", "Yến", "Khánh", "Hiếu", "Phúc", "Toàn",
];
const PROVINCES: &[&str] = &[
    "Nam Định",
    "Thái Bình",
    "Hà Nam",
    "Ninh Bình",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Quảng Bình",
    "Quảng Trị",
    "Quảng Nam",
    "Quảng Ngãi",
    "Bình Định",
    "Phú Yên",
    "Khánh Hòa",
    "Gia Lai",
    "Đắk Lắk",
    "Lâm Đồng",
    "Đồng Nai",
    "Tây Ninh",
    "Long An",
    "Tiền Giang",
    "Bến Tre",
    "Trà Vinh",
    "Vĩnh Long",
    "Đồng Tháp",
    "An Giang",
    "Kiên Giang",
    "Cà Mau",
    "Sóc Trăng",
    "Bạc Liêu",
    "Hậu Giang",
    "Bình Dương",
    "Lào Cai",
    "Yên Bái",
    "Tuyên Quang",
    "Hà Giang",
    "Cao Bằng",
    "Lạng Sơn",
    "Bắc Giang",
    "Bắc Ninh",
    "Hải Dương",
    "Hưng Yên",
    "Phú Thọ",
    "Vĩnh Phúc",
    "Thái Nguyên",
    "Sơn La",
    "Điện Biên",
    "Lai Châu",
    "Hòa Bình",
];
const TITLES: &[&str] = &[
    "Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy",
    "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh",
    "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh",
    "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh",
    "Phó Chủ tịch HĐND tỉnh",
    "Trưởng Ban Tổ chức Tỉnh ủy",
    "Trưởng Ban Tuyên giáo Tỉnh ủy",
    "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy",
    "Giám đốc Sở Tài chính",
    "Giám đốc Sở Nội vụ",
    "Giám đốc Sở Kế hoạch và Đầu tư",
    "Giám đốc Sở Giáo dục và Đào tạo",
    "Chánh Văn phòng Tỉnh ủy",
    "Tỉnh ủy viên, Bí thư Huyện ủy",
    "Ủy viên Ban Thường vụ Tỉnh ủy, Chủ tịch Ủy ban MTTQ tỉnh",
];
const PARAGRAPHS: &[&str] = &[
    "Thực hiện nhiệm vụ năm {y} trong bối cảnh còn nhiều khó khăn, thách thức, Ban Chấp hành, Ban Thường vụ Tỉnh ủy đã đoàn kết, thống nhất, lãnh đạo, chỉ đạo triển khai hiệu quả công tác xây dựng Đảng và hệ thống chính trị.",
    "Tổng sản phẩm trên địa bàn tỉnh ước tăng {n},{m}%, cao hơn bình quân chung cả nước; thu ngân sách nhà nước đạt {n}.{m}00 tỷ đồng, vượt {m}% dự toán Trung ương giao.",
    "Công tác xây dựng nông thôn mới tiếp tục được quan tâm, đến nay có {n}/{m}4 xã đạt chuẩn nông thôn mới nâng cao, {m} xã đạt chuẩn nông thôn mới kiểu mẫu.",
    "Hội nghị đã thảo luận, cho ý kiến vào dự thảo Báo cáo tình hình thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ {r}, Chương trình kiểm tra, giám sát năm {z} của Ban Chấp hành Đảng bộ tỉnh.",
    "Các lĩnh vực văn hóa, xã hội có nhiều chuyển biến tích cực; an sinh xã hội được bảo đảm, đời sống vật chất, tinh thần của Nhân dân tiếp tục được cải thiện; quốc phòng, an ninh được giữ vững.",
    "Trong đó, tập trung đẩy mạnh cải cách hành chính, cải thiện môi trường đầu tư kinh doanh, nâng cao chỉ số năng lực cạnh tranh cấp tỉnh; thực hiện quyết liệt công tác giải phóng mặt bằng các dự án trọng điểm.",
    "Tăng cường công tác phòng, chống tham nhũng, lãng phí, tiêu cực; nâng cao chất lượng công tác tiếp công dân, giải quyết khiếu nại, tố cáo ngay từ cơ sở, không để phát sinh điểm nóng.",
    "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh năm {y} đứng thứ {n}/63 tỉnh, thành phố; chỉ số chuyển đổi số đứng thứ {m}, tăng {r} bậc so với năm trước.",
    "Ngành giáo dục và đào tạo giữ vững thành tích trong tốp dẫn đầu cả nước tại kỳ thi học sinh giỏi quốc gia với {n} giải, trong đó có {m} giải nhất.",
    "Dự hội nghị có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy, Ủy viên Ban Chấp hành Đảng bộ tỉnh; lãnh đạo các sở, ban, ngành, đoàn thể của tỉnh; Bí thư các huyện ủy, thành ủy.",
];

/// A deterministic generator (64-bit LCG): no randomness in the core, same output everywhere.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_usize(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.next_usize() % xs.len()]
    }
}

/// The `k`-th of the generated officials: (name, province), with a title chain.
pub fn official(k: usize) -> (String, &'static str, &'static str) {
    let mut rng = Rng::new(k as u64 * 7919 + 11);
    let name = format!(
        "{} {} {}",
        rng.pick(SURNAMES),
        rng.pick(MIDDLES),
        rng.pick(GIVEN)
    );
    let province = PROVINCES[k % PROVINCES.len()];
    (name, province, TITLES[(k / PROVINCES.len()) % TITLES.len()])
}

/// Article `i` (0-based) of a collection: a provincial conference, dated, naming five officials
/// (officials `5i .. 5i+5` of [`official`]), padded to about `size` bytes with realistic
/// paragraphs, closed by a byline.
pub fn article(i: usize, size: usize) -> String {
    let mut rng = Rng::new(i as u64 + 1);
    let people: Vec<_> = (0..5).map(|j| official(i * 5 + j)).collect();
    let province = people[0].1;
    let year = 2016 + i % 9;
    let mut text = format!(
        "Hội nghị lần thứ {} Ban Chấp hành Đảng bộ tỉnh {province} khóa XX\n\nSáng {}-{}-{year}, Ban Chấp hành Đảng bộ tỉnh {province} tổ chức hội nghị lần thứ {} để đánh giá kết quả thực hiện nhiệm vụ. Các đồng chí: ",
        i % 40 + 1,
        1 + i % 28,
        1 + i % 12,
        i % 40 + 1
    );
    for (j, (name, _, title)) in people.iter().enumerate() {
        text.push_str(name);
        text.push_str(", ");
        text.push_str(title);
        text.push_str(if j + 1 < people.len() {
            "; "
        } else {
            " chủ trì hội nghị.\n\n"
        });
    }
    let mut order: Vec<usize> = (0..PARAGRAPHS.len()).collect();
    while text.len() < size.saturating_sub(200) {
        if order.is_empty() {
            order = (0..PARAGRAPHS.len()).collect();
        }
        let p = order.swap_remove(rng.next_usize() % order.len());
        let y = 2010 + rng.next_usize() % 15;
        let para = PARAGRAPHS[p]
            .replace("{y}", &y.to_string())
            .replace("{z}", &(y + 5).to_string())
            .replace("{n}", &(1 + rng.next_usize() % 97).to_string())
            .replace("{m}", &(1 + rng.next_usize() % 89).to_string())
            .replace("{r}", &(1 + rng.next_usize() % 19).to_string());
        text.push_str(&para);
        text.push_str("\n\n");
    }
    text.push_str(&format!(
        "Phát biểu kết luận hội nghị, đồng chí Bí thư Tỉnh ủy {} đề nghị các cấp ủy tập trung thực hiện thắng lợi nhiệm vụ năm {}.\n\nTin: {} {}",
        people[0].0,
        year + 1,
        rng.pick(MIDDLES),
        rng.pick(GIVEN)
    ));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_real_sized_distinct_and_deterministic() {
        let a = article(3, 7_000);
        assert!((6_500..8_000).contains(&a.len()), "{}", a.len());
        assert_eq!(a, article(3, 7_000));
        assert_ne!(a, article(4, 7_000));
    }

    #[test]
    fn two_thousand_articles_name_ten_thousand_distinct_officials() {
        let mut seen = std::collections::HashSet::new();
        for k in 0..10_000 {
            let (name, province, _) = official(k);
            seen.insert((name, province));
        }
        assert!(seen.len() > 9_500, "{}", seen.len());
    }

    #[test]
    fn the_extractor_reads_the_generated_officials() {
        let e = crate::extract::extract(&article(0, 3_000), &Default::default());
        let names: Vec<&str> = e.people.iter().map(|p| p.name.as_str()).collect();
        for j in 0..5 {
            assert!(names.contains(&official(j).0.as_str()), "{names:?}");
        }
    }
}
