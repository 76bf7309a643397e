// The table of state names (private to indexer/states): every UN member state, the State of
// Palestine and the Holy See, with their names in English, French and Arabic. The data lives in
// state_table.cpp and nowhere else; state_names.cpp and state_detection.cpp build their lookups
// from it.
#pragma once

#include <span>
#include <string_view>

namespace tawsiya::states {

// One state. Every list field holds forms separated by '|'; an empty field means no form is
// known with certainty (a form is left out rather than guessed).
struct StateRow {
    // The UN official English short name: the canonical key of the state everywhere in tawsiya.
    std::string_view name;
    // Other English names: older official names, the spellings of UPR Info and of the press.
    std::string_view en;
    // English adjectives that name this state only ("Moroccan"; not "Guinean", "Dominican").
    std::string_view en_adj;
    // French names as the UN writes them, with their article ("le Maroc", "l’Algérie", "les
    // Pays-Bas", "Cuba"); the first one is the short name shown to French readers.
    std::string_view fr;
    // French adjectives, masculine then feminine singular ("marocain|marocaine"); plurals are
    // derived.
    std::string_view fr_adj;
    // Arabic names as the UN writes them; the first one is the short name shown to Arabic readers.
    std::string_view ar;
    // Arabic adjectives with their article ("المغربي|المغربية"), as in "السلطات المغربية".
    std::string_view ar_adj;
};

// Calls `f` on each '|'-separated form of a StateRow list field.
template <typename F>
void for_each_form(std::string_view list, F f) {
    while (!list.empty()) {
        const auto bar = list.find('|');
        const std::string_view form = list.substr(0, bar);
        if (!form.empty()) f(form);
        if (bar == std::string_view::npos) break;
        list.remove_prefix(bar + 1);
    }
}

// The 195 states, in English alphabetical order.
std::span<const StateRow> state_rows();

// Phrases that contain a state's name but name something else ("Northern Ireland", "New
// Mexico", "Gulf of Guinea"): detection reads them as one unit and takes no state from them.
std::span<const std::string_view> non_state_phrases();

}  // namespace tawsiya::states
