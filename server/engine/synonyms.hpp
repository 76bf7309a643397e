// Equivalent wordings of a request (lexicon/synonyms.tsv, compiled into the binary): "capital
// punishment" is "death penalty", "accede to" is "ratify", "décrochage scolaire" is "abandon
// scolaire". Matching and deduplication compare texts with every such phrase rewritten into its
// group's canonical phrase. (Looking the other phrases up in the index too was measured for
// matching: 1.3 ms more per match and a lower recall@10 on the dev set, 0.980 against 0.985; the
// candidates share other words anyway.)
//
// Search reads the same groups, and the names of instruments and bodies of the lexicon
// (lexicon/human-rights.tsv) with their acronyms: OPCAT, OP-CAT, "Optional Protocol to the
// Convention against Torture", its French and Arabic names are one group, across languages. A
// query's wording of a group matches every wording of it (engine/query_synonyms.hpp).
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
    // Those groups and the lexicon's names (add_names), for search; built once per process.
    static const Synonyms& for_search(const Analyzer& analyzer);

    // Parses "lang<TAB>canonical<TAB>phrase..." lines (# comments). Throws FormatError naming the
    // line of a bad one.
    Synonyms(std::string_view tsv, std::string_view name, const Analyzer& analyzer);

    // Adds the names of a lexicon ("English<TAB>French<TAB>Arabic" lines, # comments) that have
    // an acronym: an entry whose English or French is an acronym ("OPCAT", "OP-CAT", "NGOs") and
    // the entries that share a name with it, directly or through another (OPCAT and the
    // Optional Protocol share their Arabic name) make one group of names in three languages. A
    // group that shares a wording with a group already read is merged with it.
    void add_names(std::string_view lexicon_tsv, const Analyzer& analyzer);

    // `stems` (content stems in text order) with every phrase of a group, longest first, replaced
    // by the group's canonical stems.
    std::vector<std::string> canonical(const std::vector<std::string>& stems, Lang lang) const;

    // One wording of a group.
    struct Wording {
        Lang lang = Lang::en;
        bool acronym = false;              // the same in every language: matched in any
        std::vector<std::string> words;    // normalized words, stopwords included (a phrase)
        std::vector<std::string> content;  // the words that are not stopwords
        std::vector<std::string> stems;    // their stems
    };
    struct Group {
        std::vector<Wording> wordings;
        bool names = false;  // names of instruments and bodies: matched as phrases, not inflected
    };
    // Where a wording of a group starts in a query's content words.
    struct Found {
        std::size_t first = 0, count = 0;  // words[first, first + count)
        std::size_t group = 0;
        std::size_t wording = 0;  // the wording found, in group(group).wordings
    };
    // The wordings of `lang` (and the acronyms) in `words` (normalized words that are not
    // stopwords, in text order), left to right, the longest at each place, never overlapping.
    // Words, not stems: a search must not read "access" as "accession" (both stem to "access").
    std::vector<Found> find(const std::vector<std::string>& words, Lang lang) const;
    const Group& group(std::size_t id) const { return groups_[id]; }
    std::size_t groups() const { return groups_.size(); }

  private:
    struct Phrase {
        std::vector<std::string> stems;
        std::size_t group = 0;
        std::size_t wording = 0;
    };
    using PhraseIndex = std::map<Lang, std::map<std::string, std::vector<Phrase>>>;
    // Per language: first stem -> the phrases (of stems) starting with it, longest first.
    PhraseIndex phrases_;
    // The same by words (Phrase::stems holds content words), for find().
    PhraseIndex spelled_;
    std::vector<Group> groups_;

    // Indexes a wording: by its stems (canonical) and its words (find).
    void add_phrase(Lang lang, const Wording& wording, std::size_t group, std::size_t wording_id);
    std::size_t group_of(Lang lang, const std::vector<std::string>& stems) const;  // or npos
    void merge(std::size_t into, std::size_t from);
    // The phrase of `index` and `lang` starting at `terms[i]`, or nullptr.
    static const Phrase* phrase_at(const PhraseIndex& index, const std::vector<std::string>& terms,
                                   std::size_t i, Lang lang);
};

}  // namespace tawsiya
