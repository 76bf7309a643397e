// The search engine on a real index built by the real IndexWriter and Analyzer: query syntax and
// normalization in three languages, fields, filters, facets, snippets, pages, display language,
// records, errors and reopening after a commit.
#include <rapidjson/document.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "support/temp_dir.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/result_json.hpp"
#include "tawsiya/schema.hpp"
#include "tawsiya/search.hpp"

using namespace tawsiya;

namespace {

std::vector<Record> test_records() {
    std::vector<Record> records;
    Record r;
    r.id = "test:1";
    r.text[Lang::en] =
        "Ratify the Optional Protocol to the Convention against Torture and establish a national "
        "preventive mechanism.";
    r.text[Lang::fr] =
        "Ratifier le Protocole facultatif se rapportant à la Convention contre la torture et créer "
        "un mécanisme national de prévention.";
    r.text[Lang::ar] =
        "التصديق على البروتوكول الاختياري لاتفاقية مناهضة التعذيب وإنشاء آلية وقائية وطنية.";
    r.mechanism = "treaty_body";
    r.body = "CAT";
    r.state = "Morocco";
    r.year = 2011;
    r.tags["uhri_theme"] = {"Torture", "Detention"};
    r.tags["sdg"] = {"16"};
    r.responsible = {"Ministry of Justice"};
    records.push_back(r);

    r = {};
    r.id = "test:2";
    r.text[Lang::en] = "Abolish the death penalty and commute all death sentences.";
    r.text[Lang::fr] = "Abolir la peine de mort et commuer toutes les condamnations à mort.";
    r.text[Lang::ar] = "إلغاء عقوبة الإعدام وتخفيف جميع أحكام الإعدام.";
    r.mechanism = "upr";
    r.body = "UPR";
    r.state = "Morocco";
    r.recommending_states = {"France"};
    r.year = 2012;
    r.response = "noted";
    r.tags["uhri_theme"] = {"Death penalty"};
    r.tags["sdg"] = {"16"};
    records.push_back(r);

    r = {};
    r.id = "test:3";
    r.text[Lang::en] =
        "Strengthen the responsibility of the State for the protection of women against violence.";
    r.text[Lang::fr] =
        "Renforcer la responsabilité de l’État dans la protection des femmes contre la violence.";
    r.mechanism = "upr";
    r.body = "UPR";
    r.state = "Tunisia";
    r.recommending_states = {"Brazil", "France"};
    r.year = 2010;
    r.response = "supported";
    r.tags["uhri_theme"] = {"Women's rights"};
    records.push_back(r);

    r = {};
    r.id = "test:4";
    r.text[Lang::en] = "Protect children <script>alert(1)</script> from abuse & exploitation.";
    r.mechanism = "treaty_body";
    r.body = "CRC";
    r.state = "Egypt";
    r.year = 2013;
    r.tags["uhri_theme"] = {"Children"};
    records.push_back(r);

    // 25 records for pages and sorting, years 2014-2018.
    for (int i = 0; i < 25; ++i) {
        r = {};
        r.id = "test:edu:" + std::to_string(i);
        r.text[Lang::en] = "Ensure access to education for girls in rural areas, programme " +
                           std::to_string(i) + ".";
        r.mechanism = "upr";
        r.body = "UPR";
        r.state = "Chad";
        r.year = 2014 + i % 5;
        records.push_back(r);
    }
    return records;
}

struct TestIndex {
    test::TempDir dir;
    Analyzer analyzer;
    std::string db = dir / "db";
    TestIndex() {
        IndexWriter writer(db, analyzer);
        for (const auto& record : test_records()) writer.add(record);
        writer.commit();
    }
};

// One shared index for the read-only cases (building it is most of their cost).
TestIndex& shared_index() {
    static TestIndex index;
    return index;
}

SearchResult run(const std::string& query, SearchRequest request = {}) {
    request.query = query;
    Searcher searcher(shared_index().db, shared_index().analyzer);
    return searcher.search(request);
}

std::set<std::string> ids(const SearchResult& result) {
    std::set<std::string> out;
    for (const auto& hit : result.hits) out.insert(hit.record.id);
    return out;
}

std::size_t facet_count(const SearchResult& result, const std::string& facet,
                        const std::string& label) {
    const auto found = result.facets.find(facet);
    if (found == result.facets.end()) return 0;
    for (const auto& value : found->second)
        if (value.label == label) return value.count;
    return 0;
}

std::string usage_parameter(const std::function<void()>& action) {
    try {
        action();
    } catch (const UsageError& e) {
        return e.parameter();
    }
    return "(no error)";
}

using Ids = std::set<std::string>;

}  // namespace

