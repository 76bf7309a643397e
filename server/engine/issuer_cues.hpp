// What a recommendation's wording and document say of who issued it, beside its content: a
// document symbol names a committee outright ("CAT/C/MAR/CO/4") or the Council ("A/HRC/36/6": the
// UPR or a special procedure); an addressing formula names a treaty body ("Le Comité recommande à
// l'État partie") or a special procedure ("The Special Rapporteur recommends"); recommending
// states in parentheses at the end ("(France);") are the UPR's. The suggestions (match_suggestions)
// hold the mechanism and the body to what these say.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tawsiya::matching {

struct IssuerCues {
    // The mechanism is one of these (empty: nothing is said), with this probability.
    std::vector<std::string> mechanisms;
    double reliability = 0;
    // The body named outright (by a committee's symbol), or empty; as sure as `reliability`.
    std::string body;
};

// The cues of a text, of its context (a sub-paragraph's chapeau: "The Committee recommends that
// the State party:") and of its document's symbol when known (else a symbol in the text or the
// context is read). The strongest cue wins: a committee's symbol, then a formula (which chooses
// between the two mechanisms a Council symbol allows), then a Council symbol, then recommending
// states.
IssuerCues issuer_cues(std::string_view text, std::string_view context,
                       const std::optional<std::string>& symbol);

}  // namespace tawsiya::matching
