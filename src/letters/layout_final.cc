// The layout used since 2014: HOW THE IMR FINAL DETERMINATION WAS MADE / CLINICAL CASE
// SUMMARY / IMR ISSUES, DECISIONS AND RATIONALES, one "REQUEST: Upheld|Overturned" header
// per disputed item followed by "Claims Administrator guideline:", "MAXIMUS guideline:" and
// "Decision rationale:".
//
// Items are found by their fields (each item's labels come in that order), and each header
// is the text just before them: back from the decision (on the request's last line or on a
// line of its own) to the end of the previous rationale's last sentence, or to the start of
// its paragraph where the text shows paragraphs by blank lines. A modified
// request's statement runs over several sentences and is taken back to the one that names
// the original request.
#include <re2/re2.h>

#include <cctype>

#include "core/error.h"
#include "core/text.h"
#include "letters/claimant.h"
#include "letters/credentials.h"
#include "letters/layouts.h"
#include "letters/letter_lines.h"

namespace imr::letters {
namespace {

constexpr Heading kSummary[] = {{"CLINICAL CASE SUMMARY"}};
constexpr Heading kIssues[] = {{"IMR ISSUES, DECISIONS AND RATIONALES"}};

constexpr std::string_view kCaLabel = "claims administrator guideline";
constexpr std::string_view kMaxLabel = "maximus guideline";
// Letters this project drafts label the reviewer's citations "IMR guideline".
constexpr std::string_view kImrLabel = "imr guideline";
constexpr std::string_view kRationaleLabel = "decision rationale";

// The three labelled fields of an item, in the order they come.
enum class Field { kNone, kClaimsAdministrator, kReviewer, kRationale };

Field field_of(std::string_view line) {
  if (istarts_with(line, kCaLabel)) return Field::kClaimsAdministrator;
  if (istarts_with(line, kMaxLabel) || istarts_with(line, kImrLabel)) return Field::kReviewer;
  if (istarts_with(line, kRationaleLabel)) return Field::kRationale;
  return Field::kNone;
}

// "REQUEST: Upheld" (the whole line), and a decision standing alone on its line.
const RE2& header_re() {
  static const RE2 re(R"((?i)(.*\S)\s*:\s*(upheld|overturned)\s*\.?)");
  return re;
}
const RE2& lone_decision_re() {
  static const RE2 re(R"((?i)(upheld|overturned)\s*\.?)");
  return re;
}

// The sentence introducing the items ("... decisions for the disputed items/services set
// forth below:"); it is not part of the first item's header.
bool is_items_intro(std::string_view line) {
  static const RE2 re(R"((?i)set\s+forth\s+below|determination\s+was\s+based\s+on|decisions?\s+for\s+the\s+disputed)");
  return RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), re);
}

// True when a line ends a sentence ('.', '!' or '?', maybe inside quotes or brackets) and
// not on an abbreviation ("p.o.", "q.i.d.", "Dr.", "No.").
bool ends_sentence(std::string_view line) {
  line = trim(line);
  while (!line.empty() && (line.back() == '"' || line.back() == '\'' || line.back() == ')' || line.back() == ']'))
    line.remove_suffix(1);
  if (line.empty() || (line.back() != '.' && line.back() != '!' && line.back() != '?')) return false;
  if (line.back() != '.') return true;
  const size_t space = line.find_last_of(' ');
  std::string word = to_lower(line.substr(space == std::string_view::npos ? 0 : space + 1));
  word.pop_back();  // the final '.'
  if (word.find('.') != std::string::npos) return false;  // p.o. / q.i.d. / e.g.
  if (word.size() == 1 && std::isalpha(static_cast<unsigned char>(word[0]))) return false;
  static constexpr std::string_view kAbbrev[] = {"dr", "mr", "mrs", "ms", "vs", "no", "approx", "fig", "st",
                                                 "jr", "sr", "inc", "co", "tab", "tabs", "cap", "caps", "qty"};
  for (std::string_view a : kAbbrev)
    if (word == a) return false;
  return true;
}

