// Reading a list of new recommendations for the batch commands (dedup, match): JSON lines
// {"id", "text", "lang"?, "state"?, "symbol"?}, or plain text with one recommendation per line (its
// id is the line number). Bad lines are reported as "file:line: reason" and skipped.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tawsiya/language.hpp"

namespace tawsiya::cli {

struct ListItem {
    std::string id;
    std::string text;
    std::optional<Lang> lang;
    std::optional<std::string> state;   // the state under review, when the line says
    std::optional<std::string> symbol;  // the UN symbol of the text's document, when it says
    std::size_t line = 0;
};

// Reads `path` ("-" for stdin). Problems go to `problems` as "file:line: reason".
std::vector<ListItem> read_list(const std::string& path, std::vector<std::string>& problems);

}  // namespace tawsiya::cli
