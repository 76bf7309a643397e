// The HTTP workers' response cache: an LRU bounded by the bytes it keeps, not by its entries.
#include <catch2/catch.hpp>
#include <string>

#include "http/response_cache.hpp"

using tawsiya::http::ResponseCache;

TEST_CASE("the response cache keeps the most recent answers within its bytes", "[http][cache]") {
    ResponseCache cache(100);
    cache.store("k1", std::string(40, 'a'));  // 42 bytes with its key
    cache.store("k2", std::string(40, 'b'));
    CHECK(cache.bytes() == 84);
    CHECK(cache.find("k1") == std::string(40, 'a'));  // k1 is now the most recent
    cache.store("k3", std::string(40, 'c'));          // over 100: k2, the least recent, goes
    CHECK(cache.size() == 2);
    CHECK(cache.bytes() == 84);
    CHECK_FALSE(cache.find("k2"));
    CHECK(cache.find("k1"));
    CHECK(cache.find("k3"));

    // Storing a key again replaces its body and its bytes.
    cache.store("k1", "short");
    CHECK(cache.find("k1") == "short");
    CHECK(cache.bytes() == 7 + 42);

    // Many small answers fill it as a few large ones do.
    for (int i = 0; i < 1000; ++i) cache.store("n" + std::to_string(i), "x");
    CHECK(cache.bytes() <= 100);
    CHECK(cache.find("n999") == "x");
    CHECK_FALSE(cache.find("n0"));
}

TEST_CASE("the response cache keeps no answer larger than its limits", "[http][cache]") {
    ResponseCache cache(1000, 100);
    cache.store("big", std::string(101, 'a'));  // over the body limit
    CHECK_FALSE(cache.find("big"));
    ResponseCache small(50);
    small.store("k", std::string(30, 'a'));
    small.store("huge", std::string(60, 'b'));  // over the whole budget: not kept, nothing lost
    CHECK_FALSE(small.find("huge"));
    CHECK(small.find("k"));
    ResponseCache off(0);
    off.store("k", "v");
    CHECK(off.size() == 0);
    CHECK_FALSE(off.find("k"));
}
