#include "http/api_handlers.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "http/search_params.hpp"
#include "tawsiya/result_json.hpp"

namespace tawsiya::http {

namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void write_string(JsonWriter& writer, std::string_view text) {
    writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

}  // namespace

std::string handle_search(Searcher& searcher, const QueryParams& params,
                          const SearchLimits& limits) {
    const SearchRequest request = parse_search_params(params, limits);
    return search_result_to_json(searcher.search(request));
}

std::string handle_record(Searcher& searcher, const std::string& id) {
    return record_to_api_json(searcher.record(id));
}

std::string handle_health(Searcher& searcher) {
    const IndexStats stats = searcher.stats();
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.StartObject();
    writer.Key("status");
    writer.String("ok");
    writer.Key("revision");
    write_string(writer, stats.revision);
    writer.Key("records");
    writer.Uint64(stats.records);
    writer.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

std::string handle_stats(Searcher& searcher) {
    const IndexStats stats = searcher.stats();
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.StartObject();
    writer.Key("records");
    writer.Uint64(stats.records);
    writer.Key("languages");
    writer.StartObject();
    for (const auto& [lang, count] : stats.languages) {
        write_string(writer, lang);
        writer.Uint64(count);
    }
    writer.EndObject();
    writer.Key("schemes");
    writer.StartArray();
    for (const auto& scheme : stats.schemes) write_string(writer, scheme);
    writer.EndArray();
    writer.Key("revision");
    write_string(writer, stats.revision);
    writer.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace tawsiya::http
