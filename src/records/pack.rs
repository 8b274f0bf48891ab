//! Dense storage of bytes in strings: deflate, then 15 bits per UTF-16 code unit.
//!
//! localStorage counts UTF-16 code units (about 5 M per origin in Chromium). Base64 stores 6
//! bits per unit; this packing stores 15, in characters chosen to survive any text handling:
//! CJK ideographs (U+3400..U+9FFF) and Hangul syllables (U+AC00..U+BFFF), all in the Basic
//! Multilingual Plane (one unit each), none a surrogate, a control, a combining mark or a
//! character that Unicode normalization changes.

use std::fmt;

/// 2^15 code points in two runs that normalization leaves alone.
const RUN1_START: u32 = 0x3400;
const RUN1_LEN: u32 = 0xA000 - 0x3400; // U+3400..U+9FFF
const RUN2_START: u32 = 0xAC00; // U+AC00..U+BFFF
const SYMBOLS: u32 = 1 << 15;

/// Longest inflated record accepted (a corrupted length must not exhaust memory).
const MAX_INFLATED: usize = 64 << 20;

/// Why packed data cannot be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackError {
    /// A character outside the packing alphabet (edited by hand, or not packed data).
    BadCharacter { position: usize },
    /// The stated length does not fit the data, or stray bits follow it.
    BadLength,
    /// The deflate stream or its checksum is damaged.
    BadCompression(String),
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackError::BadCharacter { position } => {
                write!(f, "unexpected character at position {position}")
            }
            PackError::BadLength => f.write_str("the data is truncated or has extra content"),
            PackError::BadCompression(e) => write!(f, "the compressed data is damaged ({e})"),
        }
    }
}

fn symbol(v: u32) -> char {
    let cp = if v < RUN1_LEN {
        RUN1_START + v
    } else {
        RUN2_START + (v - RUN1_LEN)
    };
    // Both runs hold only scalar values; the fallback is unreachable.
    char::from_u32(cp).unwrap_or('\u{3400}')
}

fn value(c: char) -> Option<u32> {
    let cp = c as u32;
    if (RUN1_START..RUN1_START + RUN1_LEN).contains(&cp) {
        Some(cp - RUN1_START)
    } else if (RUN2_START..RUN2_START + (SYMBOLS - RUN1_LEN)).contains(&cp) {
        Some(cp - RUN2_START + RUN1_LEN)
    } else {
        None
    }
}

/// Packs bytes into a string of 15-bit symbols, length first.
pub fn pack(bytes: &[u8]) -> String {
    let len = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
    let mut out = String::with_capacity((bytes.len() + 4) * 8 / 15 * 3 + 6);
    let mut acc: u64 = 0;
    let mut bits = 0u32;
    for &b in len.to_le_bytes().iter().chain(bytes) {
        acc = (acc << 8) | u64::from(b);
        bits += 8;
        while bits >= 15 {
            bits -= 15;
            out.push(symbol(((acc >> bits) & 0x7FFF) as u32));
        }
    }
    if bits > 0 {
        out.push(symbol(((acc << (15 - bits)) & 0x7FFF) as u32));
    }
    out
}

/// Reads back what [`pack`] wrote; rejects anything else.
pub fn unpack(s: &str) -> Result<Vec<u8>, PackError> {
    let mut bytes = Vec::with_capacity(s.len() / 3 * 15 / 8 + 1);
    let mut acc: u64 = 0;
    let mut bits = 0u32;
    for (position, c) in s.chars().enumerate() {
        let v = value(c).ok_or(PackError::BadCharacter { position })?;
        acc = (acc << 15) | u64::from(v);
        bits += 15;
        while bits >= 8 {
            bits -= 8;
            bytes.push(((acc >> bits) & 0xFF) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    if bytes.len() < 4 {
        return Err(PackError::BadLength);
    }
    let len = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
    let body = &bytes[4..];
    // Padding is under one symbol: fewer than 15 bits, so at most one whole zero byte.
    if len > body.len() || body.len() - len > 1 || acc != 0 || body[len..].iter().any(|&b| b != 0) {
        return Err(PackError::BadLength);
    }
    bytes.drain(..4);
    bytes.truncate(len);
    Ok(bytes)
}

/// zlib (deflate with an Adler-32 checksum) at the best compression.
pub fn compress(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(bytes, 9)
}

/// Inflates what [`compress`] wrote, checking its checksum.
pub fn decompress(bytes: &[u8]) -> Result<Vec<u8>, PackError> {
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(bytes, MAX_INFLATED)
        .map_err(|e| PackError::BadCompression(format!("{:?}", e.status)))
}

/// Compresses and packs a string.
pub fn encode(text: &str) -> String {
    pack(&compress(text.as_bytes()))
}

/// Unpacks and inflates a string written by [`encode`].
pub fn decode(packed: &str) -> Result<String, PackError> {
    let bytes = decompress(&unpack(packed)?)?;
    String::from_utf8(bytes).map_err(|_| PackError::BadCompression("not UTF-8".into()))
}

/// Length in UTF-16 code units, as localStorage counts it.
pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_length() {
        for n in 0..64usize {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            let s = pack(&bytes);
            assert_eq!(unpack(&s).as_deref(), Ok(bytes.as_slice()), "{n}");
            assert_eq!(s.chars().count(), ((n + 4) * 8).div_ceil(15));
        }
    }

    #[test]
    fn symbols_are_single_units_that_normalization_keeps() {
        use unicode_normalization::UnicodeNormalization;
        for v in 0..SYMBOLS {
            let c = symbol(v);
            assert_eq!(value(c), Some(v));
            assert_eq!(c.len_utf16(), 1);
            let s = c.to_string();
            assert_eq!(s.nfc().collect::<String>(), s);
            assert!(!unicode_normalization::char::is_combining_mark(c));
        }
    }

    #[test]
    fn rejects_damaged_data() {
        let s = encode("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 13");
        assert!(decode(&s).is_ok());
        let mut chars: Vec<char> = s.chars().collect();
        let mid = chars.len() / 2;
        chars[mid] = symbol((value(chars[mid]).unwrap() + 1) % SYMBOLS);
        let damaged: String = chars.iter().collect();
        assert!(decode(&damaged).is_err());
        assert!(decode(&s[..s.len() - 3]).is_err());
        assert!(decode("{\"hand\":\"edited\"}").is_err());
        assert!(decode("").is_err());
    }

    #[test]
    fn vietnamese_text_packs_densely() {
        let text =
            "Sáng 28-12, Ban Chấp hành Đảng bộ tỉnh khoá XX họp hội nghị mở rộng lần thứ 13 \
                    thảo luận, đóng góp ý kiến tổng kết công tác năm 2021, phương hướng, nhiệm vụ \
                    năm 2022; dự thảo Chương trình công tác năm 2022 và Chương trình kiểm tra, \
                    giám sát năm 2022 của Ban Chấp hành Đảng bộ tỉnh.";
        let packed = encode(text);
        assert!(
            utf16_len(&packed) * 2 < utf16_len(text),
            "{}",
            utf16_len(&packed)
        );
    }
}
