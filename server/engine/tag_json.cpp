#include "engine/tag_json.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "engine/match_json.hpp"
#include "tawsiya/json_parse.hpp"

namespace tawsiya {

std::string tagged_paragraph_to_json(const DocumentParagraph& paragraph,
                                     const MatchResult& result) {
    const std::string match = match_result_to_json(paragraph.number, result);
    const rapidjson::Document parsed = parse_json(match);
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("paragraph");
    w.String(paragraph.number);
    w.Key("line");
    w.Uint64(paragraph.line);
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
    for (const auto& member : parsed.GetObject()) {
        if (std::string_view(member.name.GetString()) == "id") continue;
        w.Key(member.name.GetString(), member.name.GetStringLength());
        member.value.Accept(w);
    }
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace tawsiya
