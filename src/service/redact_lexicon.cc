// Loading the redactor's word lists (see redact_lexicon.h and data/redaction/lexicon.yaml).
#include "service/redact_lexicon.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>

#include "core/error.h"
#include "core/file.h"
#include "core/text.h"
#include "service/redact_internal.h"

namespace imr {
namespace {

namespace fs = std::filesystem;

int line_of(const YAML::Node& n) { return n.Mark().line >= 0 ? n.Mark().line + 1 : 0; }

YAML::Node load_yaml(const std::string& path) {
  const std::string text = read_file(path);
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw DataError(path, e.mark.line + 1, "not valid YAML: " + e.msg);
  }
}

YAML::Node required(const YAML::Node& parent, const char* key, const std::string& file) {
  const YAML::Node n = parent[key];
  if (!n) throw DataError(file, line_of(parent), std::string("missing '") + key + "'");
  return n;
}

std::vector<std::string> string_list(const YAML::Node& n, const std::string& what, const std::string& file) {
  if (!n.IsSequence() || n.size() == 0) throw DataError(file, line_of(n), what + " must be a non-empty list");
  std::vector<std::string> out;
  for (const auto& item : n) {
    if (!item.IsScalar() || item.Scalar().empty())
      throw DataError(file, line_of(item), what + " entries must be non-empty text");
    out.push_back(item.Scalar());
  }
  return out;
}

void add_lower(RedactionLexicon::WordSet& set, const std::vector<std::string>& words) {
  for (const auto& w : words) set.insert(to_lower(collapse_whitespace(w)));
}

// A Debian word list: one word a line. Lines with a capital first letter go to `upper`
// when given, the rest to `lower` (lower-cased either way).
void read_word_list(const std::string& path, const std::string& package, RedactionLexicon::WordSet& lower,
                    RedactionLexicon::WordSet* upper) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(path, 0, "word list not found; install the Debian package '" + package + "'");
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const bool capital = line[0] >= 'A' && line[0] <= 'Z';
    if (capital && upper) upper->insert(to_lower(line));
    else if (!capital) lower.insert(to_lower(line));
  }
}

// The lower-case entries of a Hunspell dictionary (".dic": a count line, then one entry a line,
// "word/FLAGS"). Capitalised entries are left out: in a medical dictionary they are eponyms and
// brands, many of them surnames and given names ("Aaron", "Parkinson"), which must stay
// candidates for names. Lines starting with white space are the package's comment block.
void read_hunspell_lower_case(const std::string& path, const std::string& package, RedactionLexicon::WordSet& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(path, 0, "word list not found; install the Debian package '" + package + "'");
  std::string line;
  std::getline(in, line);  // the entry count
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ' || line[0] == '\t') continue;
    const std::string word = line.substr(0, line.find('/'));
    if (word.size() < 3 || word[0] < 'a' || word[0] > 'z') continue;
    if (std::all_of(word.begin(), word.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; })) out.insert(word);
  }
}

// Every word (letters, digits, apostrophes and hyphens inside) of a text file, lower-cased.
void add_words_of(const std::string& text, RedactionLexicon::WordSet& out) {
  std::string word;
  auto flush = [&] {
    while (!word.empty() && (word.back() == '-' || word.back() == '\'')) word.pop_back();
    if (word.size() >= 2) out.insert(to_lower(word));
    word.clear();
  };
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80 || ((c == '-' || c == '\'') && !word.empty())) word += c;
    else flush();
  }
  flush();
}

void add_project_vocabulary(const fs::path& path, RedactionLexicon::WordSet& out) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(path))
      if (e.is_regular_file() && (e.path().extension() == ".yaml" || e.path().extension() == ".yml"))
        files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) add_words_of(read_file(f.string()), out);
    return;
  }
  if (!fs::is_regular_file(path, ec)) throw DataError(path.string(), 0, "vocabulary source not found");
  add_words_of(read_file(path.string()), out);
}

}  // namespace

bool RedactionLexicon::is_common(std::string_view lower) const {
  const std::string w(lower);
  return common.count(w) || clinical.count(w) || safe_proper.count(w) || function_words.count(w);
}

