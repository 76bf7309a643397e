#include "http/batch_handlers.hpp"

#include "engine/dedup_json.hpp"
#include "engine/match_json.hpp"
#include "http/json_body.hpp"
#include "tawsiya/dedup.hpp"
#include "tawsiya/error.hpp"

namespace tawsiya::http {
namespace {

std::map<std::string, std::vector<std::string>> read_filters(const rapidjson::Value& body) {
    std::map<std::string, std::vector<std::string>> filters;
    const auto it = body.FindMember("filters");
    if (it == body.MemberEnd() || it->value.IsNull()) return filters;
    if (!it->value.IsObject()) throw UsageError("filters", "must be an object facet -> [labels]");
    for (const auto& facet : it->value.GetObject()) {
        const std::string name(facet.name.GetString(), facet.name.GetStringLength());
        auto& labels = filters[name];
        if (facet.value.IsString()) {
            labels.emplace_back(facet.value.GetString(), facet.value.GetStringLength());
            continue;
        }
        if (!facet.value.IsArray()) throw UsageError("filters." + name, "must be a list of labels");
        for (const auto& label : facet.value.GetArray()) {
            if (!label.IsString()) throw UsageError("filters." + name, "must be a list of labels");
            labels.emplace_back(label.GetString(), label.GetStringLength());
        }
    }
    return filters;
}

bool blank(const std::string& s) {
    return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

}  // namespace

std::string handle_match(Matcher& matcher, std::string_view body) {
    const rapidjson::Document doc = parse_json_body(body);
    MatchRequest request;
    const auto text = optional_string(doc, "text");
    if (!text || blank(*text)) throw UsageError("text", "give the recommendation to match");
    request.text = *text;
    request.lang = optional_lang(doc, "lang");
    if (const auto k = optional_uint(doc, "k")) {
        if (*k == 0 || *k > matcher.options().max_k)
            throw LimitError("k",
                             "must be between 1 and " + std::to_string(matcher.options().max_k));
        request.k = *k;
    }
    request.filters = read_filters(doc);
    if (const auto xlang = optional_bool(doc, "xlang")) request.xlang = *xlang;
    request.symbol = optional_string(doc, "symbol");
    request.context = optional_string(doc, "context").value_or("");
    request.state = optional_string(doc, "state");
    if (const auto scope = optional_string(doc, "state_scope")) {
        if (*scope == "prefer")
            request.state_scope = StateScope::prefer;
        else if (*scope == "only")
            request.state_scope = StateScope::only;
        else if (*scope == "any")
            request.state_scope = StateScope::any;
        else
            throw UsageError("state_scope", "must be prefer, only or any");
    }
    return match_result_to_json(optional_string(doc, "id").value_or(""), matcher.match(request));
}

std::string handle_dedup(const Analyzer& analyzer, const TranslationTable* translations,
                         std::string_view body, const BatchLimits& limits) {
    const rapidjson::Document doc = parse_json_body(body);
    std::vector<DedupItem> items;
    const auto too_many = [&] {
        return LimitError("items", "at most " + std::to_string(limits.max_dedup_items) +
                                       " items per request (use `tawsiya dedup` for more)");
    };
    if (const auto it = doc.FindMember("items"); it != doc.MemberEnd()) {
        if (!it->value.IsArray()) throw UsageError("items", "must be a list of {id, text, lang}");
        for (const auto& item : it->value.GetArray()) {
            const std::string where = "items[" + std::to_string(items.size()) + "]";
            if (!item.IsObject()) throw UsageError(where, "must be an object {id, text, lang}");
            if (items.size() == limits.max_dedup_items) throw too_many();
            const auto text = optional_string(item, "text");
            if (!text || blank(*text)) throw UsageError(where + ".text", "is missing or empty");
            items.push_back({optional_string(item, "id").value_or(std::to_string(items.size() + 1)),
                             *text, optional_lang(item, "lang")});
        }
    } else if (const auto text = optional_string(doc, "text")) {
        // One item per non-blank line, numbered by its line.
        std::size_t line = 0;
        for (std::size_t start = 0; start <= text->size();) {
            const std::size_t end = std::min(text->find('\n', start), text->size());
            ++line;
            std::string item = text->substr(start, end - start);
            if (!item.empty() && item.back() == '\r') item.pop_back();
            if (!blank(item)) {
                if (items.size() == limits.max_dedup_items) throw too_many();
                items.push_back({std::to_string(line), item, std::nullopt});
            }
            start = end + 1;
        }
    } else {
        throw UsageError("items", "give \"items\": [{id, text}] or \"text\": one item per line");
    }
    if (items.empty()) throw UsageError("items", "the list is empty");
    DedupOptions options;
    if (const auto threshold = optional_number(doc, "threshold")) {
        if (*threshold <= 0 || *threshold > 1) throw UsageError("threshold", "must be in (0, 1]");
        options.threshold = *threshold;
    }
    if (optional_bool(doc, "xlang").value_or(true)) options.translations = translations;
    return dedup_result_to_json(items, deduplicate(items, analyzer, options));
}

}  // namespace tawsiya::http
