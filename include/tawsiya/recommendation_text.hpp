// What in a recommendation's text is not its content: the paragraph number in front ("129.1",
// "12 (a)") and the recommending states in parentheses at the end ("(France) (Lithuania);",
// "(Norvège) ;", "(النرويج)؛"). Matching and deduplication compare requests, not who made them.
#pragma once

#include <string>
#include <string_view>

namespace tawsiya {

// The text without its leading paragraph number and trailing recommending-state parentheses.
// Parentheses holding only an acronym ("(CRPD)", "(OPCAT)") are content and stay.
std::string strip_recommendation_noise(std::string_view text);

}  // namespace tawsiya
