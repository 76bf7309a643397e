// Deduplication of a recommendation list.
#include <rapidjson/document.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "support/analyzer.hpp"
#include "support/skip.hpp"
#include "support/temp_dir.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/dedup.hpp"
#include "tawsiya/translation.hpp"

using namespace tawsiya;

namespace {

// The engine's options at a threshold (and with a translation table).
DedupOptions at(double threshold, const TranslationTable* translations = nullptr) {
    DedupOptions options;
    options.threshold = threshold;
    options.translations = translations;
    return options;
}

using test::analyzer;

std::vector<DedupItem> sample_list() {
    return {
        {"a",
         "128.4 Ratify the Optional Protocol to the Convention against Torture (Denmark);",
         {}},
        {"b",
         "Ratify the Optional Protocol to the Convention against Torture (Czech Republic) "
         "(Estonia).",
         {}},
        {"c",
         "Consider ratifying the Optional Protocol to the Convention against Torture and "
         "establish a national preventive mechanism",
         {}},
        {"d", "Abolish the death penalty and commute all death sentences to prison terms", {}},
        {"e",
         "Establish a moratorium on executions with a view to abolishing the death penalty",
         {}},
        {"f", "Guarantee access to education for all children with disabilities", {}},
        {"g",
         "Ratifier le Protocole facultatif se rapportant à la Convention contre la torture "
         "(Norvège) ;",
         {}},
        {"h", "Ratifier le Protocole facultatif à la Convention contre la torture.", {}},
    };
}

}  // namespace

TEST_CASE("the same request by other states, or reworded, lands in one cluster", "[dedup]") {
    const auto items = sample_list();
    const DedupResult result = deduplicate(items, analyzer(), at(0.5));
    REQUIRE(result.cluster_of.size() == items.size());
    // Identical but for the recommending states and the paragraph number.
    CHECK(result.cluster_of[0] == result.cluster_of[1]);
    // A longer wording of the same request.
    CHECK(result.cluster_of[2] == result.cluster_of[0]);
    // French versions, with and without the recommending state and "se rapportant".
    CHECK(result.cluster_of[6] == result.cluster_of[7]);
    // Same topic, another request; another topic.
    CHECK(result.cluster_of[3] != result.cluster_of[0]);
    CHECK(result.cluster_of[5] != result.cluster_of[0]);
    CHECK(result.cluster_of[5] != result.cluster_of[3]);

    // Every item is in exactly one cluster, whose representative comes first with similarity 1.
    std::size_t members = 0;
    for (const Cluster& cluster : result.clusters) {
        members += cluster.members.size();
        CHECK(cluster.members.front().item == cluster.representative);
        for (const auto& member : cluster.members) {
            CHECK(member.similarity <= 1.0001);
            CHECK(result.cluster_of[member.item] == result.cluster_of[cluster.representative]);
        }
    }
    CHECK(members == items.size());
}

TEST_CASE("who addresses the State does not make another request", "[dedup]") {
    const std::vector<DedupItem> items = {
        {"upr", "Ratify the Optional Protocol to the Convention against Torture (Denmark);", {}},
        {"cat",
         "The Committee recommends that the State party ratify the Optional Protocol to the "
         "Convention against Torture.",
         {}},
        {"crc", "The Committee urges the State party to raise the minimum age of marriage.", {}},
        {"fr", "Le Comité recommande à l’État partie de garantir l’accès à l’eau potable.", {}},
    };
    const DedupResult result = deduplicate(items, analyzer(), at(0.4));
    CHECK(result.cluster_of[0] == result.cluster_of[1]);
    const Cluster& torture = result.clusters[result.cluster_of[0]];
    for (const auto& member : torture.members) CHECK(member.similarity == Approx(1.0));
    // Two committees' formulas in common, two requests; a committee's French formula and
    // another request.
    CHECK(result.cluster_of[2] != result.cluster_of[1]);
    CHECK(result.cluster_of[3] != result.cluster_of[2]);
    CHECK(result.cluster_of[3] != result.cluster_of[1]);
}

TEST_CASE("texts that name different instruments are different requests", "[dedup]") {
    const std::vector<DedupItem> items = {
        {"a",
         "Accede to the ICESCR and bring national legislation in compliance with relevant "
         "provisions of this covenant",
         {}},
        {"b",
         "Accede to the ICCPR and bring national legislation in compliance with relevant "
         "provisions of this covenant",
         {}},
        {"c", "Ratify the OP-CAT and establish a national preventive mechanism (France);", {}},
        {"d", "Ratify the OPCAT and establish a national preventive mechanism", {}},
        // Naming one more instrument than the other is not naming a different one.
        {"e", "Ratify the CAT and the OPCAT and establish a national preventive mechanism", {}},
    };
    const DedupResult result = deduplicate(items, analyzer(), at(0.4));
    CHECK(result.cluster_of[0] != result.cluster_of[1]);
    CHECK(result.cluster_of[2] == result.cluster_of[3]);
    CHECK(result.cluster_of[4] == result.cluster_of[3]);
}

