// How far a recommendation asks the State to go, read from the phrase it opens with: the five
// action categories that UPR Info gives each recommendation it lists (minimal, continuing,
// considering, general, specific). Two requests about one object at different degrees are
// different requests: "Continue to combat domestic violence" / "Enact a law on domestic
// violence", "Consider abolishing the death penalty" / "Abolish the death penalty". The request
// stems that deduplication compares have that opening stripped (strip_lead_in), so the degree is
// what puts it back as a pair feature (dedup.cpp). The phrases are lexicon/action-degree.tsv.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/language.hpp"

namespace tawsiya {

// UPR Info's action categories 1 to 5, in their order; unknown when no phrase opens the text.
enum class ActionDegree : unsigned char {
    unknown,
    minimal,
    continuing,
    considering,
    general,
    specific
};

// "1" to "5", as UPR Info's records tag them (tags.uprinfo_action), or "" for unknown.
std::string_view uprinfo_action_category(ActionDegree degree);

class DegreeLexicon {
  public:
    // lexicon/action-degree.tsv, compiled into the binary, analysed by `analyzer`; once per
    // process.
    static const DegreeLexicon& embedded(const Analyzer& analyzer);

    // Parses "degree<TAB>lang<TAB>phrase|phrase..." and "skip<TAB>lang<TAB>word|word..." lines
    // (# comments). Throws FormatError("name:line: reason"), also when one phrase is given two
    // degrees.
    DegreeLexicon(std::string_view tsv, std::string_view name, const Analyzer& analyzer);

    // The degree of a recommendation's content (strip_recommendation_noise done): the longest
    // phrase found at the start of its request after the addressing formula, list markers
    // ("a)", "-") and skipped words.
    ActionDegree of(std::string_view content, Lang lang, const Analyzer& analyzer) const;

  private:
    struct Phrase {
        std::vector<std::string> stems;
        ActionDegree degree = ActionDegree::unknown;
    };
    // Per language: first stem -> phrases starting with it, longest first.
    std::map<Lang, std::map<std::string, std::vector<Phrase>, std::less<>>> phrases_;
    std::map<Lang, std::vector<std::vector<std::string>>> skips_;
};

}  // namespace tawsiya
