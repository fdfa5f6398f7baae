// kMedicationUse: one fact per drug mention, with how it is used (qualifier) and for how
// long (since / duration_days / lower bound).
//
// Qualifier: a trial when the name sits right next to "trial"; "current" right after "on"
// ("remained on Norco"); otherwise the nearest cue in the clause, before the mention or
// right after its list ("Norco and Soma were discontinued"): past (discontinued, stopped,
// weaned off, previously), planned (requested, request for, will start, prescribed today,
// RFA for), current (taking, continued, treated with, medications include, has been
// prescribed, switched to). No cue: "current". A drug named in an allergy list ("allergic
// to Percocet", "Allergies: codeine") is not a medication use.
// Duration: each drug takes the nearest duration phrase after it and before the next drug
// ("Xanax since at least May 2014 and Percocet since at least June 2011"); a list
// with one phrase after it shares it ("Gabapentin, Valium and Norco for at least 6
// months"); a phrase before every drug of the clause governs them all ("for the past three
// years he has taken Norco and Soma"). A relative start ("started Xanax two weeks ago",
// "a year ago", "last month", "yesterday") gives since = the sentence's date minus that
// much, and duration_days = that much; with no known date it gives nothing.
#include <re2/re2.h>

#include <algorithm>

#include "extract/detectors.h"

#include "core/date.h"
#include "core/text.h"
#include "extract/quantity.h"
#include "intake/request.h"
#include "extract/re_util.h"

