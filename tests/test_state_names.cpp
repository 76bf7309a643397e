// State names: one canonical name per state whatever the spelling or language, the name shown
// in each language, and the state a recommendation's text addresses.
#include <rapidjson/document.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "../indexer/states/state_table.hpp"
#include "support/skip.hpp"
#include "support/temp_dir.hpp"
#include "tawsiya/state_names.hpp"

using namespace tawsiya;

namespace {

std::string detected(std::string_view text, std::optional<Lang> lang = std::nullopt) {
    const auto mention = detect_state(text, lang);
    return mention ? mention->state : std::string("(none)");
}

// The text of the mention detect_state found.
std::string mention_text(std::string_view text) {
    const auto mention = detect_state(text);
    return mention ? std::string(text.substr(mention->offset, mention->length)) : std::string();
}

}  // namespace

TEST_CASE("state names: the table holds every UN member state, Palestine and the Holy See",
          "[states]") {
    const auto rows = states::state_rows();
    CHECK(rows.size() == 195);
    std::set<std::string_view> names;
    for (const auto& row : rows) {
        names.insert(row.name);
        CHECK_FALSE(row.fr.empty());
        CHECK_FALSE(row.ar.empty());
    }
    CHECK(names.size() == 195);
    CHECK(names.count("State of Palestine"));
    CHECK(names.count("Holy See"));
}

TEST_CASE("state names: every name of the table leads back to its own state, no name to two",
          "[states]") {
    for (const auto& row : states::state_rows()) {
        INFO(row.name);
        CHECK(canonical_state(row.name) == std::string(row.name));
        for (std::string_view list : {row.en, row.fr, row.ar})
            states::for_each_form(list, [&](std::string_view form) {
                INFO(form);
                CHECK(canonical_state(form) == std::string(row.name));
            });
        for (const Lang lang : kAllLangs)
            CHECK(canonical_state(state_display_name(row.name, lang)) == std::string(row.name));
    }
}

TEST_CASE("state names: canonical names across spellings and languages", "[states]") {
    CHECK(canonical_state("Tanzania") == "United Republic of Tanzania");
    CHECK(canonical_state("St Lucia") == "Saint Lucia");
    CHECK(canonical_state("Antigua & Barbuda") == "Antigua and Barbuda");
    CHECK(canonical_state("Macedonia FYR") == "North Macedonia");
    CHECK(canonical_state("DPR Korea") == "Democratic People's Republic of Korea");
    CHECK(canonical_state("Syria") == "Syrian Arab Republic");
    CHECK(canonical_state("St Kitts & Nevis") == "Saint Kitts and Nevis");
    CHECK(canonical_state("Sao Tome & Principe") == "Sao Tome and Principe");
    CHECK(canonical_state("Guinea Bissau") == "Guinea-Bissau");
    CHECK(canonical_state("Democratic Republic of Congo") == "Democratic Republic of the Congo");
    CHECK(canonical_state("Republic of Congo") == "Congo");
    CHECK(canonical_state("Laos") == "Lao People's Democratic Republic");
    CHECK(canonical_state("Swaziland") == "Eswatini");
    CHECK(canonical_state("Cape Verde") == "Cabo Verde");
    CHECK(canonical_state("Czech Republic") == "Czechia");
    CHECK(canonical_state("Turkey") == "Türkiye");
    CHECK(canonical_state("cote d'ivoire") == "Côte d'Ivoire");
    CHECK(canonical_state("the former Yugoslav Republic of Macedonia") == "North Macedonia");

    CHECK(canonical_state("Chine") == "China");
    CHECK(canonical_state("Italie") == "Italy");
    CHECK(canonical_state("États-Unis d’Amérique") == "United States of America");
    CHECK(canonical_state(" Norvège ") == "Norway");
    CHECK(canonical_state("Royaume-Uni de Grande-Bretagne et d’Irlande du Nord") ==
          "United Kingdom of Great Britain and Northern Ireland");
    CHECK(canonical_state("Maroc") == "Morocco");
    CHECK(canonical_state("le Royaume du Maroc") == "Morocco");
    CHECK(canonical_state("République-Unie de Tanzanie") == "United Republic of Tanzania");
    CHECK(canonical_state("Pays-Bas") == "Netherlands");
    CHECK(canonical_state("l’Algérie") == "Algeria");
    CHECK(canonical_state("Côte d’Ivoire") == "Côte d'Ivoire");

    CHECK(canonical_state("المغرب") == "Morocco");
    CHECK(canonical_state("المملكة المغربية") == "Morocco");
    CHECK(canonical_state("تونس") == "Tunisia");
    CHECK(canonical_state("عُمان") == "Oman");
    CHECK(canonical_state("عمان") == "Oman");
    CHECK(canonical_state("الجمهورية العربية السورية") == "Syrian Arab Republic");
    CHECK(canonical_state("إندونيسيا") == "Indonesia");
    CHECK(canonical_state("اندونيسيا") == "Indonesia");  // alef without hamza

    CHECK_FALSE(canonical_state("Paris Principles"));
    CHECK_FALSE(canonical_state("ICRMW"));
    CHECK_FALSE(canonical_state("No. 189"));
    CHECK_FALSE(canonical_state(""));
    CHECK_FALSE(canonical_state("Moroccan"));  // an adjective is not a name
    CHECK(official_state_name("Istanbul Convention") == "Istanbul Convention");
}

