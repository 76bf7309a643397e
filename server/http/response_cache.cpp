#include "http/response_cache.hpp"

namespace tawsiya::http {

std::optional<std::string> ResponseCache::find(const std::string& key) {
    const auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    entries_.splice(entries_.begin(), entries_, it->second);
    return it->second->second;
}

void ResponseCache::store(const std::string& key, const std::string& body) {
    if (body.size() > max_body_bytes_ || key.size() + body.size() > max_bytes_) return;
    if (const auto it = index_.find(key); it != index_.end()) {
        bytes_ -= cost(*it->second);
        entries_.erase(it->second);
        index_.erase(it);
    }
    entries_.emplace_front(key, body);
    index_[key] = entries_.begin();
    bytes_ += cost(entries_.front());
    while (bytes_ > max_bytes_) {
        bytes_ -= cost(entries_.back());
        index_.erase(entries_.back().first);
        entries_.pop_back();
    }
}

}  // namespace tawsiya::http
