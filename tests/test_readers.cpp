// The readers: the JSON-lines record format, UPR Info CSV exports and UN report text, on inputs
// written here byte by byte and, when ../shared/corpus is present, on the real sources.
#include <rapidjson/document.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "../indexer/readers/upr_paragraph.hpp"
#include "support/files.hpp"
#include "support/read_all.hpp"
#include "support/skip.hpp"
#include "support/temp_dir.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/reader.hpp"
#include "tawsiya/record.hpp"
#include "tawsiya/state_names.hpp"

using tawsiya::test::read_all;
using tawsiya::test::write_file;
using namespace tawsiya;

namespace {

std::string reason_of(const std::string& json) {
    try {
        parse_record_json(json);
    } catch (const FormatError& e) {
        return e.what();
    }
    return "(parsed)";
}

}  // namespace

TEST_CASE("record JSON: fields, leniency where the meaning is plain, round trip",
          "[readers][record]") {
    const Record r = parse_record_json(
        R"({"id":"x:1","text":{"fr":"Ratifier la Convention","ar":"التصديق على الاتفاقية"},)"
        R"("mechanism":"upr","body":"UPR","state":"Morocco","recommending_states":"France",)"
        R"("year":"2017","cycle":3,"tags":{"sdg":["16 - PEACE"],"theme":"Torture"},)"
        R"("responsible":["Justice"],"unknown_field":{"a":1}})");
    CHECK(r.id == "x:1");
    CHECK(r.text.size() == 2);
    CHECK(r.text.at(Lang::ar) == "التصديق على الاتفاقية");
    CHECK(r.recommending_states == std::vector<std::string>{"France"});
    CHECK(r.year == 2017);
    CHECK(r.cycle == 3);
    CHECK(r.tags.at("theme") == std::vector<std::string>{"Torture"});
    CHECK(parse_record_json(record_to_json(r)) == r);
    // A scheme name with a NUL in it (found by record_json_fuzz after 3.4 M runs): the key was
    // written as a C string, cut at the NUL, and read back as another scheme.
    const Record nul =
        parse_record_json(R"({"id":"n","text":{"en":"x"},"tags":{"a\u0000b":["c"]}})");
    REQUIRE(nul.tags.count(std::string("a\0b", 3)) == 1);
    CHECK(parse_record_json(record_to_json(nul)) == nul);

    // Schema order, languages ar, fr, en, empty fields left out.
    CHECK(record_to_json(r).rfind(R"({"id":"x:1","text":{"ar":)", 0) == 0);
    CHECK(record_to_json(r).find("session") == std::string::npos);

    // A plain string text: with `lang`, or detected.
    CHECK(parse_record_json(R"({"id":"a","text":"Abolish the death penalty","lang":"en"})")
              .text.count(Lang::en) == 1);
    CHECK(parse_record_json(R"({"id":"a","text":"إلغاء عقوبة الإعدام"})").text.count(Lang::ar) ==
          1);
}

TEST_CASE("record JSON: every bad record gets its reason", "[readers][record]") {
    CHECK_THAT(reason_of(R"({"id":"a","text":{"en":"x"})"), Catch::Contains("broken JSON"));
    CHECK_THAT(reason_of(R"({"id":"a"})"), Catch::Contains("missing `text`"));
    CHECK_THAT(reason_of(R"({"text":{"en":"x"}})"), Catch::Contains("missing `id`"));
    CHECK_THAT(reason_of(R"({"id":"a","text":{"de":"Folter"}})"),
               Catch::Contains("unknown language code 'de'"));
    CHECK_THAT(reason_of("{\"id\":\"a\",\"text\":{\"en\":\"caf\xE9\"}}"),
               Catch::Contains("invalid UTF-8"));
    CHECK_THAT(reason_of(R"({"id":"a","text":{"en":"  "}})"), Catch::Contains("`text` is empty"));
    CHECK_THAT(reason_of(R"({"id":"a","text":{"en":"x"},"year":"last year"})"),
               Catch::Contains("`year` must be an integer"));
    CHECK_THAT(reason_of(R"({"id":"a","text":{"en":"x"},"state":["Morocco"]})"),
               Catch::Contains("`state` must be a string"));
    CHECK_THAT(reason_of(R"({"id":"a","text":{"en":"x"},"tags":{"a:b":["c"]}})"),
               Catch::Contains("tag scheme 'a:b'"));
    CHECK_THAT(reason_of(R"({"id":")" + std::string(241, 'i') + R"(","text":{"en":"x"}})"),
               Catch::Contains("longer than 240 bytes"));
    CHECK_THAT(reason_of(R"([{"id":"a"}])"), Catch::Contains("not a JSON object"));
    CHECK_THAT(reason_of(R"({"id":"a","text":{"en":"x"}} {"id":"b"})"),
               Catch::Contains("broken JSON"));
}

