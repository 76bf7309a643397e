// The per-language containers: one slot per language and per ordered pair, and no index past
// their end for a value outside kAllLangs.
#include <catch2/catch.hpp>
#include <set>
#include <stdexcept>
#include <string>

#include "tawsiya/language.hpp"

using namespace tawsiya;

TEST_CASE("PerLang and LangPair give each language and each pair its own slot", "[language]") {
    const auto codes =
        PerLang<std::string>::make([](Lang lang) { return std::string(lang_code(lang)); });
    for (const Lang lang : kAllLangs) {
        CHECK(codes[lang] == lang_code(lang));
        CHECK(parse_lang(lang_code(lang)) == lang);
    }
    LangPair<int> pairs;
    int n = 0;
    for (const Lang from : kAllLangs)
        for (const Lang to : kAllLangs) pairs(from, to) = ++n;
    std::set<int> seen;
    for (const Lang from : kAllLangs)
        for (const Lang to : kAllLangs) seen.insert(pairs(from, to));
    CHECK(seen.size() == kLangCount * kLangCount);
    CHECK(pairs(Lang::ar, Lang::en) != pairs(Lang::en, Lang::ar));
}

TEST_CASE("a Lang outside kAllLangs is refused, not read past the end", "[language]") {
    const auto outside = static_cast<Lang>(kLangCount);
    CHECK_THROWS_AS(lang_index(outside), std::logic_error);
    PerLang<int> values;
    CHECK_THROWS_AS(values[outside], std::logic_error);
    CHECK_FALSE(parse_lang("de"));
}
