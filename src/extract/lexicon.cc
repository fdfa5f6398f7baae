#include "extract/lexicon.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "core/error.h"
#include "core/text.h"
#include "core/file.h"

namespace imr {

struct Lexicon::Compiled {
  // Clause qualifier patterns, by entry and qualifier.
  std::map<std::pair<size_t, std::string>, std::vector<std::unique_ptr<re2::RE2>>> qualifiers;
  struct Pattern {
    std::unique_ptr<re2::RE2> re;
    size_t entry = 0;
    bool absent = false;
  };
  std::vector<Pattern> patterns;
  std::unique_ptr<re2::RE2::Set> set;  // every pattern, for a first pass over a sentence
};

namespace {

int line_of(const YAML::Node& n) { return n.Mark().line + 1; }

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// A match must start and end on word boundaries where the pattern itself starts or ends
// with a word character ("effusion" not in "effusions"; "2+" may end anywhere).
bool on_boundaries(std::string_view text, size_t start, size_t end) {
  if (start >= end) return false;
  if (start > 0 && word_char(text[start - 1]) && word_char(text[start])) return false;
  if (end < text.size() && word_char(text[end]) && word_char(text[end - 1])) return false;
  return true;
}

std::vector<std::string> string_list(const YAML::Node& node, const std::string& file, const char* what) {
  std::vector<std::string> out;
  if (!node) return out;
  if (node.IsScalar()) {
    out.push_back(node.as<std::string>());
    return out;
  }
  if (!node.IsSequence()) throw DataError(file, line_of(node), std::string("'") + what + "' must be a list of patterns");
  for (const auto& p : node) {
    if (!p.IsScalar()) throw DataError(file, line_of(p), std::string("each of '") + what + "' must be a pattern");
    out.push_back(p.as<std::string>());
  }
  return out;
}

}  // namespace

Lexicon::Lexicon() = default;
Lexicon::~Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;

const Lexicon& empty_lexicon() {
  static const Lexicon kEmpty;
  return kEmpty;
}

Lexicon Lexicon::load(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw DataError(dir, 0, "lexicon directory not found");
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  Lexicon lex;
  for (const auto& f : files) lex.add(read_file(f), f);
  return lex;
}

void Lexicon::add(const std::string& yaml, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    throw DataError(file, e.mark.line + 1, "not valid YAML: " + e.msg);
  }
  if (!root.IsMap() || !root["entries"] || !root["entries"].IsSequence())
    throw DataError(file, 1, "expected a map with an 'entries' list");
  try {
    if (root["version"]) {
      const std::string v = root["version"].as<std::string>();
      version_ = version_.empty() ? v : std::max(version_, v);
    }
    if (const YAML::Node sh = root["shorthand"]) {
      if (!sh.IsMap()) throw DataError(file, line_of(sh), "'shorthand' must map a short form to its long form");
      for (const auto& kv : sh) {
        const std::string shortform = kv.first.as<std::string>(), longform = kv.second.as<std::string>();
        if (shortform.empty() || longform.empty() || shortform != to_lower(shortform) || longform != to_lower(longform) ||
            shortform.find(' ') != std::string::npos)
          throw DataError(file, line_of(kv.first), "shorthand '" + shortform + "': a short form is one lower-case token and its long form lower-case text");
        for (const auto& [k, _] : shorthand_)
          if (k == shortform) throw DataError(file, line_of(kv.first), "shorthand '" + shortform + "' is listed twice");
        shorthand_.emplace_back(shortform, longform);
      }
      std::stable_sort(shorthand_.begin(), shorthand_.end(),
                       [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    }
    std::set<std::string> seen;
    for (const auto& e : entries_) seen.insert(std::string(to_string(e.kind)) + "." + e.subject + "." + e.qualifier);
    for (const auto& n : root["entries"]) {
      if (!n.IsMap()) throw DataError(file, line_of(n), "each entry must be a map");
      LexiconEntry e;
      e.file = file;
      e.line = line_of(n);
      for (const auto& kv : n) {
        const std::string key = kv.first.as<std::string>();
        if (key != "kind" && key != "subject" && key != "qualifier" && key != "description" && key != "patterns" &&
            key != "absent_patterns" && key != "negated_only")
          throw DataError(file, line_of(kv.first), "unknown key '" + key + "'");
      }
      if (!n["kind"] || !n["subject"]) throw DataError(file, e.line, "an entry needs 'kind' and 'subject'");
      const std::string kind = n["kind"].as<std::string>();
      const auto k = fact_kind_from_string(kind);
      if (!k) throw DataError(file, line_of(n["kind"]), "unknown fact kind '" + kind + "'");
      e.kind = *k;
      e.subject = n["subject"].as<std::string>();
      if (e.subject.empty() || e.subject.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
        throw DataError(file, line_of(n["subject"]), "subject '" + e.subject + "' must be lower-case snake_case");
      if (n["qualifier"]) e.qualifier = n["qualifier"].as<std::string>();
      if (n["description"]) e.description = n["description"].as<std::string>();
      e.patterns = string_list(n["patterns"], file, "patterns");
      e.absent_patterns = string_list(n["absent_patterns"], file, "absent_patterns");
      if (n["negated_only"]) e.negated_only = n["negated_only"].as<bool>();
      // File-wide qualifiers read from the clause ("progressive" for every exam sign).
      if (const YAML::Node cq = root["clause_qualifiers"]) {
        if (!cq.IsMap()) throw DataError(file, line_of(cq), "'clause_qualifiers' must map a qualifier to patterns");
        for (const auto& kv : cq)
          e.clause_qualifiers.emplace_back(kv.first.as<std::string>(), string_list(kv.second, file, "clause_qualifiers"));
      }
      if (e.patterns.empty() && e.absent_patterns.empty())
        throw DataError(file, e.line, "entry '" + e.subject + "' has no patterns");
      std::vector<const std::vector<std::string>*> lists = {&e.patterns, &e.absent_patterns};
      for (const auto& [_, pats] : e.clause_qualifiers) lists.push_back(&pats);
      for (const auto* list : lists)
        for (const auto& p : *list) {
          RE2::Options opts;
          opts.set_log_errors(false);
          const RE2 re(p, opts);
          if (!re.ok()) throw DataError(file, e.line, "entry '" + e.subject + "': bad pattern '" + p + "': " + re.error());
          if (re.NumberOfCapturingGroups() > 1)
            throw DataError(file, e.line, "entry '" + e.subject + "': a pattern may capture one value at most");
          if (p.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos && p.find('\\') == std::string::npos)
            throw DataError(file, e.line, "entry '" + e.subject + "': patterns match lower-case text; '" + p + "' has capitals");
        }
      if (!seen.insert(kind + "." + e.subject + "." + e.qualifier).second)
        throw DataError(file, e.line, "entry " + kind + "." + e.subject + " is listed twice");
      entries_.push_back(std::move(e));
    }
  } catch (const YAML::Exception& ex) {
    throw DataError(file, ex.mark.line + 1, "bad value: " + ex.msg);
  }
  compile();
}

void Lexicon::expand_shorthand(std::string& norm) const {
  if (shorthand_.empty()) return;
  auto word_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/'; };
  std::string out;
  size_t copied = 0;  // norm[0, copied) is in `out`
  for (size_t i = 0; i < norm.size();) {
    bool replaced = false;
    if (i == 0 || !word_char(norm[i - 1])) {
      for (const auto& [shortform, longform] : shorthand_) {
        if (norm.compare(i, shortform.size(), shortform) != 0) continue;
        const size_t end = i + shortform.size();
        // A short form ending in a letter or digit must end its token ("tx", not "txa"); one
        // ending in a mark ("w/", "(+)") may run into the next word ("w/pain").
        const bool ends_in_word = word_char(shortform.back()) && shortform.back() != '/';
        if (ends_in_word && end < norm.size() && word_char(norm[end])) continue;
        if (out.empty()) out.reserve(norm.size() + norm.size() / 8);
        out.append(norm, copied, i - copied);
        out += longform;
        if (!ends_in_word && end < norm.size() && norm[end] != ' ') out += ' ';
        copied = i = end;
        replaced = true;
        break;
      }
    }
    if (!replaced) ++i;
  }
  if (copied == 0) return;
  out.append(norm, copied, std::string::npos);
  norm = std::move(out);
}

void Lexicon::compile() {
  auto c = std::make_unique<Compiled>();
  RE2::Options opts;
  opts.set_log_errors(false);
  c->set = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
  for (size_t i = 0; i < entries_.size(); ++i) {
    for (int absent = 0; absent < 2; ++absent)
      for (const auto& p : absent ? entries_[i].absent_patterns : entries_[i].patterns) {
        Compiled::Pattern pat;
        pat.re = std::make_unique<RE2>(p, opts);
        pat.entry = i;
        pat.absent = absent == 1;
        c->set->Add(p, nullptr);
        c->patterns.push_back(std::move(pat));
      }
    for (const auto& [q, pats] : entries_[i].clause_qualifiers)
      for (const auto& p : pats) c->qualifiers[{i, q}].push_back(std::make_unique<RE2>(p, opts));
  }
  if (!c->patterns.empty()) c->set->Compile();
  compiled_ = std::move(c);
}

bool Lexicon::clause_has(const LexiconEntry& e, const std::string& qualifier, std::string_view clause) const {
  if (!compiled_) return false;
  const size_t index = static_cast<size_t>(&e - entries_.data());
  auto it = compiled_->qualifiers.find({index, qualifier});
  if (it == compiled_->qualifiers.end()) return false;
  for (const auto& re : it->second)
    if (RE2::PartialMatch(re2::StringPiece(clause.data(), clause.size()), *re)) return true;
  return false;
}

std::vector<Lexicon::Match> Lexicon::find(std::string_view norm, size_t max) const {
  std::vector<Match> out;
  if (!compiled_ || compiled_->patterns.empty()) return out;
  std::vector<int> hits;
  if (!compiled_->set->Match(re2::StringPiece(norm.data(), norm.size()), &hits)) return out;
  std::sort(hits.begin(), hits.end());
  for (int h : hits) {
    const Compiled::Pattern& p = compiled_->patterns[static_cast<size_t>(h)];
    const int groups = p.re->NumberOfCapturingGroups();
    re2::StringPiece input(norm.data(), norm.size());
    size_t pos = 0;
    re2::StringPiece m[2];
    while (pos <= norm.size() && out.size() < max &&
           p.re->Match(input, pos, norm.size(), RE2::UNANCHORED, m, 1 + groups)) {
      const size_t start = static_cast<size_t>(m[0].data() - norm.data());
      const size_t end = start + m[0].size();
      if (on_boundaries(norm, start, end)) {
        Match match;
        match.entry = &entries_[p.entry];
        match.start = start;
        match.end = end;
        match.absent = p.absent;
        if (groups == 1 && m[1].data()) match.value = std::string(m[1].data(), m[1].size());
        out.push_back(std::move(match));
        pos = end > start ? end : start + 1;
      } else {
        pos = start + 1;
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Match& a, const Match& b) { return a.start < b.start; });
  return out;
}

}  // namespace imr
