//! Small text helpers of the generator: slugs for ids, e-mail addresses and
//! host names, and filling name patterns.

/// Lower-case ASCII slug: German and Turkish/Bosnian letters transliterated
/// (`ä` → `ae`, `ş` → `s`, `ž` → `z`), everything else that is not a letter
/// or digit becomes one `-`. Never starts or ends with `-`.
pub fn slugify(text: &str) -> String {
    slug_with(text, '-')
}

/// Like [`slugify`] with another separator (`.` for `vorname.nachname`).
pub fn slug_with(text: &str, separator: char) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending = false;
    for c in text.chars() {
        let mapped: &str = match c {
            'ä' | 'Ä' => "ae",
            'ö' | 'Ö' => "oe",
            'ü' | 'Ü' => "ue",
            'ß' => "ss",
            'ı' | 'İ' | 'î' | 'Î' | 'í' => "i",
            'ş' | 'Ş' | 'š' | 'Š' => "s",
            'ç' | 'Ç' | 'č' | 'Č' | 'ć' | 'Ć' => "c",
            'ğ' | 'Ğ' => "g",
            'ž' | 'Ž' => "z",
            'đ' | 'Đ' => "dj",
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'Ê' => "e",
            'á' | 'à' | 'â' => "a",
            'ó' | 'ô' => "o",
            'ú' | 'û' => "u",
            _ if c.is_ascii_alphanumeric() => {
                if pending && !out.is_empty() {
                    out.push(separator);
                }
                pending = false;
                out.push(c.to_ascii_lowercase());
                continue;
            }
            _ => {
                pending = true;
                continue;
            }
        };
        if pending && !out.is_empty() {
            out.push(separator);
        }
        pending = false;
        out.push_str(mapped);
    }
    out
}

/// Replaces `{c}` (city), `{m}` (a mosque's name) and `{s}` (a state) in a
/// pattern. Patterns are the generator's own constants.
pub fn fill(pattern: &str, city: &str, mosque: &str, state: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + city.len() + 16);
    let mut rest = pattern;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let (value, skip) = if tail.starts_with("{c}") {
            (city, 3)
        } else if tail.starts_with("{m}") {
            (mosque, 3)
        } else if tail.starts_with("{s}") {
            (state, 3)
        } else {
            ("{", 1)
        };
        out.push_str(value);
        rest = &tail[skip..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_transliterate_german_and_turkish_letters() {
        assert_eq!(slugify("Fatih-Moschee Gießen"), "fatih-moschee-giessen");
        assert_eq!(slugify("  Yılmaz, Şahin & Çelik  "), "yilmaz-sahin-celik");
        assert_eq!(slugify("Hodžić"), "hodzic");
        assert_eq!(slug_with("Ayşe Öztürk", '.'), "ayse.oeztuerk");
    }

    #[test]
    fn slugs_never_start_or_end_with_a_separator() {
        assert_eq!(slugify("(Kiel)"), "kiel");
        assert_eq!(slugify("--"), "");
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill("{m}-Moschee {c}", "Kiel", "Fatih", ""),
            "Fatih-Moschee Kiel"
        );
        assert_eq!(fill("LKA {s} {x}", "", "", "Bayern"), "LKA Bayern {x}");
    }
}
