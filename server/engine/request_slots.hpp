// What a recommendation asks for, read into four slots from the curated lexicon
// lexicon/request-slots.tsv: the instrument it names (OPCAT, the 1961 statelessness convention),
// the kind of action (ratify, moratorium, abolish, legislate, awareness...), the group of persons
// (children, migrants, persons with disabilities...) and the object (a right, a topic, an
// institution). Two texts that share most of their words can still ask different things: the
// same template for children and for migrants, a moratorium and abolition, OPCAT and the Optional
// Protocol to CEDAW. Their slots say so, in any of the three languages (keys are language-free),
// and deduplication weighs that (dedup.cpp).
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/language.hpp"

namespace tawsiya {

enum class Slot : std::size_t { instrument, action, group, object };
inline constexpr std::size_t kSlots = 4;

struct RequestSlots {
    std::array<std::vector<std::string>, kSlots> keys;  // per slot, sorted, unique
    std::string first_action;                           // the first action in text order, or ""
    std::vector<std::string> numbers;  // numbers of 2 to 4 digits (years, article and ILO
                                       // convention numbers), sorted, unique
    const std::vector<std::string>& operator[](Slot s) const {
        return keys[static_cast<std::size_t>(s)];
    }
};

// How the slots of two texts compare.
struct SlotComparison {
    // Both texts fill the slot and each has a key the other lacks: "Ratify the 1954 convention"
    // and "Ratify the 1961 convention"; one text's keys a subset of the other's is no conflict
    // (the longer text asks that and more).
    std::array<bool, kSlots> conflict{};
    std::array<bool, kSlots> shared{};  // a key in both
    bool first_action_differs = false;  // both have an action and their first ones differ
    bool numbers_conflict = false;      // both have numbers, and each one the other lacks
};

SlotComparison compare_slots(const RequestSlots& a, const RequestSlots& b);

class SlotLexicon {
  public:
    // lexicon/request-slots.tsv, compiled into the binary, analysed by `analyzer`; once per
    // process.
    static const SlotLexicon& embedded(const Analyzer& analyzer);

    // Parses "slot<TAB>key<TAB>lang<TAB>phrase|phrase..." lines (# comments). Throws
    // FormatError("name:line: reason").
    SlotLexicon(std::string_view tsv, std::string_view name, const Analyzer& analyzer);

    // The slots of a text given as its request stems (features::request_stems, in text order):
    // at each place the longest phrase of `lang` found there, never overlapping.
    RequestSlots find(const std::vector<std::string>& stems, Lang lang) const;

  private:
    struct Phrase {
        std::vector<std::string> stems;
        std::size_t entry = 0;
    };
    struct Entry {
        Slot slot = Slot::object;
        std::string key;
        bool modifier = false;  // "+op": names the protocol of the instrument after it
    };
    std::vector<Entry> entries_;
    // Per language: first stem -> phrases starting with it, longest first.
    std::map<Lang, std::map<std::string, std::vector<Phrase>, std::less<>>> phrases_;
};

}  // namespace tawsiya
