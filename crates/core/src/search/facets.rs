//! Filters and facet counts.
//!
//! Each entry's facet values are small numbers in [`DocFacts`], so a filter
//! is a bit test and counting is one pass over the matches. The counts
//! follow the usual facet semantics: a facet's counts are for the query with
//! every *other* facet's filter applied, so choosing `state=SN` still shows
//! how many hits the other states have. One pass does it: an entry that
//! passes all filters counts for every facet; one that fails exactly one
//! facet counts for that facet only. Each value is counted at its own
//! fewest typos (the search's rule), so its count is what choosing it shows.

use crate::model::{Geo, OrganizationKind};
use crate::rules::STATE_CODES;

use super::text::normalize_text;
use super::{DocFacts, EntityType, EventTime, Query, SearchIndex};

/// The facets, as bit positions of a rejection mask.
const TYPE: u16 = 1 << 0;
const KIND: u16 = 1 << 1;
const STATE: u16 = 1 << 2;
const CITY: u16 = 1 << 3;
const TOPIC: u16 = 1 << 4;
const LANGUAGE: u16 = 1 << 5;
const OPEN: u16 = 1 << 6;
const EVENT_TIME: u16 = 1 << 7;

/// One value of a facet and how many matches have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    /// The value as used in filters and URLs (`organization`, `SN`,
    /// `mosque_community`, a city's name, a topic id, `tr`).
    pub value: String,
    pub count: usize,
}

/// Counts per facet; values with no match are left out, the rest are sorted
/// by count (most first), then by value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    pub types: Vec<FacetCount>,
    pub kinds: Vec<FacetCount>,
    pub states: Vec<FacetCount>,
    pub cities: Vec<FacetCount>,
    pub topics: Vec<FacetCount>,
    pub languages: Vec<FacetCount>,
    /// Forums open to new members.
    pub open_to_new_members: usize,
    /// Events ending today or later / before today (0 without `today`).
    pub upcoming: usize,
    pub past: usize,
}

/// A query's filters, resolved to the index's numbers.
pub(crate) struct FilterSet {
    types: u8,
    kinds: u16,
    states: u32,
    cities: Vec<u32>,
    topics: Vec<u16>,
    languages: Vec<u16>,
    open: bool,
    event_time: Option<(EventTime, i32)>,
    today: Option<i32>,
    /// A filter named a value the data does not have: nothing passes it.
    impossible: u16,
}

/// The kind's bit: its place in [`OrganizationKind::ALL`], which lists the
/// kinds in their declared order (a test holds the two equal). Asked for
/// every match of every keystroke's facet counts: a search of the table
/// took 35 ms of a typing profile at 100k organisations.
fn kind_bit(kind: OrganizationKind) -> u16 {
    1 << (kind as u16)
}

impl FilterSet {
    pub fn new(index: &SearchIndex, query: &Query) -> FilterSet {
        let f = &query.filters;
        let mut impossible = 0;
        let types = f.types.iter().fold(0u8, |m, t| m | 1 << t.as_u8());
        let kinds = f.kinds.iter().fold(0u16, |m, &k| m | kind_bit(k));
        let mut states = 0u32;
        for s in &f.states {
            match STATE_CODES
                .iter()
                .position(|c| c.eq_ignore_ascii_case(s.trim()))
            {
                Some(i) => states |= 1 << i,
                None => impossible |= STATE,
            }
        }
        let lookup = |values: &[String],
                      find: &dyn Fn(&str) -> Option<u32>,
                      bit: u16,
                      impossible: &mut u16| {
            let mut out: Vec<u32> = Vec::new();
            for v in values {
                match find(v) {
                    Some(id) => out.push(id),
                    None => *impossible |= bit,
                }
            }
            out.sort_unstable();
            out
        };
        let cities = lookup(
            &f.cities,
            &|c| index.city_number(&normalize_text(c)),
            CITY,
            &mut impossible,
        );
        let topics = lookup(
            &f.topics,
            &|t| index.topics.iter().position(|x| x == t).map(|i| i as u32),
            TOPIC,
            &mut impossible,
        );
        let languages = lookup(
            &f.languages,
            &|l| {
                let l = l.trim().to_ascii_lowercase();
                index
                    .languages
                    .iter()
                    .position(|x| *x == l)
                    .map(|i| i as u32)
            },
            LANGUAGE,
            &mut impossible,
        );
        // An impossible value among possible ones is just one more OR-ed
        // value that matches nothing.
        if !cities.is_empty() {
            impossible &= !CITY;
        }
        if !topics.is_empty() {
            impossible &= !TOPIC;
        }
        if !languages.is_empty() {
            impossible &= !LANGUAGE;
        }
        if states != 0 {
            impossible &= !STATE;
        }
        FilterSet {
            types,
            kinds,
            states,
            cities,
            topics: topics.into_iter().map(|t| t as u16).collect(),
            languages: languages.into_iter().map(|l| l as u16).collect(),
            open: f.open_to_new_members,
            event_time: f.event_time.zip(query.today),
            today: query.today,
            impossible,
        }
    }

