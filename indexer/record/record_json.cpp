// The record format (docs/record-format.md) to and from JSON, with RapidJSON.
//
// Parsing is strict about what would corrupt the index (missing id or text, a language code that
// has no analysis, invalid UTF-8, a field of the wrong type) and lenient about what has one obvious
// meaning (a year given as "2017", a single string where a list is expected, unknown fields, which
// are ignored so that newer exports still load).
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>
#include <string>
#include <string_view>

#include "../analysis/language_detector.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/json_parse.hpp"
#include "tawsiya/record.hpp"
#include "tawsiya/text_scan.hpp"

namespace tawsiya {
namespace {

// A unique-id term is "Q" + id, and Xapian refuses terms over 245 bytes.
constexpr std::size_t kMaxIdBytes = 240;

using Value = rapidjson::Value;

[[noreturn]] void fail(const std::string& reason) {
    throw FormatError(reason);
}

std::string string_field(const Value& object, const char* name) {
    const auto it = object.FindMember(name);
    if (it == object.MemberEnd() || it->value.IsNull()) return {};
    if (!it->value.IsString()) fail(std::string("`") + name + "` must be a string");
    return {it->value.GetString(), it->value.GetStringLength()};
}

std::optional<int> int_field(const Value& object, const char* name) {
    const auto it = object.FindMember(name);
    if (it == object.MemberEnd() || it->value.IsNull()) return std::nullopt;
    const Value& v = it->value;
    if (v.IsInt()) return v.GetInt();
    if (v.IsString()) {
        const std::string_view s(v.GetString(), v.GetStringLength());
        int parsed = 0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), parsed);
        if (ec == std::errc() && end == s.data() + s.size() && !s.empty()) return parsed;
    }
    fail(std::string("`") + name + "` must be an integer");
}

// A list of strings; a lone string is a list of one.
std::vector<std::string> string_list(const Value& v, const std::string& name) {
    std::vector<std::string> out;
    if (v.IsNull()) return out;
    if (v.IsString()) {
        if (v.GetStringLength() > 0) out.emplace_back(v.GetString(), v.GetStringLength());
        return out;
    }
    if (!v.IsArray()) fail("`" + name + "` must be a list of strings");
    for (const auto& item : v.GetArray()) {
        if (!item.IsString()) fail("`" + name + "` must be a list of strings");
        if (item.GetStringLength() > 0) out.emplace_back(item.GetString(), item.GetStringLength());
    }
    return out;
}

std::vector<std::string> list_field(const Value& object, const char* name) {
    const auto it = object.FindMember(name);
    if (it == object.MemberEnd()) return {};
    return string_list(it->value, name);
}

std::string parse_id(const Value& object) {
    const auto it = object.FindMember("id");
    if (it == object.MemberEnd() || it->value.IsNull()) fail("missing `id`");
    std::string id;
    if (it->value.IsString())
        id.assign(it->value.GetString(), it->value.GetStringLength());
    else if (it->value.IsInt64())
        id = std::to_string(it->value.GetInt64());
    else
        fail("`id` must be a string");
    if (scan::is_blank(id)) fail("`id` is empty");
    if (id.size() > kMaxIdBytes)
        fail("`id` is longer than " + std::to_string(kMaxIdBytes) + " bytes");
    return id;
}

// `text` is an object keyed by language code; a plain string is accepted with `lang`, or with its
// language detected.
std::map<Lang, std::string> parse_text(const Value& object) {
    const auto it = object.FindMember("text");
    if (it == object.MemberEnd() || it->value.IsNull()) fail("missing `text`");
    std::map<Lang, std::string> text;
    const Value& v = it->value;
    if (v.IsString()) {
        std::string body(v.GetString(), v.GetStringLength());
        if (scan::is_blank(body)) fail("`text` is empty");
        const std::string code = string_field(object, "lang");
        std::optional<Lang> lang =
            code.empty() ? std::optional(analysis::detect_language(body)) : parse_lang(code);
        if (!lang) fail("unknown language code '" + code + "' in `lang` (expected ar, fr or en)");
        text.emplace(*lang, std::move(body));
        return text;
    }
    if (!v.IsObject()) fail("`text` must be an object keyed by language code, or a string");
    for (const auto& member : v.GetObject()) {
        const std::string code(member.name.GetString(), member.name.GetStringLength());
        const auto lang = parse_lang(code);
        if (!lang) fail("unknown language code '" + code + "' in `text` (expected ar, fr or en)");
        if (member.value.IsNull()) continue;
        if (!member.value.IsString()) fail("`text." + code + "` must be a string");
        std::string body(member.value.GetString(), member.value.GetStringLength());
        if (!scan::is_blank(body)) text[*lang] = std::move(body);
    }
    if (text.empty()) fail("`text` is empty");
    return text;
}

