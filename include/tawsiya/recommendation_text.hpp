// What in a recommendation's text is not its content: the paragraph number in front ("129.1",
// "12 (a)") and the recommending states in parentheses at the end ("(France) (Lithuania);",
// "(Norvège) ;", "(النرويج)؛"). Matching and deduplication compare requests, not who made them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/language.hpp"

namespace tawsiya {

// The text without its leading paragraph number and trailing recommending-state parentheses.
// Parentheses holding only an acronym ("(CRPD)", "(OPCAT)") are content and stay.
std::string strip_recommendation_noise(std::string_view text);

// The text after a leading formula by which a treaty body or special procedure addresses the State
// ("The Committee recommends that the State party", "Le Rapporteur spécial recommande au
// Gouvernement de", "توصي اللجنة الدولة الطرف بأن", "The State party should"), or the text itself.
// Matching and deduplication compare what is asked, not who asks whom; the taggers keep the
// formula, which tells a treaty body's text from a special procedure's.
std::string_view strip_addressing_formula(std::string_view text);

// The request after its lead-in: the addressing formula, then a phrase of effort that says how
// hard to try, not what to do ("continue its efforts to", "take all necessary measures to",
// "consider", "redoubler d'efforts pour", "مواصلة"). What matching and deduplication compare.
std::string_view strip_lead_in(std::string_view text);

// The stems of the words of `text` that are not stopwords, one per occurrence, in text order.
std::vector<std::string> word_stems(std::string_view text, Lang lang, const Analyzer& analyzer);

// The stems of what a recommendation asks, before synonyms: word_stems of the content after its
// lead-in, strip_lead_in(content). `content` is already without its noise
// (strip_recommendation_noise); request_word_stems strips it first. Matching and deduplication
// compare these once the engine has made synonymous phrases canonical (engine/synonyms.hpp). The
// index stores each version's (schema::kSlotRequestStems), so that a match does not analyse its
// candidates again; the synonyms stay out of it, so a change of the synonym lexicon needs no
// re-indexing.
std::vector<std::string> request_word_stems_of_content(std::string_view content, Lang lang,
                                                       const Analyzer& analyzer);
std::vector<std::string> request_word_stems(std::string_view text, Lang lang,
                                            const Analyzer& analyzer);

// Who writes the addressing formulas a text holds: a treaty body ("The Committee recommends", "the
// State party should", « Le Comité recommande à l'État partie », "توصي اللجنة الدولة الطرف"), a
// special procedure ("The Special Rapporteur recommends", « Le Groupe de travail recommande au
// Gouvernement », "يوصي المقرر الخاص"), or unknown ("The Government should", or no formula).
enum class FormulaWriter { unknown, treaty_body, special_procedure };

// The writer of the first formula found anywhere in the text (the same formulas as
// strip_addressing_formula, where a subject and its verb are enough: "The Special Rapporteur
// recommends that Morocco" names its writer as well).
FormulaWriter addressing_formula_writer(std::string_view text);

}  // namespace tawsiya
