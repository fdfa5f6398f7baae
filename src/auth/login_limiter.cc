#include "auth/login_limiter.h"

#include <arpa/inet.h>

#include <algorithm>

namespace imr::auth {

std::string address_key(const std::string& address) {
  if (address.empty()) return "local";
  in6_addr v6{};
  if (address.find(':') != std::string::npos && inet_pton(AF_INET6, address.c_str(), &v6) == 1) {
    // IPv4-mapped (::ffff:a.b.c.d) is the IPv4 address; any other IPv6 counts by its /64.
    static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    char text[INET6_ADDRSTRLEN] = {};
    if (std::equal(kMapped, kMapped + 12, v6.s6_addr)) {
      inet_ntop(AF_INET, v6.s6_addr + 12, text, sizeof(text));
      return text;
    }
    std::fill(v6.s6_addr + 8, v6.s6_addr + 16, 0);
    inet_ntop(AF_INET6, &v6, text, sizeof(text));
    return std::string(text) + "/64";
  }
  return address;
}

int LoginLimiter::Count::recent(Timestamp since) {
  failures.erase(failures.begin(),
                 std::find_if(failures.begin(), failures.end(), [&](Timestamp t) { return t >= since; }));
  return static_cast<int>(failures.size()) + in_progress;
}

LoginLimiter::LoginLimiter(const LoginPolicy& policy) : policy_(policy) {}

std::string LoginLimiter::admit(const std::string& user_id, const std::string& address, bool user_exists,
                                uint64_t credential, Timestamp now) {
  const std::string where = address_key(address);
  const Timestamp since = now.plus_seconds(-policy_.window_seconds);
  std::lock_guard lock(mutex_);
  if (addresses_.size() >= policy_.max_tracked_addresses) sweep(now);

  Count* by_address = nullptr;
  if (auto it = addresses_.find(where); it != addresses_.end()) by_address = &it->second;
  else if (addresses_.size() < policy_.max_tracked_addresses) by_address = &addresses_[where];
  if (by_address && by_address->recent(since) >= policy_.max_failures_per_address) return "address";

  Count* pair = nullptr;
  Count* everywhere = nullptr;
  if (user_exists) {
    UserState& user = users_[user_id];
    if (user.credential != credential) {  // the password was reset (maybe by another process)
      const auto known = std::move(user.known_addresses);
      user = UserState{};
      user.credential = credential;
      user.known_addresses = known;
    }
    pair = &user.by_address[where];
    if (pair->recent(since) >= policy_.max_failures) return "user and address";
    auto known = user.known_addresses.find(where);
    const bool at_known_address = known != user.known_addresses.end() &&
                                  known->second >= now.plus_days(-policy_.known_address_days);
    everywhere = &user.everywhere;
    if (!at_known_address && everywhere->recent(since) >= policy_.max_failures_per_user) return "user";
  }
  if (by_address) ++by_address->in_progress;
  if (pair) ++pair->in_progress;
  if (everywhere) ++everywhere->in_progress;
  ++in_progress_;
  return "";
}

void LoginLimiter::finish(const std::string& user_id, const std::string& address, bool user_exists,
                          Outcome outcome, Timestamp now) {
  const bool ok = outcome == Outcome::succeeded;
  const std::string where = address_key(address);
  std::lock_guard lock(mutex_);
  --in_progress_;
  auto settle = [&](Count& c) {
    c.in_progress = std::max(0, c.in_progress - 1);
    if (outcome == Outcome::failed) c.failures.push_back(now);
  };
  if (auto it = addresses_.find(where); it != addresses_.end()) settle(it->second);
  if (!user_exists) return;
  auto user = users_.find(user_id);
  if (user == users_.end()) return;  // forgotten meanwhile (a reset): nothing to count against
  if (auto it = user->second.by_address.find(where); it != user->second.by_address.end()) {
    settle(it->second);
    if (ok) it->second.failures.clear();
  }
  settle(user->second.everywhere);
  if (ok) user->second.known_addresses[where] = now;
}

void LoginLimiter::forget_user(const std::string& user_id) {
  std::lock_guard lock(mutex_);
  auto it = users_.find(user_id);
  if (it == users_.end()) return;
  // Attempts in progress finish against a fresh state; known addresses stay known.
  UserState fresh;
  fresh.credential = it->second.credential;
  fresh.known_addresses = std::move(it->second.known_addresses);
  for (const auto& [where, count] : it->second.by_address)
    if (count.in_progress) fresh.by_address[where].in_progress = count.in_progress;
  fresh.everywhere.in_progress = it->second.everywhere.in_progress;
  it->second = std::move(fresh);
}

int LoginLimiter::in_progress() const {
  std::lock_guard lock(mutex_);
  return in_progress_;
}

void LoginLimiter::sweep(Timestamp now) {
  const Timestamp since = now.plus_seconds(-policy_.window_seconds);
  auto drop_idle = [&](std::map<std::string, Count>& counts) {
    for (auto it = counts.begin(); it != counts.end();) it = it->second.recent(since) == 0 ? counts.erase(it) : std::next(it);
  };
  drop_idle(addresses_);
  for (auto& [id, user] : users_) drop_idle(user.by_address);
}

}  // namespace imr::auth