TEST_CASE("an Arabic query finds the record whatever its alef and hamza spelling", "[search]") {
    for (const std::string query : {"الاعدام", "الإعدام", "الغاء عقوبة الاعدام"}) {
        INFO(query);
        const SearchResult result = run(query);
        CHECK(result.query_lang == Lang::ar);
        REQUIRE(ids(result) == Ids{"test:2"});
        CHECK(result.hits[0].snippet_lang == Lang::ar);
        CHECK(result.hits[0].display_lang == Lang::ar);
        CHECK_THAT(result.hits[0].snippet, Catch::Contains("<mark>"));
    }
}

TEST_CASE("a French query without accents and with an elision finds l'État", "[search]") {
    for (const std::string query :
         {"responsabilite de l'etat", "responsabilité de l’État", "l’etat femmes"}) {
        INFO(query);
        const SearchResult result = run(query);
        CHECK(result.query_lang == Lang::fr);
        REQUIRE(ids(result) == Ids{"test:3"});
        CHECK(result.hits[0].snippet_lang == Lang::fr);
        // The snippet shows the original text, accents kept, with the match highlighted.
        CHECK_THAT(result.hits[0].snippet, Catch::Contains("<mark>responsabilité</mark>") ||
                                               Catch::Contains("<mark>femmes</mark>"));
    }
}

TEST_CASE("words are stemmed: another form of a word matches", "[search]") {
    CHECK(ids(run("abolishing penalties")) == Ids{"test:2"});
    CHECK(ids(run("ratified protocols")) == Ids{"test:1"});
}

TEST_CASE("phrases, NOT, OR and wildcards", "[search]") {
    CHECK(ids(run("\"death penalty\"")) == Ids{"test:2"});
    CHECK(ids(run("\"penalty death\"")).empty());
    CHECK(ids(run("\"peine de mort\"")) == Ids{"test:2"});
    CHECK(ids(run("abolish OR ratify")) == Ids{"test:1", "test:2"});
    CHECK(ids(run("(abolish OR ratify) NOT torture")) == Ids{"test:2"});
    CHECK(ids(run("abolish OR ratify -torture")) == Ids{"test:2"});
    CHECK(ids(run("abol*")) == Ids{"test:2"});
    // Words are ANDed by default.
    CHECK(ids(run("torture women")).empty());
}

TEST_CASE("field prefixes match labels whatever their case and accents", "[search]") {
    CHECK(ids(run("state:morocco")) == Ids{"test:1", "test:2"});
    CHECK(ids(run("State:MOROCCO")) == Ids{"test:1", "test:2"});
    CHECK(ids(run("body:cat")) == Ids{"test:1"});
    CHECK(ids(run("recommending:france")) == Ids{"test:2", "test:3"});
    CHECK(ids(run("responsible:\"ministry of justice\"")) == Ids{"test:1"});
    CHECK(ids(run("theme:torture")) == Ids{"test:1"});
    CHECK(ids(run("tag.uhri_theme:\"death PENALTY\"")) == Ids{"test:2"});
    CHECK(ids(run("theme:\"women’s rights\"")) == Ids{"test:3"});
    CHECK(ids(run("sdg:16 response:noted")) == Ids{"test:2"});
    CHECK(ids(run("lang:ar")) == Ids{"test:1", "test:2"});
    CHECK(ids(run("state:morocco torture")) == Ids{"test:1"});
    CHECK(ids(run("state:morocco NOT response:noted")) == Ids{"test:1"});
    CHECK(ids(run("state:Atlantis")).empty());
}

TEST_CASE("year ranges and years", "[search]") {
    CHECK(ids(run("year:2010..2011")) == Ids{"test:1", "test:3"});
    CHECK(ids(run("year:2012")) == Ids{"test:2"});
    CHECK(ids(run("torture year:2012..")).empty());
    SearchRequest request;
    request.year_from = 2012;
    request.year_to = 2013;
    CHECK(ids(run("", request)) == Ids{"test:2", "test:4"});
}

