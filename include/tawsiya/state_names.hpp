// The names of states in English, French and Arabic: one canonical name per state (the UN official
// English short name), the name to show in each language, and the state a recommendation's text
// addresses. Covers every UN member state, the State of Palestine and the Holy See.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "tawsiya/language.hpp"

namespace tawsiya {

// The UN official English short name of the state that `name` names, in any of its usual
// spellings or languages ("Tanzania", "St Lucia", "Macedonia FYR", "Chine", "États-Unis
// d’Amérique", "le Maroc", "المملكة المغربية", "عُمان"); nullopt when `name` is not a state's.
// Case, accents, Arabic diacritics and letter variants, "&"/"and", "St"/"Saint" do not matter.
std::optional<std::string> canonical_state(std::string_view name);

// True for the name of a state, in any spelling or language canonical_state knows.
bool is_state_name(std::string_view name);

// canonical_state(name), or `name` unchanged when it is not a state's.
std::string official_state_name(std::string_view name);

// The name of the state to show in `lang`: the canonical English name, the UN French short name
// ("Maroc", "États-Unis d’Amérique") or the UN Arabic one ("المغرب"). `canonical` may be any
// spelling canonical_state knows; a name that is not a state's is returned unchanged.
std::string state_display_name(std::string_view canonical, Lang lang);

// Where a text names the state it addresses.
struct StateMention {
    std::string state;       // the canonical name
    std::size_t offset = 0;  // the mention in the text, in bytes (article included)
    std::size_t length = 0;
    std::string how;  // why, for the user: "named in the text: « Le Maroc devrait »"
};

// The state a recommendation addresses, found in its text: the first state in subject position
// ("Morocco should", « Le Maroc devrait », « Que le Burundi ratifie », «أن تنضم عُمان», «على
// المغرب», "the Government of Tunisia") or named by an adjective that qualifies its authorities
// ("the Moroccan authorities", « le Gouvernement tunisien »), else the first state named, else
// the first adjective ("Moroccan women"). Recommending states in parentheses ("(France)",
// "(Brazil, Chile);") are not taken. `lang` only narrows the names tried; nullopt tries all
// three. Reads at most the first 64 KiB of the text; the lookup is built once; safe to call from
// several threads.
std::optional<StateMention> detect_state(std::string_view text,
                                         std::optional<Lang> lang = std::nullopt);

}  // namespace tawsiya
