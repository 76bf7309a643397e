// The request target as Beast hands it over: parse_target, percent-decoding and -encoding, and
// parse_search_params without an index. Decoding what was encoded must give the input back.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "http/search_params.hpp"
#include "http/url_codec.hpp"
#include "tawsiya/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tawsiya;
    const auto text = fuzz::as_text(data, size);
    // percent_decode refuses %00 on purpose (a NUL would cut C strings in Xapian and logs), so the
    // round trip holds for text without NUL bytes only.
    if (text.find('\0') == std::string_view::npos) {
        const auto decoded = http::percent_decode(http::percent_encode(text));
        if (!decoded || *decoded != text) __builtin_trap();
    }
    (void)http::percent_decode(text, true);
    try {
        const http::Target target = http::parse_target(text);
        for (const auto& [name, value] : target.query) (void)http::filter_key(name);
        (void)http::parse_search_params(target.query, SearchLimits{});
    } catch (const UsageError&) {
    }
    return 0;
}