TEST_CASE("filters: OR within a facet, AND across facets", "[search]") {
    SearchRequest request;
    request.size = 50;
    request.filters["state"] = {"Morocco", "tunisia"};
    CHECK(ids(run("", request)) == Ids{"test:1", "test:2", "test:3"});
    request.filters["body"] = {"UPR"};
    CHECK(ids(run("", request)) == Ids{"test:2", "test:3"});
    CHECK(ids(run("violence", request)) == Ids{"test:3"});

    SearchRequest tags;
    tags.filters["tag:uhri_theme"] = {"torture"};
    CHECK(ids(run("", tags)) == Ids{"test:1"});
    SearchRequest language;
    language.filters["lang"] = {"fr"};
    CHECK(ids(run("", language)) == Ids{"test:1", "test:2", "test:3"});

    SearchRequest unknown;
    unknown.filters["colour"] = {"blue"};
    CHECK(usage_parameter([&] { run("", unknown); }) == "colour");
}

TEST_CASE("facet counts count every label of a record", "[search]") {
    SearchRequest request;
    request.filters["state"] = {"Morocco", "Tunisia"};
    const SearchResult result = run("", request);
    REQUIRE(result.total == 3);
    // test:1 has two themes: counted in both.
    CHECK(facet_count(result, "tag:uhri_theme", "Torture") == 1);
    CHECK(facet_count(result, "tag:uhri_theme", "Detention") == 1);
    CHECK(facet_count(result, "tag:uhri_theme", "Death penalty") == 1);
    CHECK(facet_count(result, "tag:uhri_theme", "Women's rights") == 1);
    CHECK(facet_count(result, "tag:uhri_theme", "Children") == 0);
    CHECK(facet_count(result, "tag:sdg", "16") == 2);
    CHECK(facet_count(result, "recommending", "France") == 2);
    CHECK(facet_count(result, "recommending", "Brazil") == 1);
    CHECK(facet_count(result, "state", "Morocco") == 2);
    CHECK(facet_count(result, "body", "UPR") == 2);
    CHECK(facet_count(result, "lang", "ar") == 2);
    CHECK(facet_count(result, "lang", "en") == 3);
    CHECK(facet_count(result, "year", "2011") == 1);
    CHECK(facet_count(result, "responsible", "Ministry of Justice") == 1);
    // Ordered by count.
    const SearchResult everything = run("");
    const auto& states = everything.facets.at("state");
    REQUIRE(states.size() == 4);
    CHECK(states[0].label == "Chad");
    CHECK(states[0].count == 25);

    request.facets = false;
    CHECK(run("", request).facets.empty());
}

TEST_CASE("two labels with one facet id are still counted apart", "[search]") {
    // FNV-1a gives these two terms one 32-bit id (schema::facet_id): the slot cannot tell them
    // apart, so each is counted by a query of its own (facet_counter.hpp).
    const std::string a = "label 984878", b = "label 1279366";
    REQUIRE(schema::facet_id("XTcollide:" + a) == schema::facet_id("XTcollide:" + b));
    test::TempDir dir;
    Analyzer analyzer;
    const std::string db = dir / "db";
    {
        IndexWriter writer(db, analyzer);
        Record r;
        r.text[Lang::en] = "Abolish the death penalty.";
        r.mechanism = "upr";
        for (int i = 0; i < 5; ++i) {
            r.id = "collide:" + std::to_string(i);
            r.tags["collide"] = i < 2 ? std::vector<std::string>{a} : std::vector<std::string>{b};
            if (i == 4) r.tags["collide"].push_back("other");
            writer.add(r);
        }
        writer.commit();
    }
    Searcher searcher(db, analyzer);
    SearchRequest request;
    request.query = "penalty";
    const SearchResult all = searcher.search(request);
    REQUIRE(all.total == 5);
    CHECK(facet_count(all, "tag:collide", a) == 2);
    CHECK(facet_count(all, "tag:collide", b) == 3);
    CHECK(facet_count(all, "tag:collide", "other") == 1);
    CHECK(facet_count(all, "mechanism", "upr") == 5);
    request.filters["tag:collide"] = {b};
    const SearchResult filtered = searcher.search(request);
    CHECK(filtered.total == 3);
    CHECK(facet_count(filtered, "tag:collide", a) == 0);
    CHECK(facet_count(filtered, "tag:collide", b) == 3);
}

