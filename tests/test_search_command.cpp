// `tawsiya search`, the real binary: JSON lines that parse, exit codes, the listing.
#include <rapidjson/document.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "support/files.hpp"
#include "support/skip.hpp"
#include "support/temp_dir.hpp"

using tawsiya::test::read_file;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        if (end > start) lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// Runs `tawsiya search ARGS...`; stdout and stderr go to `log`.
int search(const std::vector<std::string>& args, const std::string& log) {
    std::vector<std::string> argv{TAWSIYA_BINARY, "search"};
    argv.insert(argv.end(), args.begin(), args.end());
    return tawsiya::test::run(argv, log);
}

// A small index built by `tawsiya index` from records written here.
struct SmallIndex {
    tawsiya::test::TempDir dir;
    std::string db = dir / "db";
    SmallIndex() {
        const std::string input = dir / "records.jsonl";
        {
            std::ofstream out(input);
            out << R"({"id": "s:1", "text": {"en": "Abolish the death penalty.", "fr": "Abolir la peine de mort."}, "body": "UPR", "state": "Morocco", "year": 2012, "tags": {"sdg": ["16"]}})"
                << "\n"
                << R"({"id": "s:2", "text": {"en": "Ratify the Convention against Torture."}, "body": "CAT", "state": "Chad", "year": 2010})"
                << "\n";
        }
        REQUIRE(tawsiya::test::run({TAWSIYA_BINARY, "index", input, "--db", db},
                                   dir / "index.log") == 0);
    }
};

}  // namespace

TEST_CASE("`tawsiya search --json` prints one hit object per line", "[search][cli]") {
    SmallIndex index;
    const std::string out = index.dir / "out";
    REQUIRE(search({"--db", index.db, "--json", "death", "penalty"}, out) == 0);
    const auto lines = lines_of(read_file(out));
    REQUIRE(lines.size() == 1);
    rapidjson::Document hit;
    hit.Parse(lines[0].c_str());
    REQUIRE_FALSE(hit.HasParseError());
    CHECK(std::string(hit["id"].GetString()) == "s:1");
    CHECK_THAT(hit["snippet"].GetString(), Catch::Contains("<mark>"));
    CHECK(hit["year"].GetInt() == 2012);

    // Filters and display language.
    REQUIRE(search({"--db", index.db, "--json", "--filter", "tag.sdg=16", "--display", "fr"},
                   out) == 0);
    const auto filtered = lines_of(read_file(out));
    REQUIRE(filtered.size() == 1);
    hit.Parse(filtered[0].c_str());
    CHECK(std::string(hit["display_lang"].GetString()) == "fr");

    // No result: nothing printed, exit 0.
    REQUIRE(search({"--db", index.db, "--json", "unicorns"}, out) == 0);
    CHECK(read_file(out).empty());
}

TEST_CASE("`tawsiya search` lists results readably, plain when not on a terminal",
          "[search][cli]") {
    SmallIndex index;
    const std::string out = index.dir / "out";
    REQUIRE(search({"--db", index.db, "body:cat"}, out) == 0);
    const std::string text = read_file(out);
    CHECK_THAT(text, Catch::Contains("1. s:2  2010  CAT  Chad"));
    CHECK_THAT(text, Catch::Contains("Ratify the Convention against Torture."));
    CHECK_THAT(text, !Catch::Contains("\033["));
    CHECK_THAT(text, !Catch::Contains("<mark>"));
}

TEST_CASE("`tawsiya search --lang` reads a short query in that language, French records first",
          "[search][cli][language]") {
    SmallIndex index;
    const std::string out = index.dir / "out";
    // "mort" is no English word: read as French it finds the French version of s:1.
    REQUIRE(search({"--db", index.db, "--lang", "fr", "--json", "peine de mort"}, out) == 0);
    CHECK_THAT(read_file(out), Catch::Contains("\"id\":\"s:1\""));
    REQUIRE(search({"--db", index.db, "--lang", "fr", "mort"}, out) == 0);
    CHECK_THAT(read_file(out), Catch::Contains("query language fr"));
    REQUIRE(search({"--db", index.db, "--lang", "any", "mort"}, out) == 0);
    CHECK_THAT(read_file(out), Catch::Contains("query language en"));
    CHECK(search({"--db", index.db, "--lang", "xx", "mort"}, out) == 2);
}

TEST_CASE("`tawsiya search` exit codes: 2 for bad options, 1 for an index that cannot be opened",
          "[search][cli]") {
    SmallIndex index;
    const std::string out = index.dir / "out";
    CHECK(search({"--db", index.db, "--sort", "colour", "x"}, out) == 2);
    CHECK(search({"--db", index.db, "--size", "1000", "x"}, out) == 2);
    CHECK_THAT(read_file(out), Catch::Contains("size"));
    CHECK(search({"--db", index.db, "2010..2013"}, out) == 2);
    CHECK(search({"x"}, out) == 2);  // --db missing

    const std::string missing = index.dir / "nowhere";
    CHECK(search({"--db", missing, "x"}, out) == 1);
    CHECK_THAT(read_file(out), Catch::Contains("cannot open index at " + missing + ": "));
}

TEST_CASE("`tawsiya search` on the sample corpus, JSON parsed", "[search][cli]") {
    const std::string sample = tawsiya::test::source_path("corpus/sample.jsonl");
    if (!std::filesystem::exists(sample))
        return tawsiya::test::skip("corpus/sample.jsonl is absent");
    tawsiya::test::TempDir dir;
    const std::string db = dir / "db";
    REQUIRE(tawsiya::test::run({TAWSIYA_BINARY, "index", sample, "--db", db}, dir / "index.log") ==
            0);
    for (const std::string query : {"torture", "التعذيب", "peine de mort"}) {
        INFO(query);
        const std::string out = dir / "out";
        REQUIRE(search({"--db", db, "--json", "--size", "5", query}, out) == 0);
        const auto lines = lines_of(read_file(out));
        CHECK(!lines.empty());
        CHECK(lines.size() <= 5);
        for (const auto& line : lines) {
            rapidjson::Document hit;
            hit.Parse(line.c_str());
            REQUIRE_FALSE(hit.HasParseError());
            CHECK(hit["id"].IsString());
            CHECK(hit["snippet"].IsString());
        }
    }
    // A coded label answers to its code: the sample's SDG labels are "16 - PEACE, ...".
    const std::string out = dir / "sdg";
    REQUIRE(search({"--db", db, "--json", "--size", "100", "sdg:16 year:2019..2019"}, out) == 0);
    const auto hits = lines_of(read_file(out));
    REQUIRE_FALSE(hits.empty());
    for (const auto& line : hits) {
        rapidjson::Document hit;
        hit.Parse(line.c_str());
        CHECK(hit["year"].GetInt() == 2019);
        bool has_16 = false;
        for (const auto& label : hit["tags"]["sdg"].GetArray())
            has_16 = has_16 || std::string(label.GetString()).rfind("16 - ", 0) == 0;
        CHECK(has_16);
    }
}