std::map<std::string, std::vector<std::string>> parse_tags(const Value& object) {
    std::map<std::string, std::vector<std::string>> tags;
    const auto it = object.FindMember("tags");
    if (it == object.MemberEnd() || it->value.IsNull()) return tags;
    if (!it->value.IsObject()) fail("`tags` must be an object of scheme -> list of labels");
    for (const auto& member : it->value.GetObject()) {
        const std::string scheme(member.name.GetString(), member.name.GetStringLength());
        // The scheme is part of a term, "XT<scheme>:<label>": it cannot hold the separator.
        if (scheme.empty() || scheme.find_first_of(": \t\n") != std::string::npos)
            fail("tag scheme '" + scheme + "' must be a non-empty name without ':' or spaces");
        auto labels = string_list(member.value, "tags." + scheme);
        if (!labels.empty()) tags[scheme] = std::move(labels);
    }
    return tags;
}

// Keys by length: a tag scheme's name may hold any character, a NUL too (read by its length).
template <typename Writer>
void write_string(Writer& w, std::string_view key, const std::string& value) {
    if (value.empty()) return;
    w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

template <typename Writer>
void write_list(Writer& w, std::string_view key, const std::vector<std::string>& values) {
    if (values.empty()) return;
    w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    w.StartArray();
    for (const auto& v : values) w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
    w.EndArray();
}

template <typename Writer>
void write_int(Writer& w, std::string_view key, const std::optional<int>& value) {
    if (!value) return;
    w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    w.Int(*value);
}

}  // namespace

Record parse_record_json(std::string_view json) {
    const rapidjson::Document doc = parse_json(json);
    if (!doc.IsObject()) fail("not a JSON object");

    Record r;
    r.id = parse_id(doc);
    r.text = parse_text(doc);
    r.mechanism = string_field(doc, "mechanism");
    r.body = string_field(doc, "body");
    r.body_ar = string_field(doc, "body_ar");
    r.state = string_field(doc, "state");
    r.recommending_states = list_field(doc, "recommending_states");
    r.cycle = int_field(doc, "cycle");
    r.session = int_field(doc, "session");
    r.year = int_field(doc, "year");
    r.symbol = string_field(doc, "symbol");
    r.paragraph = string_field(doc, "paragraph");
    r.response = string_field(doc, "response");
    r.tags = parse_tags(doc);
    r.responsible = list_field(doc, "responsible");
    r.status = string_field(doc, "status");
    r.source = string_field(doc, "source");
    return r;
}

std::string record_to_json(const Record& r) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    write_string(w, "id", r.id);
    w.Key("text");
    w.StartObject();
    for (const auto& [lang, body] : r.text) {
        const std::string_view code = lang_code(lang);
        w.Key(code.data(), static_cast<rapidjson::SizeType>(code.size()));
        w.String(body.data(), static_cast<rapidjson::SizeType>(body.size()));
    }
    w.EndObject();
    write_string(w, "mechanism", r.mechanism);
    write_string(w, "body", r.body);
    write_string(w, "body_ar", r.body_ar);
    write_string(w, "state", r.state);
    write_list(w, "recommending_states", r.recommending_states);
    write_int(w, "cycle", r.cycle);
    write_int(w, "session", r.session);
    write_int(w, "year", r.year);
    write_string(w, "symbol", r.symbol);
    write_string(w, "paragraph", r.paragraph);
    write_string(w, "response", r.response);
    if (!r.tags.empty()) {
        w.Key("tags");
        w.StartObject();
        for (const auto& [scheme, labels] : r.tags) write_list(w, scheme, labels);
        w.EndObject();
    }
    write_list(w, "responsible", r.responsible);
    write_string(w, "status", r.status);
    write_string(w, "source", r.source);
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace tawsiya