TEST_CASE("state labels fold to one canonical name, in the index and in queries", "[search]") {
    test::TempDir dir;
    Analyzer analyzer;
    const std::string db = dir / "db";
    {
        IndexWriter writer(db, analyzer);
        Record r;
        r.id = "fold:1";
        r.text[Lang::en] = "Abolish the death penalty.";
        r.mechanism = "upr";
        r.state = "Tanzania";  // UPR Info's spelling
        r.recommending_states = {"China", "Italy"};
        writer.add(r);
        r.id = "fold:2";
        r.text = {{Lang::fr, "Abolir la peine de mort."}};
        r.state = "République-Unie de Tanzanie";
        r.recommending_states = {"Chine", "Italie", "Not a state"};
        writer.add(r);
        writer.commit();
    }
    Searcher searcher(db, analyzer);
    SearchRequest request;
    const SearchResult all = searcher.search(request);
    REQUIRE(all.total == 2);
    const auto count = [&](const std::string& facet, const std::string& label) {
        return facet_count(all, facet, label);
    };
    CHECK(count("recommending", "China") == 2);
    CHECK(count("recommending", "Chine") == 0);
    CHECK(count("recommending", "Italy") == 2);
    CHECK(count("recommending", "Not a state") == 1);  // left as it is
    CHECK(count("state", "United Republic of Tanzania") == 2);
    CHECK(all.facets.at("state").size() == 1);
    CHECK(all.facets.at("recommending").size() == 3);

    const auto found = [&](const std::string& query) {
        SearchRequest q;
        q.query = query;
        return ids(searcher.search(q));
    };
    const Ids both{"fold:1", "fold:2"};
    CHECK(found("recommending:Chine") == both);
    CHECK(found("recommending:china") == both);
    CHECK(found("recommending:الصين") == both);
    CHECK(found("state:Tanzania") == both);
    CHECK(found("state:Tanzanie") == both);
    CHECK(found("state:\"United Republic of Tanzania\"") == both);
    CHECK(found("state:تنزانيا penalty") == Ids{"fold:1"});
    CHECK(found("recommending:\"not a state\"") == Ids{"fold:2"});

    SearchRequest filtered;
    filtered.filters["state"] = {"Tanzanie"};
    filtered.filters["recommending"] = {"Italie"};
    CHECK(ids(searcher.search(filtered)) == both);
}

TEST_CASE("snippets escape HTML and mark the matches", "[search]") {
    const SearchResult result = run("exploitation");
    REQUIRE(result.hits.size() == 1);
    const std::string& snippet = result.hits[0].snippet;
    CHECK_THAT(snippet, Catch::Contains("&lt;script&gt;"));
    CHECK_THAT(snippet, !Catch::Contains("<script>"));
    CHECK_THAT(snippet, Catch::Contains("&amp;"));
    CHECK_THAT(snippet, Catch::Contains("<mark>exploitation</mark>"));
}

TEST_CASE("pages and sorting by year", "[search]") {
    SearchRequest request;
    request.size = 10;
    std::set<std::string> seen;
    for (std::size_t page = 1; page <= 3; ++page) {
        request.page = page;
        const SearchResult result = run("education girls", request);
        CHECK(result.total == 25);
        CHECK(result.hits.size() == (page < 3 ? 10u : 5u));
        for (const auto& hit : result.hits) seen.insert(hit.record.id);
    }
    CHECK(seen.size() == 25);
    request.page = 4;
    CHECK(run("education girls", request).hits.empty());

    request.page = 1;
    request.size = 25;
    request.sort = SearchRequest::Sort::year_desc;
    auto result = run("education", request);
    REQUIRE(result.hits.size() == 25);
    CHECK(*result.hits.front().record.year == 2018);
    CHECK(std::is_sorted(result.hits.begin(), result.hits.end(), [](const auto& a, const auto& b) {
        return *a.record.year > *b.record.year;
    }));
    request.sort = SearchRequest::Sort::year_asc;
    result = run("education", request);
    CHECK(*result.hits.front().record.year == 2014);

    // Browsing without a query: newest first.
    SearchRequest browse;
    browse.size = 3;
    browse.filters["state"] = {"Morocco", "Tunisia"};
    result = run("", browse);
    REQUIRE(result.hits.size() == 3);
    CHECK(result.hits[0].record.id == "test:2");
    CHECK(result.hits[2].record.id == "test:3");
}

TEST_CASE("the display language falls back to the query language, then en, fr, ar", "[search]") {
    SearchRequest request;
    request.display = Lang::ar;
    auto result = run("ratify torture", request);
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits[0].display_lang == Lang::ar);
    CHECK(result.hits[0].snippet_lang == Lang::en);  // the version that matched

    result = run("women violence", request);  // test:3 has no Arabic version
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits[0].display_lang == Lang::en);

    result = run("violence femmes", request);
    REQUIRE(result.hits.size() == 1);
    CHECK(result.query_lang == Lang::fr);
    CHECK(result.hits[0].display_lang == Lang::fr);

    result = run("ratify torture");  // no display asked: the query's language
    CHECK(result.hits[0].display_lang == Lang::en);
}

