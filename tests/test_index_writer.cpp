// The index writer: the document layout of schema.hpp, replacement by id, and the `index` command.
#include <xapian.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/recommendation_text.hpp"
#include "tawsiya/record.hpp"
#include "tawsiya/schema.hpp"

using namespace tawsiya;

namespace {

Record trilingual_record() {
    Record r;
    r.id = "test:tb:1";
    r.text[Lang::en] = "Ratify the Optional Protocol to the Convention against Torture.";
    r.text[Lang::fr] =
        "Ratifier le Protocole facultatif se rapportant à la Convention contre la torture.";
    r.text[Lang::ar] = "التصديق على البروتوكول الاختياري لاتفاقية مناهضة التعذيب.";
    r.mechanism = "treaty_body";
    r.body = "CAT";
    r.state = "Morocco";
    r.year = 2011;
    r.symbol = "CAT/C/MAR/CO/4";
    r.paragraph = "12";
    r.tags["uhri_theme"] = {"Torture", "Scope of international obligations"};
    r.tags["sdg"] = {"16"};
    r.responsible = {"Ministry of Justice", "Parliament"};
    return r;
}

bool has_term(const Xapian::Document& doc, const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term;
}

// Runs `tawsiya index INPUT --db DIR/db`, which must succeed; its log.
std::string index_with_binary(const test::TempDir& dir, const std::string& input) {
    CHECK(test::run({TAWSIYA_BINARY, "index", input, "--db", dir / "db"}, dir / "log") == 0);
    std::ifstream log(dir / "log");
    return {std::istreambuf_iterator<char>(log), {}};
}

}  // namespace

TEST_CASE("a record becomes one document with its facets, values and text terms", "[index]") {
    Analyzer analyzer;
    const Record record = trilingual_record();
    const Xapian::Document doc = make_document(record, analyzer);

    CHECK(parse_record_json(doc.get_data()) == record);
    CHECK(has_term(doc, "Qtest:tb:1"));
    CHECK(has_term(doc, "XB:CAT"));
    CHECK(has_term(doc, "XM:treaty_body"));
    CHECK(has_term(doc, "XS:Morocco"));
    CHECK(has_term(doc, "XY:2011"));
    CHECK(has_term(doc, "XO:Ministry of Justice"));
    CHECK(has_term(doc, "XO:Parliament"));
    CHECK(has_term(doc, "XTuhri_theme:Torture"));
    CHECK(has_term(doc, "XTuhri_theme:Scope of international obligations"));
    CHECK(has_term(doc, "XTsdg:16"));
    CHECK(has_term(doc, "XL:ar"));
    CHECK(has_term(doc, "XL:fr"));
    CHECK(has_term(doc, "XL:en"));
    CHECK(Xapian::sortable_unserialise(doc.get_value(schema::kSlotYear)) == 2011);
    CHECK(doc.get_value(schema::kSlotId) == "test:tb:1");
    CHECK(doc.get_value(2).empty());  // slots 2-4 are no longer written (schema.hpp)
    // The ids of the counted facet labels in one value, for counts over shards
    // (facet_counter.hpp); not those of the facets only filtered on (source, symbol...).
    std::vector<schema::FacetId> ids;
    schema::for_each_facet_id(doc.get_value(schema::kSlotFacets),
                              [&](schema::FacetId id) { ids.push_back(id); });
    CHECK(std::is_sorted(ids.begin(), ids.end()));
    std::vector<std::string> counted;
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
        const std::string t = *term;
        const auto colon = t.find(':');
        if (t[0] == 'X' && colon != std::string::npos &&
            schema::is_counted_facet(t.substr(0, colon)))
            counted.push_back(t);
        else if (t[0] == 'X')
            CHECK(std::count(ids.begin(), ids.end(), schema::facet_id(t)) == 0);
    }
    CHECK(ids.size() == counted.size());
    for (const std::string& term : counted)
        CHECK(std::count(ids.begin(), ids.end(), schema::facet_id(term)) == 1);
    CHECK(counted.size() >= 10);

    // Every language version is analysed by its own rules: the stems the Analyzer gives.
    for (const auto& [lang, text] : record.text)
        for (const Token& token : analyzer.tokenize(text, lang))
            if (!token.stopword) CHECK(has_term(doc, "Z" + token.stem));

    // What match compares of each version, stored so that it is not analysed again.
    const auto versions = schema::parse_request_stems(doc.get_value(schema::kSlotRequestStems));
    REQUIRE(versions);
    REQUIRE(versions->size() == record.text.size());
    for (const auto& [lang, stems] : *versions) {
        CHECK(stems == request_word_stems(record.text.at(lang), lang, analyzer));
        CHECK(stems.size() >= 4);
    }
}

