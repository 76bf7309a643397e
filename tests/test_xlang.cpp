// Cross-language search and matching: Model 1 learns translations from aligned segments, the
// table survives its file, and in a real index an Arabic query finds English-only records, with
// the translated terms that connected them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "support/temp_dir.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/match.hpp"
#include "tawsiya/translation.hpp"

using namespace tawsiya;

namespace {

AlignedSegment pair(std::vector<std::string> en, std::vector<std::string> fr) {
    AlignedSegment s;
    s.stems[Lang::en] = std::move(en);
    s.stems[Lang::fr] = std::move(fr);
    return s;
}

std::vector<Record> english_records() {
    const char* texts[] = {
        "Ratify the Optional Protocol to the Convention against Torture",
        "Investigate every allegation of torture by the police and prosecute the perpetrators",
        "Raise the minimum age of marriage to 18 years for girls and boys",
        "Guarantee freedom of expression and protect journalists from harassment",
        "Improve access to education for children with disabilities in rural areas",
    };
    std::vector<Record> records;
    int n = 0;
    for (const char* text : texts) {
        Record r;
        r.id = "en:" + std::to_string(++n);
        r.text[Lang::en] = text;
        records.push_back(r);
    }
    return records;
}

void build(const std::string& dir, const Analyzer& analyzer) {
    IndexWriter writer(dir, analyzer, 100);
    for (const Record& r : english_records()) writer.add(r);
    writer.commit();
}

}  // namespace

TEST_CASE("Model 1 on a tiny aligned set learns the obvious translations", "[xlang]") {
    const std::vector<AlignedSegment> segments{
        pair({"house", "red"}, {"maison", "roug"}), pair({"house", "blue"}, {"maison", "bleu"}),
        pair({"car", "red"}, {"voitur", "roug"}), pair({"car", "blue"}, {"voitur", "bleu"}),
        pair({"house"}, {"maison"})};
    TranslationOptions options;
    options.min_source_count = 1;
    const TranslationTable table = train_translations(segments, options);
    for (const auto& [en, fr] : std::vector<std::pair<std::string, std::string>>{
             {"house", "maison"}, {"red", "roug"}, {"car", "voitur"}, {"blue", "bleu"}}) {
        const auto* forward = table.find(Lang::en, Lang::fr, en);
        REQUIRE(forward != nullptr);
        CHECK(forward->front().stem == fr);
        CHECK(forward->front().p > 0.5);
        const auto* backward = table.find(Lang::fr, Lang::en, fr);
        REQUIRE(backward != nullptr);
        CHECK(backward->front().stem == en);
    }
    CHECK(table.find(Lang::en, Lang::ar, "house") == nullptr);
}

TEST_CASE("the translation table is read back as written; a bad line names file:line", "[xlang]") {
    test::TempDir dir;
    TranslationTable table;
    table.description = "test";
    table.set(Lang::ar, Lang::en, "تعذيب", {{"tortur", 0.75}, {"cat", 0.125}});
    table.save(dir / "t.tsv");
    const TranslationTable read = TranslationTable::read(dir / "t.tsv");
    const auto* list = read.find(Lang::ar, Lang::en, "تعذيب");
    REQUIRE(list != nullptr);
    REQUIRE(list->size() == 2);
    CHECK((*list)[0].stem == "tortur");
    CHECK((*list)[0].p == Approx(0.75));
    CHECK(read.description == "test");
    {
        std::ofstream out(dir / "bad.tsv");
        out << "tawsiya-translations\t1\nar\ten\tتعذيب\ttortur 7\n";
    }
    CHECK_THROWS_WITH(TranslationTable::read(dir / "bad.tsv"),
                      Catch::Contains("bad.tsv:2:") && Catch::Contains("bad translation"));
}

TEST_CASE("the lexicon aligns the three languages of its entries", "[xlang]") {
    const Analyzer analyzer;
    const auto segments = lexicon_segments(analyzer, 1.0);
    CHECK(segments.size() > 300);
    const TranslationTable table = train_translations(segments);
    const auto* ratify = table.find(Lang::en, Lang::ar, analyzer.stem("ratify", Lang::en));
    REQUIRE(ratify != nullptr);
    const std::string tasdiq = analyzer.stem("تصديق", Lang::ar);
    CHECK(std::any_of(ratify->begin(), ratify->end(),
                      [&](const Translation& t) { return t.stem == tasdiq; }));
}

TEST_CASE("an Arabic query finds an English-only record in a real index, with --xlang only",
          "[xlang]") {
    test::TempDir dir;
    const Analyzer analyzer;
    build(dir / "db", analyzer);
    REQUIRE(test::run({TAWSIYA_BINARY, "train-xlang", "--db", dir / "db"}, dir / "train.log") == 0);

    REQUIRE(
        test::run({TAWSIYA_BINARY, "search", "--db", dir / "db", "--json", "--xlang", "التعذيب"},
                  dir / "xlang.log") == 0);
    std::ifstream xlang(dir / "xlang.log");
    const std::string hits((std::istreambuf_iterator<char>(xlang)), {});
    CHECK(hits.find("\"en:2\"") != std::string::npos);
    CHECK(hits.find("\"en:3\"") == std::string::npos);

    REQUIRE(test::run({TAWSIYA_BINARY, "search", "--db", dir / "db", "--json", "التعذيب"},
                      dir / "plain.log") == 0);
    std::ifstream plain(dir / "plain.log");
    const std::string none((std::istreambuf_iterator<char>(plain)), {});
    CHECK(none.find("\"en:") == std::string::npos);
}

TEST_CASE("a match across languages lists the translated terms that connected it", "[xlang]") {
    test::TempDir dir;
    const Analyzer analyzer;
    build(dir / "db", analyzer);
    Matcher matcher(dir / "db", analyzer);  // no trained table: the lexicon's
    MatchRequest request;
    request.text = "التحقيق في ادعاءات التعذيب";
    const MatchResult result = matcher.match(request);
    CHECK(result.lang == Lang::ar);
    REQUIRE_FALSE(result.matches.empty());
    const Match& best = result.matches.front();
    CHECK(best.record.id == "en:2");
    CHECK(best.score > 0);
    bool torture = false;
    for (const TranslatedTerm& t : best.translated_terms) {
        CHECK(t.p > 0);
        CHECK(t.to_lang == Lang::en);
        if (t.from == "التعذيب" && t.to == "torture") torture = true;
    }
    CHECK(torture);

    request.xlang = false;
    CHECK(matcher.match(request).matches.empty());
}