TEST_CASE("JSON lines: bad lines are skipped with file:line: reason, or fail under strict",
          "[readers][jsonl]") {
    test::TempDir dir;
    const std::string path = dir / "mixed.jsonl";
    write_file(path,
               "\xEF\xBB\xBF{\"id\":\"ok:1\",\"text\":{\"en\":\"Ratify OPCAT\"}}\r\n"
               "{\"id\":\"bad:2\",\"text\":{\"en\":\"x\"\n"
               "\n"
               "{\"id\":\"bad:4\"}\n"
               "{\"id\":\"bad:5\",\"text\":{\"en\":\"caf\xE9\"}}\n"
               "{\"id\":\"bad:6\",\"text\":{\"xx\":\"?\"}}\n"
               "{\"id\":\"ok:7\",\"text\":{\"ar\":\"التصديق\"}}\n");
    const auto all = read_all(path);
    REQUIRE(all.records.size() == 2);
    CHECK(all.records[0].id == "ok:1");  // the byte-order mark and CRLF are not content
    CHECK(all.records[1].id == "ok:7");
    CHECK(all.report.records == 2);
    REQUIRE(all.report.problems.size() == 4);
    CHECK_THAT(all.report.problems[0], Catch::StartsWith(path + ":2: broken JSON"));
    CHECK_THAT(all.report.problems[1], Catch::StartsWith(path + ":4: missing `text`"));
    CHECK_THAT(all.report.problems[2], Catch::StartsWith(path + ":5: invalid UTF-8"));
    CHECK_THAT(all.report.problems[3], Catch::StartsWith(path + ":6: unknown language code"));
    CHECK(all.report.skipped_by.at("unknown language code") == 1);

    ReadOptions strict;
    strict.strict = true;
    try {
        read_all(path, strict);
        FAIL("strict reading accepted a bad line");
    } catch (const InputError& e) {
        CHECK(e.file() == path);
        CHECK(e.line() == 2);
    }

    write_file(dir / "empty.jsonl", "\n  \n");
    const auto empty = read_all(dir / "empty.jsonl");
    CHECK(empty.records.empty());
    REQUIRE(empty.report.problems.size() == 1);
    CHECK_THAT(empty.report.problems[0], Catch::EndsWith(":1: empty file"));
    CHECK_THROWS_AS(read_all(dir / "empty.jsonl", strict), InputError);

    try {
        read_all(dir / "missing.jsonl");
        FAIL("a missing file was read");
    } catch (const InputError& e) {
        CHECK_THAT(e.what(), Catch::Contains("missing.jsonl:0: cannot open"));
    }
    CHECK_THROWS_AS(read_all(dir / "records.xml"), InputError);
}

TEST_CASE("JSON lines: a line nested 120,000 levels deep is one bad line, not a crash",
          "[readers][jsonl][hostile]") {
    test::TempDir dir;
    const std::string path = dir / "nested.jsonl";
    // 240 KB of "[[[...]]]": a recursive parser overflows the stack on it.
    const std::string nested = std::string(120000, '[') + std::string(120000, ']');
    write_file(path, "{\"id\":\"ok:1\",\"text\":{\"en\":\"Ratify OPCAT\"}}\n" + nested +
                         "\n{\"id\":\"ok:3\",\"text\":{\"en\":\"x\"},\"tags\":" + nested +
                         "}\n{\"id\":\"ok:4\",\"text\":{\"en\":\"Abolish the death penalty\"}}\n");
    const auto all = read_all(path);
    REQUIRE(all.records.size() == 2);
    CHECK(all.records[0].id == "ok:1");
    CHECK(all.records[1].id == "ok:4");
    REQUIRE(all.report.problems.size() == 2);
    CHECK_THAT(all.report.problems[0],
               Catch::StartsWith(path + ":2: JSON nested deeper than 64 levels"));
    CHECK_THAT(all.report.problems[1],
               Catch::StartsWith(path + ":3: JSON nested deeper than 64 levels"));
    // Unknown fields nested within the limit are still ignored.
    CHECK(parse_record_json(R"({"id":"a","text":{"en":"x"},"extra":)" + std::string(60, '[') +
                            std::string(60, ']') + "}")
              .id == "a");
}

