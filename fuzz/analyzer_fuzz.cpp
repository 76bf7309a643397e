// The analyzer on arbitrary bytes (invalid UTF-8 included) in each language: normalize, tokenize,
// stem, stopwords, language detection. Tokens must come out non-empty with 1-based, non-decreasing
// positions. The request stems the index stores (schema::kSlotRequestStems) must read back as
// they were written, and the bytes read as such a value must not break its parser.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/recommendation_text.hpp"
#include "tawsiya/schema.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tawsiya;
    const auto text = fuzz::as_text(data, size);
    const Analyzer& analyzer = fuzz::analyzer();
    if (const auto versions = schema::parse_request_stems(text))  // the bytes as a stored value
        if (schema::parse_request_stems(schema::request_stems_value(*versions)) != versions)
            __builtin_trap();
    try {
        schema::VersionStems versions;
        for (const Lang lang : {Lang::ar, Lang::fr, Lang::en})
            versions.emplace_back(lang, request_word_stems(text, lang, analyzer));
        if (schema::parse_request_stems(schema::request_stems_value(versions)) != versions)
            __builtin_trap();
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
