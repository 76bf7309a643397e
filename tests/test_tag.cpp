// Tagging a document: its recommendations found in the three languages, then matched and tagged
// by the real binary against an index of the sample corpus.
#include <rapidjson/document.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/analyzer.hpp"
#include "support/skip.hpp"
#include "support/temp_dir.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/document_split.hpp"

using namespace tawsiya;

namespace {

using test::analyzer;

const char* kEnglish =
    "Concluding observations on the fifth periodic report of Atlantis\n"
    "\n"
    "C. Principal subjects of concern and recommendations\n"
    "\n"
    "Torture and ill-treatment\n"
    "\n"
    "11. The Committee is concerned about reports that persons held in police custody are\n"
    "beaten during questioning and that confessions obtained in this way are used in court.\n"
    "\n"
    "12. The Committee recommends that the State party:\n"
    "(a) Ensure that confessions obtained under torture are never admitted as evidence and that\n"
    "judges order a medical examination whenever torture is alleged;\n"
    "(b) Guarantee access to a lawyer from the outset of police custody;\n"
    "(c) Ratify the Optional Protocol to the Convention against Torture.\n"
    "\n"
    "Death penalty\n"
    "\n"
    "13. The State party should establish an official moratorium on executions with a view to\n"
    "abolishing the death penalty.\n";

const char* kFrench =
    "Peine de mort\r\n"
    "21. Le Comité note que des condamnations à mort continuent d’être prononcées.\r\n"
    "22. Le Comité recommande à l’État partie d’instaurer un moratoire officiel sur les "
    "exécutions en vue d’abolir la peine de mort.\r\n"
    "23. Le Comité exhorte l’État partie à ratifier le deuxième Protocole facultatif.\r\n";

const char* kArabic =
    "الاحتجاز\n"
    "١٤- تعرب اللجنة عن قلقها إزاء اكتظاظ السجون.\n"
    "١٥- توصي اللجنة الدولة الطرف بما يلي:\n"
    "(أ) الحد من اكتظاظ السجون باللجوء إلى العقوبات البديلة؛\n"
    "(ب) ضمان حصول كل محتجز على طبيب.\n";

}  // namespace

TEST_CASE("the recommendations of concluding observations, in English", "[tag][split]") {
    const auto paragraphs = split_recommendations(kEnglish, analyzer());
    REQUIRE(paragraphs.size() == 4);
    CHECK(paragraphs[0].number == "12 (a)");
    CHECK(paragraphs[0].line == 11);
    CHECK(paragraphs[0].context == "The Committee recommends that the State party:");
    CHECK(paragraphs[0].text ==
          "Ensure that confessions obtained under torture are never admitted as evidence and that "
          "judges order a medical examination whenever torture is alleged;");
    CHECK(paragraphs[1].number == "12 (b)");
    CHECK(paragraphs[2].number == "12 (c)");
    CHECK(paragraphs[3].number == "13");
    CHECK(paragraphs[3].line == 18);
    for (const auto& p : paragraphs) CHECK(p.lang == Lang::en);
}

TEST_CASE("French recommendations; the observation is left out", "[tag][split]") {
    const auto paragraphs = split_recommendations(kFrench, analyzer());
    REQUIRE(paragraphs.size() == 2);
    CHECK(paragraphs[0].number == "22");
    CHECK(paragraphs[1].number == "23");
    CHECK(paragraphs[0].lang == Lang::fr);
}

TEST_CASE("Arabic recommendations numbered in Arabic-Indic digits and abjad letters",
          "[tag][split]") {
    const auto paragraphs = split_recommendations(kArabic, analyzer());
    REQUIRE(paragraphs.size() == 2);
    CHECK(paragraphs[0].number == "15 (أ)");
    CHECK(paragraphs[0].text == "الحد من اكتظاظ السجون باللجوء إلى العقوبات البديلة؛");
    CHECK(paragraphs[1].number == "15 (ب)");
    CHECK(paragraphs[1].lang == Lang::ar);
    CHECK(paragraphs[0].line == 4);
}

TEST_CASE("a numbered paragraph of 100 KB and a line of 1 MB are split, not a crash",
          "[tag][split][hostile]") {
    // std::regex recursed once per character of a line: 30 KB overflowed the stack.
    std::string words;
    while (words.size() < (1 << 20)) words += "the independence of the judiciary ";
    const std::string document = "12. The Committee recommends that the State party " +
                                 words.substr(0, 100000) + "\n\n" + words + "\n\n(a) " + words +
                                 "\n\n13. The State party should ratify the Convention.\n";
    const auto paragraphs = split_recommendations(document, analyzer(), Lang::en);
    REQUIRE(paragraphs.size() == 2);
    // The sub-paragraph after the blank lines is paragraph 12's: its chapeau is the 100 KB.
    CHECK(paragraphs[0].number == "12 (a)");
    CHECK(paragraphs[0].context.size() > 100000);
    CHECK(paragraphs[1].number == "13");
    CHECK(paragraphs[1].line == 7);
}

