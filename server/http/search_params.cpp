#include "http/search_params.hpp"

#include <charconv>
#include <set>

#include "engine/facet_catalog.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/schema.hpp"

namespace tawsiya::http {

namespace {

long parse_integer(const std::string& name, const std::string& value, long low, long high) {
    long number = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc() || end != value.data() + value.size() || number < low || number > high)
        throw UsageError(name, "must be an integer between " + std::to_string(low) + " and " +
                                   std::to_string(high));
    return number;
}

bool parse_flag(const std::string& name, const std::string& value) {
    if (value == "1" || value == "true") return true;
    if (value == "0" || value == "false") return false;
    throw UsageError(name, "must be 0 or 1");
}

std::optional<Lang> parse_lang_param(const std::string& name, const std::string& value) {
    if (value.empty() || value == "auto" || value == "any") return std::nullopt;
    if (auto lang = parse_lang(value)) return lang;
    throw UsageError(name, "must be one of ar, fr, en, any");
}

SearchRequest::Sort parse_sort(const std::string& value) {
    if (value.empty() || value == "relevance") return SearchRequest::Sort::relevance;
    if (value == "year") return SearchRequest::Sort::year_desc;
    if (value == "year-asc") return SearchRequest::Sort::year_asc;
    throw UsageError("sort", "must be one of relevance, year, year-asc");
}

}  // namespace

std::optional<std::string> filter_key(std::string_view parameter) {
    // "lang" is the query's language, so the language facet's parameter is "language".
    if (parameter == schema::kLanguage.name) return std::nullopt;
    // Without the index's schemes: a bare scheme name would shadow the other parameters.
    if (auto facet = engine::filter_facet(parameter)) return std::move(facet->key);
    return std::nullopt;
}

SearchRequest parse_search_params(const QueryParams& params, const SearchLimits& limits) {
    SearchRequest request;
    std::set<std::string> seen;
    for (const auto& [name, value] : params) {
        if (auto key = filter_key(name)) {
            if (value.empty()) throw UsageError(name, "a filter needs a value");
            if (value.size() > schema::kMaxTermBytes)
                throw LimitError(
                    name, "must be at most " + std::to_string(schema::kMaxTermBytes) + " bytes");
            request.filters[*key].push_back(value);
            continue;
        }
        if (!seen.insert(name).second) throw UsageError(name, "given more than once");
        if (name == "q") {
            if (value.size() > limits.max_query_bytes)
                throw LimitError(
                    "q", "must be at most " + std::to_string(limits.max_query_bytes) + " bytes");
            request.query = value;
        } else if (name == "lang") {
            request.lang = parse_lang_param(name, value);
        } else if (name == "ui") {
            request.ui = parse_lang_param(name, value);
        } else if (name == "display") {
            request.display = parse_lang_param(name, value);
        } else if (name == "page") {
            request.page = static_cast<std::size_t>(
                parse_integer(name, value, 1, static_cast<long>(limits.max_page)));
        } else if (name == "size") {
            request.size = static_cast<std::size_t>(
                parse_integer(name, value, 1, static_cast<long>(limits.max_page_size)));
        } else if (name == "sort") {
            request.sort = parse_sort(value);
        } else if (name == "facets") {
            request.facets = parse_flag(name, value);
        } else if (name == "xlang") {
            request.xlang = parse_flag(name, value);
        } else if (name == "year_from") {
            request.year_from = static_cast<int>(parse_integer(name, value, 1900, 2100));
        } else if (name == "year_to") {
            request.year_to = static_cast<int>(parse_integer(name, value, 1900, 2100));
        } else {
            throw UsageError(name, "unknown parameter");
        }
    }
    if (request.year_from && request.year_to && *request.year_from > *request.year_to)
        throw UsageError("year_from", "must not be after year_to");
    return request;
}

}  // namespace tawsiya::http
