// CSV exports as staff download them: UPR Info's current export (UTF-8 with a byte-order mark,
// `;`, CRLF, two columns named `Rgrp` and two `Org`) and any other export through a `--columns`
// mapping; the CSVs are written by the tests, the shared 2018 export is read when present.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>

#include "support/files.hpp"
#include "support/read_all.hpp"
#include "support/temp_dir.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/reader.hpp"
#include "tawsiya/state_names.hpp"

using tawsiya::test::read_all;
using tawsiya::test::read_file;
using tawsiya::test::write_file;
using namespace tawsiya;

TEST_CASE("UPR Info's current export: BOM, `;`, CRLF, duplicated column names", "[readers][csv]") {
    test::TempDir dir;
    const std::string current = dir / "export-2018.csv", older = dir / "sessions-1-5.csv";
    write_file(current,
               "\xEF\xBB\xBFSuR;Rgrp;Org;Recommendation;RS;Rgrp;Org;Response;Action;Issue;"
               "Session\r\n"
               "Morocco;Africa;AU, OIC;\"Protect women's rights; \"\"fully\"\"\r\nand now \";"
               "France;WEOG;EU;Supported;5;Women's rights,Justice;13\r\n"
               "Chad;Africa;AU;Ratify the Convention;Mexico;GRULAC;;Noted;4;;5\r\n"
               "Chad;Africa;AU;;Mexico;GRULAC;;Noted;4;;5\r\n"
               "Peru;GRULAC;OAS;Abolish the decree;Spain;WEOG;EU;Supported;3;Justice;late\r\n");
    // The same rows in the older export's form.
    write_file(older,
               "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\n"
               "Morocco,Africa,\"AU, OIC\",\"Protect women's rights; \"\"fully\"\"\nand now \","
               "France,WEOG,EU,Accepted,5,\"Women's rights,Justice\",13\n"
               "Chad,Africa,AU,Ratify the Convention,Mexico,GRULAC,,Noted,4,,5\n");
    const auto now = read_all(current), before = read_all(older);
    REQUIRE(now.records.size() == 2);
    REQUIRE(before.records.size() == 2);
    const Record& first = now.records[0];
    CHECK(first.id == "uprinfo:export-2018:2");
    CHECK(first.text.at(Lang::en) == "Protect women's rights; \"fully\"\nand now");
    CHECK(first.state == "Morocco");  // the first `Rgrp`/`Org` pair is the state's, not kept
    CHECK(first.recommending_states == std::vector<std::string>{"France"});
    CHECK(first.response == "supported");
    CHECK(first.session == 13);
    CHECK(first.year == 2012);
    CHECK(first.cycle == 2);
    CHECK(first.tags.at("uprinfo_issue") == std::vector<std::string>{"Women's rights", "Justice"});
    // Field by field the records of the older form, but for their ids.
    for (std::size_t i = 0; i < 2; ++i) {
        Record a = now.records[i], b = before.records[i];
        a.id = b.id = "";
        CHECK(a == b);
    }
    REQUIRE(now.report.problems.size() == 2);
    CHECK(now.report.problems[0] == current + ":5: empty `Recommendation`");
    CHECK(now.report.problems[1] == current + ":6: `Session` is not a session number: 'late'");

    // A CSV that is neither export says how to read it.
    write_file(dir / "other.csv", "name;value\r\na;1\r\n");
    CHECK_THROWS_WITH(read_all(dir / "other.csv"), Catch::Contains("--columns"));
}

