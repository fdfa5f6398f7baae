// kMedicationUse: one fact per drug mention, with how it is used (qualifier) and for how
// long (since / duration_days / lower bound).
//
// Qualifier: a trial when the name sits right next to "trial"; "current" right after "on"
// ("remained on Norco"); otherwise the nearest cue in the clause, before the mention or
// right after its list ("Norco and Soma were discontinued"): past (discontinued, stopped,
// weaned off, previously), planned (requested, request for, will start, prescribed today,
// RFA for), current (taking, continued, treated with, medications include, has been
// prescribed). No cue: "current".
// Duration: each drug takes the nearest duration phrase after it and before the next drug
// ("Valium since at least April 2015 and Norco since at least September 2012"); a list
// with one phrase after it shares it ("Gabapentin, Valium and Norco for at least 6
// months"); a phrase before every drug of the clause governs them all ("for the past three
// years he has taken Norco and Soma").
#include <re2/re2.h>

#include <algorithm>

#include "extract/detectors.h"
#include "extract/quantity.h"
#include "extract/re_util.h"

namespace imr::extract_detail {
namespace {

const RE2& cue_re() {
  static const RE2 re(
      R"(\b(?:()(?:)"
      // 1: past
      R"(self[- ]discontinued|discontinued|discontinue|stopped|stop taking|weaned off|weaned from|weaned|tapered off|taken off|came off|no longer (?:taking|on|using|takes|uses)|previously|formerly|prior use of|past use of|had tried|tried|ceased|quit|switched from|used to take|history of (?:using|taking))|()(?:)"
      // 2: planned
      R"(will be started on|requested|requests|requesting|request for|request of|rfa for|authorization for|will start|will begin|will try|will add|will prescribe|plans? to start|plans? to begin|planned|plan for|to start|start (?:on|him on|her on)|started today|prescribed today|dispensed today|new prescription(?: for)?|initiated today|initiate|recommended|recommends|recommend|would like to (?:start|try)|start|begin|add)|()(?:)"
      // 3: current
      R"(will be (?:weaned|tapered)(?: off| from)?|taking|takes|take|uses|using|continues|continue|continued|continuing|remains on|remained on|maintained on|treated with|treating with|medications? (?:include|includes|included|including|are|consist of|consists of|list)|currently|current|has been prescribed|had been prescribed|have been prescribed|is prescribed|are prescribed|prescribed since|prescribed|refilled|reduce|reduced|decrease|decreased|utiliz\w+|been on|started|regimen))\b)");
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

void detect_medications(const SentenceContext& s, std::vector<Fact>& out) {
  const auto& mentions = s.drugs();
  if (mentions.empty()) return;
  const std::string_view n = s.norm();
  const std::vector<Cue> all_cues = cues(n);
  const std::vector<DurationPhrase> phrases = find_durations(n);

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

  for (size_t i = 0; i < mentions.size(); ++i) {
    const DrugMention& m = mentions[i];
    const Span clause = s.clause(m.start);
    const size_t next_start = i + 1 < mentions.size() ? mentions[i + 1].start : n.size();

    // The list this mention belongs to ends at group_end.
    size_t last = i;
    while (last + 1 < mentions.size() && list_gap(mentions[last].end, mentions[last + 1].start))
      ++last;
    const size_t group_end = mentions[last].end;
    const size_t after_group = last + 1 < mentions.size() ? mentions[last + 1].start : n.size();

    // ---- qualifier ----
    std::string qualifier;
    const std::string_view before = n.substr(clause.start, m.start - clause.start);
    const std::string_view after = n.substr(m.end, std::min(clause.end, n.size()) - m.end);
    ReMatch om;
    if (contains(trial_before(), before) || contains(trial_after(), after)) {
      qualifier = "trial";
    } else if (find_first(on_before(), before, 0, &om)) {
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
      for (size_t j = i; j < last && !d; ++j)
        d = phrase_between(mentions[j + 1].end,
                           std::min(j + 2 < mentions.size() ? mentions[j + 2].start : n.size(),
                                    clause.end));
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

    Fact f = s.make(FactKind::kMedicationUse, m.start, m.end);
    // Only a nearby trigger denies a drug ("denies taking Xanax", "no Norco").
    f.polarity = s.scopes().near(m.start, m.end, 24);
    f.subject = m.drug->key;
    f.qualifier = qualifier;
    if (d) {
      f.since = d->since;
      f.duration_days = d->days;
      if (d->lower_bound) f.value = 1;
      if (d->since && f.date) {
        const int days = f.date->first_day() - d->since->last_day();
        if (days > 0 && !d->days) f.duration_days = days;
      }
    }
    out.push_back(std::move(f));
  }
}

}  // namespace imr::extract_detail
