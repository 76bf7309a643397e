// The POST bodies of /api/match, /api/tag and /api/dedup on a tiny index. The first byte picks
// the handler, the rest is the body. A UsageError (LimitError included) is the 400 of a bad
// body; anything else escaping is a 500, so a finding.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "fuzz_support.hpp"
#include "http/batch_handlers.hpp"
#include "http/tag_handlers.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/match.hpp"
#include "tawsiya/translation.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tawsiya;
    if (size == 0) return 0;
    static Matcher matcher(fuzz::sample_index(), fuzz::analyzer());
    static const auto translations = load_translations(fuzz::sample_index(), fuzz::analyzer());
    // Smaller than the server's limits so one input cannot run for seconds; the limit checks
    // themselves are still reached.
    static const http::BatchLimits limits{200, 50};
    const auto body = fuzz::as_text(data + 1, size - 1);
    try {
        switch (data[0] % 3) {
            case 0:
                (void)http::handle_match(matcher, body);
                break;
            case 1:
                (void)http::handle_tag(matcher, fuzz::analyzer(), body, limits);
                break;
            default:
                (void)http::handle_dedup(fuzz::analyzer(), translations.get(), body, limits);
        }
    } catch (const UsageError&) {
    }
    return 0;
}
