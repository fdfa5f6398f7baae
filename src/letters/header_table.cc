// The header table of a published letter ("Case Number:", "Date Assigned:", "Decision
// Date:", "Priority:", "Date of Injury:", "UR Denial Date:", "Application Received:").
//
// PDF text extraction gives it in one of two orders: label beside value, two pairs to a
// line, with a label sometimes wrapped ("Application   11/15/2016" / "Received:"); or a
// column of labels followed by a column of values. Both are read the same way: a label
// with a value after it takes that value; a label without one waits, and values standing
// alone go to the waiting labels in order, each to the first whose kind it fits (a case
// number, a date, a priority word). A value that fits no field is left out.
#include <re2/re2.h>

#include <deque>

#include "core/date.h"
#include "core/text.h"
#include "letters/layouts.h"

namespace imr::letters {
namespace {

enum class Field { kCaseNumber, kDateAssigned, kDecisionDate, kPriority, kDateOfInjury, kUrDenial, kApplication };

// Labels, each ending at its colon ("Application" may stand without one when the rest of the
// label, "Received:", wrapped to the next line). A lone "Received:" is that wrapped rest.
const RE2& label_re() {
  static const RE2 re(
      R"((?i)\b(case\s*(?:number|no\.?|#)|date\s+assigned|decision\s+date|date\s+of\s+decision|priority|)"
      R"(date\s+of\s+injury|ur\s+denial\s+date|date\s+of\s+ur\s+(?:denial|decision)|)"
      R"((?:imr\s+)?application(?:\s+received)?(?:\s+date)?|received)\s*(:|\s|$))");
  return re;
}

std::optional<Field> field_of(std::string_view label, std::string_view after) {
  const std::string l = to_lower(collapse_whitespace(label));
  const bool colon = after == ":";
  if (l.find("application") != std::string::npos) return Field::kApplication;
  if (!colon) return std::nullopt;  // other labels need their colon
  if (l.rfind("case", 0) == 0) return Field::kCaseNumber;
  if (l == "date assigned") return Field::kDateAssigned;
  if (l.find("decision") != std::string::npos && l.find("ur") == std::string::npos) return Field::kDecisionDate;
  if (l == "priority") return Field::kPriority;
  if (l == "date of injury") return Field::kDateOfInjury;
  if (l.find("ur") != std::string::npos) return Field::kUrDenial;
  return std::nullopt;  // "received:" — the wrapped end of "Application Received"
}

bool is_case_number(std::string_view v) {
  static const RE2 re(R"((?i)[a-z]{1,4}\d{2}-\d{4,9})");
  return RE2::FullMatch(re2::StringPiece(v.data(), v.size()), re);
}

bool is_priority(std::string_view v) {
  static const RE2 re(R"((?i)standard|expedited|expedite|urgent|regular|routine)");
  return RE2::FullMatch(re2::StringPiece(v.data(), v.size()), re);
}

// Stores `value` in `field` when it fits; false when it does not.
bool store(LetterHeader& h, Field field, std::string_view value) {
  value = trim(value);
  switch (field) {
    case Field::kCaseNumber:
      if (!is_case_number(value)) return false;
      h.case_number = std::string(value);
      return true;
    case Field::kPriority:
      if (!is_priority(value)) return false;
      h.priority = std::string(value);
      return true;
    default:
      break;
  }
  const auto date = parse_date(value);
  if (!date || date->precision != Date::Precision::kDay) return false;
  switch (field) {
    case Field::kDateAssigned: h.date_assigned = date; break;
    case Field::kDecisionDate: h.decision_date = date; break;
    case Field::kDateOfInjury: h.date_of_injury = date; break;
    case Field::kUrDenial: h.ur_denial_date = date; break;
    default: h.application_received = date; break;
  }
  return true;
}

// Text standing alone, split where PDF extraction left a wide gap between columns.
std::vector<std::string> loose_values(std::string_view text) {
  std::vector<std::string> out;
  static const RE2 gap(R"(\s{2,})");
  std::string s(trim(text));
  RE2::GlobalReplace(&s, gap, "\t");
  for (const auto& part : split(s, '\t'))
    if (!trim(part).empty()) out.emplace_back(trim(part));
  return out;
}

}  // namespace

LetterHeader read_header_table(const std::vector<std::string>& lines, size_t to) {
  LetterHeader h;
  std::deque<Field> waiting;
  auto give = [&](const std::string& value) {
    for (auto it = waiting.begin(); it != waiting.end(); ++it)
      if (store(h, *it, value)) {
        waiting.erase(it);
        return;
      }
  };
  for (size_t i = 0; i < to && i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.size() > 300) continue;  // prose, not the table
    re2::StringPiece input(line);
    re2::StringPiece label, after;
    size_t prev_end = 0;
    std::optional<Field> open;  // the label whose value runs up to the next label
    auto close = [&](size_t end) {
      const std::string_view value = std::string_view(line).substr(prev_end, end - prev_end);
      if (open) {
        if (trim(value).empty()) {
          waiting.push_back(*open);
        } else if (!store(h, *open, value)) {
          for (const auto& v : loose_values(value)) give(v);  // not its value: a loose one
        }
      } else {
        for (const auto& v : loose_values(value)) give(v);
      }
    };
    bool any_label = false;
    while (RE2::FindAndConsume(&input, label_re(), &label, &after)) {
      const size_t start = static_cast<size_t>(label.data() - line.data());
      const std::optional<Field> f = field_of(std::string_view(label.data(), label.size()),
                                              std::string_view(after.data(), after.size()));
      if (!f && std::string_view(after.data(), after.size()) != ":") continue;  // a word, not a label
      close(start);
      open = f;
      any_label = true;
      prev_end = static_cast<size_t>(input.data() - line.data());
      if (input.empty()) break;
    }
    // Lines with neither a label nor a waiting label are not part of the table.
    if (!any_label && waiting.empty()) continue;
    close(line.size());
  }
  return h;
}

}  // namespace imr::letters
