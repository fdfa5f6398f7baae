#include "service/review_rules.h"

#include <fmt/format.h>

#include "core/text.h"

namespace imr {

using nlohmann::json;

namespace {

std::string text_of(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string decision_word(const std::optional<Decision>& d) { return d ? to_string(*d) : "none"; }

std::string criterion_title(const CaseDraft& draft, const std::string& item_id, const std::string& criterion) {
  const json* c = draft_criterion(draft, item_id, criterion);
  const std::string title = c ? text_of(*c, "title") : "";
  return title.empty() ? criterion : title;
}

// "item 2 (Flexeril 10mg #60)"
std::string item_name(const CaseItem& item, size_t index) {
  return fmt::format("item {} ({})", index + 1, item.request);
}

std::string sentence(std::string s) {
  s = std::string(trim(s));
  if (!s.empty() && s.back() != '.' && s.back() != '!' && s.back() != '?') s += '.';
  return s;
}

}  // namespace

json to_json(const DraftChange& c) {
  json out = {{"what", c.what}, {"item_id", c.item_id}, {"item", c.item}};
  if (!c.from.empty() || !c.to.empty()) out["from"] = c.from, out["to"] = c.to;
  if (!c.criterion.empty()) out["criterion"] = c.criterion, out["title"] = c.title, out["note"] = c.note;
  return out;
}

const json* draft_criterion(const CaseDraft& draft, const std::string& item_id, const std::string& criterion) {
  const json* item = draft.item_review(item_id);
  if (!item || !item->contains("criteria") || !(*item)["criteria"].is_array()) return nullptr;
  for (const json& c : (*item)["criteria"])
    if (c.is_object() && text_of(c, "id") == criterion) return &c;
  return nullptr;
}

bool drafted_without_rule(const CaseDraft& draft, const std::string& item_id) {
  const json* item = draft.item_review(item_id);
  return item && text_of(*item, "status") == "no_rule";
}

std::vector<std::string> signing_blockers(const CaseDocument& doc) {
  std::vector<std::string> out;
  if (!doc.draft) return {"the case has no draft yet"};
  const CaseDraft& draft = *doc.draft;
  for (size_t i = 0; i < doc.items.size(); ++i) {
    const CaseItem& item = doc.items[i];
    const std::string name = item_name(item, i);
    if (!item.decision) out.push_back(name + " is not yet decided");
    std::vector<std::string> unanswered, without_note;
    for (const auto& id : draft.decided_criteria(item.id)) {
      const CriterionAnswer* a = item.answer(id);
      if (!a) unanswered.push_back(criterion_title(draft, item.id, id));
      else if (!a->agree && trim(a->note).empty()) without_note.push_back(criterion_title(draft, item.id, id));
    }
    if (!unanswered.empty())
      out.push_back(name + ": agree or disagree with each criterion that decided the draft (" +
                    join(unanswered, "; ") + ")");
    if (!without_note.empty())
      out.push_back(name + ": say why you disagree with " + join(without_note, "; "));
    if (drafted_without_rule(draft, item.id)) {
      if (!item.citations || item.citations->empty())
        out.push_back(name + ": no rule pack covers it; write the guideline citation");
      if (!item.rationale_written || trim(item.rationale).empty())
        out.push_back(name + ": no rule pack covers it; write the rationale");
    } else if (item.changed() && item.engine_decision && item.rationale == item.engine_rationale) {
      out.push_back(name + ": the rationale still argues the engine's decision; write the rationale for yours");
    }
  }
  return out;
}

std::string rationale_with_notes(const CaseItem& item, const CaseDraft& draft) {
  std::vector<std::string> notes;
  for (const auto& a : item.answers)
    if (!a.agree && !trim(a.note).empty())
      notes.push_back(criterion_title(draft, item.id, a.criterion) + ": " + sentence(a.note));
  if (drafted_without_rule(draft, item.id)) return join(notes, " ");
  std::string out = item.changed() && !notes.empty() ? "" : item.engine_rationale;
  for (const auto& n : notes) out += (out.empty() ? "" : " ") + n;
  return out;
}

std::vector<DraftChange> changes_from_draft(const CaseDocument& doc) {
  std::vector<DraftChange> out;
  for (size_t i = 0; i < doc.items.size(); ++i) {
    const CaseItem& item = doc.items[i];
    const int n = static_cast<int>(i + 1);
    if (item.changed())
      out.push_back({"decision", item.id, n, decision_word(item.engine_decision), decision_word(item.decision)});
    if (doc.draft)
      for (const auto& a : item.answers)
        if (!a.agree)
          out.push_back({"criterion", item.id, n, "", "", a.criterion, criterion_title(*doc.draft, item.id, a.criterion),
                         a.note});
    if (item.rationale != item.engine_rationale) out.push_back({"rationale", item.id, n});
    if (item.citations) out.push_back({"citations", item.id, n});
  }
  if (doc.summary) out.push_back({"summary", "", 0});
  return out;
}

int64_t active_minutes(const std::vector<Timestamp>& actions, int64_t idle_gap_minutes) {
  int64_t seconds = 0;
  for (size_t i = 1; i < actions.size(); ++i)
    seconds += std::min<int64_t>(std::max<int64_t>(actions[i].seconds - actions[i - 1].seconds, 0), idle_gap_minutes * 60);
  return seconds / 60;
}

}  // namespace imr