TEST_CASE("state names: the name shown in each language", "[states]") {
    CHECK(state_display_name("Morocco", Lang::en) == "Morocco");
    CHECK(state_display_name("Morocco", Lang::fr) == "Maroc");
    CHECK(state_display_name("Morocco", Lang::ar) == "المغرب");
    CHECK(state_display_name("Maroc", Lang::en) == "Morocco");
    CHECK(state_display_name("United States of America", Lang::fr) == "États-Unis d’Amérique");
    CHECK(state_display_name("Netherlands", Lang::fr) == "Pays-Bas");
    CHECK(state_display_name("Algeria", Lang::fr) == "Algérie");
    CHECK(state_display_name("Tanzania", Lang::fr) == "République-Unie de Tanzanie");
    CHECK(state_display_name("ICRMW", Lang::fr) == "ICRMW");
}

TEST_CASE("state detection: the state in subject position, in three languages", "[states]") {
    CHECK(detected("Morocco should put an end to solitary confinement.") == "Morocco");
    CHECK(detected("Slovenia is encouraged to accede to the ICRMW.") == "Slovenia");
    CHECK(detected("Le Maroc devrait généraliser une budgétisation sensible au genre.") ==
          "Morocco");
    CHECK(detected("Que le Burundi ratifie le Protocole facultatif.") == "Burundi");
    CHECK(detected("L’Azerbaïdjan devrait dépénaliser la diffamation.") == "Azerbaijan");
    CHECK(detected("Les Îles Marshall devraient fonder leur action sur les droits.") ==
          "Marshall Islands");
    CHECK(detected("أن تنضم عُمان إلى العهد الدولي الخاص بالحقوق المدنية والسياسية.") == "Oman");
    CHECK(detected("يجب على المغرب أن يصادق على البروتوكول.") == "Morocco");
    CHECK(detected("ينبغي للمغرب أن يكرّس في دستوره مبدأ سموّ الاتفاقيات.") == "Morocco");
    CHECK(detected("ينبغي لجزر سليمان أن ترفع السن الدنيا للمسؤولية الجنائية.") ==
          "Solomon Islands");
    CHECK(detected("أن تتعاون الجمهورية العربية السورية تعاوناً تاماً مع لجنة التحقيق.") ==
          "Syrian Arab Republic");
    CHECK(detected("Ensure that the Moroccan authorities investigate every complaint.") ==
          "Morocco");
    CHECK(detected("Invite the Government of Tunisia to ratify OPCAT.") == "Tunisia");
    CHECK(detected("Que les autorités marocaines enquêtent sur chaque plainte.") == "Morocco");
    CHECK(detected("أن تحقق السلطات المغربية في كل الشكاوى.") == "Morocco");
    CHECK(detected("morocco should ratify opcat") == "Morocco");  // no capitals anywhere

    CHECK(detected("Le Gouvernement tunisien devrait ratifier le Protocole.") == "Tunisia");
    CHECK(detected("ينبغي أن تواصل الحكومة التونسية جهودها") == "Tunisia");
    CHECK(detected("The Moroccan authorities should protect migrants from Senegal.") == "Morocco");
    CHECK(detected("Ensure that Nigerian women have access to land.") == "Nigeria");
    CHECK(detected("In line with the recommendation of Norway, Morocco should ratify OPCAT.") ==
          "Morocco");
    CHECK(detected("Encourage Bahrain to ratify OPCAT (Czechia)") == "Bahrain");
    CHECK(detected("The Government of the Republic of Korea should") == "Republic of Korea");
    CHECK(detected("St. Lucia should decriminalise defamation.") == "Saint Lucia");
    CHECK(detected("Israel should cooperate with the State of Palestine.") == "Israel");
    CHECK(detected("The Committee recommends that the State party ratify the Convention.") ==
          "(none)");
    CHECK(detected("Que la République démocratique du Congo ratifie") ==
          "Democratic Republic of the Congo");
    CHECK(detected("Que le Congo ratifie") == "Congo");
    CHECK(detected("Le Niger devrait coopérer avec le Nigéria.") == "Niger");
    CHECK(detected("La Guinée équatoriale devrait") == "Equatorial Guinea");
    CHECK(detected("La Guinée devrait") == "Guinea");
    CHECK(detected("La Dominique devrait") == "Dominica");
    CHECK(detected("La République dominicaine devrait") == "Dominican Republic");
    CHECK(detected("Le Soudan du Sud devrait") == "South Sudan");
    CHECK(detected("ينبغي لجنوب السودان أن") == "South Sudan");
    CHECK(detected("ينبغي للسودان أن") == "Sudan");
    CHECK(detected("ينبغي لغينيا الاستوائية أن") == "Equatorial Guinea");
    CHECK(detected("ينبغي للنيجر أن") == "Niger");
    CHECK(detected("ينبغي لنيجيريا أن") == "Nigeria");
    CHECK(detected("ينبغي للإمارات العربية المتحدة أن") == "United Arab Emirates");
    CHECK(detected("أن تصادق جمهورية الكونغو الديمقراطية على") ==
          "Democratic Republic of the Congo");
    CHECK(detected("ينبغي للولايات المتحدة أن") == "United States of America");

    const std::string text = "Le Maroc devrait ratifier la Convention.";
    const auto mention = detect_state(text);
    REQUIRE(mention);
    CHECK(text.substr(mention->offset, mention->length) == "Le Maroc");
    CHECK(mention->how == "named in the text: « Le Maroc devrait »");
    CHECK(mention_text("L’Andorre devrait créer une institution.") == "L’Andorre");
    CHECK(mention_text("ينبغي للمغرب أن يعدّل القانون.") == "للمغرب");
    CHECK(detect_state("ينبغي للمغرب أن يعدّل القانون.")->how ==
          "named in the text: « ينبغي للمغرب »");
    CHECK(detect_state("Ensure that the Moroccan authorities act.")->how ==
          "named by an adjective in the text: « the Moroccan authorities »");
    CHECK(detect_state("Invite the Government of Tunisia to act.")->how ==
          "named in the text: « Government of Tunisia to »");
}

