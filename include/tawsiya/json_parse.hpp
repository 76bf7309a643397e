// Parsing JSON from outside (request bodies, input lines) without letting its shape crash the
// process: RapidJSON's default parser recurses once per nesting level, so a few hundred kilobytes
// of "[[[[..." overflow the stack. Every JSON parse of untrusted text goes through here.
#pragma once

#include <rapidjson/document.h>

#include <cstddef>
#include <string_view>

namespace tawsiya {

// Deeper than any record, request or result the project reads (they nest three or four levels),
// and shallow enough for any recursive walk of the document (Accept, deep copy) to be safe.
constexpr std::size_t kMaxJsonDepth = 64;

// `text` as a document, parsed iteratively with UTF-8 validated. Throws FormatError with the
// reason: "broken JSON: <what> (at byte N)", "invalid UTF-8 at byte N" or "JSON nested deeper
// than 64 levels (at byte N)".
rapidjson::Document parse_json(std::string_view text);

}  // namespace tawsiya
