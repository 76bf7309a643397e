// The label schemes a tagger predicts: mechanism, body and responsible bodies (record fields) and
// each tag scheme present in an index (the "XT<scheme>:" terms).
#pragma once

#include <xapian.h>
#include <string>
#include <vector>

#include "tawsiya/record.hpp"

namespace tawsiya::tagging {

// "mechanism", "body", "responsible" when some record carries them, then the tag schemes, sorted.
std::vector<std::string> label_schemes(const Xapian::Database& db);

// The labels a record carries in a scheme (empty when it carries none).
std::vector<std::string> labels_of(const Record& record, const std::string& scheme);

}  // namespace tawsiya::tagging
