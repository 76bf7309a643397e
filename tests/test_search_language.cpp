// Search in the staff's language, on a real index built by the real IndexWriter and Analyzer:
// the language prior of short queries, spelling variants read alike, the acronyms and names of
// instruments as one group (across languages with xlang), and state facet values named in the
// interface's language.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "engine/query_synonyms.hpp"
#include "engine/synonyms.hpp"
#include "support/temp_dir.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/search.hpp"

using namespace tawsiya;

namespace {

using Ids = std::set<std::string>;

Record record(std::string id, Lang lang, std::string text) {
    Record r;
    r.id = std::move(id);
    r.text[lang] = std::move(text);
    r.mechanism = "upr";
    r.state = "Morocco";
    return r;
}

std::vector<Record> language_records() {
    std::vector<Record> records;
    // English records that share the stems "detent" and "prevent" with « détention préventive »,
    // and are many: BM25 alone ranks the one French record last.
    for (int i = 0; i < 12; ++i)
        records.push_back(record("en:prevent:" + std::to_string(i), Lang::en,
                                 "Prevent torture in detention and prevent arbitrary detention, "
                                 "case " +
                                     std::to_string(i) + "."));
    records.push_back(record("fr:preventive", Lang::fr,
                             "Limiter la durée de la détention préventive et garantir l'accès "
                             "à un avocat."));
    records.push_back(record("fr:violence", Lang::fr,
                             "Adopter une loi sur la violence domestique et protéger les "
                             "victimes."));
    records.push_back(
        record("fr:etats", Lang::fr, "Inviter les États membres à coopérer avec l'État partie."));
    records.push_back(record("fr:etat", Lang::fr, "Renforcer la responsabilité de l’État."));
    records.push_back(record("en:opcat", Lang::en, "Ratify OPCAT without delay."));
    records.push_back(record("en:op-cat", Lang::en, "Ratify the OP-CAT and set up an NPM."));
    records.push_back(
        record("en:name", Lang::en,
               "Ratify the Optional Protocol to the Convention against Torture and Other Cruel, "
               "Inhuman or Degrading Treatment or Punishment."));
    // The words of the name, not the name: not the instrument.
    records.push_back(record("en:loose", Lang::en,
                             "Ratify the Optional Protocol to the Convention on the Rights of "
                             "the Child and implement the Convention against Torture."));
    records.push_back(record("fr:name", Lang::fr,
                             "Ratifier le Protocole facultatif se rapportant à la Convention "
                             "contre la torture."));
    records.push_back(
        record("ar:name", Lang::ar, "التصديق على البروتوكول الاختياري لاتفاقية مناهضة التعذيب."));
    records.push_back(record("en:access", Lang::en, "Ensure access to education for girls."));
    Record china = record("rec:china", Lang::en, "Abolish the death penalty.");
    china.recommending_states = {"China", "Morocco"};
    records.push_back(china);
    return records;
}

struct LanguageIndex {
    test::TempDir dir;
    Analyzer analyzer;
    std::string db = dir / "db";
    LanguageIndex() {
        IndexWriter writer(db, analyzer);
        for (const auto& r : language_records()) writer.add(r);
        writer.commit();
    }
};

LanguageIndex& language_index() {
    static LanguageIndex index;
    return index;
}

SearchResult run(const std::string& query, SearchRequest request = {}) {
    request.query = query;
    request.size = 50;
    Searcher searcher(language_index().db, language_index().analyzer);
    return searcher.search(request);
}

SearchRequest in(Lang lang) {
    SearchRequest request;
    request.lang = lang;
    return request;
}

Ids ids(const SearchResult& result) {
    Ids out;
    for (const auto& hit : result.hits) out.insert(hit.record.id);
    return out;
}

std::vector<std::string> order(const SearchResult& result) {
    std::vector<std::string> out;
    for (const auto& hit : result.hits) out.push_back(hit.record.id);
    return out;
}

}  // namespace

TEST_CASE("a short query in the searcher's language ranks that language's records first",
          "[search][language]") {
    const SearchResult without = run("détention préventive");
    REQUIRE(ids(without).count("fr:preventive") == 1);
    CHECK(without.hits.back().record.id == "fr:preventive");  // why the prior is needed

    const SearchResult french = run("détention préventive", in(Lang::fr));
    CHECK(french.query_lang == Lang::fr);
    CHECK(french.total == without.total);  // the same matches, in another order
    REQUIRE(!french.hits.empty());
    CHECK(french.hits.front().record.id == "fr:preventive");

    // Read in French, "violence domestique" finds its French record; its language is not
    // detected from two words.
    CHECK(ids(run("violence domestique", in(Lang::fr))).count("fr:violence") == 1);
}

