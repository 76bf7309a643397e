// The splitter by document kind (document_split.hpp), on texts written here: concluding
// observations in the three languages and their sub-paragraph styles, UPR Working Group reports
// of both cycles, a special procedure's report, and hostile input.
#include <catch2/catch.hpp>

#include <string>

#include "support/analyzer.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/document_split.hpp"

using namespace tawsiya;

namespace {

using test::analyzer;

std::vector<std::string> numbers(const std::vector<DocumentParagraph>& paragraphs) {
    std::vector<std::string> out;
    for (const auto& p : paragraphs) out.push_back(p.number);
    return out;
}

using Numbers = std::vector<std::string>;

}  // namespace

TEST_CASE("French sub-paragraphs a), b) each inherit the chapeau and the committee",
          "[split][tag]") {
    const std::string document =
        "Nations Unies\n"
        "CAT/C/ATL/CO/5\n"
        "Comité contre la torture\n"
        "Observations finales concernant le cinquième rapport périodique de l’Atlantide\n"
        "\n"
        "23. Le Comité est préoccupé par les informations selon lesquelles des aveux obtenus "
        "sous la torture ont été admis comme preuves.\n"
        "24. Le Comité recommande à l’État partie :\n"
        "a) De veiller à ce que les aveux obtenus par la torture ne soient jamais admis\n"
        "comme éléments de preuve ;\n"
        "b) De garantir l’accès à un avocat dès le début de la garde à vue.\n"
        "25. Le Comité recommande à l’État partie : a) De ratifier le Protocole facultatif ; "
        "b) D’abolir la peine de mort.\n";
    const SplitDocument split = split_document(document, analyzer());
    CHECK(split.kind == DocumentKind::concluding_observations);
    CHECK(split.symbol == "CAT/C/ATL/CO/5");
    const auto& p = split.paragraphs;
    REQUIRE(numbers(p) == Numbers{"24 (a)", "24 (b)", "25 (a)", "25 (b)"});
    // The continuation line is part of its sub-paragraph.
    CHECK(p[0].text ==
          "De veiller à ce que les aveux obtenus par la torture ne soient jamais admis comme "
          "éléments de preuve ;");
    CHECK(p[0].context == "Le Comité recommande à l’État partie :");
    CHECK(p[0].line == 8);
    CHECK(p[1].line == 10);
    CHECK(p[3].text == "D’abolir la peine de mort.");
    for (const auto& paragraph : p) {
        CHECK(paragraph.lang == Lang::fr);
        CHECK(paragraph.mechanism == "treaty_body");
        CHECK(paragraph.body == "CAT");
    }
}

TEST_CASE("Arabic sub-paragraphs (أ), (ب) under « توصي اللجنة » keep the committee",
          "[split][tag]") {
    const std::string document =
        "لجنة مناهضة التعذيب\n"
        "الملاحظات الختامية بشأن التقرير الدوري الخامس لأتلانتس\n"
        "\n"
        "١٤- تعرب اللجنة عن قلقها إزاء اكتظاظ السجون.\n"
        "١٥- توصي اللجنة الدولة الطرف بما يلي:\n"
        "(أ) الحد من اكتظاظ السجون باللجوء إلى العقوبات البديلة؛\n"
        "(ب) ضمان حصول كل محتجز على طبيب.\n";
    const SplitDocument split = split_document(document, analyzer());
    CHECK(split.kind == DocumentKind::concluding_observations);
    const auto& p = split.paragraphs;
    REQUIRE(numbers(p) == Numbers{"15 (أ)", "15 (ب)"});
    CHECK(p[0].text == "الحد من اكتظاظ السجون باللجوء إلى العقوبات البديلة؛");
    CHECK(p[1].context == "توصي اللجنة الدولة الطرف بما يلي:");
    CHECK(p[1].lang == Lang::ar);
    CHECK(p[1].mechanism == "treaty_body");
    CHECK(p[1].body == "CAT");  // named in the title, there is no symbol
}

TEST_CASE("English sub-paragraphs (a), (b): the chapeau and the committee its symbol names",
          "[split][tag]") {
    const std::string document =
        "CRC/C/ATL/CO/3-4\n"
        "Concluding observations on the combined third and fourth reports of Atlantis\n"
        "\n"
        "30. The Committee notes the adoption of the Children Act in 2015.\n"
        "31. The Committee recommends that the State party:\n"
        "(a) Prohibit corporal punishment in all settings;\n"
        "(b) Raise awareness of positive, non-violent forms of discipline.\n"
        "\n"
        "Birth registration\n"
        "\n"
        "32. The State party should ensure free birth registration for all children.\n";
    const auto p = split_recommendations(document, analyzer());
    REQUIRE(numbers(p) == Numbers{"31 (a)", "31 (b)", "32"});
    CHECK(p[0].context == "The Committee recommends that the State party:");
    CHECK(p[1].context == p[0].context);
    CHECK(p[2].context.empty());
    for (const auto& paragraph : p) {
        CHECK(paragraph.mechanism == "treaty_body");
        CHECK(paragraph.body == "CRC");
    }
}

