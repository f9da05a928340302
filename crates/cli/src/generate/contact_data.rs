//! Invented ways to reach someone: German phone numbers in the notations
//! publishers write, and addresses under the reserved `.example` domain
//! (RFC 2606), so no generated address can reach a real person.

use dialognetz_core::{Email, Phone, Url};
use rand::Rng;

use super::World;

/// Mobile network prefixes (without the 0).
const MOBILE_PREFIXES: &[&str] = &[
    "151", "152", "157", "160", "162", "163", "170", "171", "172", "173", "175", "176", "177",
    "178", "179",
];

/// `digits` random digits, the first not 0.
fn digits(world: &mut World, count: usize) -> String {
    let mut out = String::with_capacity(count);
    out.push(char::from(b'1' + world.rng.random_range(0..9u8)));
    for _ in 1..count {
        out.push(char::from(b'0' + world.rng.random_range(0..10u8)));
    }
    out
}

/// A landline number in the city's area: `0431 5567890`, `0431 55678-90`
/// (with extension) or `+49 431 5567890`. Area and subscriber number have
/// at most 11 digits together, as in the German numbering plan.
pub fn landline(world: &mut World, area_code: &str) -> Phone {
    let longest = (11 - area_code.len().min(6)).clamp(5, 8);
    let length = world.rng.random_range(5..=longest);
    let subscriber = digits(world, length);
    let number = match world.rng.random_range(0..10) {
        0..=5 => format!("0{area_code} {subscriber}"),
        6 | 7 => {
            let (head, tail) = subscriber.split_at(subscriber.len() - 2);
            format!("0{area_code} {head}-{tail}")
        }
        _ => format!("+49 {area_code} {subscriber}"),
    };
    Phone(number)
}

/// A mobile number: `0171 2345678` or `+49 171 2345678`.
pub fn mobile(world: &mut World) -> Phone {
    let prefix = *world.choose(MOBILE_PREFIXES);
    let length = world.rng.random_range(7..=8);
    let subscriber = digits(world, length);
    if world.chance(0.7) {
        Phone(format!("0{prefix} {subscriber}"))
    } else {
        Phone(format!("+49 {prefix} {subscriber}"))
    }
}

/// `local@slug.example`.
pub fn email(local: &str, slug: &str) -> Email {
    Email(format!("{local}@{slug}.example"))
}

/// `https://www.slug.example/path`.
pub fn website(slug: &str, path: &str) -> Url {
    Url(format!("https://www.{slug}.example/{path}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dialognetz_core::rules::{check_email, check_phone, check_url};

    #[test]
    fn generated_numbers_and_addresses_keep_the_format_rules() {
        let mut world = World::new(3, 0);
        for _ in 0..500 {
            let phone = landline(&mut world, "4321");
            assert!(check_phone(phone.as_str()).is_ok(), "{phone}");
            let phone = mobile(&mut world);
            assert!(check_phone(phone.as_str()).is_ok(), "{phone}");
        }
        assert!(check_email(email("kontakt", "ditib-kiel").as_str()).is_ok());
        assert!(check_url(website("ditib-kiel", "").as_str()).is_ok());
    }
}