TEST_CASE("a `--columns` mapping reads any CSV export: a UHRI-style download", "[readers][csv]") {
    test::TempDir dir;
    const std::string path = dir / "uhri.csv";
    write_file(path,
               "Symbol,Body,Paragraph,Recommendation,Country,Themes,SDGs,Affected persons,"
               "Region,Region\n"
               "CAT/C/MAR/CO/4,CAT,12(a),\"Ensure that confessions obtained under torture are "
               "never admitted\",Morocco,\"Torture; Administration of justice\",16|5,"
               "\"persons deprived of their liberty\",Africa,MENA\n"
               "CRC/C/FRA/CO/5,CRC,24,\"Le Comité recommande à l’État partie de garantir "
               "l’enregistrement des naissances\",France,Birth registration,16,children,"
               "Europe,WEOG\n"
               "CRC/C/FRA/CO/5,CRC,25,,France,,,,Europe,WEOG\n");
    ReadOptions options;
    options.columns =
        "text=Recommendation,symbol=Symbol,body=Body,paragraph=Paragraph,state=Country,"
        "tags.uhri_theme=Themes,tags.sdg=SDGs,tags.affected_persons=Affected persons,"
        "tags.region=Region#2,mechanism=\"treaty_body\"";
    const auto all = read_all(path, options);
    REQUIRE(all.records.size() == 2);
    const Record& r = all.records[0];
    CHECK(r.id == "csv:uhri:2");
    CHECK(r.text.at(Lang::en) ==
          "Ensure that confessions obtained under torture are never admitted");
    CHECK(r.symbol == "CAT/C/MAR/CO/4");
    CHECK(r.body == "CAT");
    CHECK(r.paragraph == "12(a)");
    CHECK(r.mechanism == "treaty_body");
    CHECK(r.state == "Morocco");
    CHECK(r.tags.at("uhri_theme") ==
          std::vector<std::string>{"Torture", "Administration of justice"});
    CHECK(r.tags.at("sdg") == std::vector<std::string>{"16", "5"});
    CHECK(r.tags.at("affected_persons") ==
          std::vector<std::string>{"persons deprived of their liberty"});
    CHECK(r.tags.at("region") == std::vector<std::string>{"MENA"});  // the second `Region`
    CHECK(r.source == "csv:uhri");
    // A text column without a language: the language it reads as.
    CHECK(all.records[1].text.count(Lang::fr) == 1);
    REQUIRE(all.report.problems.size() == 1);
    CHECK(all.report.problems[0] == path + ":4: empty `Recommendation`");

    // A mapping file: one pair a line, comments; columns by position; an id column.
    const std::string mapping = dir / "mapping.txt";
    write_file(mapping,
               "# UHRI download\ntext.en = #4\nid = Symbol\nstate = Country\n"
               "tags.sdg = SDGs [|]\n");
    test::TempDir out;
    const std::string log = out / "log";
    REQUIRE(test::run({TAWSIYA_BINARY, "index", path, "--db", out / "db", "--columns", mapping},
                      log) == 0);
    CHECK_THAT(read_file(log), Catch::Contains("indexed 2 records"));
    options.columns = read_file(mapping);
    const auto mapped = read_all(path, options);
    REQUIRE(mapped.records.size() == 2);
    CHECK(mapped.records[0].id == "CAT/C/MAR/CO/4");
    CHECK(mapped.records[0].tags.at("sdg") == std::vector<std::string>{"16", "5"});

    // Mistakes in the mapping are named.
    options.columns = "text=Recommendation,themes=Themes";
    CHECK_THROWS_AS(read_all(path, options), UsageError);
    options.columns = "state=Country";
    CHECK_THROWS_WITH(read_all(path, options), Catch::Contains("map the recommendation's text"));
    options.columns = "text=Recommendation,tags.sdg=Goals";
    CHECK_THROWS_WITH(read_all(path, options),
                      Catch::Contains(path + ":1: the header has no column `Goals`"));
    CHECK(test::run({TAWSIYA_BINARY, "index", path, "--db", out / "db", "--columns", "text"},
                    log) == 2);
    CHECK_THAT(read_file(log), Catch::Contains("--columns: 'text' is not field=Column"));
}

TEST_CASE("shared corpus: UPR Info's 2018 export is read whole", "[readers][csv][shared]") {
    const std::string corpus = test::shared_corpus();
    const std::string folder = corpus + "/raw/uprinfo-csv-2018";
    if (corpus.empty() || !std::filesystem::is_directory(folder)) {
        WARN("../shared/corpus/raw/uprinfo-csv-2018 is absent: skipped");
        return;
    }
    std::vector<Record> records;
    ReadReport report;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        read_any(
            entry.path().string(), {}, [&](Record&& r) { records.push_back(std::move(r)); },
            report);
    CHECK(report.problems.empty());
    CHECK(records.size() == 8132);  // every row of the export (sessions 1-6)

    // The same recommendations as the shared records of sessions 1-6, compared by text, state,
    // recommending state and session (UPR Info renamed some states since: "Czechia").
    using Key = std::tuple<std::string, std::string, std::string, int>;
    auto key = [](const Record& r) {
        const auto text = r.text.find(Lang::en);
        return Key{
            text == r.text.end() ? "" : text->second, official_state_name(r.state),
            r.recommending_states.empty() ? "" : official_state_name(r.recommending_states.front()),
            r.session.value_or(0)};
    };
    std::map<Key, int> shared;
    ReadReport shared_report;
    read_jsonl(
        corpus + "/records/uprinfo-2008-2014.jsonl", {},
        [&](Record&& r) {
            if (r.session && *r.session <= 6) ++shared[key(r)];
        },
        shared_report);
    std::size_t same = 0;
    for (const Record& r : records)
        if (auto it = shared.find(key(r)); it != shared.end() && it->second > 0) {
            --it->second;
            ++same;
        }
    WARN(same << " of the " << records.size()
              << " records of the 2018 export are records of records/uprinfo-2008-2014.jsonl");
    CHECK(same >= records.size() * 95 / 100);
}