TEST_CASE("a first-cycle UPR report: numbered lists under a paragraph, their sub-items",
          "[split][upr]") {
    const std::string document =
        "A/HRC/8/99\n"
        "Report of the Working Group on the Universal Periodic Review: Atlantis\n"
        "II. CONCLUSIONS AND/OR RECOMMENDATIONS ........................ 60 - 62 16\n"
        "12. Norway welcomed the report and recommended that Atlantis ratify the Convention.\n"
        "II. CONCLUSIONS AND/OR RECOMMENDATIONS\n"
        "60. In the course of the discussion, the following recommendations were made to "
        "Atlantis:\n"
        "1. \t\n"
        "To ratify the Convention on the Rights of Persons with Disabilities\n"
        "GE.08-13456\n"
        "A/HRC/8/99\n"
        "page 17\n"
        "as soon as possible (Norway);\n"
        "\n"
        "2. \t\n"
        "To adopt a law on domestic violence (Chile);\n"
        "\n"
        "3. To consider: (a) acceding to the Convention; (b) withdrawing its reservations "
        "(Peru);\n"
        "The recommendations listed above enjoy the support of Atlantis.\n"
        "61. The response of Atlantis to these recommendations will be included in the outcome "
        "report.\n"
        "62. All conclusions and/or recommendations contained in the present report reflect the "
        "position of the submitting State(s).\n"
        "III. VOLUNTARY COMMITMENTS OF THE STATE UNDER REVIEW\n"
        "63. Atlantis made the following voluntary commitments:\n"
        "1. To organize an annual meeting with civil society;\n";
    const SplitDocument split = split_document(document, analyzer());
    CHECK(split.kind == DocumentKind::upr_report);
    const auto& p = split.paragraphs;
    REQUIRE(numbers(p) == Numbers{"60.1", "60.2", "60.3"});
    // Page furniture falls out of the item it interrupts.
    CHECK(p[0].text ==
          "To ratify the Convention on the Rights of Persons with Disabilities as soon as possible "
          "(Norway);");
    CHECK(p[0].line == 7);
    CHECK(p[2].text ==
          "To consider: (a) acceding to the Convention; (b) withdrawing its "
          "reservations (Peru);");
    CHECK(p[0].context ==
          "In the course of the discussion, the following recommendations were made to Atlantis:");
    CHECK(p[2].note == "The recommendations listed above enjoy the support of Atlantis.");
    for (const auto& paragraph : p) {
        CHECK(paragraph.mechanism == "upr");
        CHECK(paragraph.body == "UPR");
    }
}

TEST_CASE("a UPR item whose number has no dot after it does not merge into the one before",
          "[split][upr]") {
    const std::string document =
        "II. Conclusions and/or recommendations\n"
        "129. The recommendations formulated during the interactive dialogue, listed below, "
        "enjoy the support of Atlantis:\n"
        "129.50. Continue the moratorium on the death penalty (Austria, Spain); 129.51 Adopt a "
        "specific law on domestic violence (Belgium);\n"
        "129.52 Take measures to reduce prison overcrowding (Austria);\n"
        "130. The recommendations below did not enjoy the support of Atlantis:\n"
        "130.1. Abolish the death penalty (France);\n";
    const auto p = split_recommendations(document, analyzer(), Lang::en);
    REQUIRE(numbers(p) == Numbers{"129.50", "129.51", "129.52", "130.1"});
    CHECK(p[0].text == "Continue the moratorium on the death penalty (Austria, Spain);");
    CHECK(p[1].text == "Adopt a specific law on domestic violence (Belgium);");
    CHECK(p[3].context == "The recommendations below did not enjoy the support of Atlantis:");
}

TEST_CASE("narrative paragraphs are left out", "[split]") {
    // In a UPR report, the paragraphs of the section that only introduce or close its lists; in
    // the dialogue, a number that continues nothing ("paragraph 15 (a)").
    const std::string upr =
        "3. The following documents were issued: (a) a national report submitted in accordance "
        "with paragraph 15 (a); (b) a compilation.\n"
        "II. Conclusions and/or recommendations\n"
        "86. The recommendations formulated during the interactive dialogue have been examined "
        "by Atlantis and the recommendations listed below enjoy its support:\n"
        "86.1. Ratify the Convention against Torture (Chile);\n"
        "87. The following recommendations will be examined by Atlantis, which will provide "
        "responses in due time.\n"
        "88. All conclusions and/or recommendations contained in the present report reflect the "
        "position of the submitting State(s).\n";
    CHECK(numbers(split_recommendations(upr, analyzer(), Lang::en)) == Numbers{"86.1"});
    // In concluding observations, observations and headings.
    const std::string observations =
        "Concluding observations on the second report of Atlantis\n"
        "A. Positive aspects\n"
        "4. The Committee welcomes the adoption of the Act on Equality.\n"
        "5. The Committee is concerned that the State party has not adopted a definition of "
        "torture in article 2 of its Criminal Code.\n"
        "6. The Committee urges the State party to adopt a definition of torture.\n";
    CHECK(numbers(split_recommendations(observations, analyzer(), Lang::en)) == Numbers{"6"});
}

