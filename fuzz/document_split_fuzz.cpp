// split_recommendations and document_symbol on arbitrary documents, with the language guessed and
// given: never a crash, and every paragraph's line within the document.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "fuzz_support.hpp"
#include "tawsiya/document_split.hpp"
#include "tawsiya/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tawsiya;
    const auto document = fuzz::as_text(data, size);
    // LF, CRLF and a lone CR each end a line for the splitter: counting every LF and CR bounds
    // the number of lines from above.
    const std::size_t lines =
        1 + static_cast<std::size_t>(std::count(document.begin(), document.end(), '\n') +
                                     std::count(document.begin(), document.end(), '\r'));
    try {
        (void)document_symbol(document);
        for (const std::optional<Lang> lang :
             {std::optional<Lang>{}, std::optional<Lang>{Lang::ar}, std::optional<Lang>{Lang::fr},
              std::optional<Lang>{Lang::en}}) {
            for (const auto& paragraph : split_recommendations(document, fuzz::analyzer(), lang))
                if (paragraph.line == 0 || paragraph.line > lines) __builtin_trap();
        }
    } catch (const Error&) {
    }
    return 0;
}
