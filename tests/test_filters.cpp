// One reading of a filter: the same filter string selects the same records in search and in
// match, through the engine, the HTTP handlers and the `tawsiya` binary; a name that names no
// facet is refused by all of them.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "http/api_handlers.hpp"
#include "http/batch_handlers.hpp"
#include "http/search_params.hpp"
#include "http/url_codec.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/match.hpp"
#include "tawsiya/search.hpp"

using tawsiya::test::read_file;

using namespace tawsiya;

namespace {

using Ids = std::set<std::string>;

Record make(const std::string& id, const std::string& state, const std::string& body,
            std::map<std::string, std::vector<std::string>> tags, bool french = false) {
    Record r;
    r.id = id;
    // Every record holds "rights", so a match on it reaches every record the filter lets in.
    r.text[Lang::en] = "Protect the rights of " + id + " detainees and ensure fair trials.";
    if (french) r.text[Lang::fr] = "Protéger les droits des détenus.";
    r.mechanism = "treaty_body";
    r.body = body;
    r.state = state;
    r.year = 2018;
    r.tags = std::move(tags);
    return r;
}

// An index and a Searcher and a Matcher over it.
struct FilterIndex {
    test::TempDir dir;
    std::string db = dir / "db";
    Analyzer analyzer;
    FilterIndex() {
        IndexWriter writer(db, analyzer);
        writer.add(
            make("f:1", "Morocco", "CAT", {{"SDG", {"16"}}, {"uhri_theme", {"Fair trial"}}}));
        writer.add(make("f:2", "Morocco", "UPR", {{"uhri_theme", {"Torture"}}}, true));
        writer.add(make("f:3", "Tunisia", "UPR", {{"uhri_theme", {"Torture"}}}));
        writer.add(make("f:4", "Côte d’Ivoire", "CRC", {{"SDG", {"4"}}}));
        writer.commit();
    }
};

Ids search_ids(Searcher& searcher, const std::string& name, const std::string& value) {
    SearchRequest request;
    request.size = 50;
    request.filters[name] = {value};
    Ids ids;
    for (const auto& hit : searcher.search(request).hits) ids.insert(hit.record.id);
    return ids;
}

Ids match_ids(Matcher& matcher, const std::string& name, const std::string& value) {
    MatchRequest request;
    request.text = "rights";
    request.lang = Lang::en;
    request.k = 50;
    request.state_scope = StateScope::any;
    request.filters[name] = {value};
    Ids ids;
    for (const auto& m : matcher.match(request).matches) ids.insert(m.record.id);
    return ids;
}

// The ids of a JSON array of objects with an "id" under `key` ("hits", "matches"), one document
// or one per line.
Ids json_ids(const std::string& text, const char* key) {
    Ids ids;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line[0] != '{') continue;  // the log holds stderr too
        rapidjson::Document doc;
        doc.Parse(line.c_str());
        REQUIRE_FALSE(doc.HasParseError());
        if (doc.HasMember("id") && !doc.HasMember(key)) {  // a `search --json` line is a hit
            ids.insert(doc["id"].GetString());
            continue;
        }
        for (const auto& item : doc[key].GetArray()) ids.insert(item["id"].GetString());
    }
    return ids;
}

struct Case {
    std::string name, value;
    Ids expected;
};

// Forms of names and values that all callers must read alike.
const std::vector<Case>& cases() {
    static const std::vector<Case> all{
        {"state", "morocco", {"f:1", "f:2"}},       // case
        {"state", "Maroc", {"f:1", "f:2"}},         // another language's name
        {"state", "cote d'ivoire", {"f:4"}},        // accents, apostrophe
        {"body", "cat", {"f:1"}},                   // case
        {"language", "fr", {"f:2"}},                // the language facet by its long name
        {"tag.SDG", "16", {"f:1"}},                 // a scheme name in capitals
        {"tag:uhri_theme", "fair TRIAL", {"f:1"}},  // "tag:" and case
        {"theme", "torture", {"f:2", "f:3"}},       // a shorthand of the query language
        {"tag.uhri_theme", "Torture", {"f:2", "f:3"}},
    };
    return all;
}

}  // namespace

