// Matching: a paraphrase finds its original, noise is not content, suggestions carry evidence and
// abstain under the threshold, filters and exclusion hold, and the `match` command composes.
#include <rapidjson/document.h>
#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "support/temp_dir.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/match.hpp"
#include "tawsiya/record.hpp"
#include "tawsiya/schema.hpp"

using namespace tawsiya;

namespace {

Record make(const std::string& id, Lang lang, const std::string& text, const std::string& mechanism,
            const std::string& body, const std::vector<std::string>& themes,
            const std::vector<std::string>& responsible = {}) {
    Record r;
    r.id = id;
    r.text[lang] = text;
    r.mechanism = mechanism;
    r.body = body;
    r.state = "Morocco";
    r.year = 2017;
    if (!themes.empty()) r.tags["uhri_theme"] = themes;
    r.responsible = responsible;
    return r;
}

std::vector<Record> small_corpus() {
    return {
        make("t:1", Lang::en, "Ratify the Optional Protocol to the Convention against Torture.",
             "upr", "UPR", {"Torture"}, {"Ministry of Justice"}),
        make("t:2", Lang::en,
             "Investigate promptly all allegations of torture and ill-treatment by police officers "
             "and prosecute those responsible.",
             "treaty_body", "CAT", {"Torture"}, {"Ministry of Justice", "Police"}),
        make("t:3", Lang::en,
             "Guarantee free and compulsory primary education for all children, including girls in "
             "rural areas.",
             "treaty_body", "CRC", {"Education"}, {"Ministry of Education"}),
        make("t:4", Lang::en, "Abolish the death penalty and commute all death sentences.", "upr",
             "UPR", {"Death penalty"}, {"Parliament"}),
        make("t:5", Lang::en,
             "Adopt a comprehensive law criminalising domestic violence against women and provide "
             "shelters for victims.",
             "treaty_body", "CEDAW", {"Women"}, {"Ministry of Solidarity"}),
        make("t:6", Lang::en,
             "Ensure that detainees have access to a lawyer from the outset of police custody.",
             "treaty_body", "CAT", {"Torture", "Fair trial"}, {"Ministry of Justice"}),
        make("t:7", Lang::fr,
             "Garantir l'indépendance du pouvoir judiciaire et l'inamovibilité des juges.", "upr",
             "UPR", {"Justice"}, {"Ministry of Justice"}),
        make("t:8", Lang::fr, "Renforcer l'accès à l'éducation des filles dans les zones rurales.",
             "upr", "UPR", {"Education"}, {"Ministry of Education"}),
        make("t:9", Lang::ar, "إلغاء عقوبة الإعدام وتخفيف جميع أحكام الإعدام.", "upr", "UPR",
             {"Death penalty"}, {"Parliament"}),
        make("t:10", Lang::en,
             "Protect journalists and human rights defenders from harassment and arbitrary arrest.",
             "special_procedure", "Special Rapporteur on human rights defenders",
             {"Freedom of expression"}, {"Ministry of Interior"}),
    };
}

void build(const std::string& dir, const std::vector<Record>& records, const Analyzer& analyzer) {
    IndexWriter writer(dir, analyzer);
    for (const auto& r : records) writer.add(r);
    writer.commit();
}

std::vector<std::string> ids(const MatchResult& result) {
    std::vector<std::string> out;
    for (const auto& m : result.matches) out.push_back(m.record.id);
    return out;
}

}  // namespace

