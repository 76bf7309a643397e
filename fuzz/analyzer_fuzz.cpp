// The analyzer on arbitrary bytes (invalid UTF-8 included) in each language: normalize, tokenize,
// stem, stopwords, language detection. Tokens must come out non-empty with 1-based, non-decreasing
// positions.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "tawsiya/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tawsiya;
    const auto text = fuzz::as_text(data, size);
    const Analyzer& analyzer = fuzz::analyzer();
    try {
        (void)analyzer.detect_language(text);
        for (const Lang lang : {Lang::ar, Lang::fr, Lang::en}) {
            (void)analyzer.normalize(text, false);
            const std::string normalized = analyzer.normalize(text);
            (void)analyzer.is_stopword(normalized, lang);
            (void)analyzer.stem(normalized, lang);
            unsigned last = 0;
            for (const Token& token : analyzer.tokenize(text, lang)) {
                if (token.word.empty() || token.position == 0 || token.position < last)
                    __builtin_trap();
                last = token.position;
            }
        }
    } catch (const Error&) {
    }
    return 0;
}
