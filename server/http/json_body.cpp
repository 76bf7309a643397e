#include "http/json_body.hpp"

#include "tawsiya/error.hpp"
#include "tawsiya/json_parse.hpp"

namespace tawsiya::http {

rapidjson::Document parse_json_body(std::string_view body) {
    rapidjson::Document doc;
    try {
        doc = parse_json(body);
    } catch (const FormatError& e) {
        throw UsageError("body", e.what());
    }
    if (!doc.IsObject()) throw UsageError("body", "must be a JSON object");
    return doc;
}

namespace {

const rapidjson::Value* member(const rapidjson::Value& object, const char* name) {
    const auto it = object.FindMember(name);
    return it == object.MemberEnd() || it->value.IsNull() ? nullptr : &it->value;
}

}  // namespace

std::optional<std::string> optional_string(const rapidjson::Value& object, const char* name) {
    const rapidjson::Value* v = member(object, name);
    if (!v) return std::nullopt;
    if (!v->IsString()) throw UsageError(name, "must be a string");
    return std::string(v->GetString(), v->GetStringLength());
}

std::optional<std::uint64_t> optional_uint(const rapidjson::Value& object, const char* name) {
    const rapidjson::Value* v = member(object, name);
    if (!v) return std::nullopt;
    if (!v->IsUint64()) throw UsageError(name, "must be a whole number");
    return v->GetUint64();
}

std::optional<double> optional_number(const rapidjson::Value& object, const char* name) {
    const rapidjson::Value* v = member(object, name);
    if (!v) return std::nullopt;
    if (!v->IsNumber()) throw UsageError(name, "must be a number");
    return v->GetDouble();
}

std::optional<bool> optional_bool(const rapidjson::Value& object, const char* name) {
    const rapidjson::Value* v = member(object, name);
    if (!v) return std::nullopt;
    if (!v->IsBool()) throw UsageError(name, "must be true or false");
    return v->GetBool();
}

std::optional<Lang> optional_lang(const rapidjson::Value& object, const char* name) {
    const auto code = optional_string(object, name);
    if (!code || code->empty()) return std::nullopt;
    const auto lang = parse_lang(*code);
    if (!lang) throw UsageError(name, "must be ar, fr or en");
    return lang;
}

}  // namespace tawsiya::http
