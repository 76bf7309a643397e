#include "http/related_handler.hpp"

#include <algorithm>
#include <charconv>
#include <tuple>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "tawsiya/error.hpp"

namespace tawsiya::http {

namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void write_string(JsonWriter& writer, std::string_view text) {
    writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void write_number(JsonWriter& writer, const std::optional<int>& number) {
    if (number)
        writer.Int(*number);
    else
        writer.Null();
}

struct Params {
    std::size_t k = 30;
    double min_score = 0.2;
    std::optional<Lang> lang;
};

Params parse_params(const QueryParams& query, std::size_t max_k) {
    Params params;
    for (const auto& [name, value] : query) {
        if (name == "k") {
            std::size_t k = 0;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), k);
            if (ec != std::errc() || end != value.data() + value.size() || k < 1 || k > max_k)
                throw UsageError("k", "must be an integer between 1 and " + std::to_string(max_k));
            params.k = k;
        } else if (name == "min_score") {
            std::size_t used = 0;
            double score = -1;
            try {
                score = std::stod(value, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used != value.size() || !(score >= 0 && score <= 1))
                throw UsageError("min_score", "must be a number between 0 and 1");
            params.min_score = score;
        } else if (name == "lang") {
            params.lang = parse_lang(value);
            if (!params.lang) throw UsageError("lang", "must be one of ar, fr, en");
        } else {
            throw UsageError(name, "unknown parameter");
        }
    }
    return params;
}

// The version matched: the one asked for if the record has it, else English, French, Arabic.
std::optional<Lang> version_of(const Record& record, std::optional<Lang> wanted) {
    if (wanted && record.text.count(*wanted)) return wanted;
    for (const Lang lang : {Lang::en, Lang::fr, Lang::ar})
        if (record.text.count(lang)) return lang;
    return std::nullopt;
}

std::string_view when_of(const Record& record, const Record& match) {
    if (!record.year || !match.year) return "same";  // undated: shown beside the record's year
    if (*match.year < *record.year) return "earlier";
    if (*match.year > *record.year) return "later";
    return "same";
}

int when_rank(std::string_view when) {
    return when == "earlier" ? 0 : when == "same" ? 1 : 2;
}

}  // namespace

std::string handle_related(Searcher& searcher, Matcher& matcher, const std::string& id,
                           const QueryParams& query) {
    const Params params = parse_params(query, matcher.options().max_k);
    const Record record = searcher.record(id);
    const auto lang = version_of(record, params.lang);

    std::vector<Match> matches;
    if (lang) {
        MatchRequest request;
        request.text = record.text.at(*lang);
        request.lang = lang;
        request.k = params.k;
        request.exclude_id = record.id;
        if (!record.state.empty()) {
            request.state = record.state;
            request.state_how = "the record's state";
            request.state_scope = StateScope::only;
        } else {
            request.state_scope = StateScope::any;
        }
        for (auto& match : matcher.match(request).matches)
            if (match.score >= params.min_score) matches.push_back(std::move(match));
    }
    // Oldest first; within a year, by cycle then mechanism; within a group, the closest first.
    auto key = [&](const Match& m) {
        return std::make_tuple(when_rank(when_of(record, m.record)), m.record.year.value_or(0),
                               m.record.cycle.value_or(0), m.record.mechanism);
    };
    std::stable_sort(matches.begin(), matches.end(), [&](const Match& a, const Match& b) {
        if (key(a) != key(b)) return key(a) < key(b);
        return a.score > b.score;
    });

    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.StartObject();
    writer.Key("id");
    write_string(writer, record.id);
    writer.Key("state");
    write_string(writer, record.state);
    writer.Key("year");
    write_number(writer, record.year);
    writer.Key("lang");
    if (lang)
        write_string(writer, lang_code(*lang));
    else
        writer.Null();
    writer.Key("groups");
    writer.StartArray();
    bool open = false;
    for (std::size_t i = 0; i < matches.size(); ++i) {
        const Record& r = matches[i].record;
        if (i == 0 || key(matches[i]) != key(matches[i - 1])) {
            if (open) {
                writer.EndArray();
                writer.EndObject();
            }
            open = true;
            writer.StartObject();
            writer.Key("when");
            write_string(writer, when_of(record, r));
            writer.Key("year");
            write_number(writer, r.year);
            writer.Key("cycle");
            write_number(writer, r.cycle);
            writer.Key("mechanism");
            write_string(writer, r.mechanism);
            writer.Key("matches");
            writer.StartArray();
        }
        writer.StartObject();
        writer.Key("id");
        write_string(writer, r.id);
        writer.Key("score");
        writer.Double(matches[i].score);
        writer.Key("mechanism");
        write_string(writer, r.mechanism);
        writer.Key("body");
        write_string(writer, r.body);
        writer.Key("year");
        write_number(writer, r.year);
        writer.Key("cycle");
        write_number(writer, r.cycle);
        writer.Key("symbol");
        write_string(writer, r.symbol);
        writer.Key("paragraph");
        write_string(writer, r.paragraph);
        const auto shown = version_of(r, lang);
        writer.Key("text");
        write_string(writer, shown ? r.text.at(*shown) : std::string());
        writer.Key("text_lang");
        if (shown)
            write_string(writer, lang_code(*shown));
        else
            writer.Null();
        writer.EndObject();
    }
    if (open) {
        writer.EndArray();
        writer.EndObject();
    }
    writer.EndArray();
    writer.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace tawsiya::http