    /// True when no filter is set: every entry passes.
    pub fn is_empty(&self) -> bool {
        self.types == 0
            && self.kinds == 0
            && self.states == 0
            && self.cities.is_empty()
            && self.topics.is_empty()
            && self.languages.is_empty()
            && !self.open
            && self.event_time.is_none()
            && self.impossible == 0
    }

    /// The facets whose filters reject the entry, as a mask.
    pub fn rejects(&self, _index: &SearchIndex, d: &DocFacts) -> u16 {
        let mut mask = self.impossible;
        if self.types != 0 && self.types & (1 << d.entity.as_u8()) == 0 {
            mask |= TYPE;
        }
        if self.kinds != 0 && d.kind.is_none_or(|k| self.kinds & kind_bit(k) == 0) {
            mask |= KIND;
        }
        if self.states != 0 && d.state.is_none_or(|s| self.states & (1 << s) == 0) {
            mask |= STATE;
        }
        if !self.cities.is_empty()
            && d.city
                .is_none_or(|c| self.cities.binary_search(&c).is_err())
        {
            mask |= CITY;
        }
        if !self.topics.is_empty() && !d.topics.iter().any(|t| self.topics.contains(t)) {
            mask |= TOPIC;
        }
        if !self.languages.is_empty() && !d.languages.iter().any(|l| self.languages.contains(l)) {
            mask |= LANGUAGE;
        }
        if self.open && !d.open_to_new_members {
            mask |= OPEN;
        }
        if let Some((wanted, today)) = self.event_time {
            if event_time(d, today) != Some(wanted) {
                mask |= EVENT_TIME;
            }
        }
        mask
    }

