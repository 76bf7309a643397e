// word_stems and request_word_stems: the stems matching compares, computed the same way when the
// index stores them and when a text to match arrives.
#include "tawsiya/recommendation_text.hpp"

namespace tawsiya {

std::vector<std::string> word_stems(std::string_view text, Lang lang, const Analyzer& analyzer) {
    std::vector<std::string> stems;
    for (Token& token : analyzer.tokenize(text, lang))
        if (!token.stopword && !token.stem.empty()) stems.push_back(std::move(token.stem));
    return stems;
}

std::vector<std::string> request_word_stems_of_content(std::string_view content, Lang lang,
                                                       const Analyzer& analyzer) {
    return word_stems(strip_lead_in(content), lang, analyzer);
}

std::vector<std::string> request_word_stems(std::string_view text, Lang lang,
                                            const Analyzer& analyzer) {
    return request_word_stems_of_content(strip_recommendation_noise(text), lang, analyzer);
}

}  // namespace tawsiya
