// A document (concluding observations, a special procedure's report, a UPR report) split into the
// recommendations it makes, so that each can be matched and tagged on its own.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/language.hpp"

namespace tawsiya {

// What kind of document it is, read from its structure and wording.
enum class DocumentKind {
    upr_report,               // a "Conclusions and/or recommendations" section of numbered items
    special_procedure,        // a "Recommendations" section ("The Special Rapporteur recommends")
    concluding_observations,  // a treaty body's ("The Committee recommends that the State party")
    other,                    // recommending paragraphs wherever they are
};

struct DocumentParagraph {
    std::string number;    // "12", "129.4", "60.7" (item 7 of a list under paragraph 60), "24 (b)";
                           // empty for an unnumbered paragraph
    std::string text;      // the recommendation, lines joined
    std::string context;   // its chapeau ("The Committee recommends that the State party:",
                           // "129. The recommendations ... enjoy the support of Morocco:")
    std::string note;      // a sentence closing its list ("The recommendations listed above
                           // enjoy the support of Morocco."), or empty
    std::size_t line = 0;  // the line of the input it starts on (1-based)
    Lang lang = Lang::en;
    // Who issued it, as the document's symbol or its own wording says; empty when neither says.
    std::string mechanism;  // "upr", "treaty_body", "special_procedure"
    std::string body;       // "UPR", "CAT", "CESCR", ...
};

struct SplitDocument {
    DocumentKind kind = DocumentKind::other;
    std::optional<std::string> symbol;  // document_symbol()
    std::vector<DocumentParagraph> paragraphs;
};

// The recommendations of `document`, in order (docs/matching.md, "`tawsiya tag`"):
// - the numbering is read as a sequence: a paragraph number ("12.", "١٢-", "12 –") continues the
//   paragraphs, an item ("129.51", with or without a dot after it, or "7." in a list under
//   paragraph 60: "60.7") continues its list, a sub-paragraph ("(a)", "a)", "(أ)") its letters;
//   a number that continues nothing is text ("article 16, paragraph 2"). Items and
//   sub-paragraphs are found at the start of a line and also after the ";", "." or ":" that ends
//   the one before (PDF extractions join lines);
// - a UPR Working Group report (a "Conclusions and/or recommendations" section, any cycle): the
//   items of that section; a special procedure's report: the recommending paragraphs of its
//   "Recommendations" section; other documents (concluding observations): the recommending
//   paragraphs ("The Committee recommends/urges ...", "should", « Le Comité recommande »,
//   "devrait", "توصي اللجنة", "ينبغي");
// - a paragraph whose sub-paragraphs follow is split into them ("24 (a)", "24 (b)"), each
//   inheriting the chapeau as its context and the issuer the chapeau names;
// - observations, narrative paragraphs, headings and page furniture (GE.12-..., page numbers)
//   are left out.
// Lines end with LF, CRLF or a lone CR: this is the one place where text entering the splitter
// has its line endings normalized. Linear in the input's length, no regular expressions. The
// language is `lang`, or detected on the whole document.
SplitDocument split_document(std::string_view document, const Analyzer& analyzer,
                             std::optional<Lang> lang = std::nullopt);

// split_document(...).paragraphs.
std::vector<DocumentParagraph> split_recommendations(std::string_view document,
                                                     const Analyzer& analyzer,
                                                     std::optional<Lang> lang = std::nullopt);

// The document's own symbol ("CAT/C/MAR/CO/4", "A/HRC/35/23/Add.3"): the first one in its opening
// lines, where a UN document prints it; the symbols further on are the documents it cites. None
// when its opening has none.
std::optional<std::string> document_symbol(std::string_view document);

}  // namespace tawsiya