TEST_CASE("JSON lines: an array on the first line, CR line endings, a directory for a file",
          "[readers][jsonl]") {
    test::TempDir dir;
    std::string good;
    for (int i = 1; i <= 10; ++i)
        good += "{\"id\":\"g:" + std::to_string(i) + "\",\"text\":{\"en\":\"Ratify OPCAT\"}}\n";

    // An array on one line is one bad line; the records after it are read.
    write_file(dir / "array.jsonl", "[{\"id\":\"a:1\",\"text\":{\"en\":\"x\"}}]\n" + good);
    const auto array = read_all(dir / "array.jsonl");
    CHECK(array.records.size() == 10);
    REQUIRE(array.report.problems.size() == 1);
    CHECK(array.report.problems[0] == dir / "array.jsonl" +
                                          ":1: a JSON array: give one record object per line "
                                          "(JSON lines)");
    // An array spread over the file has no record on any line: one problem, not one per line.
    write_file(dir / "pretty.json",
               "[\n  {\"id\":\"p:1\",\"text\":{\"en\":\"x\"}},\n  "
               "{\"id\":\"p:2\",\"text\":{\"en\":\"y\"}}\n]\n");
    const auto pretty = read_all(dir / "pretty.json");
    CHECK(pretty.records.empty());
    CHECK(pretty.report.problems.size() == 1);

    // Lone CRs end lines, as CRLF and LF do.
    std::string mac = good;
    for (auto& c : mac)
        if (c == '\n') c = '\r';
    write_file(dir / "mac.jsonl", "{\"id\":\"m:0\"}\r" + mac + "\r\n" + good);
    const auto cr = read_all(dir / "mac.jsonl");
    CHECK(cr.records.size() == 20);
    REQUIRE(cr.report.problems.size() == 1);
    CHECK_THAT(cr.report.problems[0], Catch::StartsWith(dir / "mac.jsonl" + ":1: missing `text`"));

    // A directory is not an empty input: it cannot be read, whatever its name says.
    for (const char* name : {"x.csv", "x.txt", "x.jsonl"}) {
        std::filesystem::create_directory(dir / name);
        try {
            read_all(dir / name);
            FAIL("a directory was read as " << name);
        } catch (const InputError& e) {
            CHECK(e.what() == dir / name + ":0: a directory, not a file");
        }
    }
}

TEST_CASE("UPR Info CSV: Mac Roman, CR endings, quoted fields, the column mapping",
          "[readers][csv]") {
    test::TempDir dir;
    const std::string path = dir / "sessions-1-5.csv";
    // 0xD5 is the right single quote in Mac Roman, 0x8E is é.
    write_file(
        path,
        "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\r"
        "Morocco,Africa,\"AU, OIC\",\"Protect women\xD5s rights, \"\"fully\"\", now \",France,"
        "WEOG,EU,Accepted,5,\"Women's rights,Justice\",13\r"
        "Chad,Africa,AU,\"Ratify the Convention\rand its Protocol\",Mexico,GRULAC,,Noted,4,"
        "International instruments,5\r"
        "Chad,Africa,AU,too few fields\r"
        "Peru,GRULAC,OAS,Abolish the d\x8E"
        "cret,Spain,WEOG,EU,Accepted,3,Justice,late\r");
    const auto all = read_all(path);
    REQUIRE(all.records.size() == 2);
    const Record& first = all.records[0];
    CHECK(first.id == "uprinfo:1-5:2");
    CHECK(first.text.at(Lang::en) == "Protect women’s rights, \"fully\", now");
    CHECK(first.state == "Morocco");
    CHECK(first.recommending_states == std::vector<std::string>{"France"});
    CHECK(first.response == "supported");
    CHECK(first.session == 13);
    CHECK(first.year == 2012);
    CHECK(first.cycle == 2);
    CHECK(first.mechanism == "upr");
    CHECK(first.tags.at("uprinfo_issue") == std::vector<std::string>{"Women's rights", "Justice"});
    CHECK(first.tags.at("uprinfo_action") == std::vector<std::string>{"5"});
    const Record& second = all.records[1];
    CHECK(second.id == "uprinfo:1-5:3");
    CHECK(second.text.at(Lang::en) == "Ratify the Convention\nand its Protocol");
    CHECK(second.response == "noted");
    CHECK(second.year == 2009);
    CHECK(second.cycle == 1);

    REQUIRE(all.report.problems.size() == 2);
    CHECK(all.report.problems[0] == path + ":5: expected 11 fields, found 4");
    CHECK_THAT(all.report.problems[1], Catch::StartsWith(path + ":6: `Session`"));

    // UTF-8 given as such; an unknown encoding name is a usage error.
    write_file(dir / "utf8.csv", "Text,To\n\"Abolir le décret\",Peru\n");
    ReadOptions utf8;
    utf8.encoding = "UTF-8";
    CHECK(read_all(dir / "utf8.csv", utf8).records.at(0).text.at(Lang::en) == "Abolir le décret");
    ReadOptions unknown;
    unknown.encoding = "no-such-charset";
    CHECK_THROWS_AS(read_all(dir / "utf8.csv", unknown), UsageError);

    write_file(dir / "open.csv", "Text,To\n\"never closed,Peru\n");
    const auto open = read_all(dir / "open.csv");
    REQUIRE(open.report.problems.size() == 1);
    CHECK_THAT(open.report.problems[0], Catch::Contains(":2: a quoted field opened on line 2"));

    write_file(dir / "other.csv", "name,value\na,1\n");
    CHECK_THROWS_WITH(read_all(dir / "other.csv"), Catch::Contains("not a UPR Info export"));
}