TEST_CASE("a first-cycle UPR report's conclusions refer to the dialogue's recommendations",
          "[split][upr]") {
    const std::string document =
        "27. Australia welcomed the report. It recommended that Atlantis: (a) strengthen the "
        "protection of minorities; (b) abolish the death penalty; and it recommended (c) that "
        "the new media regulations be extended to all journalists.\n"
        "28. Canada recommended that Atlantis establish a national human rights institution.\n"
        "II. Conclusions and/or recommendations\n"
        "114. The recommendations formulated during the interactive dialogue have been examined "
        "by Atlantis and the recommendations listed below enjoy the support of Atlantis:\n"
        "1. Continue its efforts for the promotion of human rights (Oman);\n"
        "115. The recommendations noted in the report in paragraphs 27 (b), (c) and 28 did not "
        "enjoy the support of Atlantis.\n";
    const auto p = split_recommendations(document, analyzer(), Lang::en);
    REQUIRE(numbers(p) == Numbers{"114.1", "27 (b)", "27 (c)", "28"});
    CHECK(p[1].text == "abolish the death penalty; and it recommended");
    CHECK(p[2].text == "that the new media regulations be extended to all journalists.");
    CHECK(p[1].context.find("did not enjoy the support") != std::string::npos);
    CHECK(p[1].line == 1);
}

TEST_CASE("a special procedure's report: the recommendations of its recommendations section",
          "[split]") {
    const std::string document =
        "A/HRC/35/99/Add.1\n"
        "Report of the Special Rapporteur on the right to education on his mission to Atlantis\n"
        "\n"
        "40. The Government should, according to its officials, build 200 schools.\n"
        "\n"
        "V. Recommendations\n"
        "\n"
        "71. The Special Rapporteur recommends that the Government:\n"
        "(a) Make primary education free for all;\n"
        "(b) Allocate at least 4 per cent of gross domestic product to education.\n"
        "72. The Government should adopt a plan for inclusive education.\n";
    const SplitDocument split = split_document(document, analyzer());
    CHECK(split.kind == DocumentKind::special_procedure);
    const auto& p = split.paragraphs;
    REQUIRE(numbers(p) == Numbers{"71 (a)", "71 (b)", "72"});
    CHECK(p[0].context == "The Special Rapporteur recommends that the Government:");
    for (const auto& paragraph : p) CHECK(paragraph.mechanism == "special_procedure");
}

TEST_CASE("line endings: CRLF and a lone CR end one line each, continuation lines are kept",
          "[split]") {
    const std::string lf =
        "12. The Committee recommends that the State party\nensure that confessions are never "
        "admitted.\n\n13. The State party should ratify the Convention.\n";
    std::string crlf, cr;
    for (const char c : lf) {
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        cr += c == '\n' ? '\r' : c;
    }
    const auto expected = split_recommendations(lf, analyzer(), Lang::en);
    REQUIRE(numbers(expected) == Numbers{"12", "13"});
    CHECK(expected[0].text ==
          "The Committee recommends that the State party ensure that confessions are never "
          "admitted.");
    CHECK(expected[1].line == 4);
    for (const std::string& document : {crlf, cr}) {
        const auto p = split_recommendations(document, analyzer(), Lang::en);
        REQUIRE(p.size() == 2);
        CHECK(p[0].text == expected[0].text);
        CHECK(p[1].line == 4);
    }
}

TEST_CASE("a line of 30 KB dense with marks is split in linear time, not a crash",
          "[split][hostile]") {
    // Every ". " and "; " is a place a mark may stand: none may cost more than its neighbourhood.
    std::string line =
        "II. Conclusions and/or recommendations\n129. The recommendations below "
        "enjoy the support of Atlantis:";
    for (int i = 1; line.size() < 30000; ++i)
        line += " 129." + std::to_string(i) + " Ratify it (a) now; (b) 1. 2. 3; (Chile);";
    line += "\n";
    const auto p = split_recommendations(line, analyzer(), Lang::en);
    REQUIRE(p.size() >= 500);
    CHECK(p[0].number == "129.1");
    CHECK(p[1].number == "129.2");
    // The same without structure, and as one sub-paragraph run of a megabyte.
    std::string flat(30000, 'a');
    for (std::size_t i = 7; i < flat.size(); i += 8) flat[i] = i % 16 == 7 ? '.' : ' ';
    CHECK(split_recommendations(flat, analyzer(), Lang::en).empty());
    std::string letters = "12. The Committee recommends that the State party:";
    while (letters.size() < (1 << 20)) letters += " (a) x; (b) y; (c) z;";
    CHECK(split_recommendations(letters, analyzer(), Lang::en).size() >= 3);
    // A first letter inside a sentence looks ahead for the second: once per line, not per "(a)".
    std::string firsts = "12. The Committee recommends that the State party";
    while (firsts.size() < (1 << 20)) firsts += " consider (a) it";
    const auto one = split_recommendations(firsts, analyzer(), Lang::en);
    REQUIRE(one.size() == 1);
    CHECK(one[0].number == "12");
}
