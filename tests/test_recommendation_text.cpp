#include <catch2/catch.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "tawsiya/recommendation_text.hpp"

using tawsiya::strip_recommendation_noise;

TEST_CASE("recommending states and paragraph numbers are not content", "[text]") {
    CHECK(strip_recommendation_noise("129.1 Ratify the remaining core treaties (Ukraine);") ==
          "Ratify the remaining core treaties");
    CHECK(strip_recommendation_noise("Abolish the death penalty (Czech Republic) (Lithuania).") ==
          "Abolish the death penalty");
    CHECK(strip_recommendation_noise("Ratifier le Protocole facultatif (Norvège, Danemark) ;") ==
          "Ratifier le Protocole facultatif");
    CHECK(strip_recommendation_noise("التصديق على البروتوكول الاختياري (النرويج)؛") ==
          "التصديق على البروتوكول الاختياري");
    CHECK(strip_recommendation_noise("12 (a) Adopt a law on domestic violence.") ==
          "Adopt a law on domestic violence");
    CHECK(strip_recommendation_noise("(b) Adopt a law") == "Adopt a law");
}

TEST_CASE("content in parentheses and leading years stay", "[text]") {
    CHECK(strip_recommendation_noise("Ratify the Convention on the Rights of Persons with "
                                     "Disabilities (CRPD)") ==
          "Ratify the Convention on the Rights of Persons with Disabilities (CRPD)");
    CHECK(strip_recommendation_noise("2030 Agenda targets should guide the plan") ==
          "2030 Agenda targets should guide the plan");
    CHECK(strip_recommendation_noise("") == "");
    CHECK(strip_recommendation_noise("(France)") == "");
}

TEST_CASE("the formula addressing the State is not the request", "[text]") {
    using tawsiya::strip_addressing_formula;
    CHECK(strip_addressing_formula("The Committee recommends that the State party ratify the "
                                   "Optional Protocol") == "ratify the Optional Protocol");
    CHECK(strip_addressing_formula("The Committee also urges the State party to adopt a law") ==
          "adopt a law");
    CHECK(strip_addressing_formula("The Special Rapporteur recommends that the Government "
                                   "release all detainees") == "release all detainees");
    CHECK(strip_addressing_formula("The State party should amend the Family Code") ==
          "amend the Family Code");
    CHECK(strip_addressing_formula("Le Comité recommande à l’État partie de réviser la loi") ==
          "réviser la loi");
    CHECK(strip_addressing_formula("Le Comité prie instamment l'État partie d’adopter un plan") ==
          "adopter un plan");
    CHECK(strip_addressing_formula("La Rapporteuse spéciale recommande au Gouvernement de "
                                   "réduire l’abandon scolaire") == "réduire l’abandon scolaire");
    CHECK(strip_addressing_formula("L’État partie devrait modifier la loi") == "modifier la loi");
    CHECK(strip_addressing_formula("توصي اللجنة الدولة الطرف بأن تكفل حصول الأطفال على التعليم") ==
          "تكفل حصول الأطفال على التعليم");
    CHECK(strip_addressing_formula("توصي اللجنة الدولة الطرف باعتماد قانون") == "اعتماد قانون");
    CHECK(strip_addressing_formula("ينبغي للدولة الطرف أن تعدل القانون") == "تعدل القانون");
}

TEST_CASE("requests that only mention a mechanism or the State keep their words", "[text]") {
    using tawsiya::strip_addressing_formula;
    for (const char* text : {
             "Cooperate with the Special Rapporteur on torture",
             "Ratify the Convention against Torture",
             "The committees of the State party should meet",   // "committees" is not "committee"
             "The Committee recommends that the State party:",  // a formula alone
             "Le Comité contre la torture doit avoir accès aux prisons",
             "التعاون مع المقرر الخاص المعني بالتعذيب",
             "",
         })
        CHECK(strip_addressing_formula(text) == text);
}