TEST_CASE("a paraphrase finds its original first, with a score in [0,1] and matched words",
          "[match]") {
    test::TempDir dir;
    const Analyzer analyzer;
    build(dir / "db", small_corpus(), analyzer);
    Matcher matcher(dir / "db", analyzer);

    MatchRequest request;
    request.text =
        "The police should see every torture allegation investigated without delay and "
        "the perpetrators prosecuted.";
    const MatchResult result = matcher.match(request);
    REQUIRE_FALSE(result.matches.empty());
    CHECK(result.matches.front().record.id == "t:2");
    CHECK(result.lang == Lang::en);
    for (const auto& m : result.matches) {
        CHECK(m.score >= 0);
        CHECK(m.score <= 1);
    }
    // The matches are in the ranker's order: its scores never rise down the list.
    const std::vector<RankedCandidate> ranked = matcher.candidates(request);
    REQUIRE(ranked.size() >= result.matches.size());
    for (std::size_t i = 0; i < result.matches.size(); ++i) {
        CHECK(ranked[i].id == result.matches[i].record.id);
        if (i > 0) CHECK(ranked[i - 1].score >= ranked[i].score);
    }
    const auto& terms = result.matches.front().matched_terms;
    CHECK(std::find(terms.begin(), terms.end(), "torture") != terms.end());
    CHECK(std::find(terms.begin(), terms.end(), "police") != terms.end());

    request.text = "إلغاء عقوبة الإعدام";
    CHECK(ids(matcher.match(request)).front() == "t:9");
    request.text = "Garantir l'indépendance des juges";
    CHECK(ids(matcher.match(request)).front() == "t:7");
}

TEST_CASE("a document without stored request stems is analysed to the same match", "[match]") {
    // Indexes written before the request-stem slot (schema.hpp, kSlotRequestStems) have none:
    // match analyses those candidates' texts, and must rank them exactly as it ranks the stored.
    Analyzer analyzer;
    test::TempDir dir;
    const std::string db = (dir.path() / "db").string();
    std::vector<Record> records = small_corpus();
    Record both = make("t:11", Lang::en, "Abolish capital punishment without delay.", "upr", "UPR",
                       {"Death penalty"});
    both.text[Lang::fr] = "Abolir la peine capitale sans tarder.";
    records.push_back(both);
    build(db, records, analyzer);

    const std::vector<std::pair<std::string, Lang>> texts{
        {"Investigate allegations of torture by the police.", Lang::en},
        {"Abolish the death penalty.", Lang::en},
        {"Abolir la peine de mort et commuer les condamnations.", Lang::fr},
        {"إلغاء عقوبة الإعدام", Lang::ar}};
    const auto rank_all = [&] {
        Matcher matcher(db, analyzer);
        std::vector<std::vector<RankedCandidate>> out;
        for (const auto& [text, lang] : texts) {
            MatchRequest request;
            request.text = text;
            request.lang = lang;
            request.k = 5;
            out.push_back(matcher.candidates(request));
        }
        return out;
    };
    const auto stored = rank_all();
    {
        Xapian::WritableDatabase w(db);
        for (Xapian::docid id = 1; id <= w.get_lastdocid(); ++id) {
            Xapian::Document doc = w.get_document(id);
            REQUIRE_FALSE(doc.get_value(schema::kSlotRequestStems).empty());
            doc.remove_value(schema::kSlotRequestStems);
            w.replace_document(id, doc);
        }
        w.commit();
    }
    const auto analysed = rank_all();
    REQUIRE(analysed.size() == stored.size());
    for (std::size_t q = 0; q < stored.size(); ++q) {
        INFO(texts[q].first);
        REQUIRE_FALSE(stored[q].empty());
        REQUIRE(analysed[q].size() == stored[q].size());
        for (std::size_t i = 0; i < stored[q].size(); ++i) {
            CHECK(analysed[q][i].id == stored[q][i].id);
            CHECK(analysed[q][i].score == stored[q][i].score);
            CHECK(analysed[q][i].features.cosine_same == stored[q][i].features.cosine_same);
            CHECK(analysed[q][i].features.cosine_translated ==
                  stored[q][i].features.cosine_translated);
            CHECK(analysed[q][i].features.slots_shared == stored[q][i].features.slots_shared);
        }
    }
}