TEST_CASE("`tawsiya tag` matches and tags each recommendation, as JSON lines or CSV",
          "[tag][cli]") {
    test::TempDir dir;
    const std::string db = test::index_sample_corpus(dir);
    if (db.empty()) return test::skip("corpus/sample.jsonl is missing");
    const std::string document = dir / "observations.txt";
    std::ofstream(document) << kEnglish;

    REQUIRE(test::run({TAWSIYA_BINARY, "tag", "--db", db, document}, dir / "tag.out") == 0);
    std::ifstream out(dir / "tag.out");
    std::vector<rapidjson::Document> lines;
    for (std::string line; std::getline(out, line);) {
        if (line.empty() || line[0] != '{') continue;  // the summary line on stderr
        lines.emplace_back();
        lines.back().Parse(line.c_str());
        REQUIRE_FALSE(lines.back().HasParseError());
    }
    REQUIRE(lines.size() == 4);
    CHECK(std::string(lines[0]["paragraph"].GetString()) == "12 (a)");
    // "Concluding observations" in its title: a treaty body's document.
    CHECK(std::string(lines[0]["issuer"]["mechanism"].GetString()) == "treaty_body");
    CHECK(lines[0]["line"].GetUint() == 11);
    // The sample holds the same request (confessions under torture) twice.
    const std::string top = lines[0]["matches"][0]["id"].GetString();
    CHECK((top == "sample:d033" || top == "sample:d034"));
    CHECK(lines[0]["suggestions"].HasMember("uhri_theme"));

    REQUIRE(test::run({TAWSIYA_BINARY, "tag", "--db", db, document, "--format", "csv"},
                      dir / "tag.csv") == 0);
    std::ifstream csv(dir / "tag.csv");
    std::string header;
    std::getline(csv, header);
    CHECK(header.rfind("\xEF\xBB\xBFparagraph,line,lang,text,top_match,top_match_score", 0) == 0);
    std::size_t rows = 0;
    for (std::string line; std::getline(csv, line);)
        if (line.rfind("12 (", 0) == 0 || line.rfind("13,", 0) == 0) ++rows;
    CHECK(rows == 4);

    CHECK(test::run({TAWSIYA_BINARY, "tag", "--db", db, document, "--format", "xml"},
                    dir / "bad.out") == 2);
    CHECK(test::run({TAWSIYA_BINARY, "tag", "--db", db, dir / "missing.txt"}, dir / "bad.out") ==
          1);
}

TEST_CASE("`tawsiya tag`: a recommendation over the matcher's limit is reported, the others tagged",
          "[tag][cli][hostile]") {
    test::TempDir dir;
    const std::string db = test::index_sample_corpus(dir);
    if (db.empty()) {
        WARN("corpus/sample.jsonl is missing: skipped");
        return;
    }
    std::string words;
    while (words.size() < 25000) words += "the independence of the judiciary ";
    const std::string document = dir / "long.txt";
    std::ofstream(document) << "12. The State party should ratify the Convention " << words
                            << "\n\n13. The State party should abolish the death penalty.\n";
    // It used to end the whole run with the usage exit code, nothing printed for paragraph 13.
    for (const std::string format : {"jsonl", "csv"}) {
        INFO(format);
        REQUIRE(test::run({TAWSIYA_BINARY, "tag", "--db", db, document, "--format", format},
                          dir / "tag.out") == 0);
        std::ifstream in(dir / "tag.out");
        std::stringstream out;
        out << in.rdbuf();
        CHECK_THAT(
            out.str(),
            Catch::Contains(document + ":1: recommendation 12: text: longer than 20000 bytes"));
        CHECK_THAT(out.str(),
                   Catch::Contains("2 recommendations found in " + document + "; 1 refused"));
        CHECK_THAT(out.str(), Catch::Contains(format == "csv" ? "\n13," : "\"paragraph\":\"13\""));
        CHECK_THAT(out.str(), !Catch::Contains(format == "csv" ? "\n12," : "\"paragraph\":\"12\""));
    }
}

TEST_CASE("`tawsiya tag` reads a Windows-edited file: a CRLF ends one line", "[tag][cli]") {
    test::TempDir dir;
    const std::string db = test::index_sample_corpus(dir);
    if (db.empty()) {
        WARN("corpus/sample.jsonl is missing: skipped");
        return;
    }
    const std::string document = dir / "windows.txt";
    std::ofstream(document, std::ios::binary)
        << "12. The Committee recommends that the State party\r\nratify the Optional Protocol "
           "to the Convention against Torture.\r\n\r\n13. The State party should\r\n"
           "establish a moratorium on executions.\r\n";
    REQUIRE(test::run({TAWSIYA_BINARY, "tag", "--db", db, document}, dir / "tag.out") == 0);
    std::ifstream out(dir / "tag.out");
    std::vector<std::pair<std::string, std::string>> found;  // paragraph, text
    for (std::string line; std::getline(out, line);) {
        if (line.empty() || line[0] != '{') continue;
        rapidjson::Document doc;
        doc.Parse(line.c_str());
        REQUIRE_FALSE(doc.HasParseError());
        found.emplace_back(doc["paragraph"].GetString(), doc["text"].GetString());
    }
    REQUIRE(found.size() == 2);
    CHECK(found[0].second ==
          "The Committee recommends that the State party ratify the Optional Protocol to the "
          "Convention against Torture.");
    CHECK(found[1] == std::pair<std::string, std::string>(
                          "13", "The State party should establish a moratorium on executions."));
}