TEST_CASE("a phrase of effort after the formula is not the request either", "[text]") {
    using tawsiya::strip_lead_in;
    CHECK(strip_lead_in("The Committee urges the State party to take all necessary measures to "
                        "end child marriage") == "end child marriage");
    CHECK(strip_lead_in("Continue its efforts to combat trafficking in persons (Chile);") ==
          "combat trafficking in persons (Chile);");
    CHECK(strip_lead_in("Consider ratifying the OPCAT") == "ratifying the OPCAT");
    CHECK(strip_lead_in("Envisager de ratifier la Convention") == "ratifier la Convention");
    CHECK(strip_lead_in("Redoubler d’efforts pour réduire la pauvreté") == "réduire la pauvreté");
    CHECK(strip_lead_in("مواصلة مكافحة الاتجار بالبشر") == "مكافحة الاتجار بالبشر");
    CHECK(strip_lead_in("اتخاذ التدابير اللازمة لمكافحة العنف") == "مكافحة العنف");
    // Whole words only, and never the whole text.
    CHECK(strip_lead_in("Considering the report, adopt a plan") ==
          "Considering the report, adopt a plan");
    CHECK(strip_lead_in("Continue to.") == "Continue to.");
    // The formula alone leaves the phrase of effort.
    CHECK(tawsiya::strip_addressing_formula("Continue to combat torture") ==
          "Continue to combat torture");
}

TEST_CASE("formulas are read as the normalizer folds the text, and cut in the original", "[text]") {
    const std::string words(400, 'a');
    const std::string spaced =
        "The Committee" + std::string(300, ' ') + "recommends that the State party adopt " + words;
    // (text, what strip_addressing_formula leaves, what strip_lead_in leaves)
    const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
        // Case, accents and apostrophes as the Analyzer folds them, whatever the letters.
        {"LE COMITÉ RECOMMANDE À L’ÉTAT PARTIE DE réviser la loi", "réviser la loi",
         "réviser la loi"},
        {"Le Comité recommande également à l’Etat partie de réviser", "réviser", "réviser"},
        // A no-break space (two bytes, one folded space) and Arabic diacritics (not in the folded
        // text) do not shift the cut; nor does a ligature NFKC makes longer.
        {"Le Comité recommande à l’État partie de\u00A0réviser", "réviser", "réviser"},
        {"توصي اللجنةُ الدولةَ الطرفَ بأن تكفل التعليم", "تكفل التعليم", "تكفل التعليم"},
        {"The Committee recommends that the State party \uFB01nalize it", "\uFB01nalize it",
         "\uFB01nalize it"},
        // An elided article is kept: "d'" is a connector of the formula.
        {"Envisager d’adopter un plan", "Envisager d’adopter un plan", "adopter un plan"},
        // A long text is folded from its start; a formula that runs past that part (here over 300
        // spaces) is read in the whole text.
        {"The Committee urges the State party to adopt " + words, "adopt " + words,
         "adopt " + words},
        {spaced, "adopt " + words, "adopt " + words},
    };
    for (const auto& [text, after_formula, after_lead_in] : cases) {
        CHECK(tawsiya::strip_addressing_formula(text) == after_formula);
        CHECK(tawsiya::strip_lead_in(text) == after_lead_in);
    }
}

TEST_CASE("the formula says who writes: a treaty body or a special procedure", "[text]") {
    using tawsiya::addressing_formula_writer;
    using W = tawsiya::FormulaWriter;
    CHECK(addressing_formula_writer("The Committee recommends that the State party ratify it") ==
          W::treaty_body);
    CHECK(addressing_formula_writer(
              "Le Comité recommande à l’État partie de prévenir la torture") == W::treaty_body);
    CHECK(addressing_formula_writer("توصي اللجنة الدولة الطرف بأن تكفل التعليم") == W::treaty_body);
    CHECK(addressing_formula_writer("L'État partie devrait modifier la loi") == W::treaty_body);
    CHECK(addressing_formula_writer("ينبغي للدولة الطرف أن تعدل القانون") == W::treaty_body);
    // A subject and its verb are enough, and the formula may come after a first clause.
    CHECK(
        addressing_formula_writer("The Special Rapporteur recommends that Morocco adopt a plan") ==
        W::special_procedure);
    CHECK(
        addressing_formula_writer("Le Rapporteur spécial recommande au Gouvernement de réviser") ==
        W::special_procedure);
    CHECK(addressing_formula_writer("Recalling its views, the Working Group urges the authorities "
                                    "to release them") == W::special_procedure);
    CHECK(addressing_formula_writer("يوصي المقرر الخاص الحكومة بأن تعتمد خطة") ==
          W::special_procedure);
    // No formula, or one anyone writes.
    for (const char* text : {"Ratify the OPCAT (France);",
                             "Cooperate with the Committee against "
                             "Torture",
                             "Extend an invitation to the Special Rapporteur on torture",
                             "The Government should adopt a plan", "", "Le Comitéx recommande"})
        CHECK(addressing_formula_writer(text) == W::unknown);
}