TEST_CASE("record(id) returns every language version or throws NotFoundError", "[search]") {
    Searcher searcher(shared_index().db, shared_index().analyzer);
    const Record record = searcher.record("test:1");
    CHECK(record.text.size() == 3);
    CHECK(record.body == "CAT");
    CHECK(record == test_records()[0]);
    CHECK_THROWS_AS(searcher.record("test:404"), NotFoundError);

    const IndexStats stats = searcher.stats();
    CHECK(stats.records == 29);
    CHECK(stats.languages.at("ar") == 2);
    CHECK(stats.languages.at("fr") == 3);
    CHECK(stats.languages.at("en") == 29);
    CHECK(stats.schemes == std::vector<std::string>{"sdg", "uhri_theme"});
    CHECK_FALSE(stats.revision.empty());
}

TEST_CASE("bad queries and parameters name the parameter", "[search]") {
    SearchRequest request;
    CHECK(usage_parameter([&] { run("2010..2013", request); }) == "q");
    CHECK(usage_parameter([&] { run("year:abc..def", request); }) == "q");
    CHECK(usage_parameter([&] { run(std::string(3000, 'a'), request); }) == "q");
    request.size = 1000;
    CHECK(usage_parameter([&] { run("torture", request); }) == "size");
    request.size = 0;
    CHECK(usage_parameter([&] { run("torture", request); }) == "size");
    request.size = 10;
    request.page = 0;
    CHECK(usage_parameter([&] { run("torture", request); }) == "page");
    request.page = 5000;
    CHECK_THROWS_AS(run("torture", request), LimitError);
}

TEST_CASE("an index that cannot be opened is an IndexError naming the directory", "[search]") {
    test::TempDir dir;
    Analyzer analyzer;
    try {
        Searcher searcher(dir / "missing", analyzer);
        FAIL("no error");
    } catch (const IndexError& e) {
        CHECK_THAT(e.what(), Catch::StartsWith("cannot open index at " + (dir / "missing") + ": "));
    }
}

TEST_CASE("reopen() sees what a writer committed while the Searcher was open", "[search]") {
    test::TempDir dir;
    Analyzer analyzer;
    const std::string db = dir / "db";
    IndexWriter writer(db, analyzer);
    writer.add(test_records()[0]);
    writer.commit();

    Searcher searcher(db, analyzer);
    SearchRequest request;
    request.query = "penalty";
    CHECK(searcher.search(request).hits.empty());
    const std::string before = searcher.stats().revision;

    writer.add(test_records()[1]);
    writer.commit();
    CHECK(searcher.reopen());
    CHECK(ids(searcher.search(request)) == Ids{"test:2"});
    CHECK(searcher.stats().revision != before);
    CHECK_FALSE(searcher.reopen());
    // The facet labels are read again: the new record's state is found through a field.
    request.query = "state:MOROCCO response:noted";
    CHECK(ids(searcher.search(request)) == Ids{"test:2"});
}

TEST_CASE("results as JSON: the API's shape", "[search][json]") {
    SearchRequest request;
    request.display = Lang::fr;
    const SearchResult result = run("ratify torture", request);
    rapidjson::Document doc;
    doc.Parse(search_result_to_json(result).c_str());
    REQUIRE_FALSE(doc.HasParseError());
    CHECK(doc["total"].GetUint() == 1);
    CHECK(std::string(doc["query_lang"].GetString()) == "en");
    const auto& hit = doc["hits"][0];
    CHECK(std::string(hit["id"].GetString()) == "test:1");
    CHECK(std::string(hit["display_lang"].GetString()) == "fr");
    CHECK_THAT(hit["text"].GetString(), Catch::StartsWith("Ratifier"));
    CHECK(hit["year"].GetInt() == 2011);
    CHECK(hit["tags"]["uhri_theme"].Size() == 2);
    CHECK(hit["responsible"][0].GetString() == std::string("Ministry of Justice"));
    CHECK(doc["facets"]["body"][0]["count"].GetUint() == 1);

    rapidjson::Document record;
    record.Parse(record_to_api_json(result.hits[0].record).c_str());
    REQUIRE_FALSE(record.HasParseError());
    CHECK(record["text"].HasMember("ar"));
    CHECK(record["cycle"].IsNull());
}