// Most item headers are one or two lines; a modified request's statement runs longer.
constexpr size_t kMaxHeaderLines = 8;
constexpr size_t kMaxModifiedHeaderLines = 16;

// One item's place in the lines: its header runs [header, decision], its fields start at
// `fields`, its rationale label (if any) is at `rationale`.
struct ItemLines {
  size_t header = 0;
  size_t decision = 0;
  size_t fields = 0;
  size_t rationale = kNoLine;
};

// Where paragraphs start, when the text shows them: blank lines between paragraphs only.
// Text with a blank line after every line (or none at all) shows nothing.
struct Paragraphs {
  const std::vector<bool>* starts = nullptr;
  bool start_at(size_t i) const { return starts && i < starts->size() && (*starts)[i]; }
};

Paragraphs paragraphs_of(const std::vector<bool>& starts, size_t from, size_t to) {
  size_t n = 0, count = 0;
  for (size_t i = from; i < to && i < starts.size(); ++i, ++n) count += starts[i];
  // A blank line after (nearly) every line is double spacing, not paragraphs.
  if (n < 4 || count == 0 || count * 10 >= n * 9) return {};
  return {&starts};
}

// The first line of the header that ends at line `last` (inclusive), not above `lo`: back
// to the line after one that ends a sentence (or to the start of the paragraph, when the
// text shows paragraphs); for a modified request back to the sentence that names the
// original request.
size_t header_start(const std::vector<std::string>& lines, const Paragraphs& paragraphs, size_t lo, size_t last) {
  auto walk = [&](size_t s, size_t limit) {
    while (s > lo && !paragraphs.start_at(s) && !ends_sentence(lines[s - 1]) && !is_items_intro(lines[s - 1]) &&
           last - s + 1 < limit)
      --s;
    return s;
  };
  const size_t s = walk(last, kMaxHeaderLines);
  const std::string text = join_lines(lines, s, last + 1);
  if (!looks_modified(text) || looks_modified_opening(text)) return s;
  for (size_t t = s; t > lo && last - t + 1 < kMaxModifiedHeaderLines && !is_items_intro(lines[t - 1]);) {
    --t;
    if (looks_modified_opening(join_lines(lines, t, last + 1))) return walk(t, kMaxModifiedHeaderLines);
  }
  return s;
}

std::vector<ItemLines> locate_items(const std::vector<std::string>& lines, const std::vector<bool>& paragraph_starts,
                                    size_t from, const std::string& file) {
  // Each item's fields come in the order claims administrator, reviewer, rationale (any may
  // be missing); a field not later than the one before opens the next item.
  std::vector<ItemLines> items;
  Field last = Field::kNone;
  for (size_t i = from; i < lines.size(); ++i) {
    const Field f = field_of(lines[i]);
    if (f == Field::kNone) continue;
    if (items.empty() || f <= last) items.push_back(ItemLines{0, 0, i, kNoLine});
    if (f == Field::kRationale) items.back().rationale = i;
    last = f;
  }
  if (items.empty())
    throw InputError(file,
                     "no disputed items found (no 'REQUEST: Upheld' or 'REQUEST: Overturned' "
                     "line under 'IMR ISSUES, DECISIONS AND RATIONALES')");
  const Paragraphs paragraphs = paragraphs_of(paragraph_starts, from, lines.size());
  // The sentence introducing the items may wrap; it ends with a colon.
  size_t first = from;
  if (first < items[0].fields && is_items_intro(lines[first])) {
    size_t end = first;
    while (end + 1 < items[0].fields && end - first < 3 && lines[end].back() != ':') ++end;
    if (lines[end].back() == ':' && end + 1 < items[0].fields) first = end + 1;
  }
  for (size_t k = 0; k < items.size(); ++k) {
    ItemLines& it = items[k];
    // The header lies between the previous item's rationale label and these fields.
    const ItemLines* prev = k ? &items[k - 1] : nullptr;
    const size_t lo = prev ? (prev->rationale != kNoLine ? prev->rationale : prev->fields) + 1 : first;
    if (it.fields <= lo)
      throw InputError(file, "item " + std::to_string(k + 1) + " has no request before its '" +
                                 collapse_whitespace(lines[it.fields]).substr(0, 40) + "'");
    size_t last = it.fields - 1;
    it.decision = last;
    if (RE2::FullMatch(lines[last], lone_decision_re()) && last > lo) --last;
    it.header = header_start(lines, paragraphs, lo, last);
  }
  return items;
}