TEST_CASE("UPR paragraphs: number, text and recommending states split apart", "[readers][report]") {
    using readers::split_upr_paragraph;
    auto p = split_upr_paragraph(
        "129.6. Consider ratifying the Rome Statute (Austria, Costa Rica, Estonia);");
    CHECK(p.number == "129.6");
    CHECK(p.text == "Consider ratifying the Rome Statute");
    CHECK(p.states == std::vector<std::string>{"Austria", "Costa Rica", "Estonia"});

    p = split_upr_paragraph(
        "118.30 Ratify the Protocol on the Rights of Women in Africa (Maputo Protocol) (Sierra "
        "Leone);");
    CHECK(p.text == "Ratify the Protocol on the Rights of Women in Africa (Maputo Protocol)");
    CHECK(p.states == std::vector<std::string>{"Sierra Leone"});

    p = split_upr_paragraph(
        "118.7 Ratify the OP2 (Argentina) (Côte d’Ivoire) (Venezuela (Bolivarian Republic of));");
    CHECK(p.text == "Ratify the OP2");
    CHECK(p.states == std::vector<std::string>{"Argentina", "Côte d’Ivoire",
                                               "Venezuela (Bolivarian Republic of)"});

    p = split_upr_paragraph("5.2 Implement the Plan (2017– 2022) (Kyrgysztan).");
    CHECK(p.text == "Implement the Plan (2017– 2022)");
    CHECK(p.states == std::vector<std::string>{"Kyrgysztan"});  // misspelt, still a state

    p = split_upr_paragraph("12.1 Ratify OPCAT (Chile); Consider ratifying OPCAT (Nepal);");
    CHECK(p.text == "Ratify OPCAT Consider ratifying OPCAT");
    CHECK(p.states == std::vector<std::string>{"Chile", "Nepal"});

    CHECK(is_state_name("St Vincent & the Grenadines"));
    CHECK(is_state_name("Cote d'Ivoire"));
    CHECK(official_state_name("Tanzania") == "United Republic of Tanzania");
    CHECK_FALSE(is_state_name("Paris Principles"));
}