bool RedactionLexicon::is_finite_verb(std::string_view lower) const {
  const std::string w(lower);
  if (auxiliaries.count(w)) return true;
  if (auto it = verb_irregular.find(w); it != verb_irregular.end() && it->second != w) {
    // Irregular past forms ("said", "went"), not irregular plurals of nouns.
    return true;
  }
  auto lemma = [&](const std::string& s) { return s.size() >= 2 && verb_lemmas.count(s) > 0; };
  const size_t n = w.size();
  if (n >= 4 && w.ends_with("ies") && lemma(w.substr(0, n - 3) + "y")) return true;
  if (n >= 4 && w.ends_with("es") && lemma(w.substr(0, n - 2))) return true;
  if (n >= 3 && w.ends_with('s') && !w.ends_with("ss") && lemma(w.substr(0, n - 1))) return true;
  if (n >= 4 && w.ends_with("ied") && lemma(w.substr(0, n - 3) + "y")) return true;
  if (n >= 4 && w.ends_with("ed")) {
    if (lemma(w.substr(0, n - 2)) || lemma(w.substr(0, n - 1))) return true;
    if (n >= 5 && w[n - 3] == w[n - 4] && lemma(w.substr(0, n - 3))) return true;  // stopped
  }
  return false;
}

RedactionLexicon RedactionLexicon::load(const std::string& data_dir) {
  const fs::path dir = fs::path(data_dir) / "redaction";
  const std::string lexicon_file = (dir / "lexicon.yaml").string();
  const YAML::Node root = load_yaml(lexicon_file);
  RedactionLexicon lex;
  lex.version = required(root, "version", lexicon_file).as<std::string>();

  const YAML::Node debian = required(root, "debian", lexicon_file);
  {
    const YAML::Node common = required(debian, "common_words", lexicon_file);
    const std::string package = required(common, "package", lexicon_file).as<std::string>();
    for (const auto& f : string_list(required(common, "files", lexicon_file), "common_words.files", lexicon_file))
      read_word_list(f, package, lex.common, nullptr);
    WordSet rare;
    for (const auto& f : string_list(required(common, "rare_files", lexicon_file), "common_words.rare_files", lexicon_file))
      read_word_list(f, package, rare, nullptr);
    for (auto& w : rare)
      if (lex.common.insert(w).second) lex.rare.insert(w);
    const YAML::Node proper = required(debian, "proper_nouns", lexicon_file);
    const std::string proper_package = required(proper, "package", lexicon_file).as<std::string>();
    WordSet unused;
    for (const auto& f : string_list(required(proper, "files", lexicon_file), "proper_nouns.files", lexicon_file))
      read_word_list(f, proper_package, unused, &lex.proper);
    const YAML::Node medical = required(debian, "medical_words", lexicon_file);
    const std::string medical_package = required(medical, "package", lexicon_file).as<std::string>();
    WordSet medical_words;
    for (const auto& f : string_list(required(medical, "files", lexicon_file), "medical_words.files", lexicon_file))
      read_hunspell_lower_case(f, medical_package, medical_words);
    // Only the words English does not already have: the dictionary also lists everyday words
    // ("community", "foothill", "recovery") that name clinics and businesses, and a word counted
    // clinical no longer makes a run of capitalised words a name or an organisation.
    for (auto& w : medical_words)
      if (!lex.common.count(w)) lex.clinical.insert(w);
    const YAML::Node verbs = required(debian, "verbs", lexicon_file);
    const std::string verb_package = required(verbs, "package", lexicon_file).as<std::string>();
    const std::string index = required(verbs, "index", lexicon_file).as<std::string>();
    const std::string exceptions = required(verbs, "exceptions", lexicon_file).as<std::string>();
    for (const auto& path : {index, exceptions}) {
      std::ifstream in(path, std::ios::binary);
      if (!in) throw DataError(path, 0, "word list not found; install the Debian package '" + verb_package + "'");
      std::string line;
      while (std::getline(in, line)) {
        if (line.empty() || line[0] == ' ') continue;  // WordNet's licence header lines
        const auto parts = split(line, ' ');
        if (parts.empty() || parts[0].find('_') != std::string::npos) continue;
        if (path == index) lex.verb_lemmas.insert(parts[0]);
        else if (parts.size() >= 2) lex.verb_irregular.emplace(parts[0], parts[1]);
      }
    }
  }

  for (const auto& source :
       string_list(required(root, "project_vocabulary", lexicon_file), "project_vocabulary", lexicon_file))
    add_project_vocabulary(fs::path(data_dir) / source, lex.clinical);
  for (const auto& source : string_list(required(root, "product_vocabulary", lexicon_file), "product_vocabulary", lexicon_file))
    add_project_vocabulary(fs::path(data_dir) / source, lex.product_words);

  const YAML::Node team = required(root, "team", lexicon_file);
  const std::string vocabulary_file = (dir / required(team, "vocabulary", lexicon_file).as<std::string>()).string();
  const YAML::Node v = load_yaml(vocabulary_file);
  auto list = [&](const char* key) { return string_list(required(v, key, vocabulary_file), key, vocabulary_file); };
  auto set = [&](WordSet& into, const char* key) { add_lower(into, list(key)); };
  set(lex.honorifics, "honorifics");
  set(lex.credentials, "credentials");
  set(lex.relation_words, "relation_words");
  set(lex.role_words, "role_words");
  set(lex.organization_words, "organization_words");
  set(lex.organization_heads, "organization_heads");
  set(lex.name_connectors, "name_connectors");
  set(lex.surname_particles, "surname_particles");
  set(lex.street_suffixes, "street_suffixes");
  set(lex.ambiguous_street_suffixes, "ambiguous_street_suffixes");
  set(lex.street_prefixes, "street_prefixes");
  set(lex.place_suffixes, "place_suffixes");
  set(lex.unit_words, "unit_words");
  set(lex.directions, "directions");
  set(lex.states, "states");
  set(lex.place_prepositions, "place_prepositions");
  set(lex.safe_proper, "safe_proper_nouns");
  set(lex.word_prefixes, "word_prefixes");
  lex.clinical_suffixes.clear();
  for (const auto& l : list("clinical_suffixes")) lex.clinical_suffixes.push_back(to_lower(l));
  lex.eponymous_tests = list("eponymous_tests");
  lex.eponymous_test_names = WordSet(lex.eponymous_tests.begin(), lex.eponymous_tests.end());
  lex.clinical_phrases = list("clinical_phrases");
  lex.known_organizations = list("known_organizations");
  set(lex.guideline_sources, "guideline_sources");
  lex.public_web_addresses.clear();
  for (const auto& w : list("public_web_addresses")) lex.public_web_addresses.push_back(to_lower(w));
  set(lex.auxiliaries, "auxiliaries");
  set(lex.function_words, "function_words");
  for (auto* labels : {&lex.name_labels, &lex.id_labels, &lex.short_id_labels, &lex.claim_labels}) labels->clear();
  for (const auto& l : list("name_labels")) lex.name_labels.push_back(to_lower(collapse_whitespace(l)));
  for (const auto& l : list("id_labels")) lex.id_labels.push_back(to_lower(collapse_whitespace(l)));
  for (const auto& l : list("short_id_labels")) lex.short_id_labels.push_back(to_lower(collapse_whitespace(l)));
  for (const auto& l : list("claim_labels")) lex.claim_labels.push_back(to_lower(collapse_whitespace(l)));
  lex.organization_labels.clear();
  for (const auto& l : list("organization_labels")) lex.organization_labels.push_back(to_lower(collapse_whitespace(l)));

  const std::string clinical_file = (dir / required(team, "clinical_words", lexicon_file).as<std::string>()).string();
  {
    const std::string text = read_file(clinical_file);
    int line_no = 0;
    for (const auto& raw : split(text, '\n')) {
      ++line_no;
      const std::string_view line = trim(raw);
      if (line.empty() || line[0] == '#') continue;
      if (line.find(' ') != std::string_view::npos)
        throw DataError(clinical_file, line_no, "one word a line (found a space)");
      lex.clinical.insert(to_lower(line));
    }
  }

  const std::string nickname_file = (dir / required(team, "nicknames", lexicon_file).as<std::string>()).string();
  {
    const YAML::Node n = load_yaml(nickname_file);
    const YAML::Node table = required(n, "nicknames", nickname_file);
    if (!table.IsMap() || table.size() == 0) throw DataError(nickname_file, line_of(table), "'nicknames' must be a map");
    for (const auto& entry : table) {
      const std::string given = entry.first.Scalar();
      if (given.empty()) throw DataError(nickname_file, line_of(entry.first), "empty given name");
      for (const auto& form : string_list(entry.second, "nicknames of " + given, nickname_file)) {
        lex.name_forms[to_lower(given)].push_back(form);
        lex.name_forms[to_lower(form)].push_back(given);
      }
    }
  }

  const std::string places_file = (dir / required(team, "places", lexicon_file).as<std::string>()).string();
  {
    const std::string text = read_file(places_file);
    for (const auto& raw : split(text, '\n')) {
      const std::string place = collapse_whitespace(trim(raw));
      if (place.empty() || place[0] == '#') continue;
      lex.places.push_back(place);
      if (place.find(' ') == std::string::npos) lex.place_words.insert(to_lower(place));
    }
    // Longest first, so "West Sacramento" wins over "Sacramento".
    std::stable_sort(lex.places.begin(), lex.places.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  }
  lex.compiled = redaction::compile_patterns(lex);
  return lex;
}

}  // namespace imr

namespace imr {

std::shared_ptr<const RedactionLexicon> RedactionLexicon::shared(const std::string& data_dir) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const RedactionLexicon>> loaded;
  const std::lock_guard<std::mutex> lock(mutex);
  auto& slot = loaded[data_dir];
  if (!slot) slot = std::make_shared<const RedactionLexicon>(load(data_dir));
  return slot;
}

}  // namespace imr
