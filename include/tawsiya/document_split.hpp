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

struct DocumentParagraph {
    std::string number;    // "12", "129.4", "12(a)"; empty for an unnumbered paragraph
    std::string text;      // the recommendation, lines joined
    std::string context;   // for a sub-paragraph, its chapeau ("The Committee recommends ...:")
    std::size_t line = 0;  // the line of the input it starts on (1-based)
    Lang lang = Lang::en;
};

// The recommendations of `document`, in order:
// - numbered paragraphs ("12.", "129.4", Arabic-Indic "١٢.") and unnumbered ones (separated by a
//   blank line) that recommend: "The Committee recommends/urges/calls upon ...", "The State
//   party should ...", "Le Comité recommande/exhorte/engage ...", "devrait", "توصي/تحث/تدعو
//   اللجنة", "ينبغي", and UPR items ("129.4 Ratify ...", under a paragraph that lists
//   recommendations);
// - a recommending paragraph whose sub-paragraphs "(a)", "(b)", "(أ)", "(ب)" follow is split into
//   them ("12(a)", "12(b)"), its chapeau kept as their context;
// - observations ("is concerned", "notes", "welcomes", "est préoccupé", "prend note", "تعرب عن
//   قلقها", "تلاحظ") and headings are left out.
// Lines end with LF, CRLF or a lone CR. The language is `lang`, or detected on the whole
// document.
std::vector<DocumentParagraph> split_recommendations(std::string_view document,
                                                     const Analyzer& analyzer,
                                                     std::optional<Lang> lang = std::nullopt);

// The document's own symbol ("CAT/C/MAR/CO/4", "A/HRC/35/23/Add.3"): the first one in its opening
// lines, where a UN document prints it; the symbols further on are the documents it cites. None
// when its opening has none.
std::optional<std::string> document_symbol(std::string_view document);

}  // namespace tawsiya