TEST_CASE("the matcher ignores recommending states and paragraph numbers", "[match]") {
    test::TempDir dir;
    const Analyzer analyzer;
    auto records = small_corpus();
    // A record about France: the state's name must not pull it up.
    records.push_back(make("t:11", Lang::en, "Cooperate with France and Lithuania on migration.",
                           "upr", "UPR", {"Migrants"}));
    build(dir / "db", records, analyzer);
    Matcher matcher(dir / "db", analyzer);

    MatchRequest plain, noisy;
    plain.text = "Abolish the death penalty";
    noisy.text = "129.1 Abolish the death penalty (France) (Lithuania);";
    const MatchResult a = matcher.match(plain), b = matcher.match(noisy);
    CHECK(b.content == "Abolish the death penalty");
    REQUIRE(ids(a) == ids(b));
    for (std::size_t i = 0; i < a.matches.size(); ++i)
        CHECK(a.matches[i].score == Approx(b.matches[i].score));
    const auto noisy_ids = ids(b);
    CHECK(std::find(noisy_ids.begin(), noisy_ids.end(), "t:11") == noisy_ids.end());

    noisy.text = "Abolir la peine de mort (Norvège) ;";
    CHECK(matcher.match(noisy).content == "Abolir la peine de mort");
    noisy.text = "إلغاء عقوبة الإعدام (النرويج)؛";
    CHECK(matcher.match(noisy).content == "إلغاء عقوبة الإعدام");
}

TEST_CASE("a committee's wording of a prior UPR request matches it as the same request",
          "[match]") {
    test::TempDir dir;
    const Analyzer analyzer;
    auto records = small_corpus();
    // A committee's record on another topic: its formula must not pull it up.
    records.push_back(make("t:12", Lang::en,
                           "The Committee recommends that the State party protect migrant workers.",
                           "treaty_body", "CMW", {"Migrants"}));
    build(dir / "db", records, analyzer);
    Matcher matcher(dir / "db", analyzer);

    MatchRequest request;
    request.text =
        "The Committee recommends that the State party ratify the Optional Protocol to "
        "the Convention against Torture.";
    const MatchResult result = matcher.match(request);
    REQUIRE_FALSE(result.matches.empty());
    CHECK(result.matches.front().record.id == "t:1");
    CHECK(result.matches.front().score == Approx(1.0));
    const auto& words = result.matches.front().matched_terms;
    CHECK(std::find(words.begin(), words.end(), "committee") == words.end());
    const auto found = ids(result);
    CHECK(std::find(found.begin(), found.end(), "t:12") == found.end());
    CHECK(result.content ==
          "The Committee recommends that the State party ratify the Optional "
          "Protocol to the Convention against Torture");
}

TEST_CASE("suggestions carry evidence among the matches and abstain under the threshold",
          "[match]") {
    test::TempDir dir;
    const Analyzer analyzer;
    build(dir / "db", small_corpus(), analyzer);
    MatchRequest request;
    request.text = "Prosecute police officers responsible for torture of detainees in custody.";

    Matcher matcher(dir / "db", analyzer);
    const MatchResult result = matcher.match(request);
    std::set<std::string> matched;
    for (const auto& m : result.matches) matched.insert(m.record.id);
    for (const char* scheme : {"mechanism", "body", "responsible", "uhri_theme"}) {
        INFO(scheme);
        REQUIRE(result.suggestions.count(scheme));
        const auto& suggestions = result.suggestions.at(scheme);
        REQUIRE_FALSE(suggestions.empty());
        for (std::size_t i = 0; i < suggestions.size(); ++i) {
            const auto& s = suggestions[i];
            CHECK(s.confidence >= 0);
            CHECK(s.confidence <= 1);
            CHECK(s.abstain == (s.confidence < matcher.options().abstain_below));
            for (const auto& id : s.evidence) CHECK(matched.count(id));
            if (i > 0) CHECK(suggestions[i - 1].confidence >= s.confidence);
        }
    }
    CHECK(result.suggestions.at("uhri_theme").front().label == "Torture");
    CHECK(result.suggestions.at("responsible").front().label == "Ministry of Justice");

    MatchOptions strict;
    strict.abstain_below = 0.999;
    Matcher cautious(dir / "db", analyzer, strict);
    for (const auto& [scheme, suggestions] : cautious.match(request).suggestions)
        for (const auto& s : suggestions) CHECK(s.abstain);
    MatchOptions lenient;
    lenient.abstain_below = 0;
    Matcher bold(dir / "db", analyzer, lenient);
    for (const auto& [scheme, suggestions] : bold.match(request).suggestions)
        for (const auto& s : suggestions) CHECK_FALSE(s.abstain);
}