TEST_CASE("a query that finds nothing in the language it was read in is read in the others",
          "[search][language]") {
    // Two words look English to the detector, and an English page reads a short query in
    // English: read so, "violence domestique" finds nothing, read in French its record.
    for (const SearchRequest& request : {SearchRequest{}, in(Lang::en)}) {
        const SearchResult found = run("violence domestique", request);
        CHECK(found.query_lang == Lang::fr);
        CHECK(ids(found).count("fr:violence") == 1);
    }
    // A query no language finds stays empty.
    CHECK(run("zzqqxx").total == 0);
}

TEST_CASE("a longer query keeps its detected language; the prior only breaks ties",
          "[search][language]") {
    const SearchResult result = run("prevent torture in detention and arbitrary", in(Lang::fr));
    CHECK(result.query_lang == Lang::en);
    CHECK(order(result) == order(run("prevent torture in detention and arbitrary")));
    // No evidence either way in a longer text: the searcher's language wins the tie.
    CHECK(run("torture detention prevention ombudsman", in(Lang::fr)).query_lang == Lang::fr);
}

TEST_CASE("elision, accent and case variants of a French word give the same results",
          "[search][language]") {
    for (const std::optional<Lang> lang : {std::optional<Lang>(Lang::fr), std::optional<Lang>()}) {
        SearchRequest request;
        request.lang = lang;
        const SearchResult reference = run("etat", request);
        CHECK(ids(reference) == Ids{"fr:etats", "fr:etat"});  // « États membres » too
        for (const std::string variant : {"l'État", "l’État", "État", "ETAT", "Etats", "L'ETAT"}) {
            INFO(variant << (lang ? " with lang fr" : " without lang"));
            const SearchResult result = run(variant, request);
            CHECK(result.query_lang == reference.query_lang);
            CHECK(order(result) == order(reference));
        }
    }
    // Operators keep their meaning.
    CHECK(ids(run("ETAT AND Membres", in(Lang::fr))) == Ids{"fr:etats"});
    CHECK(ids(run("responsabilité OR Membres", in(Lang::fr))) == Ids{"fr:etats", "fr:etat"});
}

TEST_CASE("an acronym, its spellings and the instrument's name find the same records",
          "[search][synonyms]") {
    // Not "en:loose", which has the name's words but not the name; not "fr:name" either, named in
    // French only (that takes xlang, below).
    const Ids instrument{"en:opcat", "en:op-cat", "en:name"};
    const SearchResult opcat = run("OPCAT");
    CHECK(ids(opcat) == instrument);
    for (const std::string query :
         {"opcat", "OP-CAT", "optional protocol to the convention against torture",
          "Optional Protocol to the Convention against Torture"}) {
        INFO(query);
        CHECK(run(query).total == opcat.total);
        CHECK(ids(run(query)) == ids(opcat));
        CHECK(ids(run("ratify " + query)) == ids(run("ratify OPCAT")));
    }
    // Inside quotes a phrase stays as typed; other operators keep their meaning.
    CHECK(ids(run("\"OP-CAT\"")) == Ids{"en:op-cat"});
    CHECK(ids(run("OPCAT NOT delay")) == Ids{"en:op-cat", "en:name"});
    CHECK(ids(run("(OPCAT OR death)")) == Ids{"en:opcat", "en:op-cat", "en:name", "rec:china"});

    // Cross-language: the French and Arabic names and the acronym find the same records.
    SearchRequest xlang;
    xlang.xlang = true;
    const Ids everywhere{"en:opcat", "en:op-cat", "en:name", "fr:name", "ar:name"};
    for (const std::string query :
         {"OPCAT", "Protocole facultatif se rapportant à la Convention contre la torture",
          "البروتوكول الاختياري لاتفاقية مناهضة التعذيب"}) {
        INFO(query);
        CHECK(ids(run(query, xlang)) == everywhere);
    }
}

