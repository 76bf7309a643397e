#include "engine/match_json.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <cmath>

namespace tawsiya {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

double rounded(double value) {
    return std::round(value * 10000) / 10000;
}

void write_strings(Writer& w, const std::vector<std::string>& values) {
    w.StartArray();
    for (const auto& value : values) w.String(value);
    w.EndArray();
}

void write_optional(Writer& w, const char* key, const std::string& value) {
    if (value.empty()) return;
    w.Key(key);
    w.String(value);
}

void write_match(Writer& w, const Match& match, Lang lang) {
    const Record& r = match.record;
    w.StartObject();
    w.Key("id"), w.String(r.id);
    w.Key("score"), w.Double(rounded(match.score));
    w.Key("matched_terms"), write_strings(w, match.matched_terms);
    if (!match.translated_terms.empty()) {
        w.Key("translated_terms"), w.StartArray();
        for (const TranslatedTerm& t : match.translated_terms) {
            w.StartObject();
            w.Key("from"), w.String(t.from);
            w.Key("to"), w.String(t.to);
            w.Key("to_lang"), w.String(std::string(lang_code(t.to_lang)));
            w.Key("p"), w.Double(rounded(t.p));
            w.EndObject();
        }
        w.EndArray();
    }
    auto version = r.text.find(lang);
    if (version == r.text.end()) version = r.text.begin();
    if (version != r.text.end()) {
        w.Key("text"), w.String(version->second);
        w.Key("text_lang"), w.String(std::string(lang_code(version->first)));
    }
    write_optional(w, "mechanism", r.mechanism);
    write_optional(w, "body", r.body);
    write_optional(w, "state", r.state);
    if (r.year) w.Key("year"), w.Int(*r.year);
    write_optional(w, "symbol", r.symbol);
    write_optional(w, "paragraph", r.paragraph);
    if (!r.recommending_states.empty())
        w.Key("recommending_states"), write_strings(w, r.recommending_states);
    write_optional(w, "response", r.response);
    if (!r.tags.empty()) {
        w.Key("tags"), w.StartObject();
        for (const auto& [scheme, labels] : r.tags)
            w.Key(scheme.c_str(), static_cast<rapidjson::SizeType>(scheme.size())),
                write_strings(w, labels);
        w.EndObject();
    }
    if (!r.responsible.empty()) w.Key("responsible"), write_strings(w, r.responsible);
    w.EndObject();
}

}  // namespace

std::string match_result_to_json(const std::string& id, const MatchResult& result) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    w.Key("id"), w.String(id);
    w.Key("lang"), w.String(std::string(lang_code(result.lang)));
    w.Key("content"), w.String(result.content);
    // The state the ranking put first, and why (null when it used none).
    w.Key("state");
    if (result.state.empty()) {
        w.Null();
    } else {
        w.StartObject();
        w.Key("name"), w.String(result.state);
        w.Key("how"), w.String(result.state_reason);
        w.EndObject();
    }
    w.Key("matches"), w.StartArray();
    for (const auto& match : result.matches) write_match(w, match, result.lang);
    w.EndArray();
    w.Key("suggestions"), w.StartObject();
    for (const auto& [scheme, suggestions] : result.suggestions) {
        w.Key(scheme.c_str(), static_cast<rapidjson::SizeType>(scheme.size())), w.StartArray();
        for (const auto& s : suggestions) {
            w.StartObject();
            w.Key("label"), w.String(s.label);
            w.Key("confidence"), w.Double(rounded(s.confidence));
            w.Key("evidence"), write_strings(w, s.evidence);
            w.Key("abstain"), w.Bool(s.abstain);
            if (s.reference) {  // the label's official text the text is most like (an SDG target)
                w.Key("reference"), w.StartObject();
                w.Key("id"), w.String(s.reference->id);
                w.Key("lang"), w.String(s.reference->lang);
                w.Key("text"), w.String(s.reference->text);
                w.Key("similarity"), w.Double(rounded(s.reference->similarity));
                w.EndObject();
            }
            w.EndObject();
        }
        w.EndArray();
    }
    w.EndObject();
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace tawsiya
