// Rewriting of the query text before Xapian's QueryParser sees it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tawsiya/analyzer.hpp"

namespace tawsiya::engine {

// Field names as the parser knows them: "State:Morocco" -> "state:Morocco" for a name in
// `fields`, and "tag.sdg:16" -> "tag_sdg:16" (the parser ends a field name at '.').
std::string canonical_fields(std::string_view query, const std::vector<std::string>& fields);

// The words of the query without its field:value parts, operators and syntax, for detecting
// the query's language; empty when the query is only filters.
std::string free_text(std::string_view query, const std::vector<std::string>& fields);

// The parser's operators as it reads them: AND OR NOT XOR NEAR ADJ, NEAR/3, ADJ/2.
bool is_query_operator(std::string_view word);

// The number of words of free_text's output.
std::size_t count_words(std::string_view words);

// `normalized` (Analyzer::normalize with case kept) with every word but the operators in lower
// case. Xapian's QueryParser does not stem a word that starts with a capital (STEM_SOME), so
// "l'État", "État" and "ETAT" would match the word etat only and "etat" every form of it;
// lowered, they are one query.
std::string fold_case_except_operators(std::string_view normalized, const Analyzer& analyzer);

}  // namespace tawsiya::engine
