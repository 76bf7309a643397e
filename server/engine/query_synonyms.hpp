// The synonyms of a query (engine/synonyms.hpp, Synonyms::for_search): a wording of a group among
// the query's free words ("OPCAT", "optional protocol to the convention against torture",
// "capital punishment") is replaced, before Xapian's QueryParser reads the text, by a field
// reference that the parser hands to a field processor, which answers the OR of the group's
// wordings. So the wordings of a group give the same results, and operators, phrases, fields and
// negations around them keep their meaning.
#pragma once

#include <xapian.h>
#include <string>
#include <string_view>

#include "engine/synonyms.hpp"
#include "tawsiya/analyzer.hpp"

namespace tawsiya::engine {

// The field the rewritten text refers to: "synonymgroup:12_3" is wording 3 of group 12.
inline constexpr std::string_view kSynonymField = "synonymgroup";

// `normalized` (the query after Analyzer::normalize) with each wording of a group among its bare
// words, in `lang` (acronyms in any language), replaced by "synonymgroup:<group>_<wording>".
// Words in quotes, field values, words with + - * and operators are left as typed.
std::string mark_synonyms(std::string_view normalized, Lang lang, const Synonyms& synonyms,
                          const Analyzer& analyzer);

// The query of a group whose wording `typed` was typed: the OR of its wordings in the query's
// language, in every language when `xlang`, and the acronyms. Names are phrases of their words,
// the one typed too: a name is written one way, so OPCAT, OP-CAT and the Optional Protocol's name
// give one result, and the phrases' unprefixed terms are left alone by cross-language expansion
// (the French or Arabic name finds what the acronym finds). In a group of the synonyms file the
// typed wording is read by its stems joined by `default_op`, as the query parser would,
// the others by their words: their stems may meet other words ("accession" is stemmed "access",
// which "access to education" has).
Xapian::Query synonym_query(const Synonyms::Group& group, std::size_t typed, Lang lang, bool xlang,
                            Xapian::Query::op default_op = Xapian::Query::OP_AND);

// The field processor for kSynonymField; the builder sets the query's language before parsing.
class SynonymFieldProcessor : public Xapian::FieldProcessor {
  public:
    explicit SynonymFieldProcessor(const Synonyms& synonyms) : synonyms_(synonyms) {}
    void set(Lang lang, bool xlang, Xapian::Query::op default_op) {
        lang_ = lang;
        xlang_ = xlang;
        default_op_ = default_op;
    }
    Xapian::Query operator()(const std::string& value) override;

  private:
    const Synonyms& synonyms_;
    Lang lang_ = Lang::en;
    bool xlang_ = false;
    Xapian::Query::op default_op_ = Xapian::Query::OP_AND;
};

}  // namespace tawsiya::engine