TEST_CASE("a document's own symbol is in its opening lines", "[tag][split]") {
    CHECK(document_symbol("Nations Unies\nCAT/C/ATL/CO/5\nDistr. générale\n") == "CAT/C/ATL/CO/5");
    CHECK_FALSE(document_symbol(kEnglish));
    // A symbol cited further on is another document's.
    CHECK_FALSE(document_symbol(std::string(kEnglish) + std::string(600, ' ') +
                                "14. Recalling CCPR/C/ATL/CO/3, the Committee recommends ...\n"));
}

TEST_CASE("`tawsiya tag` suggests the issuer its chapeau and its symbol name", "[tag][cli]") {
    test::TempDir dir;
    const std::string db = test::index_sample_corpus(dir);
    if (db.empty()) return test::skip("corpus/sample.jsonl is missing");
    const auto first_labels = [&](const std::string& text, std::vector<std::string> extra = {}) {
        std::ofstream(dir / "doc.txt") << text;
        std::vector<std::string> command = {TAWSIYA_BINARY, "tag", "--db", db, dir / "doc.txt"};
        command.insert(command.end(), extra.begin(), extra.end());
        REQUIRE(test::run(command, dir / "tag.out") == 0);
        std::ifstream out(dir / "tag.out");
        std::string line;
        while (std::getline(out, line) && (line.empty() || line[0] != '{')) {
        }
        rapidjson::Document doc;
        doc.Parse(line.c_str());
        REQUIRE(doc.IsObject());
        const auto& suggestions = doc["suggestions"];
        return std::pair<std::string, std::string>(
            suggestions["mechanism"][0]["label"].GetString(),
            suggestions.HasMember("body") ? suggestions["body"][0]["label"].GetString() : "");
    };
    // 12(a): "(a) Ensure that confessions ..." under "The Committee recommends that the State
    // party:".
    CHECK(first_labels(kEnglish).first == "treaty_body");
    CHECK(first_labels(std::string("CRC/C/ATL/CO/5\n\n") + kEnglish) ==
          std::pair<std::string, std::string>("treaty_body", "CRC"));
    CHECK(first_labels(kEnglish, {"--symbol", "CEDAW/C/ATL/CO/5"}).second == "CEDAW");
    // Arabic sub-paragraphs under « توصي اللجنة الدولة الطرف بما يلي: » keep their committee.
    CHECK(first_labels(kArabic).first == "treaty_body");
}

TEST_CASE("`tawsiya tag` reads the state under review from the document, or --state",
          "[tag][cli]") {
    test::TempDir dir;
    const std::string db = test::index_sample_corpus(dir);
    if (db.empty()) return test::skip("corpus/sample.jsonl is missing");
    const std::string document = dir / "observations.txt";
    std::ofstream(document)
        << "Concluding observations on the fourth periodic report of Morocco\n\n"
           "12. The Committee recommends that the State party:\n"
           "(a) Ensure that confessions obtained under torture are never "
           "admitted as evidence;\n"
           "(b) Cooperate with Algeria and Tunisia on the return of "
           "migrants with full respect for their rights.\n";
    const auto states = [&](std::vector<std::string> extra) {
        std::vector<std::string> command = {TAWSIYA_BINARY, "tag", "--db", db, document};
        command.insert(command.end(), extra.begin(), extra.end());
        REQUIRE(test::run(command, dir / "tag.out") == 0);
        std::ifstream out(dir / "tag.out");
        std::vector<std::pair<std::string, std::string>> found;
        for (std::string line; std::getline(out, line);) {
            if (line.empty() || line[0] != '{') continue;
            rapidjson::Document doc;
            doc.Parse(line.c_str());
            REQUIRE(doc["state"].IsObject());
            found.emplace_back(doc["state"]["name"].GetString(), doc["state"]["how"].GetString());
        }
        return found;
    };
    const auto from_document = states({});
    REQUIRE(from_document.size() == 2);
    for (const auto& [name, how] : from_document) {
        // A sub-paragraph naming partner states is still about the document's state.
        CHECK(name == "Morocco");
        CHECK(how.rfind("the document: ", 0) == 0);
    }
    const auto given = states({"--state", "Tunisie"});
    REQUIRE(given.size() == 2);
    CHECK(given[0].first == "Tunisia");
    CHECK(given[0].second == "given");
}
