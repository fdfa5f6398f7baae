#include "core/json_input.h"

#include <vector>

#include "core/error.h"
#include "core/limits.h"

namespace imr {

using nlohmann::json;

namespace {

// Where the parser is, as "a.b[3].c", from the parser's events (nlohmann reports a number
// overflow with a byte position only).
class JsonPath {
 public:
  void on(json::parse_event_t event, const json& parsed) {
    using E = json::parse_event_t;
    switch (event) {
      case E::key:
        if (!frames_.empty()) frames_.back().key = parsed.is_string() ? parsed.get<std::string>() : "";
        break;
      case E::object_start:
      case E::array_start:
        count_element();
        frames_.push_back({event == E::array_start, -1, ""});
        break;
      case E::object_end:
      case E::array_end:
        if (!frames_.empty()) frames_.pop_back();
        break;
      case E::value:
        count_element();
        break;
    }
  }
  // The path of the value being read now (the next array element, or the last key).
  std::string current() const {
    std::string out;
    for (size_t i = 0; i < frames_.size(); ++i) {
      const Frame& f = frames_[i];
      // An enclosing array is at the element that holds the rest; the innermost one at the
      // element after the last value read (the one that failed).
      const long index = f.index + (i + 1 == frames_.size() ? 1 : 0);
      if (f.array) out += "[" + std::to_string(index) + "]";
      else if (!f.key.empty()) out += (out.empty() ? "" : ".") + f.key;
    }
    return out;
  }

 private:
  struct Frame {
    bool array;
    long index;
    std::string key;
  };
  void count_element() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
  }
  std::vector<Frame> frames_;
};

std::string explanation(const std::string& what, const char* marker) {
  const auto pos = what.find(marker);
  return pos == std::string::npos ? what : what.substr(pos);
}

}  // namespace

json parse_json_input(std::string_view text, const std::string& file) {
  JsonPath path;
  json::parser_callback_t track = [&path, &file](int depth, json::parse_event_t event, json& parsed) {
    if (depth > limits::kMaxJsonDepth)
      throw InputError(file, "JSON nested deeper than " + std::to_string(limits::kMaxJsonDepth) + " levels");
    path.on(event, parsed);
    return true;
  };
  try {
    return json::parse(text.begin(), text.end(), track);
  } catch (const json::out_of_range& e) {
    const std::string where = path.current();
    throw InputError(file, (where.empty() ? std::string("a number") : "field '" + where + "'") +
                               " is out of range: " + explanation(e.what(), "number overflow"));
  } catch (const json::parse_error& e) {
    // nlohmann's message carries line and column; keep only its explanatory part.
    throw InputError(file, "invalid JSON: " + explanation(e.what(), "parse error"));
  }
}

}  // namespace imr