// Every name and adjective of the table, in the sentences recommendations are written in.
TEST_CASE("state detection: every state by each of its names and adjectives", "[states]") {
    const auto capital = [](std::string_view form) {
        std::string s(form);
        if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
        return s;
    };
    const auto plural = [](std::string_view form) {
        std::string s(form);
        if (s.back() != 's' && s.back() != 'x') s += 's';
        return s;
    };
    const auto last_form = [](std::string_view list) {
        return list.substr(list.rfind('|') == std::string_view::npos ? 0 : list.rfind('|') + 1);
    };
    constexpr std::string_view kAl = "ال";
    for (const auto& row : states::state_rows()) {
        const std::string name(row.name);
        const auto expect = [&](const std::string& text) {
            INFO(text);
            CHECK(detected(text) == name);
        };
        expect(name + " should ratify the Convention against Torture (Norway);");
        states::for_each_form(row.en, [&](std::string_view form) {
            expect(capital(form) + " is encouraged to ratify the Convention (Brazil, Chile);");
            expect("Recommend that " + std::string(form) + " ratify the Convention (France).");
        });
        states::for_each_form(row.fr, [&](std::string_view form) {
            expect(capital(form) + " devrait ratifier la Convention contre la torture (Norvège) ;");
            expect("Que " + std::string(form) + " ratifie la Convention (Chili) ;");
        });
        states::for_each_form(row.ar, [&](std::string_view form) {
            const std::string to = form.substr(0, kAl.size()) == kAl
                                       ? "لل" + std::string(form.substr(kAl.size()))
                                       : "ل" + std::string(form);
            expect("ينبغي " + to + " أن تصادق على الاتفاقية (النرويج)؛");
            expect("أن تصادق " + std::string(form) + " على الاتفاقية (شيلي)؛");
            expect("يجب على " + std::string(form) + " أن تصادق على الاتفاقية.");
        });
        if (!row.en_adj.empty())
            states::for_each_form(row.en_adj, [&](std::string_view adjective) {
                expect("Ensure that the " + std::string(adjective) +
                       " authorities investigate every complaint from Norway.");
            });
        if (!row.fr_adj.empty())
            expect("Que les autorités " + plural(last_form(row.fr_adj)) +
                   " enquêtent sur les plaintes venues de Norvège.");
        if (!row.ar_adj.empty())
            expect("أن تحقق السلطات " + std::string(last_form(row.ar_adj)) +
                   " في الشكاوى الواردة من النرويج.");
    }
}

