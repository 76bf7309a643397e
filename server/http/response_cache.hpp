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
    // Keeps keys and bodies of `max_bytes` in all, the least recently used going first; 0
    // disables the cache. The list and map nodes add some 100 bytes an entry, not counted. A
    // body over `max_body_bytes` is not kept, so that one answer cannot push out many.
    explicit ResponseCache(std::size_t max_bytes, std::size_t max_body_bytes = 256 * 1024)
        : max_bytes_(max_bytes), max_body_bytes_(max_body_bytes) {}

    std::optional<std::string> find(const std::string& key);
    void store(const std::string& key, const std::string& body);
    std::size_t size() const { return index_.size(); }
    std::size_t bytes() const { return bytes_; }  // of the keys and bodies kept

  private:
    using Entry = std::pair<std::string, std::string>;  // key, body
    static std::size_t cost(const Entry& entry) { return entry.first.size() + entry.second.size(); }

    std::size_t max_bytes_, max_body_bytes_;
    std::size_t bytes_ = 0;
    std::list<Entry> entries_;  // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace tawsiya::http
