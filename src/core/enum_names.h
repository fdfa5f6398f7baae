// An enum's names from one table of {value, name} pairs, both ways: what a type that is
// stored or shown by name (a case status, an event kind) uses so its names live in one place.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace imr {

template <typename E, size_t N>
std::string enum_name(const std::pair<E, const char*> (&table)[N], E value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "unknown";
}

template <typename E, size_t N>
std::optional<E> enum_from_name(const std::pair<E, const char*> (&table)[N], std::string_view name) {
  for (const auto& [v, n] : table)
    if (name == n) return v;
  return std::nullopt;
}

}  // namespace imr
