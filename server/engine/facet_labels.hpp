// The facet labels actually in the index, looked up by a folded form so that a value typed in a
// query or a filter finds its term whatever its case and accents (state:morocco -> XS:Morocco).
// The labels of a prefix are read from the index the first time that prefix is used after a
// (re)open: one scan of its terms.
#pragma once

#include <xapian.h>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tawsiya/analyzer.hpp"

namespace tawsiya::engine {

class FacetLabels {
  public:
    FacetLabels(const Xapian::Database& db, const Analyzer& analyzer);

    // Forgets what was read: call after the database is reopened on a new revision.
    void reset();

    // The term of `value` under `prefix`: the indexed term whose label folds like `value`, else
    // prefix:value as given (a term that the index does not hold, so it matches nothing).
    std::string term_for(const std::string& prefix, std::string_view value);

    // The tag schemes present in the index ("sdg", "uhri_theme"...), sorted.
    const std::vector<std::string>& schemes();

  private:
    const std::unordered_map<std::string, std::string>& labels_of(const std::string& prefix);

    const Xapian::Database& db_;
    const Analyzer& analyzer_;
    std::map<std::string, std::unordered_map<std::string, std::string>> by_prefix_;
    std::optional<std::vector<std::string>> schemes_;
};

}  // namespace tawsiya::engine