TEST_CASE("filters restrict the matches, exclude_id leaves a record out, bad requests are refused",
          "[match]") {
    test::TempDir dir;
    const Analyzer analyzer;
    build(dir / "db", small_corpus(), analyzer);
    Matcher matcher(dir / "db", analyzer);
    MatchRequest request;
    request.text = "torture police custody lawyer";
    request.filters["body"] = {"CAT"};
    const MatchResult filtered = matcher.match(request);
    REQUIRE_FALSE(filtered.matches.empty());
    for (const auto& m : filtered.matches) CHECK(m.record.body == "CAT");

    request.filters.clear();
    request.filters["uhri_theme"] = {"Fair trial"};
    CHECK(ids(matcher.match(request)) == std::vector<std::string>{"t:6"});

    // A state filter reads any spelling or language of the state's name.
    request.filters.clear();
    request.filters["state"] = {"Maroc"};
    CHECK(ids(matcher.match(request)) == ids(matcher.match([&] {
              MatchRequest all = request;
              all.filters.clear();
              return all;
          }())));
    request.filters["state"] = {"Tunisie"};
    CHECK(matcher.match(request).matches.empty());

    request.filters.clear();
    request.exclude_id = "t:6";
    for (const auto& id : ids(matcher.match(request))) CHECK(id != "t:6");

    request.filters["no_such_facet"] = {"x"};
    CHECK_THROWS_AS(matcher.match(request), UsageError);
    request.filters.clear();
    request.text = "   ";
    CHECK_THROWS_AS(matcher.match(request), UsageError);
    request.text = "torture";
    request.k = 0;
    CHECK_THROWS_AS(matcher.match(request), LimitError);
}

TEST_CASE("tawsiya match reads JSON lines and writes one JSON line per input", "[match][cli]") {
    test::TempDir dir;
    {
        const Analyzer analyzer;
        build(dir / "db", small_corpus(), analyzer);
    }
    {
        std::ofstream input(dir / "new.jsonl");
        input << R"({"id": "n1", "text": "Abolish the death penalty (Norway);"})"
              << "\n"
              << "this line is not JSON\n"
              << std::string(120000, '[') << std::string(120000, ']') << "\n"
              << R"({"id": "n2", "text": "Renforcer l'éducation des filles", "lang": "fr"})"
              << "\n";
    }
    const int code = test::run(
        {TAWSIYA_BINARY, "match", "--db", dir / "db", "--input", dir / "new.jsonl", "--k", "3"},
        dir / "out.log");
    CHECK(code == 0);
    std::ifstream log(dir / "out.log");
    std::vector<std::string> json_lines, other;
    for (std::string line; std::getline(log, line);)
        (line.rfind("{", 0) == 0 ? json_lines : other).push_back(line);
    REQUIRE(json_lines.size() == 2);
    rapidjson::Document first, second;
    first.Parse(json_lines[0].c_str());
    second.Parse(json_lines[1].c_str());
    REQUIRE(first.IsObject());
    REQUIRE(second.IsObject());
    CHECK(std::string(first["id"].GetString()) == "n1");
    CHECK(first["matches"].Size() <= 3);
    CHECK(std::string(first["matches"][0]["id"].GetString()) == "t:4");
    CHECK(first["matches"][0]["score"].GetDouble() > 0);
    CHECK(first["matches"][0]["matched_terms"].IsArray());
    CHECK(first["suggestions"]["body"][0].HasMember("evidence"));
    CHECK(first["suggestions"]["body"][0].HasMember("abstain"));
    CHECK(std::string(second["id"].GetString()) == "n2");
    CHECK(std::string(second["matches"][0]["id"].GetString()) == "t:8");
    REQUIRE(other.size() == 2);
    CHECK(other[0].find("new.jsonl:2:") != std::string::npos);
    // 240 KB of nested arrays: one bad line, not a crash that loses the others.
    CHECK(other[1].find("new.jsonl:3: JSON nested deeper than 64 levels") != std::string::npos);
}