TEST_CASE("state detection: recommending states in trailing parentheses are not taken",
          "[states]") {
    CHECK(detected("Ratify the Optional Protocol to the Convention against Torture (France)") ==
          "(none)");
    CHECK(detected("Consider ratifying the Rome Statute (Brazil, Chile);") == "(none)");
    CHECK(detected("Tunisia should ratify OPCAT (Brazil, Chile);") == "Tunisia");
    CHECK(detected("Ratifier la Convention (Norvège) ; (Royaume-Uni de Grande-Bretagne et "
                   "d’Irlande du Nord)") == "(none)");
    CHECK(detected("Ratify OPCAT (Denmark); Ratify OPCAT in Cuba (Norway)") == "Cuba");
    CHECK(detected("Iran (Islamic Republic of) should abolish the death penalty (France).") ==
          "Iran (Islamic Republic of)");
}

TEST_CASE("state detection: names inside other names and common words", "[states]") {
    CHECK(detected("Nigeria should adopt the bill.") == "Nigeria");
    CHECK(detected("Niger should adopt the bill.") == "Niger");
    CHECK(detected("Papua New Guinea should make primary schooling free.") == "Papua New Guinea");
    CHECK(detected("Equatorial Guinea should ratify the Convention.") == "Equatorial Guinea");
    CHECK(detected("Guinea-Bissau should ratify the Convention.") == "Guinea-Bissau");
    CHECK(detected("Guinea should ratify the Convention.") == "Guinea");
    CHECK(detected("La Papouasie-Nouvelle-Guinée devrait réviser sa législation.") ==
          "Papua New Guinea");
    CHECK(detected("Dominica should ratify the Convention.") == "Dominica");
    CHECK(detected("The Dominican Republic should ratify the Convention.") == "Dominican Republic");
    CHECK(detected("The Democratic Republic of the Congo should end impunity.") ==
          "Democratic Republic of the Congo");
    CHECK(detected("The Congo should end impunity.") == "Congo");
    CHECK(detected("South Sudan should end the recruitment of children.") == "South Sudan");
    CHECK(detected("Sudan should bar capital punishment for minors.") == "Sudan");
    CHECK(detected("جنوب السودان ينبغي أن ينهي تجنيد الأطفال") == "South Sudan");
    CHECK(detected("Georgia should become a party to the 1961 Convention.") == "Georgia");
    CHECK(detected("Chad should criminalise the recruitment of minors.") == "Chad");
    CHECK(detected("Jordan should amend article 308 of its Penal Code.") == "Jordan");
    CHECK(detected("Turkey should release journalists.") == "Türkiye");
    CHECK(detected("Ensure that the turkey and chad farms are inspected.") == "(none)");
    CHECK(detected("Ratify the Convention of Belém do Pará.") == "(none)");
    CHECK(detected("Ratify the Istanbul Convention and comply with the Paris Principles.") ==
          "(none)");
    CHECK(detected("Fight the Guinea worm and protect Northern Ireland's rivers.") == "(none)");
    CHECK(detected("أن تقدم دعما مالي للجمعيات") == "(none)");  // «مالي» financial
    CHECK(detected("أن تلغي مالي عقوبة الإعدام") == "Mali");
    CHECK(detected("Morocco, with the support of Norway, should ratify OPCAT.") == "Morocco");
}

TEST_CASE("state detection: the language narrows the names tried", "[states]") {
    CHECK(detected("Le Maroc devrait ratifier.", Lang::fr) == "Morocco");
    CHECK(detected("Le Maroc devrait ratifier.", Lang::en) == "(none)");
    CHECK(detected("ينبغي للمغرب أن", Lang::ar) == "Morocco");
}