TEST_CASE("the request-stem value reads back what was written, and refuses anything else",
          "[index]") {
    const schema::VersionStems versions{{Lang::ar, {"تعذيب", "بروتوكول"}},
                                        {Lang::en, {"ratifi", "protocol", "tortur"}},
                                        {Lang::fr, {}}};
    const std::string value = schema::request_stems_value(versions);
    CHECK(schema::parse_request_stems(value) == versions);
    CHECK_FALSE(schema::parse_request_stems(""));
    CHECK_FALSE(schema::parse_request_stems(value.substr(0, value.size() - 1)));  // cut
    CHECK_FALSE(schema::parse_request_stems("xx\x1fword\x1f\x1e"));               // no language
    CHECK_FALSE(schema::parse_request_stems("en\x1fword\x1e"));  // an item without its end
    CHECK_FALSE(schema::parse_request_stems("en\x1e"));          // a version without its code's end
    // A stem holding a separator (no analyser makes one) is left out, not written to break the
    // rest.
    CHECK(schema::parse_request_stems(schema::request_stems_value({{Lang::en,
                                                                    {"a\x1f"
                                                                     "b",
                                                                     "c"}}})) ==
          schema::VersionStems{{Lang::en, {"c"}}});
}

TEST_CASE("phrases do not run from one language version into the next", "[index]") {
    Analyzer analyzer;
    Record r;
    r.id = "test:gap";
    r.text[Lang::en] = "end of english";
    r.text[Lang::fr] = "debut du francais";
    const Xapian::Document doc = make_document(r, analyzer);
    // Whatever order the versions are indexed in, the positions of one never touch the other's.
    Xapian::termpos last_en = 0, first_fr = 0, first_en = 0, last_fr = 0;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos) {
            if (*it == "end") first_en = *pos;
            if (*it == "english") last_en = *pos;
            if (*it == "debut") first_fr = *pos;
            if (*it == "francais") last_fr = *pos;
        }
    }
    REQUIRE(first_en > 0);
    REQUIRE(first_fr > 0);
    const Xapian::termpos gap = first_fr > last_en ? first_fr - last_en : first_en - last_fr;
    CHECK(gap > 1);
}

TEST_CASE("re-indexing a record replaces it instead of duplicating it", "[index]") {
    test::TempDir dir;
    Analyzer analyzer;
    Record record = trilingual_record();
    {
        IndexWriter writer(dir / "db", analyzer, 10);
        CHECK_FALSE(writer.add(record));
        record.body = "CRC";
        CHECK(writer.add(record));  // same id, same batch
        writer.commit();
        CHECK(writer.add(record));  // same id, after a commit
    }
    Xapian::Database db(dir / "db");
    CHECK(db.get_doccount() == 1);
    CHECK(db.get_termfreq("XB:CRC") == 1);
    CHECK(db.get_termfreq("XB:CAT") == 0);
    CHECK(db.get_metadata(std::string(schema::kMetaSchemaVersion)) == schema::kSchemaVersion);
}

TEST_CASE("`tawsiya index` indexes the sample corpus and a second run only replaces",
          "[index][cli]") {
    test::TempDir dir;
    const std::string sample = test::source_path("corpus/sample.jsonl");
    const std::string db = dir / "db";
    REQUIRE(test::run({TAWSIYA_BINARY, "index", sample, "--db", db}, dir / "log1") == 0);
    std::size_t lines = 0;
    {
        std::ifstream in(sample);
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) ++lines;
    }
    REQUIRE(lines >= 150);
    CHECK(Xapian::Database(db).get_doccount() == lines);

    REQUIRE(test::run({TAWSIYA_BINARY, "index", sample, "--db", db}, dir / "log2") == 0);
    CHECK(Xapian::Database(db).get_doccount() == lines);
    std::ifstream log(dir / "log2");
    const std::string summary((std::istreambuf_iterator<char>(log)), {});
    CHECK_THAT(summary, Catch::Contains("(0 new, " + std::to_string(lines) + " replaced)"));
}

