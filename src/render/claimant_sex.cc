#include "render/claimant_sex.h"

#include <re2/re2.h>

#include <cctype>

namespace imr {
namespace {

bool is_female_word(const std::string& w) {
  return w == "female" || w == "woman" || w == "lady" || w == "f";
}
bool is_male_word(const std::string& w) {
  return w == "male" || w == "man" || w == "gentleman" || w == "m";
}

std::string lower(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// Counts the statements of age and sex.
void count_statements(std::string_view text, int& female, int& male) {
  static const RE2 age_sex(R"((?i)\b\d{1,3}[- ]?(?:years?|yrs?|y/?o)\.?(?:[- ]?old)?[- ,]+(female|male|woman|man|gentleman|lady)\b)");
  static const RE2 label(R"((?im)\b(?:sex|gender)\s*[:=]\s*(female|male|f|m)\b)");
  for (const RE2* re : {&age_sex, &label}) {
    re2::StringPiece input(text.data(), text.size());
    std::string word;
    while (RE2::FindAndConsume(&input, *re, &word)) {
      const std::string w = lower(word);
      if (is_female_word(w)) ++female;
      else if (is_male_word(w)) ++male;
    }
  }
}

// Counts the pronouns and titles, word by word.
void count_pronouns(std::string_view text, int& female, int& male) {
  std::string word;
  auto flush = [&](char next) {
    if (word.empty()) return;
    const std::string w = lower(word);
    word.clear();
    if (w == "she" || w == "her" || w == "hers" || w == "herself" || ((w == "mrs" || w == "ms") && next == '.')) ++female;
    else if (w == "he" || w == "him" || w == "his" || w == "himself" || (w == "mr" && next == '.')) ++male;
  };
  for (char ch : text) {
    if (std::isalpha(static_cast<unsigned char>(ch))) word += ch;
    else flush(ch);
  }
  flush(' ');
}

std::string decide(int female, int male, int at_least, int times) {
  if (female >= at_least && female >= times * male) return "female";
  if (male >= at_least && male >= times * female) return "male";
  return "";
}

}  // namespace

std::string claimant_sex_from_records(const std::vector<Record>& records) {
  std::vector<std::string_view> texts;
  for (const auto& r : records) texts.push_back(r.text);
  return claimant_sex_from_texts(texts);
}

std::string claimant_sex_from_texts(const std::vector<std::string_view>& texts) {
  int stated_female = 0, stated_male = 0, female = 0, male = 0;
  for (const auto text : texts) {
    count_statements(text, stated_female, stated_male);
    count_pronouns(text, female, male);
  }
  if (stated_female != stated_male) return stated_female > stated_male ? "female" : "male";
  return decide(female, male, 1, 3);
}

}  // namespace imr
