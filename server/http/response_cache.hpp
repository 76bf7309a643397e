// A small LRU cache of API response bodies, one per worker thread (no locking). Staff share
// links and page back and forth, so the same search comes back often; the key holds the index
// revision, so a commit of the indexer makes every older entry unreachable at once.
#pragma once

#include <cstddef>
#include <list>
#include <optional>
#include <string>
#include <unordered_map>

namespace tawsiya::http {

class ResponseCache {
  public:
    // `capacity` entries; 0 disables the cache. Bodies over `max_body_bytes` are not kept.
    explicit ResponseCache(std::size_t capacity, std::size_t max_body_bytes = 256 * 1024)
        : capacity_(capacity), max_body_bytes_(max_body_bytes) {}

    std::optional<std::string> find(const std::string& key);
    void store(const std::string& key, const std::string& body);
    std::size_t size() const { return index_.size(); }

  private:
    using Entry = std::pair<std::string, std::string>;  // key, body
    std::size_t capacity_, max_body_bytes_;
    std::list<Entry> entries_;  // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace tawsiya::http
