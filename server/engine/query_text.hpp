// Rewriting of the query text before Xapian's QueryParser sees it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tawsiya::engine {

// Field names as the parser knows them: "State:Morocco" -> "state:Morocco" for a name in
// `fields`, and "tag.sdg:16" -> "tag_sdg:16" (the parser ends a field name at '.').
std::string canonical_fields(std::string_view query, const std::vector<std::string>& fields);

// The words of the query without its field:value parts, operators and syntax, for detecting
// the query's language; empty when the query is only filters.
std::string free_text(std::string_view query, const std::vector<std::string>& fields);

}  // namespace tawsiya::engine