namespace {

Record addressed(const std::string& id, const std::string& state, Lang lang,
                 const std::string& text) {
    Record r;
    r.id = id;
    r.text[lang] = text;
    r.mechanism = "upr";
    r.body = "UPR";
    r.state = state;
    return r;
}

}  // namespace

TEST_CASE("the state under review ranks first, found in the text or given, and the response says",
          "[match]") {
    test::TempDir dir;
    const Analyzer analyzer;
    // Two states asked the same thing; the state's own record is worded further from the text.
    build(dir / "db",
          {addressed("bh:1", "Bahrain", Lang::fr,
                     "Renforcer l'indépendance du pouvoir judiciaire et la formation des juges."),
           addressed("it:1", "Italy", Lang::fr, "Renforcer l'indépendance du pouvoir judiciaire."),
           addressed("ma:1", "Morocco", Lang::fr,
                     "Garantir l'indépendance de la justice, ce qui est important pour un procès "
                     "équitable."),
           addressed("ma:2", "Morocco", Lang::fr, "Abolir la peine de mort.")},
          analyzer);
    Matcher matcher(dir / "db", analyzer);
    MatchRequest request;
    request.text = "Le Maroc devrait renforcer l'indépendance du pouvoir judiciaire.";
    request.k = 3;
    const MatchResult found = matcher.match(request);
    CHECK(found.state == "Morocco");
    CHECK(found.state_reason.find("Maroc") != std::string::npos);
    REQUIRE_FALSE(found.matches.empty());
    CHECK(found.matches[0].record.id == "ma:1");
    // The state's name is not part of the request: "Maroc" matched nothing.
    for (const auto& word : found.matches[0].matched_terms) CHECK(word != "maroc");

    // Given in another language, the same state.
    request.text = "Renforcer l'indépendance du pouvoir judiciaire.";
    request.state = "المغرب";
    const MatchResult given = matcher.match(request);
    CHECK(given.state == "Morocco");
    CHECK(given.state_reason == "given");
    CHECK(given.matches[0].record.id == "ma:1");

    // Only the state's records, or every state alike.
    request.state_scope = StateScope::only;
    for (const auto& m : matcher.match(request).matches) CHECK(m.record.state == "Morocco");
    request.state_scope = StateScope::any;
    const MatchResult any = matcher.match(request);
    CHECK(any.state.empty());
    CHECK(any.matches[0].record.id == "it:1");
}

TEST_CASE("a same-language record with the request outranks one found through a translation",
          "[match][xlang]") {
    test::TempDir dir;
    const Analyzer analyzer;
    build(dir / "db",
          {addressed("en:1", "Slovenia", Lang::en,
                     "Provide more financial support for preserving the language and culture of "
                     "the Roma community."),
           addressed("ar:1", "Slovenia", Lang::ar, "دعم الثقافة واللغة الأمازيغية ماليا."),
           addressed("ar:2", "Slovenia", Lang::ar, "تعزيز الثقافة واللغة والتراث.")},
          analyzer);
    Matcher matcher(dir / "db", analyzer);
    MatchRequest request;
    request.text =
        "Slovenia should give more financial support to preserving the language and culture of "
        "the Roma community.";
    const MatchResult result = matcher.match(request);
    REQUIRE_FALSE(result.matches.empty());
    CHECK(result.matches[0].record.id == "en:1");
    CHECK(result.state == "Slovenia");
}