TEST_CASE("UN report text: the recommendations section, across page breaks, both numberings",
          "[readers][report]") {
    test::TempDir dir;
    const std::string path = dir / "atlantis2012.txt";
    write_file(path,
               " \r United Nations \r A/HRC/21/99 \r General Assembly \r"
               "1. The Working Group on the Universal Periodic Review held its thirteenth session "
               "from 21 May to 4 June 2012. The review of Atlantis was held at the 4th meeting.\r"
               " II. Conclusions and/or recommendations \r"
               "129. The recommendations formulated during the interactive dialogue, listed below, "
               "have been examined by Atlantis and enjoy the support of Atlantis: \r"
               " 129.1. Ratify the Optional Protocol to the Convention against Torture \r"
               "GE.12-14883 \r"
               "17 \r"
               "A/HRC/21/99 \r"
               "and set up a national preventive mechanism (Denmark, Chile); \r"
               " 129.2. Adopt a law on domestic violence (Brazil). \r"
               "130. The recommendations below did not enjoy the support of Atlantis: \r"
               " 130.1. Abolish the death penalty (France) (Italy); \r"
               " III. Voluntary pledges and commitments \r"
               "131. Atlantis pledged 1.1 things. \r");
    const auto all = read_all(path);
    REQUIRE(all.records.size() == 3);
    const Record& first = all.records[0];
    CHECK(first.id == "A/HRC/21/99:129.1");
    CHECK(first.text.at(Lang::en) ==
          "Ratify the Optional Protocol to the Convention against Torture and set up a national "
          "preventive mechanism");
    CHECK(first.recommending_states == std::vector<std::string>{"Denmark", "Chile"});
    CHECK(first.state == "Atlantis");
    CHECK(first.session == 13);
    CHECK(first.year == 2012);
    CHECK(first.cycle == 2);
    CHECK(first.symbol == "A/HRC/21/99");
    CHECK(first.paragraph == "129.1");
    CHECK(first.response == "supported");
    CHECK(all.records[2].paragraph == "130.1");
    CHECK(all.records[2].response == "noted");

    // The first cycle's lists: "1." items under paragraph 75, the response after the list.
    const std::string old = dir / "atlantis2008.txt";
    write_file(old,
               "A/HRC/8/99\nheld its second session. The review of Atlantis was held on 8 May.\n"
               "II. CONCLUSIONS AND/OR RECOMMENDATIONS \n\n75. \nIn the course of the "
               "discussion, the following recommendations were made to Atlantis: \n\n1. \t\n"
               "To ratify the Convention (Mexico); \n\n2. \t\nTo sign the OP-CAT (United Kingdom "
               "of Great Britain and Northern Ireland); \n\nThe recommendations listed above "
               "enjoy the support of Atlantis. \n76. Other recommendations will be examined.\n"
               "III. VOLUNTARY COMMITMENTS\n");
    const auto old_style = read_all(old);
    REQUIRE(old_style.records.size() == 2);
    CHECK(old_style.records[1].id == "A/HRC/8/99:75.2");
    CHECK(old_style.records[1].text.at(Lang::en) == "To sign the OP-CAT");
    CHECK(old_style.records[1].response == "supported");
    CHECK(old_style.records[1].year == 2008);

    write_file(dir / "letter.txt", "Dear colleagues,\nnothing to see.\n");
    const auto letter = read_all(dir / "letter.txt");
    REQUIRE(letter.report.problems.size() == 1);
    CHECK_THAT(letter.report.problems[0], Catch::Contains("not a UPR Working Group report"));
}

namespace {

// `bytes` bytes of plain English words, on one line.
std::string long_words(std::size_t bytes) {
    std::string text;
    while (text.size() < bytes) text += "guarantee the independence of the judiciary ";
    return text;
}

}  // namespace

TEST_CASE("UN report text: a recommendation of 100 KB and a line of 1 MB are read, not a crash",
          "[readers][report][hostile]") {
    test::TempDir dir;
    const std::string path = dir / "atlantis2012.txt";
    // std::regex recursed once per character of a line: 30 KB overflowed the stack.
    write_file(path,
               "A/HRC/21/99\nheld its thirteenth session. The review of Atlantis was held.\n" +
                   long_words(1 << 20) +
                   "\nII. Conclusions and/or recommendations\n"
                   "129. The recommendations below enjoy the support of Atlantis:\n"
                   "129.1. Ratify the Convention and " +
                   long_words(100000) + "(France);\n129.2. " + long_words(1 << 20) + "(Chile);\n" +
                   long_words(1 << 20) +
                   "\n129.3. Abolish the death penalty (Italy);\nIII. Pledges\n");
    const auto all = read_all(path);
    CHECK(all.report.problems.empty());
    REQUIRE(all.records.size() == 3);
    CHECK(all.records[0].paragraph == "129.1");
    CHECK(all.records[0].text.at(Lang::en).size() > 100000);
    CHECK(all.records[0].recommending_states == std::vector<std::string>{"France"});
    CHECK(all.records[0].response == "supported");
    CHECK(all.records[1].paragraph == "129.2");
    CHECK(all.records[1].text.at(Lang::en).size() > 2000000);  // the next line goes with it
    CHECK(all.records[2].paragraph == "129.3");
    CHECK(all.records[2].text.at(Lang::en) == "Abolish the death penalty");
    CHECK(all.records[2].state == "Atlantis");

    // A paragraph of the CSV exports: the same splitting.
    const auto p = readers::split_upr_paragraph("12.1 Ratify " + long_words(1 << 20) + "(Chile);");
    CHECK(p.number == "12.1");
    CHECK(p.states == std::vector<std::string>{"Chile"});
}

