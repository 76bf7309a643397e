// Synonymous phrases (lexicon/synonyms.tsv): rewritten into their group's canonical phrase for
// matching and deduplication, refused with file:line when the file is bad.
#include <catch2/catch.hpp>

#include "engine/features.hpp"
#include "engine/synonyms.hpp"
#include "support/analyzer.hpp"
#include "support/temp_dir.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/dedup.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/match.hpp"

using namespace tawsiya;

namespace {

using test::analyzer;

std::vector<std::string> stems(const std::string& text, Lang lang) {
    return features::content_stems(text, lang, analyzer());
}

}  // namespace

TEST_CASE("a phrase of a group is read as the group's canonical phrase", "[synonyms]") {
    const Synonyms synonyms(
        "# test\nen\tdeath penalty\tcapital punishment\n"
        "en\tratify\taccede\tbecome a party\n"
        "fr\tabandon scolaire\tdécrochage scolaire\n",
        "test.tsv", analyzer());
    CHECK(synonyms.canonical(stems("abolish capital punishment", Lang::en), Lang::en) ==
          stems("abolish death penalty", Lang::en));
    CHECK(synonyms.canonical(stems("become a party to the protocol", Lang::en), Lang::en) ==
          stems("ratify the protocol", Lang::en));
    CHECK(synonyms.canonical(stems("réduire le décrochage scolaire", Lang::fr), Lang::fr) ==
          stems("réduire l'abandon scolaire", Lang::fr));
    // A phrase of another language, or half a phrase, stays.
    CHECK(synonyms.canonical(stems("capital punishment", Lang::en), Lang::fr) ==
          stems("capital punishment", Lang::en));
    CHECK(synonyms.canonical(stems("capital city", Lang::en), Lang::en) ==
          stems("capital city", Lang::en));
}

TEST_CASE("a bad synonyms file is refused with its line", "[synonyms]") {
    CHECK_THROWS_WITH(
        Synonyms("en\tdeath penalty\tcapital punishment\nxx\ta\tb\n", "s.tsv", analyzer()),
        Catch::Contains("s.tsv:2:") && Catch::Contains("unknown language"));
    CHECK_THROWS_WITH(Synonyms("en\tdeath penalty\n", "s.tsv", analyzer()),
                      Catch::Contains("s.tsv:1:") && Catch::Contains("two phrases"));
    CHECK_THROWS_WITH(Synonyms("en\tdeath penalty\tthe\n", "s.tsv", analyzer()),
                      Catch::Contains("no content word"));
}

TEST_CASE("the embedded groups load, and a synonym finds its record", "[synonyms][match]") {
    test::TempDir dir;
    {
        IndexWriter writer(dir / "db", analyzer());
        Record r;
        r.id = "s:1";
        r.text[Lang::en] = "Abolish the death penalty (Norway);";
        r.mechanism = "upr";
        r.body = "UPR";
        writer.add(r);
        r.id = "s:2";
        r.text[Lang::en] = "Guarantee the independence of the judiciary (Chile);";
        writer.add(r);
        writer.commit();
    }
    Matcher matcher(dir / "db", analyzer());
    MatchRequest request;
    request.text = "Abolish capital punishment";
    request.lang = Lang::en;
    const MatchResult result = matcher.match(request);
    REQUIRE_FALSE(result.matches.empty());
    CHECK(result.matches.front().record.id == "s:1");
    CHECK(result.matches.front().score == Approx(1.0));

    const DedupResult dedup = deduplicate({{"a", "Abolish capital punishment (France);", {}},
                                           {"b", "Abolish the death penalty (Norway);", {}}},
                                          analyzer());
    CHECK(dedup.clusters.size() == 1);
}
