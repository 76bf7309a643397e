// Names of states as UN documents and UPR Info write them (private to indexer/readers): what
// tells "(Sierra Leone)" at the end of a recommendation, a recommending state, from
// "(Maputo Protocol)", part of its content.
#pragma once

#include <string>
#include <string_view>

namespace tawsiya::readers {

// True for the name of a UN member or observer state, in any of its usual spellings
// ("Côte d’Ivoire", "Cote d'Ivoire", "Venezuela (Bolivarian Republic of)", "St Lucia").
bool is_state_name(std::string_view name);

// The UN's official short name of the state ("Tanzania" → "United Republic of Tanzania"), or
// the name unchanged when it is not a known state's.
std::string official_state_name(std::string_view name);

// The key names are compared by: lower case, Latin accents and curly quotes folded, "&" as
// "and", "St" as "Saint", a leading "the" dropped, spaces collapsed.
std::string state_name_key(std::string_view name);

}  // namespace tawsiya::readers