TEST_CASE("tawsiya match takes the state from --state or a line's state, and prints it",
          "[match][cli]") {
    test::TempDir dir;
    {
        const Analyzer analyzer;
        build(dir / "db",
              {addressed("tn:1", "Tunisia", Lang::en, "Abolish the death penalty."),
               addressed("ma:1", "Morocco", Lang::en,
                         "Abolish the death penalty for all crimes in law.")},
              analyzer);
    }
    {
        std::ofstream input(dir / "new.jsonl");
        input << R"({"id": "a", "text": "Abolish the death penalty."})"
              << "\n"
              << R"({"id": "b", "text": "Abolish the death penalty.", "state": "Tunisie"})"
              << "\n";
    }
    const int code = test::run({TAWSIYA_BINARY, "match", "--db", dir / "db", "--input",
                                dir / "new.jsonl", "--state", "Maroc", "--only-state"},
                               dir / "out.log");
    CHECK(code == 0);
    std::ifstream log(dir / "out.log");
    std::vector<rapidjson::Document> lines;
    for (std::string line; std::getline(log, line);) {
        if (line.rfind("{", 0) != 0) continue;
        lines.emplace_back().Parse(line.c_str());
    }
    REQUIRE(lines.size() == 2);
    CHECK(std::string(lines[0]["state"]["name"].GetString()) == "Morocco");
    CHECK(std::string(lines[0]["state"]["how"].GetString()) == "given");
    REQUIRE(lines[0]["matches"].Size() == 1);
    CHECK(std::string(lines[0]["matches"][0]["id"].GetString()) == "ma:1");
    CHECK(std::string(lines[1]["state"]["name"].GetString()) == "Tunisia");
    REQUIRE(lines[1]["matches"].Size() == 1);
    CHECK(std::string(lines[1]["matches"][0]["id"].GetString()) == "tn:1");

    CHECK(test::run({TAWSIYA_BINARY, "match", "--db", dir / "db", "--input", dir / "new.jsonl",
                     "--only-state", "--all-states"},
                    dir / "usage.log") == 2);
}

namespace {

// Torture is mostly the UPR's in this corpus: the neighbours alone would make a committee's text
// on torture a UPR recommendation.
std::vector<Record> issuer_corpus() {
    auto records = small_corpus();
    const char* upr_fr[] = {
        "Prévenir la torture dans les lieux de détention et enquêter sur les allégations de "
        "torture.",
        "Enquêter sur les allégations de torture et de mauvais traitements dans les prisons.",
        "Veiller à ce que les allégations de torture fassent l'objet d'enquêtes impartiales.",
        "Lutter contre la torture et les mauvais traitements en détention.",
    };
    int n = 0;
    for (const char* text : upr_fr)
        records.push_back(
            make("u:" + std::to_string(++n), Lang::fr, text, "upr", "UPR", {"Torture"}));
    records.push_back(make("c:1", Lang::fr,
                           "Enquêter sur toutes les allégations de torture et de mauvais "
                           "traitements par la police.",
                           "treaty_body", "CAT", {"Torture"}));
    records.push_back(make("c:2", Lang::fr,
                           "Garantir la liberté d'expression des journalistes et des blogueurs.",
                           "treaty_body", "CCPR", {"Freedom of expression"}));
    records.push_back(make("u:9", Lang::en,
                           "Ratify the OPCAT and establish a national preventive mechanism.", "upr",
                           "UPR", {"Torture"}));
    return records;
}

std::string mechanism_of_body(const std::string& body) {
    if (body == "UPR") return "upr";
    for (const char* committee :
         {"CAT", "CCPR", "CED", "CEDAW", "CERD", "CESCR", "CMW", "CRC", "CRPD", "SPT"})
        if (body == committee) return "treaty_body";
    return "special_procedure";
}

// The first mechanism suggested, and its bodies only.
std::string suggested_mechanism(const MatchResult& result) {
    REQUIRE(result.suggestions.count("mechanism"));
    const std::string mechanism = result.suggestions.at("mechanism").front().label;
    if (const auto bodies = result.suggestions.find("body"); bodies != result.suggestions.end())
        for (const auto& body : bodies->second) {
            INFO(body.label);
            CHECK(mechanism_of_body(body.label) == mechanism);
            CHECK(body.confidence <= result.suggestions.at("mechanism").front().confidence);
        }
    return mechanism;
}

std::string first_body(const MatchResult& result) {
    const auto bodies = result.suggestions.find("body");
    return bodies == result.suggestions.end() || bodies->second.empty()
               ? std::string()
               : bodies->second.front().label;
}

}  // namespace