// ---- On the shared corpus ------------------------------------------------------------------

TEST_CASE("shared corpus: the UPR Info CSV exports give the shared records", "[readers][shared]") {
    const std::string corpus = test::shared_corpus();
    if (corpus.empty()) return test::skip("../shared/corpus is absent");
    std::map<std::string, Record> expected;
    {
        ReadReport report;
        read_jsonl(
            corpus + "/records/uprinfo-2008-2014.jsonl", {},
            [&](Record&& r) { expected.emplace(r.id, std::move(r)); }, report);
    }
    std::size_t read_count = 0, equal = 0;
    for (const auto& entry : std::filesystem::directory_iterator(corpus + "/raw/uprinfo-csv")) {
        const auto all = read_all(entry.path().string());
        CHECK(all.report.problems.empty());
        for (Record r : all.records) {
            ++read_count;
            auto it = expected.find(r.id);
            if (it == expected.end()) continue;
            r.source = it->second.source;
            equal += r == it->second;
        }
    }
    CHECK(read_count == expected.size());
    CHECK(equal == expected.size());
}

TEST_CASE("shared corpus: paragraph parsing against the gold of upr-paragraph-parsing",
          "[readers][shared]") {
    const std::string corpus = test::shared_corpus();
    if (corpus.empty()) return test::skip("../shared/corpus is absent");
    auto load = [&](const std::string& name) {
        std::ifstream in(corpus + "/raw/upr-paragraph-parsing/" + name + "/labels.json");
        std::stringstream buffer;
        buffer << in.rdbuf();
        auto doc = std::make_unique<rapidjson::Document>();
        doc->Parse(buffer.str().c_str());
        REQUIRE(doc->IsArray());
        return doc;
    };
    const auto numbers = load("upr_paragraph_numbers");
    const auto texts = load("upr_paragraph_text");
    const auto countries = load("upr_paragraph_countries");
    const rapidjson::SizeType n = numbers->Size();
    std::size_t number_ok = 0, text_ok = 0, states_ok = 0;
    for (rapidjson::SizeType i = 0; i < n; ++i) {
        const auto parts = readers::split_upr_paragraph((*numbers)[i]["text"].GetString());
        number_ok += parts.number == (*numbers)[i]["label"].GetString();
        text_ok += parts.text == (*texts)[i]["label"].GetString();
        std::vector<std::string> gold, got;
        for (const auto& c : (*countries)[i]["label"].GetArray())
            gold.push_back(official_state_name(c.GetString()));
        for (const auto& s : parts.states) got.push_back(official_state_name(s));
        states_ok += gold == got;
        if (gold != got || parts.text != (*texts)[i]["label"].GetString())
            UNSCOPED_INFO("differs: " << (*numbers)[i]["text"].GetString());
    }
    WARN("paragraph parsing on " << n << " gold paragraphs: number " << number_ok << ", text "
                                 << text_ok << ", states " << states_ok << " exact");
    CHECK(number_ok == n);
    CHECK(text_ok >= n * 97 / 100);
    CHECK(states_ok >= n * 97 / 100);
}

TEST_CASE("shared corpus: every UPR Working Group report gives clean recommendations",
          "[readers][shared]") {
    const std::string corpus = test::shared_corpus();
    if (corpus.empty()) return test::skip("../shared/corpus is absent");
    std::size_t reports = 0, empty_reports = 0, records = 0, with_states = 0, with_response = 0,
                noisy = 0;
    for (const auto& entry : std::filesystem::directory_iterator(corpus + "/raw/upr-wg-reports")) {
        const auto all = read_all(entry.path().string());
        ++reports;
        if (all.records.empty()) {
            ++empty_reports;
            UNSCOPED_INFO("no recommendations in " << entry.path().filename().string());
        }
        for (const auto& r : all.records) {
            ++records;
            with_states += !r.recommending_states.empty();
            with_response += !r.response.empty();
            const std::string& text = r.text.begin()->second;
            if (text.find("GE.") != std::string::npos || text.find("A/HRC/") != std::string::npos)
                ++noisy;
        }
    }
    WARN(reports << " reports: " << records << " recommendations, " << with_states
                 << " with recommending states, " << with_response << " with a response, " << noisy
                 << " with page noise, " << empty_reports << " reports without any");
    CHECK(empty_reports <= reports / 50);
    CHECK(records > 15000);
    CHECK(with_states >= records * 95 / 100);
    CHECK(noisy <= records / 200);
}