TEST_CASE("state detection: bounded on any input", "[states]") {
    CHECK(detected("") == "(none)");
    CHECK(detected("((((((((") == "(none)");
    CHECK(detected("\xFF\xFE\xC3(Morocco") == "(none)");
    CHECK(detected(std::string("Morocco\0 should", 15)) == "Morocco");

    std::string big;
    while (big.size() < 1'000'000) big += "ensure the rights of all persons (( ’’ l’ «» )) ) ";
    const std::string head = "Morocco should ratify OPCAT. ";
    CHECK(detected(big + "Morocco") == "(none)");  // past the head that is read
    const auto start = std::chrono::steady_clock::now();
    CHECK(detected(big + head + big) == "(none)");
    CHECK(detected(head + big) == "Morocco");
    const auto took = std::chrono::steady_clock::now() - start;
    CHECK(took < std::chrono::milliseconds(100));  // generous: shared, unoptimised builds
    WARN("detect_state on 1 MB: "
         << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms");

    const std::string text =
        "Morocco should establish independent and accessible complaint mechanisms in every place "
        "of detention, for instance telephone hotlines or confidential complaint boxes, and "
        "ensure that complaints are examined promptly (Norway, Brazil);";
    detect_state(text);  // the lookup is built
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 1000; ++i) CHECK(detect_state(text)->state == "Morocco");
    const auto per_text = (std::chrono::steady_clock::now() - t0) / 1000;
    WARN("detect_state on a "
         << text.size() << "-byte text: "
         << std::chrono::duration_cast<std::chrono::nanoseconds>(per_text).count() << " ns");
}

TEST_CASE("state detection: the same answers from several threads at once", "[states]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"Morocco should ratify OPCAT (France).", "Morocco"},
        {"Le Maroc devrait ratifier la Convention.", "Morocco"},
        {"ينبغي للمغرب أن يصادق على البروتوكول.", "Morocco"},
        {"أن تنضم عُمان إلى العهد الدولي.", "Oman"},
        {"Papua New Guinea should make schooling free.", "Papua New Guinea"}};
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 200; ++i)
                for (const auto& [text, state] : cases) {
                    const auto mention = detect_state(text);
                    if (!mention || mention->state != state) ++wrong;
                    if (canonical_state("Chine") != std::optional<std::string>("China")) ++wrong;
                }
        });
    for (auto& thread : threads) thread.join();
    CHECK(wrong == 0);
}

// ---- On the shared corpus ------------------------------------------------------------------

TEST_CASE("shared corpus: every state of the records is a known state", "[states][shared]") {
    const std::string corpus = test::shared_corpus();
    if (corpus.empty()) return test::skip("../shared/corpus is absent");
    std::set<std::string> unknown;
    std::size_t states_seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(corpus + "/records")) {
        if (entry.path().extension() != ".jsonl") continue;
        std::ifstream in(entry.path());
        std::string line;
        while (std::getline(in, line)) {
            rapidjson::Document doc;
            doc.Parse(line.c_str());
            if (!doc.IsObject() || !doc.HasMember("state") || !doc["state"].IsString()) continue;
            ++states_seen;
            if (!canonical_state(doc["state"].GetString()))
                unknown.insert(doc["state"].GetString());
        }
    }
    CHECK(states_seen > 0);
    for (const auto& name : unknown) WARN("not a known state: " << name);
    CHECK(unknown.empty());
}

// Development data: 150 queries, each naming the state it addresses in its text. Detection must
// not be tuned on these texts; the count is reported.
TEST_CASE("shared corpus: detection finds the state of the 150 match queries", "[states][shared]") {
    const std::string corpus = test::shared_corpus();
    if (corpus.empty()) return test::skip("../shared/corpus is absent");
    std::ifstream in(corpus + "/eval/match-queries.jsonl");
    std::string line;
    std::size_t total = 0, right = 0;
    while (std::getline(in, line)) {
        rapidjson::Document doc;
        doc.Parse(line.c_str());
        if (!doc.IsObject() || !doc.HasMember("text") || !doc.HasMember("state")) continue;
        ++total;
        const std::string text = doc["text"].GetString();
        const auto gold = canonical_state(doc["state"].GetString());
        const auto mention = detect_state(text);
        if (gold && mention && mention->state == *gold)
            ++right;
        else
            WARN(doc["qid"].GetString() << ": " << (mention ? mention->state : "(none)") << " for "
                                        << doc["state"].GetString());
    }
    WARN("state detection on the match queries: " << right << "/" << total);
    CHECK(total == 150);
    CHECK(right == total);
}