TEST_CASE("a committee's wording makes a treaty body's suggestion, and the body follows",
          "[match][suggest]") {
    test::TempDir dir;
    const Analyzer analyzer;
    build(dir / "db", issuer_corpus(), analyzer);
    Matcher matcher(dir / "db", analyzer);

    MatchRequest request;
    request.text =
        "Le Comité recommande à l’État partie de veiller à ce que toutes les allégations de "
        "torture et de mauvais traitements fassent l’objet d’enquêtes.";
    MatchResult result = matcher.match(request);
    CHECK(suggested_mechanism(result) == "treaty_body");
    CHECK(first_body(result) == "CAT");
    CHECK(result.suggestions.at("mechanism").front().confidence >= 0.9);
    CHECK_FALSE(result.suggestions.at("mechanism").front().abstain);

    // Without the formula the same request reads as the UPR's, as its neighbours are.
    request.text =
        "Veiller à ce que toutes les allégations de torture et de mauvais traitements fassent "
        "l’objet d’enquêtes.";
    result = matcher.match(request);
    CHECK(suggested_mechanism(result) == "upr");
    CHECK(first_body(result) == "UPR");

    // A sub-paragraph's chapeau says it for it.
    request.context = "Le Comité recommande à l’État partie :";
    result = matcher.match(request);
    CHECK(suggested_mechanism(result) == "treaty_body");
    CHECK(first_body(result) == "CAT");
}

TEST_CASE("a committee's symbol names the body outright", "[match][suggest]") {
    test::TempDir dir;
    const Analyzer analyzer;
    build(dir / "db", issuer_corpus(), analyzer);
    Matcher matcher(dir / "db", analyzer);

    MatchRequest request;
    request.text =
        "Prévenir la torture dans les lieux de détention pour mineurs (CRC/C/MAR/CO/3-4, "
        "par. 40).";
    MatchResult result = matcher.match(request);
    CHECK(suggested_mechanism(result) == "treaty_body");
    REQUIRE(first_body(result) == "CRC");
    CHECK(result.suggestions.at("body").front().confidence >= 0.9);
    CHECK(result.suggestions.at("body").front().evidence.empty());  // no neighbour is the CRC's

    // The document's symbol, given beside the text.
    request.text = "Prévenir la torture dans les lieux de détention pour mineurs.";
    request.symbol = "CRC/C/MAR/CO/3-4";
    result = matcher.match(request);
    CHECK(suggested_mechanism(result) == "treaty_body");
    CHECK(first_body(result) == "CRC");
}

TEST_CASE("a special rapporteur's wording makes a special procedure's suggestion; the UPR's stays",
          "[match][suggest]") {
    test::TempDir dir;
    const Analyzer analyzer;
    build(dir / "db", issuer_corpus(), analyzer);
    Matcher matcher(dir / "db", analyzer);

    MatchRequest request;
    request.text =
        "The Special Rapporteur recommends that the Government ratify the Optional Protocol to "
        "the Convention against Torture and protect human rights defenders from harassment.";
    MatchResult result = matcher.match(request);
    CHECK(suggested_mechanism(result) == "special_procedure");
    CHECK(first_body(result) == "Special Rapporteur on human rights defenders");

    request.text = "Ratify the OPCAT (France);";
    result = matcher.match(request);
    CHECK(suggested_mechanism(result) == "upr");
    CHECK(first_body(result) == "UPR");

    // Every other text of the corpus: its bodies are its suggested mechanism's.
    for (const Record& r : issuer_corpus()) {
        request.text = r.text.begin()->second;
        INFO(request.text);
        suggested_mechanism(matcher.match(request));
    }
}