TEST_CASE("`tawsiya index --writers 2` makes a new index in segments; an existing one is added to",
          "[index][cli][segments]") {
    test::TempDir dir;
    const std::string sample = test::source_path("corpus/sample.jsonl");
    const std::string db = dir / "db";
    REQUIRE(test::run({TAWSIYA_BINARY, "index", sample, "--db", dir / "one"}, dir / "log0") == 0);
    REQUIRE(test::run({TAWSIYA_BINARY, "index", sample, "--db", db, "--writers", "2",
                       "--batch-size", "40"},
                      dir / "log1") == 0);
    const Xapian::Database one(dir / "one");
    {
        const Xapian::Database many(db);
        REQUIRE(many.get_doccount() == one.get_doccount());
        CHECK(many.get_lastdocid() == one.get_lastdocid());
        CHECK(many.get_total_length() == one.get_total_length());
        CHECK(many.get_document(many.get_lastdocid()).get_data() ==
              one.get_document(one.get_lastdocid()).get_data());
    }
    // The index exists now: one writer replaces each record in place.
    REQUIRE(test::run({TAWSIYA_BINARY, "index", sample, "--db", db, "--writers", "2"},
                      dir / "log2") == 0);
    CHECK(Xapian::Database(db).get_doccount() == one.get_doccount());
    std::ifstream log(dir / "log2");
    const std::string summary((std::istreambuf_iterator<char>(log)), {});
    CHECK_THAT(summary,
               Catch::Contains("(0 new, " + std::to_string(one.get_doccount()) + " replaced)"));
    CHECK(test::run({TAWSIYA_BINARY, "index", sample, "--writers", "2", "--shards", "2",
                     "--db-prefix", dir / "shard"},
                    dir / "log3") == 2);
}

TEST_CASE("`tawsiya index` skips bad lines and counts them; --strict commits nothing",
          "[index][cli]") {
    test::TempDir dir;
    const std::string input = dir / "mixed.jsonl";
    {
        std::ofstream out(input);
        out << R"({"id": "a:1", "text": {"en": "Abolish the death penalty."}})"
            << "\n"
            << R"({"id": "a:2", "text": {"xx": "Unknown language."}})"
            << "\n"
            << R"({"id": "a:3", "text": )"
            << "\n"
            << R"({"id": "a:4", "text": {"fr": "Abolir la peine de mort."}})"
            << "\n";
    }
    const std::string text = index_with_binary(dir, input);
    CHECK(Xapian::Database(dir / "db").get_doccount() == 2);
    CHECK_THAT(text, Catch::Contains("skipped 2"));
    CHECK_THAT(text, Catch::Contains(input + ":2: "));
    CHECK_THAT(text, Catch::Contains(input + ":3: "));

    const std::string strict_db = dir / "strict-db";
    CHECK(test::run({TAWSIYA_BINARY, "index", "--strict", input, "--db", strict_db},
                    dir / "slog") == 1);
    std::ifstream slog(dir / "slog");
    const std::string stext((std::istreambuf_iterator<char>(slog)), {});
    CHECK_THAT(stext, Catch::Contains(input + ":2: "));
    CHECK_FALSE(std::filesystem::exists(strict_db));
}

TEST_CASE("no term over Xapian's limit reaches it: long schemes refused, long words left out",
          "[index][hostile]") {
    const Analyzer analyzer;
    Record r = trilingual_record();
    r.tags[std::string(300, 's')] = {"label"};
    CHECK_THROWS_AS(check_terms(r), FormatError);
    CHECK_THROWS_WITH(make_document(r, analyzer), Catch::Contains("is longer than 100 bytes"));

    Record fits = trilingual_record();
    fits.tags[std::string(schema::kMaxSchemeBytes, 's')] = {std::string(500, 'l')};
    fits.state = std::string(400, 'S');
    fits.text[Lang::en] += " " + std::string(300, 'w') + " ratify";
    test::TempDir dir;
    IndexWriter writer(dir / "db", analyzer);
    CHECK_NOTHROW(writer.add(fits));
    CHECK_THROWS_AS(writer.add(r), FormatError);
    writer.commit();  // the refused record left nothing half-written
    const Xapian::Database db(dir / "db");
    CHECK(db.get_doccount() == 1);
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t)
        CHECK((*t).size() <= schema::kMaxTermBytes);
    CHECK(db.term_exists("ratify"));
}

