// Which CSV column fills which record field (private to indexer/readers): the `--columns`
// mapping of `tawsiya index` (docs/record-format.md, "Other CSV exports") and the built-in
// mappings of the UPR Info exports.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tawsiya/record.hpp"

namespace tawsiya::readers {

// A column by its header name ("Org"), its n-th occurrence when the name repeats ("Org#2"), or
// its position ("#5", 1-based).
struct ColumnRef {
    std::string name;
    std::size_t occurrence = 1;
    std::size_t position = 0;  // set: the column at this position, whatever its name
    std::string spelled;       // as written, for messages
};

struct FieldRule {
    std::string field;                // "text", "text.fr", "state", "tags.sdg", ...
    std::optional<ColumnRef> column;  // absent: `constant`
    std::string constant;             // field="value"
    std::string separators;           // list fields: what splits a cell into values
    bool optional = false;            // built-in mappings: a column the export may lack
};

struct CsvMapping {
    std::vector<FieldRule> rules;
};

// Parses `field=Column` pairs, separated by commas, or by line breaks (a mapping file; blank
// lines and lines starting with '#' are skipped). A value in double quotes is a constant
// (`mechanism="treaty_body"`); a list field's column may end with the characters that split
// its cells in brackets (`tags.uprinfo_issue=Issue[,]`; default: `;`, `|` and line breaks).
// Throws UsageError("--columns", reason) for an unknown field, a pair without `=`, or no text.
CsvMapping parse_csv_mapping(std::string_view spec);

// The fields a mapping may fill, for messages and docs.
const std::vector<std::string>& mappable_fields();

// A mapping resolved against one file's header.
class BoundMapping {
  public:
    // Throws FormatError naming a column the header lacks (built-in optional ones are dropped).
    BoundMapping(const CsvMapping& mapping, const std::vector<std::string>& header);

    // The record of one row (its `id` when the mapping has none: `default_id`). Throws
    // FormatError for an empty text or a number that is not one.
    Record make_record(const std::vector<std::string>& row, const std::string& default_id) const;

  private:
    struct Bound {
        FieldRule rule;
        std::size_t index = 0;  // the column's position in a row
        std::string header;     // its header name, for messages
    };
    std::vector<Bound> bound_;
};

}  // namespace tawsiya::readers
