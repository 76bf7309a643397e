// What a document's wording says of its structure (private to indexer/split): the headings and
// formulas that tell its kind and sections, who issued it, whether a paragraph recommends, and
// the paragraphs a sentence cites. English, French and Arabic.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tawsiya::split {

// A short line without a stop: "C. Principal subjects of concern", "Torture".
bool is_heading(std::string_view text);

// "The recommendations listed above enjoy the support of Morocco.": a sentence closing a list.
bool closes_list(std::string_view text);

// A table of contents line, with dot leaders.
bool in_contents(std::string_view line);

// A UPR report's "II. Conclusions and/or recommendations" (also French and Arabic), not the
// closing "All conclusions and/or recommendations contained ...".
bool is_upr_heading(std::string_view line);

// The Working Group's formula opening its conclusions: "82. The recommendations formulated during
// the interactive dialogue ...", "60. In the course of the discussion, the following
// recommendations ...".
bool opens_upr_conclusions(std::string_view line);

// The end of a UPR report's conclusions: the next chapter, the annex, the closing paragraph.
bool ends_upr_section(std::string_view line);

// "V. Recommendations", "Conclusions and recommendations", « Recommandations », "التوصيات".
bool is_recommendations_heading(std::string_view line);

// The opening of a treaty body's concluding observations, of a special procedure's report.
bool says_concluding_observations(std::string_view opening);
bool says_special_procedure(std::string_view opening);

// The committee a document names itself by ("Committee against Torture" -> "CAT"), or "".
std::string committee_named(std::string_view opening);

// A paragraph that recommends: "recommends", "urges", "should", « recommande », "devrait",
// "توصي", "ينبغي" ...
bool recommends(std::string_view text);

// "27 (b)" or "36": a paragraph of the report, or one of its sub-paragraphs.
struct Reference {
    int paragraph = 0;
    std::string letter;
};

// The paragraphs a sentence cites: "Recommendations noted in paragraphs 28 (a); 33 (a), (c); 36
// and 75 (c) above" -> 28 (a), 33 (a), 33 (c), 36, 75 (c). A letter's own sub-items ("67 (b)
// (i) and (ii)") stay with it.
std::vector<Reference> referenced_paragraphs(std::string_view text);

}  // namespace tawsiya::split
