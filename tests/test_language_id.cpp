// Language identification: on the UN Parallel Corpus development set (each of 4,000 aligned
// lines on its own, headings included) and on short real queries.
#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "support/skip.hpp"
#include "support/temp_dir.hpp"
#include "tawsiya/analyzer.hpp"

using tawsiya::Analyzer;
using tawsiya::Lang;

TEST_CASE("Language identification is at least 97% right per language on the UN devset",
          "[language_id][corpus]") {
    const std::string corpus = tawsiya::test::shared_corpus();
    if (corpus.empty()) return tawsiya::test::skip("shared corpus not found");
    const Analyzer analyzer;
    for (Lang lang : tawsiya::kAllLangs) {
        std::ifstream in(corpus + "/parallel/unpc-devset/UNv1.0.devset." +
                         std::string(tawsiya::lang_code(lang)));
        REQUIRE(in);
        std::size_t lines = 0, correct = 0;
        for (std::string line; std::getline(in, line); ++lines)
            correct += analyzer.detect_language(line) == lang;
        INFO(tawsiya::lang_code(lang) << ": " << correct << " / " << lines);
        CHECK(lines == 4000);
        CHECK(static_cast<double>(correct) >= 0.97 * static_cast<double>(lines));
    }
}

TEST_CASE("Short queries are identified by script, function words and accents", "[language_id]") {
    const Analyzer analyzer;
    CHECK(analyzer.detect_language("حقوق المرأة") == Lang::ar);
    CHECK(analyzer.detect_language("اتفاقية مناهضة التعذيب (CAT)") == Lang::ar);
    CHECK(analyzer.detect_language("droits de l'enfant") == Lang::fr);
    CHECK(analyzer.detect_language("l’égalité des sexes") == Lang::fr);
    CHECK(analyzer.detect_language("ratifier la convention") == Lang::fr);
    CHECK(analyzer.detect_language("défenseurs") == Lang::fr);
    CHECK(analyzer.detect_language("rights of the child") == Lang::en);
    CHECK(analyzer.detect_language("children's rights") == Lang::en);
    // No evidence either way: English, the language of most of the corpus.
    CHECK(analyzer.detect_language("torture") == Lang::en);
    CHECK(analyzer.detect_language("") == Lang::en);
}
