#include "tawsiya/result_json.hpp"

#include <string_view>

namespace tawsiya {

namespace {

void string_value(JsonWriter& writer, std::string_view text) {
    writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void key(JsonWriter& writer, std::string_view name) {
    writer.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
}

void string_field(JsonWriter& writer, std::string_view name, std::string_view text) {
    key(writer, name);
    string_value(writer, text);
}

void optional_int_field(JsonWriter& writer, std::string_view name, const std::optional<int>& n) {
    key(writer, name);
    if (n)
        writer.Int(*n);
    else
        writer.Null();
}

void string_list_field(JsonWriter& writer, std::string_view name,
                       const std::vector<std::string>& list) {
    key(writer, name);
    writer.StartArray();
    for (const auto& item : list) string_value(writer, item);
    writer.EndArray();
}

void tags_field(JsonWriter& writer, const Record& record) {
    key(writer, "tags");
    writer.StartObject();
    for (const auto& [scheme, labels] : record.tags) string_list_field(writer, scheme, labels);
    writer.EndObject();
}

template <typename Value>
std::string to_json(const Value& value) {
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    write_json(writer, value);
    return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace

void write_json(JsonWriter& writer, const SearchHit& hit) {
    const Record& r = hit.record;
    writer.StartObject();
    string_field(writer, "id", r.id);
    key(writer, "score");
    writer.Double(hit.score);
    key(writer, "percent");
    writer.Int(hit.percent);
    string_field(writer, "display_lang", lang_code(hit.display_lang));
    const auto text = r.text.find(hit.display_lang);
    string_field(writer, "text", text == r.text.end() ? std::string_view() : text->second);
    string_field(writer, "snippet", hit.snippet);
    string_field(writer, "snippet_lang", lang_code(hit.snippet_lang));
    string_field(writer, "mechanism", r.mechanism);
    string_field(writer, "body", r.body);
    string_field(writer, "state", r.state);
    optional_int_field(writer, "year", r.year);
    string_field(writer, "symbol", r.symbol);
    string_field(writer, "paragraph", r.paragraph);
    string_list_field(writer, "recommending_states", r.recommending_states);
    string_field(writer, "response", r.response);
    tags_field(writer, r);
    string_list_field(writer, "responsible", r.responsible);
    writer.EndObject();
}

void write_json(JsonWriter& writer, const SearchResult& result) {
    writer.StartObject();
    key(writer, "total");
    writer.Uint64(result.total);
    key(writer, "page");
    writer.Uint64(result.page);
    key(writer, "size");
    writer.Uint64(result.size);
    string_field(writer, "query_lang", lang_code(result.query_lang));
    key(writer, "hits");
    writer.StartArray();
    for (const auto& hit : result.hits) write_json(writer, hit);
    writer.EndArray();
    key(writer, "facets");
    writer.StartObject();
    for (const auto& [facet, values] : result.facets) {
        key(writer, facet);
        writer.StartArray();
        for (const auto& value : values) {
            writer.StartObject();
            string_field(writer, "label", value.label);
            string_field(writer, "display", value.display);
            key(writer, "count");
            writer.Uint64(value.count);
            writer.EndObject();
        }
        writer.EndArray();
    }
    writer.EndObject();
    writer.EndObject();
}

void write_json(JsonWriter& writer, const Record& r) {
    writer.StartObject();
    string_field(writer, "id", r.id);
    key(writer, "text");
    writer.StartObject();
    for (const auto& [lang, text] : r.text) string_field(writer, lang_code(lang), text);
    writer.EndObject();
    string_field(writer, "mechanism", r.mechanism);
    string_field(writer, "body", r.body);
    string_field(writer, "body_ar", r.body_ar);
    string_field(writer, "state", r.state);
    string_list_field(writer, "recommending_states", r.recommending_states);
    optional_int_field(writer, "cycle", r.cycle);
    optional_int_field(writer, "session", r.session);
    optional_int_field(writer, "year", r.year);
    string_field(writer, "symbol", r.symbol);
    string_field(writer, "paragraph", r.paragraph);
    string_field(writer, "response", r.response);
    tags_field(writer, r);
    string_list_field(writer, "responsible", r.responsible);
    string_field(writer, "status", r.status);
    string_field(writer, "source", r.source);
    writer.EndObject();
}

void write_json(JsonWriter& writer, const IndexStats& stats) {
    writer.StartObject();
    key(writer, "records");
    writer.Uint64(stats.records);
    key(writer, "languages");
    writer.StartObject();
    for (const auto& [lang, count] : stats.languages) {
        key(writer, lang);
        writer.Uint64(count);
    }
    writer.EndObject();
    string_list_field(writer, "schemes", stats.schemes);
    string_field(writer, "revision", stats.revision);
    writer.EndObject();
}

std::string search_result_to_json(const SearchResult& result) {
    return to_json(result);
}
std::string hit_to_json(const SearchHit& hit) {
    return to_json(hit);
}
std::string record_to_api_json(const Record& record) {
    return to_json(record);
}
std::string stats_to_json(const IndexStats& stats) {
    return to_json(stats);
}

}  // namespace tawsiya