    /// Facet counts over the candidates, given with their cut class (see
    /// the module docs).
    pub fn count(
        &self,
        index: &SearchIndex,
        candidates: impl Iterator<Item = (u32, u64)>,
    ) -> FacetCounts {
        let mut types = vec![Tally::default(); EntityType::ALL.len()];
        let mut kinds = vec![Tally::default(); OrganizationKind::ALL.len()];
        let mut states = vec![Tally::default(); STATE_CODES.len()];
        let mut cities = vec![Tally::default(); index.cities.len()];
        let mut topics = vec![Tally::default(); index.topics.len()];
        let mut languages = vec![Tally::default(); index.languages.len()];
        let (mut open, mut upcoming, mut past) =
            (Tally::default(), Tally::default(), Tally::default());
        for (doc, class) in candidates {
            let d = &index.docs[doc as usize];
            let mask = self.rejects(index, d);
            // Counts for facet `bit`: the entry passes every other facet.
            let counts_for = |bit: u16| mask & !bit == 0;
            let add = |tally: Option<&mut Tally>| {
                if let Some(t) = tally {
                    t.add(class);
                }
            };
            if counts_for(TYPE) {
                add(types.get_mut(usize::from(d.entity.as_u8())));
            }
            if counts_for(KIND) {
                add(d
                    .kind
                    .and_then(|k| kinds.get_mut(kind_bit(k).trailing_zeros() as usize)));
            }
            if counts_for(STATE) {
                add(d.state.and_then(|s| states.get_mut(usize::from(s))));
            }
            if counts_for(CITY) {
                add(d.city.and_then(|c| cities.get_mut(c as usize)));
            }
            if counts_for(TOPIC) {
                for &t in &d.topics {
                    add(topics.get_mut(usize::from(t)));
                }
            }
            if counts_for(LANGUAGE) {
                for &l in &d.languages {
                    add(languages.get_mut(usize::from(l)));
                }
            }
            if counts_for(OPEN) && d.open_to_new_members {
                add(Some(&mut open));
            }
            if counts_for(EVENT_TIME) {
                match self.today.and_then(|t| event_time(d, t)) {
                    Some(EventTime::Upcoming) => add(Some(&mut upcoming)),
                    Some(EventTime::Past) => add(Some(&mut past)),
                    None => {}
                }
            }
        }
        FacetCounts {
            types: sorted(|i| EntityType::ALL[i].code(), &types),
            kinds: sorted(|i| OrganizationKind::ALL[i].code(), &kinds),
            states: sorted(|i| STATE_CODES[i], &states),
            cities: sorted(|i| &index.cities[i], &cities),
            topics: sorted(|i| &index.topics[i], &topics),
            languages: sorted(|i| &index.languages[i], &languages),
            open_to_new_members: open.count(),
            upcoming: upcoming.count(),
            past: past.count(),
        }
    }
}

/// The count of one facet value under the search's rule for typo matches
/// (see the module docs): once an entry with the value has every word as
/// typed in a name or city (class 0), entries with typos (class 2) no
/// longer count; so a count is what choosing the value shows.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    has_strong: bool,
    without_typos: usize,
    all: usize,
}

impl Tally {
    fn add(&mut self, class: u64) {
        self.has_strong |= class == 0;
        self.without_typos += usize::from(class < 2);
        self.all += 1;
    }

    fn count(&self) -> usize {
        if self.has_strong {
            self.without_typos
        } else {
            self.all
        }
    }
}

fn event_time(d: &DocFacts, today: i32) -> Option<EventTime> {
    let (_, last) = d.days?;
    Some(if last >= today {
        EventTime::Upcoming
    } else {
        EventTime::Past
    })
}

/// The values with a count, most first, then by value. `value(i)` names
/// the value counted in `counts[i]`; only the values with a count are
/// copied out (a large dataset has thousands of cities, a query's matches
/// few of them).
fn sorted<'a>(value: impl Fn(usize) -> &'a str, counts: &[Tally]) -> Vec<FacetCount> {
    let mut present: Vec<(usize, &str)> = counts
        .iter()
        .enumerate()
        .map(|(i, tally)| (tally.count(), i))
        .filter(|&(count, _)| count > 0)
        .map(|(count, i)| (count, value(i)))
        .collect();
    present.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    present
        .into_iter()
        .map(|(count, value)| FacetCount {
            value: value.to_owned(),
            count,
        })
        .collect()
}

/// Great-circle distance in km (haversine), in `f32`: enough for sorting
/// and a radius, and cheap enough for every match.
pub(crate) fn distance_km(from: Geo, to: (f32, f32)) -> f32 {
    const EARTH_RADIUS_KM: f32 = 6371.009;
    let (lat1, lon1) = (
        (from.lat as f32).to_radians(),
        (from.lon as f32).to_radians(),
    );
    let (lat2, lon2) = (to.0.to_radians(), to.1.to_radians());
    let a = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kinds_bit_is_its_place_in_the_table() {
        for (i, &kind) in OrganizationKind::ALL.iter().enumerate() {
            assert_eq!(kind_bit(kind), 1 << i, "{kind:?}");
        }
        assert!(OrganizationKind::ALL.len() <= 16, "the bits fit a u16");
    }
}
