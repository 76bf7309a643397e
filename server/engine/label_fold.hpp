// Folding of facet labels for matching a value typed by a user against the labels in the index:
// case, accents and spacing do not matter ("cote d'ivoire" finds "Côte d’Ivoire").
#pragma once

#include <string>
#include <string_view>

namespace tawsiya::engine {

// NFKD, combining marks removed, case folded, typographic apostrophes as ', runs of spaces as one,
// leading and trailing spaces removed.
std::string fold_label(std::string_view label);

}  // namespace tawsiya::engine