TEST_CASE("`tawsiya index`: a record with a 300-byte tag scheme is one bad line", "[index][cli]") {
    test::TempDir dir;
    const std::string input = dir / "schemes.jsonl";
    {
        std::ofstream out(input);
        out << R"({"id": "s:1", "text": {"en": "Abolish the death penalty."}})"
            << "\n"
            << R"({"id": "s:2", "text": {"en": "Ratify OPCAT."}, "tags": {")"
            << std::string(300, 'x') << R"(": ["a"]}})"
            << "\n"
            << R"({"id": "s:3", "text": {"fr": "Abolir la peine de mort."}})"
            << "\n";
    }
    const std::string text = index_with_binary(dir, input);
    const std::string db = dir / "db";
    CHECK(Xapian::Database(db).get_doccount() == 2);
    CHECK_THAT(text, Catch::Contains(input + ":2: tag scheme 'xxx"));
    CHECK_THAT(text, Catch::Contains("skipped 1"));

    // --strict: the run fails before anything is written, to a new index or an existing one.
    CHECK(test::run({TAWSIYA_BINARY, "index", "--strict", input, "--db", dir / "new"},
                    dir / "slog") == 1);
    CHECK_FALSE(std::filesystem::exists(dir / "new"));
    const auto revision = Xapian::Database(db).get_revision();
    CHECK(test::run({TAWSIYA_BINARY, "index", "--strict", input, "--db", db}, dir / "slog") == 1);
    CHECK(Xapian::Database(db).get_revision() == revision);
    std::ifstream slog(dir / "slog");
    const std::string stext((std::istreambuf_iterator<char>(slog)), {});
    CHECK_THAT(stext, Catch::Contains(input + ":2: tag scheme"));
}

TEST_CASE("`tawsiya index` fails on a directory given as an input", "[index][cli]") {
    test::TempDir dir;
    std::filesystem::create_directory(dir / "export.csv");
    CHECK(test::run({TAWSIYA_BINARY, "index", dir / "export.csv", "--db", dir / "db"},
                    dir / "log") == 1);
    std::ifstream log(dir / "log");
    const std::string text((std::istreambuf_iterator<char>(log)), {});
    CHECK_THAT(text, Catch::Contains(dir / "export.csv" + ":0: a directory, not a file"));
}

TEST_CASE("`tawsiya index --train` leaves the taggers and the translations beside the index",
          "[index][cli]") {
    test::TempDir dir;
    const std::string db = dir / "db";
    REQUIRE(test::run({TAWSIYA_BINARY, "index", test::source_path("corpus/sample.jsonl"), "--db",
                       db, "--train"},
                      dir / "log") == 0);
    CHECK(std::filesystem::exists(std::filesystem::path(db) / "tawsiya-models" / "manifest.tsv"));
    CHECK(std::filesystem::exists(std::filesystem::path(db) / "tawsiya-translations.tsv"));
    CHECK(Xapian::Database(db).get_doccount() >= 150);
}

TEST_CASE("facet values: the ids of the terms, sorted, each once", "[index]") {
    const auto ids_of = [](std::string_view value) {
        std::vector<schema::FacetId> ids;
        schema::for_each_facet_id(value, [&](schema::FacetId id) { ids.push_back(id); });
        return ids;
    };
    const std::string long_term = "XS:" + std::string(300, 'x');
    const std::vector<schema::FacetId> ids =
        ids_of(schema::facet_value({"XS:b", "XS:a", long_term, "XS:b", "XTsdg:\xd8\xa7"}));
    REQUIRE(ids.size() == 4);
    CHECK(std::is_sorted(ids.begin(), ids.end()));
    for (const std::string_view term :
         std::vector<std::string_view>{"XS:a", "XS:b", long_term, "XTsdg:\xd8\xa7"})
        CHECK(std::count(ids.begin(), ids.end(), schema::facet_id(term)) == 1);
    CHECK(schema::facet_value({"XS:a"}).size() == 4);
    CHECK(ids_of("").empty());
    CHECK(ids_of(schema::facet_value({"XS:a"}).substr(0, 3)).empty());  // a cut id: nothing
    // FNV-1a's published test vectors: the id is fixed for good (shards, indexes already built).
    CHECK(schema::facet_id("") == 0x811c9dc5u);
    CHECK(schema::facet_id("a") == 0xe40c292cu);
    CHECK(schema::facet_id("foobar") == 0xbf9cf968u);
}

TEST_CASE("shard_of spreads ids over the shards and always puts an id in the same one",
          "[index][shards]") {
    std::vector<std::size_t> per_shard(3, 0);
    for (int i = 0; i < 3000; ++i) ++per_shard[shard_of("upr:" + std::to_string(i), 3)];
    for (const std::size_t n : per_shard) CHECK(n > 800);
    CHECK(shard_of("upr:17", 3) == shard_of(std::string("upr:") + "17", 3));
    CHECK(shard_of("anything", 1) == 0);
}