TEST_CASE("a wording of the synonyms file finds the other wordings of its group",
          "[search][synonyms]") {
    CHECK(ids(run("capital punishment")) == Ids{"rec:china"});
    // A wording is found by its words and the other wordings matched by their words, since
    // "accession" (a wording of "ratify") is stemmed "access"; the typed words keep their stems.
    CHECK(ids(run("ratify")).count("en:access") == 0);
    CHECK(ids(run("access")) == Ids{"en:access"});
    CHECK(ids(run("ratifying")).count("en:opcat") == 1);
    // Words joined by OR (any_word): the typed wording's words too, as the parser joins them.
    SearchRequest any;
    any.any_word = true;
    // "Punishment" alone is in en:name.
    CHECK(ids(run("capital punishment", any)) == Ids{"rec:china", "en:name"});
}

TEST_CASE("the search synonyms hold the lexicon's names and the synonyms file", "[synonyms]") {
    const Analyzer analyzer;
    const Synonyms& synonyms = Synonyms::for_search(analyzer);
    const auto group_of = [&](const std::string& text, Lang lang) {
        const auto words = [&] {
            std::vector<std::string> out;
            for (const Token& t : analyzer.tokenize(text, lang))
                if (!t.stopword) out.push_back(t.word);
            return out;
        }();
        const auto found = synonyms.find(words, lang);
        return found.size() == 1 && found[0].count == words.size() ? found[0].group
                                                                   : std::string::npos;
    };
    const std::size_t opcat = group_of("OPCAT", Lang::en);
    REQUIRE(opcat != std::string::npos);
    CHECK(group_of("OP-CAT", Lang::en) == opcat);
    CHECK(group_of("OPCAT", Lang::ar) == opcat);  // an acronym in any language
    CHECK(group_of("Protocole facultatif à la Convention contre la torture", Lang::fr) == opcat);
    CHECK(group_of("البروتوكول الاختياري لاتفاقية مناهضة التعذيب", Lang::ar) == opcat);
    CHECK(group_of("Convention on the Rights of the Child", Lang::en) == group_of("CRC", Lang::en));
    // A lexicon name and a synonyms-file group that share a wording are one group.
    CHECK(group_of("NHRI", Lang::en) == group_of("national human rights institution", Lang::en));
    // Entries without an acronym are not grouped: "monitoring" is not "follow-up".
    CHECK(group_of("monitoring", Lang::en) == std::string::npos);
    CHECK(group_of("capital punishment", Lang::en) == group_of("death penalty", Lang::en));
    // The matcher's synonyms are the file's alone.
    CHECK(Synonyms::embedded(analyzer).find({"opcat"}, Lang::en).empty());

    // The text the parser reads: field values, phrases and operators untouched.
    const auto marked =
        engine::mark_synonyms("ratify OP-CAT AND body:CAT \"opcat\"", Lang::en, synonyms, analyzer);
    const std::size_t ratify = group_of("ratify", Lang::en);  // "accede", "become a party"
    REQUIRE(ratify != std::string::npos);
    CHECK_THAT(marked, Catch::StartsWith("synonymgroup:" + std::to_string(ratify) + "_"));
    CHECK_THAT(marked, Catch::Contains(" synonymgroup:" + std::to_string(opcat) + "_"));
    CHECK_THAT(marked, Catch::EndsWith(" AND body:CAT \"opcat\""));
}

TEST_CASE("state facet values are named in the interface's language, filtered by label",
          "[search][language]") {
    SearchRequest request = in(Lang::fr);
    request.ui = Lang::fr;
    const SearchResult result = run("", request);
    const auto& states = result.facets.at("recommending");
    const auto china = std::find_if(states.begin(), states.end(),
                                    [](const FacetValue& v) { return v.label == "China"; });
    REQUIRE(china != states.end());
    CHECK(china->display == "Chine");
    request.ui = Lang::ar;
    const auto arabic = run("", request).facets.at("state");
    REQUIRE(arabic.size() == 1);
    CHECK(arabic[0].label == "Morocco");
    CHECK(arabic[0].display == "المغرب");
    CHECK(run("").facets.at("state")[0].display == "Morocco");  // English by default
    // Facets that are not states show their label.
    CHECK(run("").facets.at("mechanism")[0].display == "upr");

    SearchRequest filtered;
    filtered.filters["recommending"] = {china->label};
    CHECK(ids(run("", filtered)) == Ids{"rec:china"});
}
