// How far a recommendation asks the State to go (engine/action_degree.hpp).
#include <catch2/catch.hpp>

#include "engine/action_degree.hpp"
#include "support/analyzer.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/dedup.hpp"
#include "tawsiya/error.hpp"

using namespace tawsiya;

namespace {

using test::analyzer;

ActionDegree degree_of(std::string_view text, Lang lang) {
    return DegreeLexicon::embedded(analyzer()).of(text, lang, analyzer());
}

}  // namespace

TEST_CASE("the opening phrase gives UPR Info's action category, in the three languages",
          "[degree]") {
    CHECK(degree_of("Continue its efforts to combat domestic violence", Lang::en) ==
          ActionDegree::continuing);
    CHECK(degree_of("Consider abolishing the death penalty", Lang::en) ==
          ActionDegree::considering);
    CHECK(degree_of("Take measures to reduce prison overcrowding", Lang::en) ==
          ActionDegree::general);
    CHECK(degree_of("Enact legislation on domestic violence", Lang::en) == ActionDegree::specific);
    CHECK(degree_of("Seek technical assistance from OHCHR", Lang::en) == ActionDegree::minimal);
    // The longest phrase wins: adopting measures is general, adopting a law specific.
    CHECK(degree_of("Adopt measures to protect journalists", Lang::en) == ActionDegree::general);
    CHECK(degree_of("Adopt a law on trafficking", Lang::en) == ActionDegree::specific);

    CHECK(degree_of("Poursuivre ses efforts pour réduire le chômage des jeunes", Lang::fr) ==
          ActionDegree::continuing);
    CHECK(degree_of("Envisager de ratifier la Convention", Lang::fr) == ActionDegree::considering);
    CHECK(degree_of("Ratifier la Convention", Lang::fr) == ActionDegree::specific);
    CHECK(degree_of("Renforcer la protection des enfants", Lang::fr) == ActionDegree::general);

    CHECK(degree_of("مواصلة الجهود لمكافحة العنف المنزلي", Lang::ar) == ActionDegree::continuing);
    CHECK(degree_of("التصديق على الاتفاقية", Lang::ar) == ActionDegree::specific);
    CHECK(degree_of("النظر في إلغاء عقوبة الإعدام", Lang::ar) == ActionDegree::considering);
}

TEST_CASE("the degree is read after the addressing formula, list markers and adverbs", "[degree]") {
    CHECK(degree_of("The Committee recommends that the State party consider ratifying OPCAT",
                    Lang::en) == ActionDegree::considering);
    CHECK(degree_of("Le Comité recommande à l'État partie : a) D'abroger l'article 489",
                    Lang::fr) == ActionDegree::specific);
    CHECK(degree_of("- Fully implement the 2001 land law", Lang::en) == ActionDegree::specific);
    CHECK(degree_of("Immediately release all political prisoners", Lang::en) ==
          ActionDegree::specific);
    // An opening the lexicon does not know says nothing.
    CHECK(degree_of("Recommended the decriminalization of same-sex activity", Lang::en) ==
          ActionDegree::unknown);
    CHECK(degree_of("", Lang::en) == ActionDegree::unknown);
    CHECK(uprinfo_action_category(ActionDegree::specific) == "5");
    CHECK(uprinfo_action_category(ActionDegree::unknown).empty());
}

TEST_CASE("a lexicon line that is wrong names its line", "[degree]") {
    const auto error_of = [](std::string_view tsv) {
        try {
            DegreeLexicon(tsv, "t.tsv", analyzer());
        } catch (const FormatError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(error_of("# comment\nstrong\ten\tratify\n").starts_with("t.tsv:2: unknown degree"));
    CHECK(error_of("specific\txx\tratify\n").starts_with("t.tsv:1: unknown language"));
    CHECK(error_of("specific\ten\n").starts_with("t.tsv:1: expected degree"));
    CHECK(error_of("specific\ten\tthe\n").find("no content word") != std::string::npos);
    CHECK(error_of("specific\ten\tratify\ngeneral\ten\tratify\n")
              .starts_with("t.tsv:2: phrase \"ratify\" is given two degrees"));
    CHECK(error_of("skip\ten\tthe|fully\nspecific\ten\tratify|ratify\n").empty());
}

TEST_CASE("two requests at different degrees carry the pair feature, the same degree not",
          "[degree][dedup]") {
    const std::vector<DedupItem> items{
        {"1", "Continue to combat domestic violence", Lang::en},
        {"2", "Enact a law on domestic violence", Lang::en},
        {"3", "Adopt a law on domestic violence", Lang::en},
    };
    const auto f = pair_features(items, {{0, 1}, {1, 2}}, analyzer(), DedupOptions{});
    REQUIRE(f.size() == 2);
    const auto differs = static_cast<std::size_t>(PairFeature::degree_differs);
    CHECK(f[0][differs] == 1.0);
    CHECK(f[1][differs] == 0.0);
}