TEST_CASE("similar pairs do not chain distinct requests into one cluster", "[dedup]") {
    // Each text shares most words with the next, nothing with the one four places on: joining
    // every similar pair would make one cluster of all ten.
    const std::vector<std::string> words{"asylum",  "prison",  "torture",  "school", "water",
                                         "housing", "media",   "election", "budget", "village",
                                         "harbour", "railway", "forest"};
    std::vector<DedupItem> chain;
    for (std::size_t i = 0; i < 10; ++i)
        chain.push_back({std::to_string(i),
                         words[i] + " " + words[i + 1] + " " + words[i + 2] + " " + words[i + 3],
                         Lang::en});
    const auto result = deduplicate(chain, analyzer(), at(0.5));
    CHECK(result.clusters.size() >= 3);
    for (const Cluster& cluster : result.clusters)
        for (const auto& member : cluster.members) CHECK(member.similarity >= 0.5 - 1e-6);

    // The same text a hundred times is one cluster and costs nothing to compare.
    std::vector<DedupItem> repeated(100, {"", "Ratify the Optional Protocol to the CAT", Lang::en});
    const auto same = deduplicate(repeated, analyzer(), at(0.5));
    CHECK(same.clusters.size() == 1);
    CHECK(same.clusters[0].members.size() == 100);
    CHECK(same.candidate_pairs == 0);
}

TEST_CASE("a stricter threshold splits what a looser one joins", "[dedup]") {
    const auto items = sample_list();
    const auto loose = deduplicate(items, analyzer(), at(0.5));
    const auto strict = deduplicate(items, analyzer(), at(0.95));
    CHECK(strict.clusters.size() > loose.clusters.size());
    CHECK(strict.cluster_of[0] == strict.cluster_of[1]);  // identical content stays together
}

TEST_CASE("the candidate pairs scored grow far slower than all pairs", "[dedup]") {
    // A realistic list: the sample corpus's English texts.
    std::vector<DedupItem> items;
    std::ifstream in(test::source_path("corpus/sample.jsonl"));
    for (std::string line; std::getline(in, line);) {
        rapidjson::Document doc;
        doc.Parse(line.c_str());
        if (doc.IsObject() && doc.HasMember("text") && doc["text"].HasMember("en"))
            items.push_back({doc["id"].GetString(), doc["text"]["en"].GetString(), Lang::en});
    }
    REQUIRE(items.size() >= 150);
    const auto result = deduplicate(items, analyzer(), at(0.5));
    const std::size_t all_pairs = items.size() * (items.size() - 1) / 2;
    // The candidates are the pairs of cosine 0.2 and over (dedup.cpp): on 153 short texts of one
    // topic that is a sixth of all pairs (over 100,000 items, 2%: bench/RESULTS.md).
    CHECK(result.candidate_pairs < all_pairs / 4);
    CHECK(result.clusters.size() < items.size());  // the sample has repeats
}

TEST_CASE("`tawsiya dedup` reads JSON lines and writes clusters or items", "[dedup][cli]") {
    test::TempDir dir;
    const std::string input = dir / "list.jsonl";
    {
        std::ofstream out(input);
        out << R"({"id": "n1", "text": "Ratify the Optional Protocol to the Convention against Torture (Chile);"})"
            << "\n"
            << R"({"id": "n2", "text": "Ratify the Optional Protocol to the Convention against Torture (Peru);"})"
            << "\n"
            << R"({"id": "n3", "text": "Adopt a national action plan on business and human rights", "lang": "en"})"
            << "\n"
            << R"({"id": "n4", "text": "x", "lang": "es"})"
            << "\n";
    }
    REQUIRE(test::run({TAWSIYA_BINARY, "dedup", input, "--format", "items"}, dir / "out") == 0);
    std::ifstream out(dir / "out");
    std::map<std::string, std::int64_t> cluster;
    bool saw_error = false;
    for (std::string line; std::getline(out, line);) {
        if (line.rfind(input + ":4: unknown language code", 0) == 0) {
            saw_error = true;
            continue;
        }
        rapidjson::Document doc;
        doc.Parse(line.c_str());
        if (!doc.IsObject() || !doc.HasMember("cluster")) continue;
        cluster[doc["id"].GetString()] = doc["cluster"].GetInt64();
    }
    CHECK(saw_error);
    REQUIRE(cluster.size() == 3);
    CHECK(cluster["n1"] == cluster["n2"]);
    CHECK(cluster["n3"] != cluster["n1"]);
}

