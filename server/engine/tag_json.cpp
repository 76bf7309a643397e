#include "engine/tag_json.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "engine/match_json.hpp"
#include "tawsiya/json_parse.hpp"
#include "tawsiya/language.hpp"

namespace tawsiya {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write_paragraph_fields(Writer& w, const DocumentParagraph& paragraph, std::size_t page) {
    w.Key("paragraph");
    w.String(paragraph.number);
    w.Key("line");
    w.Uint64(paragraph.line);
    if (page) {
        w.Key("page");
        w.Uint64(page);
    }
    w.Key("text");
    w.String(paragraph.text);
    if (!paragraph.context.empty()) {
        w.Key("context");
        w.String(paragraph.context);
    }
    // Who issued it, as the document's symbol or wording says (document_split.hpp).
    if (!paragraph.mechanism.empty()) {
        w.Key("issuer");
        w.StartObject();
        w.Key("mechanism");
        w.String(paragraph.mechanism);
        if (!paragraph.body.empty()) {
            w.Key("body");
            w.String(paragraph.body);
        }
        w.EndObject();
    }
}

}  // namespace

std::string split_paragraph_to_json(const DocumentParagraph& paragraph, std::size_t page) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    write_paragraph_fields(w, paragraph, page);
    w.Key("lang");
    const std::string_view lang = lang_code(paragraph.lang);
    w.String(lang.data(), static_cast<rapidjson::SizeType>(lang.size()));
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

std::string tagged_paragraph_to_json(const DocumentParagraph& paragraph, const MatchResult& result,
                                     std::size_t page) {
    const std::string match = match_result_to_json(paragraph.number, result);
    const rapidjson::Document parsed = parse_json(match);
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    write_paragraph_fields(w, paragraph, page);
    for (const auto& member : parsed.GetObject()) {
        if (std::string_view(member.name.GetString()) == "id") continue;
        w.Key(member.name.GetString(), member.name.GetStringLength());
        member.value.Accept(w);
    }
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace tawsiya
