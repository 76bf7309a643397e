// Equivalent wordings of a request (lexicon/synonyms.tsv, compiled into the binary): "capital
// punishment" is "death penalty", "accede to" is "ratify", "décrochage scolaire" is "abandon
// scolaire". Matching and deduplication compare texts with every such phrase rewritten into its
// group's canonical phrase. Search is not affected: a user who types a phrase gets that phrase.
// (Looking the other phrases up in the index too was measured: 1.3 ms more per match and a lower
// recall@10 on the dev set, 0.980 against 0.985; the candidates share other words anyway.)
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/language.hpp"

namespace tawsiya {

class Synonyms {
  public:
    // The groups of lexicon/synonyms.tsv, analysed by `analyzer`; built once per process.
    static const Synonyms& embedded(const Analyzer& analyzer);

    // Parses "lang<TAB>canonical<TAB>phrase..." lines (# comments). Throws FormatError naming the
    // line of a bad one.
    Synonyms(std::string_view tsv, std::string_view name, const Analyzer& analyzer);

    // `stems` (content stems in text order) with every phrase of a group, longest first, replaced
    // by the group's canonical stems.
    std::vector<std::string> canonical(const std::vector<std::string>& stems, Lang lang) const;

  private:
    struct Phrase {
        std::vector<std::string> stems;
        std::size_t group = 0;
    };
    // Per language: first stem -> the phrases starting with it, longest first.
    std::map<Lang, std::map<std::string, std::vector<Phrase>>> phrases_;
    std::vector<std::vector<std::vector<std::string>>> groups_;  // group -> its phrases' stems

    // The phrase of `lang` starting at `stems[i]`, or nullptr.
    const Phrase* phrase_at(const std::vector<std::string>& stems, std::size_t i, Lang lang) const;
};

}  // namespace tawsiya