TEST_CASE("`tawsiya dedup --db` says which prior recommendations a cluster repeats",
          "[dedup][cli]") {
    test::TempDir dir;
    const std::string db = test::index_sample_corpus(dir);
    if (db.empty()) return test::skip("corpus/sample.jsonl is missing");
    const std::string input = dir / "list.txt";
    std::ofstream(input) << "Establish an official moratorium on executions (France);\n"
                            "Establish an official moratorium on executions (Italy) (Spain);\n"
                            "Plant more trees along the national roads\n";
    REQUIRE(test::run({TAWSIYA_BINARY, "dedup", input, "--db", db}, dir / "out") == 0);
    std::ifstream out(dir / "out");
    std::size_t clusters = 0;
    for (std::string line; std::getline(out, line);) {
        rapidjson::Document doc;
        doc.Parse(line.c_str());
        if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("prior")) continue;
        ++clusters;
        std::set<std::string> prior;
        for (const auto& p : doc["prior"].GetArray()) {
            prior.insert(p["id"].GetString());
            CHECK(p["score"].GetDouble() >= 0.35);
            CHECK(p.HasMember("year"));
        }
        if (doc["size"].GetUint() == 2)
            CHECK(prior.count("sample:c030") == 1);  // the sample's moratorium recommendation
        else
            CHECK(prior.empty());  // nothing about trees in the sample
    }
    CHECK(clusters == 2);
}

TEST_CASE("with translation tables, the same request in two languages is one cluster",
          "[dedup][xlang]") {
    const std::vector<DedupItem> items{
        {"en", "Ratify the Optional Protocol to the Convention against Torture (Denmark);",
         Lang::en},
        {"ar", "التصديق على البروتوكول الاختياري لاتفاقية مناهضة التعذيب (الدانمرك)؛", Lang::ar},
        {"en2", "Guarantee inclusive education for children with disabilities", Lang::en},
        {"en3", "Abolish the death penalty", Lang::en},
    };
    // Arabic and English share no stem, only the slot keys (ratify, OPCAT: dedup.cpp): too
    // little of two vectors for a candidate pair without the table's translations.
    const auto alone = deduplicate(items, analyzer(), at(0.3, nullptr));
    CHECK(alone.cluster_of[0] != alone.cluster_of[1]);
    const auto table = lexicon_translations(analyzer());
    const auto across = deduplicate(items, analyzer(), at(0.3, table.get()));
    CHECK(across.cluster_of[0] == across.cluster_of[1]);
    CHECK(across.cluster_of[2] != across.cluster_of[0]);
    CHECK(across.cluster_of[3] != across.cluster_of[0]);
}

TEST_CASE("the same template for another group, instrument or action is another request",
          "[dedup]") {
    const std::vector<DedupItem> items = {
        {"disabilities",
         "Prendre des mesures plus efficaces pour mieux protéger les droits des personnes "
         "handicapées",
         {}},
        {"migrants",
         "Prendre des mesures plus efficaces pour mieux protéger les droits des migrants",
         {}},
        {"1954", "Ratify the 1954 Convention relating to the Status of Stateless Persons", {}},
        {"1961", "Ratify the 1961 Convention on the Reduction of Statelessness", {}},
        {"opcedaw",
         "Ratify the Optional Protocol to the Convention on the Elimination of All Forms of "
         "Discrimination against Women",
         {}},
        {"opcat",
         "Ratify the Optional Protocol to the Convention against Torture and Other Cruel, Inhuman "
         "or Degrading Treatment or Punishment",
         {}},
        {"opcat-again", "Ratify the OPCAT (Denmark)", {}},
    };
    const DedupResult result = deduplicate(items, analyzer(), DedupOptions{});
    CHECK(result.cluster_of[0] != result.cluster_of[1]);
    CHECK(result.cluster_of[2] != result.cluster_of[3]);
    CHECK(result.cluster_of[4] != result.cluster_of[5]);
    CHECK(result.cluster_of[5] == result.cluster_of[6]);
    const auto p = pair_similarities(items, {{0, 1}, {5, 6}}, analyzer(), DedupOptions{});
    CHECK(p[0] < DedupOptions{}.threshold);
    CHECK(p[1] >= DedupOptions{}.threshold);
}