// A line "REQUEST: Upheld" inside a rationale is an item without fields: the letter is
// malformed (or cut), and reading on would hide an item.
void refuse_stray_headers(const std::vector<std::string>& lines, const std::vector<ItemLines>& items,
                          const std::string& file) {
  for (size_t k = 0; k < items.size(); ++k) {
    const size_t from = items[k].rationale == kNoLine ? items[k].fields : items[k].rationale + 1;
    const size_t to = k + 1 < items.size() ? items[k + 1].header : lines.size();
    std::string request, word;
    for (size_t i = from; i < to; ++i)
      if (RE2::FullMatch(lines[i], header_re(), &request, &word) && request.size() < 200)
        throw_item_error(file, k + 2, collapse_whitespace(request), "has no 'Decision rationale'");
  }
}

std::vector<LetterItem> read_items(const std::vector<std::string>& lines, const std::vector<bool>& paragraph_starts,
                                   size_t from, const std::string& file) {
  const std::vector<ItemLines> located = locate_items(lines, paragraph_starts, from, file);
  std::vector<LetterItem> items;
  for (size_t k = 0; k < located.size(); ++k) {
    const ItemLines& at = located[k];
    // The header text up to the decision word.
    std::string header = join_lines(lines, at.header, at.decision + 1);
    LetterItem item;
    std::string request, word;
    if (RE2::FullMatch(header, header_re(), &request, &word)) {
      item.decision = *decision_word(word);
      read_item_request(request, item);
    } else {
      std::string_view r = header;
      while (!r.empty() && r.back() == ':') r.remove_suffix(1);
      throw_item_error(file, k + 1, std::string(trim(r)), "has no decision (Upheld or Overturned)");
    }
    const size_t end = k + 1 < located.size() ? located[k + 1].header : lines.size();
    const std::string body = join_lines(lines, at.fields, end);
    const auto fields = split_fields(body, {{kCaLabel}, {kMaxLabel, kImrLabel}, {kRationaleLabel}});
    if (fields[0]) item.claims_administrator_citations = parse_citations(*fields[0]);
    if (fields[1]) item.reviewer_citations = parse_citations(*fields[1]);
    if (!fields[2] || fields[2]->empty())
      throw_item_error(file, k + 1, item.request, "has no 'Decision rationale'");
    item.rationale = *fields[2];
    items.push_back(std::move(item));
  }
  refuse_stray_headers(lines, located, file);
  return items;
}

}  // namespace

Letter read_final_determination(const std::vector<std::string>& lines, const std::string& file,
                                const std::vector<bool>& paragraph_starts) {
  const size_t issues = find_heading(lines, 0, kIssues);
  if (issues == kNoLine)
    throw InputError(file,
                     "no disputed items found (no 'IMR ISSUES, DECISIONS AND RATIONALES' section)");
  const size_t summary = find_heading(lines, 0, kSummary);
  if (summary == kNoLine || summary > issues)
    throw InputError(file, "no 'CLINICAL CASE SUMMARY' section before the disputed items");
  Letter letter;
  letter.file = file;
  letter.layout = "final-determination";
  letter.reviewer = read_credentials(join_lines(lines, 0, summary));
  letter.case_summary = clean_case_summary(join_lines(lines, summary + 1, issues));
  fill_claimant(letter);
  letter.items = read_items(lines, paragraph_starts, issues + 1, file);
  return letter;
}

}  // namespace imr::letters
