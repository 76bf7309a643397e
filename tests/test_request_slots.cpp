// What a recommendation asks for, read into slots (engine/request_slots.hpp).
#include <catch2/catch.hpp>

#include "engine/features.hpp"
#include "engine/request_slots.hpp"
#include "support/analyzer.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/error.hpp"

using namespace tawsiya;

namespace {

using test::analyzer;

RequestSlots slots_of(std::string_view text, Lang lang) {
    return SlotLexicon::embedded(analyzer())
        .find(features::request_stems(text, lang, analyzer()), lang);
}

using Keys = std::vector<std::string>;

}  // namespace

TEST_CASE("an optional protocol is told from its convention, in the three languages", "[slots]") {
    CHECK(slots_of("Ratify the Optional Protocol to the Convention against Torture",
                   Lang::en)[Slot::instrument] == Keys{"op:cat"});
    CHECK(slots_of("Ratify OP-CAT", Lang::en)[Slot::instrument] == Keys{"op:cat"});
    CHECK(slots_of("Ratifier le Protocole facultatif se rapportant à la Convention contre la "
                   "torture",
                   Lang::fr)[Slot::instrument] == Keys{"op:cat"});
    CHECK(slots_of("التصديق على البروتوكول الاختياري لاتفاقية مناهضة التعذيب",
                   Lang::ar)[Slot::instrument] == Keys{"op:cat"});
    CHECK(slots_of("Ratify the Convention against Torture", Lang::en)[Slot::instrument] ==
          Keys{"cat"});
    CHECK(slots_of("Ratify the Optional Protocol to the Convention on the Elimination of All "
                   "Forms of Discrimination against Women",
                   Lang::en)[Slot::instrument] == Keys{"op:cedaw"});
}

TEST_CASE("two texts that share a template but not their request conflict", "[slots]") {
    const auto conflict = [](std::string_view a, std::string_view b, Lang lang, Slot slot) {
        return compare_slots(slots_of(a, lang), slots_of(b, lang))
            .conflict[static_cast<std::size_t>(slot)];
    };
    CHECK(
        conflict("Prendre des mesures plus efficaces pour mieux protéger les droits des "
                 "personnes handicapées",
                 "Prendre des mesures plus efficaces pour mieux protéger les droits des migrants",
                 Lang::fr, Slot::group));
    CHECK(conflict("Ratify the 1954 Convention relating to the Status of Stateless Persons",
                   "Ratify the 1961 Convention on the Reduction of Statelessness", Lang::en,
                   Slot::instrument));
    CHECK(
        conflict("Intensifier les efforts pour les Amazighs, notamment en ce qui concerne les "
                 "droits fonciers",
                 "Intensifier les efforts pour les Amazighs, notamment en ce qui concerne les "
                 "libertés d'opinion et d'expression",
                 Lang::fr, Slot::object));
    // A text that asks more than the other is no conflict: the shorter one's request is in it.
    CHECK_FALSE(conflict("Abolish the death penalty",
                         "Abolish the death penalty and commute all death sentences", Lang::en,
                         Slot::action));
    const auto moratorium =
        compare_slots(slots_of("Establish a moratorium on executions with a view to abolishing "
                               "the death penalty",
                               Lang::en),
                      slots_of("Abolish the death penalty", Lang::en));
    CHECK(moratorium.first_action_differs);
    CHECK(moratorium.shared[static_cast<std::size_t>(Slot::object)]);
}

TEST_CASE("slot keys are the same across languages", "[slots]") {
    const auto en =
        slots_of("Ratify the Convention on the Rights of Persons with Disabilities", Lang::en);
    const auto fr =
        slots_of("Ratifier la Convention relative aux droits des personnes handicapées", Lang::fr);
    const auto ar = slots_of("التصديق على اتفاقية حقوق الأشخاص ذوي الإعاقة", Lang::ar);
    CHECK(en[Slot::instrument] == Keys{"crpd"});
    CHECK(fr[Slot::instrument] == en[Slot::instrument]);
    CHECK(ar[Slot::instrument] == en[Slot::instrument]);
    CHECK(en.first_action == "ratify");
    CHECK(fr.first_action == "ratify");
    CHECK(ar.first_action == "ratify");
}

TEST_CASE("a bad line of a slot lexicon is named", "[slots]") {
    CHECK_THROWS_WITH(SlotLexicon("group\tchildren\txx\tchildren\n", "s.tsv", analyzer()),
                      Catch::Contains("s.tsv:1:") && Catch::Contains("language"));
    CHECK_THROWS_WITH(SlotLexicon("# c\nslotless\tx\ten\ty\n", "s.tsv", analyzer()),
                      Catch::Contains("s.tsv:2:") && Catch::Contains("slot"));
    CHECK_THROWS_WITH(SlotLexicon("group\tchildren\ten\n", "s.tsv", analyzer()),
                      Catch::Contains("s.tsv:1:"));
}

TEST_CASE("a word whose stem is another word's is no key of that other word", "[slots]") {
    // "access" stems as "accession" does, "national" as "nationality", "minors" as "minorities",
    // « traitement » as « traite », «أراضيه» (its territory) as «الأراضي» (land).
    CHECK(slots_of("Improve universal access to primary education", Lang::en)[Slot::action] ==
          Keys{});
    CHECK(slots_of("Accede to the Convention against Torture", Lang::en)[Slot::action] ==
          Keys{"ratify"});
    CHECK(slots_of("Strengthen the National Human Rights Council", Lang::en)[Slot::object] ==
          Keys{});
    CHECK(slots_of("Guarantee the right to a nationality of every child born in its territory",
                   Lang::en)[Slot::object] == Keys{"nationality"});
    CHECK(slots_of("Protect the rights of minorities", Lang::en)[Slot::group] ==
          Keys{"minorities"});
    CHECK(slots_of("Stop detaining unaccompanied minors", Lang::en)[Slot::group] == Keys{});
    CHECK(slots_of("Améliorer le traitement des plaintes", Lang::fr)[Slot::object] == Keys{});
    CHECK(slots_of("Lutter contre la traite des êtres humains", Lang::fr)[Slot::object] ==
          Keys{"trafficking"});
    CHECK(slots_of("تسجيل طالبي اللجوء في كل نقاط الدخول إلى أراضيه", Lang::ar)[Slot::object] ==
          Keys{});
}

TEST_CASE("street children and shelters are read in the forms records write them", "[slots]") {
    CHECK(slots_of("Recenser les enfants vivant dans la rue", Lang::fr)[Slot::group] ==
          Keys{"street-children"});
    CHECK(slots_of("Recenser les enfants vivant dans la rue", Lang::fr)[Slot::action] ==
          Keys{"data"});
    CHECK(slots_of("Créer des foyers d'accueil pour les femmes victimes de violence",
                   Lang::fr)[Slot::object] == Keys{"shelters"});
    CHECK(slots_of("Establish shelters for victims of domestic violence", Lang::en)[Slot::object] ==
          Keys{"domestic-violence", "shelters"});
}

TEST_CASE("refugees and asylum seekers are one group, in the three languages", "[slots]") {
    for (const auto& [text, lang] : std::vector<std::pair<std::string, Lang>>{
             {"Identify asylum seekers at every point of entry", Lang::en},
             {"Protect the rights of refugees", Lang::en},
             {"Enregistrer les demandes d'asile aux frontières", Lang::fr},
             {"تسجيل طالبي اللجوء", Lang::ar}}) {
        INFO(text);
        CHECK(slots_of(text, lang)[Slot::group] == Keys{"refugees"});
    }
}
