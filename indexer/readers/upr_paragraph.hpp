// One recommendation paragraph of a UPR report split into its parts (private to indexer/readers):
// "129.5. Consider ratifying the OP2 (Belgium, Estonia, France);" → number "129.5", text
// "Consider ratifying the OP2", states {Belgium, Estonia, France}.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tawsiya::readers {

struct UprParagraph {
    std::string number;               // "129.5"; empty when the paragraph has none
    std::string text;                 // the request, without number and recommending states
    std::vector<std::string> states;  // the recommending states, in order, as written
};

// Parenthesised groups are recommending states when every name in them is a state's
// ("(Argentina) (Côte d’Ivoire)", "(Latvia, Uruguay)"), or, for the last group before the
// final ';' or '.', when it reads like one (capitalised names, no digits, no treaty words), so
// that a state missing from the list is still split off. "(Maputo Protocol)", "(2017–2022)" and
// "(the Paris Principles)" stay in the text.
UprParagraph split_upr_paragraph(std::string_view paragraph);

}  // namespace tawsiya::readers