TEST_CASE("a filter selects the same records in search and match", "[filters]") {
    FilterIndex index;
    Searcher searcher(index.db, index.analyzer);
    Matcher matcher(index.db, index.analyzer);
    for (const Case& c : cases()) {
        INFO(c.name << "=" << c.value);
        CHECK(search_ids(searcher, c.name, c.value) == c.expected);
        CHECK(match_ids(matcher, c.name, c.value) == c.expected);
    }
    // A bare scheme name of the index, as match always read it, now in search too.
    CHECK(search_ids(searcher, "uhri_theme", "torture") == Ids{"f:2", "f:3"});
    CHECK(match_ids(matcher, "uhri_theme", "torture") == Ids{"f:2", "f:3"});
    // A name that names no facet is refused, naming it, by both.
    for (const std::string name : {"colour", "tag:", "tag.a b"}) {
        INFO(name);
        try {
            search_ids(searcher, name, "x");
            FAIL("search accepted " << name);
        } catch (const UsageError& e) {
            CHECK(e.parameter() == name);
        }
        try {
            match_ids(matcher, name, "x");
            FAIL("match accepted " << name);
        } catch (const UsageError& e) {
            CHECK(e.parameter() == name);
        }
    }
}

TEST_CASE("the HTTP handlers read a filter as the engine does", "[filters][http]") {
    FilterIndex index;
    Searcher searcher(index.db, index.analyzer);
    Matcher matcher(index.db, index.analyzer);
    const SearchLimits limits;
    for (const Case& c : cases()) {
        INFO(c.name << "=" << c.value);
        const std::string target = "/api/search?size=50&" + http::percent_encode(c.name) + "=" +
                                   http::percent_encode(c.value);
        CHECK(json_ids(http::handle_search(searcher, http::parse_target(target).query, limits),
                       "hits") == c.expected);
        rapidjson::StringBuffer body;
        rapidjson::Writer<rapidjson::StringBuffer> w(body);
        w.StartObject();
        w.Key("text"), w.String("rights"), w.Key("lang"), w.String("en");
        w.Key("k"), w.Uint(50);
        w.Key("state_scope"), w.String("any");
        w.Key("filters"), w.StartObject(), w.Key(c.name.c_str()), w.String(c.value.c_str());
        w.EndObject(), w.EndObject();
        CHECK(json_ids(http::handle_match(matcher, body.GetString()), "matches") == c.expected);
    }
    // "lang" is the query's language, not a filter; an unknown parameter is refused.
    CHECK_FALSE(http::filter_key("lang"));
    CHECK_THROWS_AS(
        http::parse_search_params(http::parse_target("/api/search?colour=blue").query, limits),
        UsageError);
    CHECK_THROWS_AS(
        http::handle_match(matcher, R"({"text": "rights", "filters": {"colour": "x"}})"),
        UsageError);
}

TEST_CASE("`tawsiya search --filter` and `tawsiya match --filter` read a filter alike",
          "[filters][cli]") {
    FilterIndex index;
    const std::string input = index.dir / "input.txt";
    std::ofstream(input) << "rights\n";
    // Three cases, each a process of each command: the engine tests above cover the others.
    for (const std::size_t i : {0, 5, 7}) {
        const Case& c = cases()[i];
        INFO(c.name << "=" << c.value);
        const std::string filter = c.name + "=" + c.value;
        const std::string search_out = index.dir / "search.out";
        REQUIRE(test::run({TAWSIYA_BINARY, "search", "--db", index.db, "--json", "--size", "50",
                           "--filter", filter},
                          search_out) == 0);
        CHECK(json_ids(read_file(search_out), "hits") == c.expected);
        const std::string match_out = index.dir / "match.out";
        REQUIRE(test::run({TAWSIYA_BINARY, "match", input, "--db", index.db, "--k", "50", "--lang",
                           "en", "--all-states", "--filter", filter},
                          match_out) == 0);
        CHECK(json_ids(read_file(match_out), "matches") == c.expected);
    }
    // A filter on no facet is a usage error of the command, not a problem of each line.
    const std::string out = index.dir / "bad.out";
    CHECK(test::run({TAWSIYA_BINARY, "match", input, "--db", index.db, "--filter", "colour=x"},
                    out) == 2);
    CHECK(test::run({TAWSIYA_BINARY, "search", "--db", index.db, "--filter", "colour=x"}, out) ==
          2);
}
