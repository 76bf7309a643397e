// Request bodies of the POST endpoints: JSON objects, read with the errors staff can act on
// ("body: broken JSON: ... (at byte N)", "text: must be a string").
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <string>
#include <string_view>

#include "tawsiya/language.hpp"

namespace tawsiya::http {

// The body as a JSON object; UsageError("body", ...) otherwise.
rapidjson::Document parse_json_body(std::string_view body);

// Optional members of the wrong type throw UsageError naming the member.
std::optional<std::string> optional_string(const rapidjson::Value& object, const char* name);
std::optional<std::uint64_t> optional_uint(const rapidjson::Value& object, const char* name);
std::optional<double> optional_number(const rapidjson::Value& object, const char* name);
std::optional<bool> optional_bool(const rapidjson::Value& object, const char* name);
std::optional<Lang> optional_lang(const rapidjson::Value& object, const char* name);

}  // namespace tawsiya::http