namespace imr::extract_detail {
namespace {

const RE2& cue_re() {
  static const RE2 re(
      R"(\b(?:()(?:)"
      // 1: past
      R"(self[- ]discontinued|discontinued|discontinue|d/c'?d|dc'?d|d/c|stopped|stop taking|weaned off|weaned from|weaned|tapered off|taken off|came off|no longer (?:taking|on|using|takes|uses)|previously|formerly|prior use of|past use of|had tried|tried|ceased|quit|switched from|used to take|history of (?:using|taking))|()(?:)"
      // 2: planned
      R"(will be started on|requested|requests|requesting|request for|request of|rfa for|authorization for|will start|will begin|will try|will add|will prescribe|plans? to start|plans? to begin|planned|plan for|to start|start (?:on|him on|her on)|started today|prescribed today|dispensed today|new prescription(?: for)?|initiated today|initiate|recommended|recommends|recommend|would like to (?:start|try)|start|begin|add)|()(?:)"
      // 3: current
      R"(will be (?:weaned|tapered)(?: off| from)?|(?:switched|changed|converted|transitioned) (?:over )?to|taking|takes|take|uses|using|continues|continue|continued|continuing|remains on|remained on|maintained on|treated with|treating with|medications? (?:include|includes|included|including|are|consist of|consists of|list)|currently|current|has been prescribed|had been prescribed|have been prescribed|is prescribed|are prescribed|prescribed since|prescribed|refilled|reduce|reduced|decrease|decreased|utiliz\w+|been on|started|regimen))\b)");
  return re;
}
const RE2& trial_before() {
  static const RE2 re(R"(\b(?:trials?|trialed|trialled)\s+(?:of\s+|with\s+)?(?:a\s+|the\s+)?(?:[a-z]+\s+){0,1}$)");
  return re;
}
const RE2& trial_after() {
  static const RE2 re(R"(^\s*(?:[\d./\-]+\s*(?:mg|mcg|mcg/hr)?\s*)?(?:patch\s+)?(?:trials?|trialed)\b)");
  return re;
}
const RE2& on_before() {
  static const RE2 re(
      R"(\b(?:(previously|formerly|once)\s+)?(?:on|onto|on to)\s+(?:both\s+|chronic\s+|long[- ]term\s+|the\s+|his\s+|her\s+|daily\s+)?$)");
  return re;
}

// A relative start ("two weeks ago") dates a drug only in a clause that speaks of its start.
const RE2& start_cue_re() {
  static const RE2 re(
      R"(\b(?:start\w*|began|begun|begin\w*|initiat\w*|prescribed|added|placed on|put on|switched|changed to|converted|transitioned|since|introduced|first (?:took|taken|used|tried|given))\b)");
  return re;
}

// An allergy list: "allergic to Percocet", "Allergies: codeine, sulfa" names drugs not taken.
const RE2& allergy_before() {
  static const RE2 re(
      R"(\b(?:allerg(?:y|ies|ic)(?: to)?|intoleran(?:t|ce) (?:of|to)|nkda)\b[^:;]{0,3}:?[^:;]{0,60}$)");
  return re;
}

// "switched from Percocet to Norco": the drug after "to" is the current one.
const RE2& switched_to_before() {
  static const RE2 re(
      R"(\b(?:switched|changed|converted|transitioned)(?: over)? from [^;:]{1,60}? to\s+(?:a\s+|the\s+)?$)");
  return re;
}

constexpr size_t kCueWindow = 120;

struct Cue {
  size_t start, end;
  const char* qualifier;
};

std::vector<Cue> cues(std::string_view norm) {
  std::vector<Cue> out;
  for (const ReMatch& m : find_all(cue_re(), norm, 64)) {
    // The group that took part is the one whose (empty) marker group is set.
    const char* qual = m.has(1) ? "past" : m.has(2) ? "planned" : "current";
    out.push_back({m.start, m.end, qual});
  }
  return out;
}

// A cue after a drug applies to it when passive ("Norco was discontinued") or when no other
// drug follows the cue ("Norco discontinued."); "start Flexeril, discontinue Soma" is
// about Soma.
bool post_cue_applies(std::string_view n, const Cue& c, const std::vector<DrugMention>& ms) {
  static const RE2 aux(R"(\b(?:was|were|is|are|been|be|being|got)\s+$)");
  const size_t from = c.start > 12 ? c.start - 12 : 0;
  if (contains(aux, n.substr(from, c.start - from))) return true;
  for (const auto& m : ms)
    if (m.start >= c.end && m.start - c.end <= 25) return false;
  return true;
}

}  // namespace

// The dose phrase written with a drug runs from its name to the next list separator
// ("Percocet 10/325 mg 1 every 4 to 6 hours, Soma ..."); read as a request, it gives the
// daily morphine equivalents the combined-dose criteria need.
void read_dose(const SentenceContext& s, const DrugMention& m, Fact& f) {
  const std::string_view n = s.norm();
  size_t end = n.size();
  for (const char* sep : {",", ";", " and ", " for ", " with "}) {
    const size_t at = n.find(sep, m.end);
    if (at != std::string_view::npos) end = std::min(end, at);
  }
  const std::string phrase(trim(n.substr(m.start, end - m.start)));
  if (phrase.size() <= static_cast<size_t>(m.end - m.start)) return;
  const ParsedRequest parsed = parse_request(phrase, s.table());
  if (parsed.drug != m.drug || parsed.strengths.empty()) return;
  f.dose = phrase;
  if (parsed.mme_per_day) {
    f.mme_min = parsed.mme_per_day->min;
    f.mme_max = parsed.mme_per_day->max;
  }
}

void detect_medications(const SentenceContext& s, std::vector<Fact>& out) {
  const auto& mentions = s.drugs();
  if (mentions.empty()) return;
  const std::string_view n = s.norm();
  const std::vector<Cue> all_cues = cues(n);
  std::vector<DurationPhrase> phrases = find_durations(n);
  std::erase_if(phrases, [&](const DurationPhrase& p) {
    if (!p.ago_days) return false;
    const Span c = s.clause(p.start);
    return !contains(start_cue_re(), n.substr(c.start, c.end - c.start));
  });

  auto cue_between = [&](size_t a, size_t b) {
    for (const Cue& c : all_cues)
      if (c.start >= a && c.end <= b) return true;
    return false;
  };
  // A gap that only separates items of a list (", ", " and ", dose text), no verb cue.
  auto list_gap = [&](size_t a, size_t b) {
    if (b < a || b - a > 40) return false;
    if (cue_between(a, b)) return false;
    const std::string_view g = n.substr(a, b - a);
    return g.find(';') == std::string_view::npos && g.find(':') == std::string_view::npos;
  };
  auto phrase_between = [&](size_t a, size_t b) -> const DurationPhrase* {
    for (const auto& p : phrases)
      if (p.start >= a && p.start < b) return &p;
    return nullptr;
  };

  // The last mention of the list each mention belongs to (one backward pass: linear).
  std::vector<size_t> list_last(mentions.size());
  for (size_t k = mentions.size(); k-- > 0;)
    list_last[k] = k + 1 < mentions.size() && list_gap(mentions[k].end, mentions[k + 1].start)
                       ? list_last[k + 1]
                       : k;

  for (size_t i = 0; i < mentions.size(); ++i) {
    const DrugMention& m = mentions[i];
    // The cue patterns reach at most ~100 bytes back: look at a bounded window only, so a
    // sentence listing hundreds of drugs stays linear.
    const size_t window = m.start > kCueWindow ? m.start - kCueWindow : 0;
    // "allergic to penicillin and takes Norco": a use cue after the allergy ends its list.
    if (ReMatch al; find_first(allergy_before(), n.substr(window, m.start - window), 0, &al) &&
                    !cue_between(window + al.start, m.start))
      continue;
    const Span clause = s.clause(m.start);
    const size_t next_start = i + 1 < mentions.size() ? mentions[i + 1].start : n.size();

    // The list this mention belongs to ends at group_end.
    const size_t last = list_last[i];
    const size_t group_end = mentions[last].end;
    const size_t after_group = last + 1 < mentions.size() ? mentions[last + 1].start : n.size();

    // ---- qualifier ----
    std::string qualifier;
    const size_t near_from = std::max(clause.start, window);
    const std::string_view near_before = n.substr(near_from, m.start - near_from);
    const std::string_view after = n.substr(m.end, std::min(clause.end, n.size()) - m.end);
    ReMatch om;
    if (contains(trial_before(), near_before) || contains(trial_after(), after)) {
      qualifier = "trial";
    } else if (contains(switched_to_before(), near_before)) {
      qualifier = "current";
    } else if (find_first(on_before(), near_before, 0, &om)) {
      qualifier = om.group(1).empty() ? "current" : "past";
    } else {
      const Cue* pre = nullptr;
      const Cue* post = nullptr;
      for (const Cue& c : all_cues) {
        if (c.start >= clause.start && c.end <= m.start) pre = &c;
        if (!post && c.start >= group_end && c.end <= std::min(clause.end, after_group) &&
            c.start - group_end <= 40 && post_cue_applies(n, c, mentions))
          post = &c;
      }
      if (pre && post) {
        qualifier = (post->start - group_end < m.start - pre->end) ? post->qualifier : pre->qualifier;
      } else if (pre) {
        qualifier = pre->qualifier;
      } else if (post) {
        qualifier = post->qualifier;
      } else {
        qualifier = "current";
      }
    }

    // ---- duration ----
    const DurationPhrase* d = phrase_between(m.end, std::min(next_start, clause.end));
    if (!d) {
      // A list shares the phrase after its last drug ("Valium and Norco since 2012") only
      // while the drugs stand bare; a drug written with its own dose ("Flexeril 10 mg TID,
      // Ambien 10 mg QHS x 2 yrs") keeps to its own phrase.
      auto bare = [&](size_t from, size_t to) {
        for (size_t k = from; k < to && k < n.size(); ++k)
          if (n[k] >= '0' && n[k] <= '9') return false;
        return true;
      };
      for (size_t j = i; j < last && !d; ++j) {
        if (!bare(mentions[j].end, mentions[j + 1].start)) break;
        d = phrase_between(mentions[j + 1].end,
                           std::min(j + 2 < mentions.size() ? mentions[j + 2].start : n.size(),
                                    clause.end));
      }
    }
    if (!d) {
      // A phrase before every drug of the clause governs them all.
      const DurationPhrase* pre = nullptr;
      for (const auto& p : phrases)
        if (p.start >= clause.start && p.end <= m.start) pre = &p;
      if (pre) {
        for (const auto& k : mentions)
          if (k.end <= pre->start && k.start >= clause.start) {
            pre = nullptr;
            break;
          }
      }
      d = pre;
    }

    // "began MS Contin 15 mg twice daily in the spring of 2014": with no duration phrase, a
    // start cue in the clause and a date brought in by "in" / "on" after the drug date the start.
    std::optional<Date> started_on;
    if (!d && contains(start_cue_re(), n.substr(clause.start, clause.end - clause.start))) {
      if (auto dm = find_date(n.substr(0, clause.end), m.end)) {
        std::string_view gap = trim(n.substr(m.end, dm->start - m.end));
        if (gap.ends_with(" the")) gap = trim(gap.substr(0, gap.size() - 4));
        const bool introduced = gap == "in" || gap == "on" || gap == "during" || gap.ends_with(" in") ||
                                gap.ends_with(" on") || gap.ends_with(" during");
        if (introduced) started_on = dm->date;
      }
    }

    Fact f = s.make(FactKind::kMedicationUse, m.start, m.end);
    // Only a nearby trigger denies a drug ("denies taking Xanax", "no Norco").
    f.polarity = s.scopes().near(m.start, m.end, 24);
    f.subject = m.drug->key;
    f.qualifier = qualifier;
    if (d && d->ago_days) {
      // "started two weeks ago": counted back from the date the sentence speaks of.
      if (f.date) {
        f.since = civil_from_days(f.date->first_day() - *d->ago_days);
        f.duration_days = d->ago_days;
        if (d->lower_bound) f.value = 1;
      }
    } else if (d) {
      f.since = d->since;
      f.duration_days = d->days;
      if (d->lower_bound) f.value = 1;
      if (d->since && f.date) {
        const int days = f.date->first_day() - d->since->last_day();
        if (days > 0 && !d->days) f.duration_days = days;
      }
    }
    if (started_on && f.date && started_on->last_day() <= f.date->first_day()) {
      f.since = started_on;
      const int days = f.date->first_day() - started_on->last_day();
      if (days > 0) f.duration_days = days;
    }
    read_dose(s, m, f);
    out.push_back(std::move(f));
  }
}

}  // namespace imr::extract_detail
