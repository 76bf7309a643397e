// A recommendation record: the project's import format (docs/record-format.md) in memory.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tawsiya/language.hpp"

namespace tawsiya {

struct Record {
    std::string id;                    // stable, unique within the index
    std::map<Lang, std::string> text;  // the recommendation in each language it exists in
    std::string mechanism;             // "upr", "treaty_body", "special_procedure"
    std::string body;                  // "UPR", "CAT", ..., or a special procedure's mandate
    std::string body_ar;               // the mandate's name in Arabic, where known
    std::string state;                 // state under review / addressed
    std::vector<std::string> recommending_states;  // UPR only
    std::optional<int> cycle, session, year;
    std::string symbol, paragraph;                         // "A/HRC/36/6", "144.44"
    std::string response;                                  // "supported" or "noted"
    std::map<std::string, std::vector<std::string>> tags;  // scheme -> labels
    std::vector<std::string> responsible;                  // national bodies responsible
    std::string status;                                    // implementation status
    std::string source;                                    // collection the record came from

    bool operator==(const Record&) const = default;
};

// Parses one JSON object of the record format. Throws FormatError naming the reason (broken JSON,
// missing id or text, a language code other than ar/fr/en, a field of the wrong type).
Record parse_record_json(std::string_view json);

// Serialises a record as one line of JSON (no trailing newline), fields in schema order.
std::string record_to_json(const Record& record);

}  // namespace tawsiya
