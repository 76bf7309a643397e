// The search query path on a tiny index: arbitrary bytes as the query string of GET /api/search,
// so the fuzzer drives both the query text (QueryParser syntax, wildcards, fields) and the other
// parameters (lang, filters, years, sort, page) through parse_search_params and Searcher::search.
// A UsageError is a 400 for a bad request; anything else escaping is a 500, so a finding.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_support.hpp"
#include "http/search_params.hpp"
#include "http/url_codec.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/search.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tawsiya;
    static const SearchLimits limits;
    static Searcher searcher(fuzz::sample_index(), fuzz::analyzer(), limits);
    const std::string target = "/api/search?" + std::string(fuzz::as_text(data, size));
    try {
        const SearchRequest request =
            http::parse_search_params(http::parse_target(target).query, limits);
        (void)searcher.search(request);
    } catch (const UsageError&) {
    }
    return 0;
}
