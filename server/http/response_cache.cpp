#include "http/response_cache.hpp"

namespace tawsiya::http {

std::optional<std::string> ResponseCache::find(const std::string& key) {
    const auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    entries_.splice(entries_.begin(), entries_, it->second);
    return it->second->second;
}

void ResponseCache::store(const std::string& key, const std::string& body) {
    if (capacity_ == 0 || body.size() > max_body_bytes_) return;
    if (const auto it = index_.find(key); it != index_.end()) {
        it->second->second = body;
        entries_.splice(entries_.begin(), entries_, it->second);
        return;
    }
    entries_.emplace_front(key, body);
    index_[key] = entries_.begin();
    if (index_.size() > capacity_) {
        index_.erase(entries_.back().first);
        entries_.pop_back();
    }
}

}  // namespace tawsiya::http
