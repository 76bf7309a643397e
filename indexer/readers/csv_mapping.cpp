#include "csv_mapping.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "../analysis/language_detector.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/text_scan.hpp"
#include "upr_sessions.hpp"

namespace tawsiya::readers {
namespace {

std::string trim(std::string_view s) {
    return std::string(scan::trim(s));
}

std::string lower(std::string_view s) {
    return scan::lower_ascii(s);
}

const std::vector<std::string> kScalarFields = {
    "id",     "text",    "text.ar", "text.fr", "text.en",   "mechanism",
    "body",   "body_ar", "state",   "symbol",  "paragraph", "response",
    "status", "source",  "cycle",   "session", "year"};
const std::vector<std::string> kListFields = {"recommending_states", "responsible"};

bool is_list_field(const std::string& field) {
    return field.rfind("tags.", 0) == 0 ||
           std::find(kListFields.begin(), kListFields.end(), field) != kListFields.end();
}

bool is_known_field(const std::string& field) {
    if (field.rfind("tags.", 0) == 0) {
        const std::string scheme = field.substr(5);
        return !scheme.empty() && scheme.find_first_of(": \t") == std::string::npos;
    }
    return std::find(kScalarFields.begin(), kScalarFields.end(), field) != kScalarFields.end() ||
           std::find(kListFields.begin(), kListFields.end(), field) != kListFields.end();
}

ColumnRef parse_column(const std::string& spelled) {
    ColumnRef ref;
    ref.spelled = spelled;
    const auto hash = spelled.rfind('#');
    const std::string after = hash == std::string::npos ? "" : spelled.substr(hash + 1);
    const bool number = !after.empty() && after.size() <= 4 &&
                        after.find_first_not_of("0123456789") == std::string::npos;
    if (number && hash == 0) {
        ref.position = std::stoul(after);
        if (ref.position == 0) throw UsageError("--columns", "column positions start at #1");
    } else if (number) {
        ref.name = trim(spelled.substr(0, hash));
        ref.occurrence = std::max<std::size_t>(1, std::stoul(after));
    } else {
        ref.name = spelled;
    }
    return ref;
}

std::vector<std::string> split_values(const std::string& cell, const std::string& separators) {
    std::vector<std::string> values;
    if (separators.empty()) {
        if (std::string v = trim(cell); !v.empty()) values.push_back(std::move(v));
        return values;
    }
    for (std::size_t start = 0; start <= cell.size();) {
        const std::size_t end = std::min(cell.find_first_of(separators, start), cell.size());
        if (std::string v = trim(std::string_view(cell).substr(start, end - start)); !v.empty())
            values.push_back(std::move(v));
        start = end + 1;
    }
    return values;
}

// "Accepted" and "Noted" are UPR Info's words for the state's position; the record format uses
// the UN's "supported" and "noted".
std::string map_response(const std::string& value) {
    const std::string v = lower(value);
    if (v.empty()) return {};
    if (v == "accepted" || v == "supported") return "supported";
    if (v == "noted" || v == "rejected" || v == "not accepted") return "noted";
    return v;
}

int parse_number(const std::string& value, const std::string& field, const std::string& column) {
    if (value.empty() || value.size() > 4 ||
        value.find_first_not_of("0123456789") != std::string::npos)
        throw FormatError("`" + column + "` is not a " +
                          (field == "session" ? "session number" : field) + ": '" +
                          value.substr(0, 40) + "'");
    return std::stoi(value);
}

}  // namespace

const std::vector<std::string>& mappable_fields() {
    static const std::vector<std::string> fields = [] {
        std::vector<std::string> all = kScalarFields;
        all.insert(all.end(), kListFields.begin(), kListFields.end());
        all.push_back("tags.<scheme>");
        return all;
    }();
    return fields;
}

CsvMapping parse_csv_mapping(std::string_view spec) {
    const char separator = spec.find('\n') != std::string_view::npos ? '\n' : ',';
    CsvMapping mapping;
    bool has_text = false;
    for (std::size_t start = 0; start <= spec.size();) {
        const std::size_t end = std::min(spec.find(separator, start), spec.size());
        const std::string pair = trim(spec.substr(start, end - start));
        start = end + 1;
        if (pair.empty() || pair[0] == '#') continue;
        const auto equals = pair.find('=');
        if (equals == std::string::npos)
            throw UsageError("--columns", "'" + pair + "' is not field=Column");
        FieldRule rule;
        rule.field = lower(trim(pair.substr(0, equals)));
        if (rule.field == "recommending") rule.field = "recommending_states";
        std::string value = trim(pair.substr(equals + 1));
        if (!is_known_field(rule.field)) {
            std::string known;
            for (const auto& f : mappable_fields()) known += (known.empty() ? "" : ", ") + f;
            throw UsageError("--columns",
                             "unknown field '" + rule.field + "' (fields: " + known + ")");
        }
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
            rule.constant = value.substr(1, value.size() - 2);
        } else {
            if (is_list_field(rule.field)) {
                rule.separators = ";|\n";
                if (value.size() >= 2 && value.back() == ']') {
                    const auto open = value.rfind('[');
                    if (open != std::string::npos) {
                        rule.separators = value.substr(open + 1, value.size() - open - 2);
                        value = trim(value.substr(0, open));
                    }
                }
            }
            if (value.empty())
                throw UsageError("--columns", "no column named for '" + rule.field + "'");
            rule.column = parse_column(value);
        }
        has_text = has_text || rule.field.rfind("text", 0) == 0;
        mapping.rules.push_back(std::move(rule));
    }
    if (!has_text)
        throw UsageError("--columns",
                         "map the recommendation's text: text=Column (or text.fr=...)");
    return mapping;
}

BoundMapping::BoundMapping(const CsvMapping& mapping, const std::vector<std::string>& header) {
    std::vector<std::string> names;
    for (const auto& h : header) names.push_back(lower(trim(h)));
    for (const FieldRule& rule : mapping.rules) {
        Bound b{rule, 0, {}};
        if (rule.column) {
            const ColumnRef& ref = *rule.column;
            std::optional<std::size_t> found;
            if (ref.position) {
                if (ref.position <= names.size()) found = ref.position - 1;
            } else {
                std::size_t seen = 0;
                for (std::size_t i = 0; i < names.size() && !found; ++i)
                    if (names[i] == lower(ref.name) && ++seen == ref.occurrence) found = i;
            }
            if (!found) {
                if (rule.optional) continue;
                throw FormatError("the header has no column `" + ref.spelled + "` (for " +
                                  rule.field + ")");
            }
            b.index = *found;
            b.header = trim(header[*found]);
        }
        bound_.push_back(std::move(b));
    }
}

Record BoundMapping::make_record(const std::vector<std::string>& row,
                                 const std::string& default_id) const {
    Record r;
    r.id = default_id;
    std::string untagged_text, text_column;
    bool any_text = false;
    for (const Bound& b : bound_) {
        const FieldRule& rule = b.rule;
        const std::string value = rule.column
                                      ? (b.index < row.size() ? trim(row[b.index]) : std::string())
                                      : rule.constant;
        const std::string& f = rule.field;
        if (f.rfind("text", 0) == 0) {
            if (text_column.empty()) text_column = b.header;
            if (value.empty()) continue;
            any_text = true;
            if (f == "text")
                untagged_text = value;
            else
                r.text[*parse_lang(f.substr(5))] = value;
            continue;
        }
        if (is_list_field(f)) {
            std::vector<std::string> values = split_values(value, rule.separators);
            if (values.empty()) continue;
            if (f == "recommending_states")
                r.recommending_states = std::move(values);
            else if (f == "responsible")
                r.responsible = std::move(values);
            else
                r.tags[f.substr(5)] = std::move(values);
            continue;
        }
        if (value.empty()) continue;
        if (f == "id")
            r.id = value;
        else if (f == "mechanism")
            r.mechanism = value;
        else if (f == "body")
            r.body = value;
        else if (f == "body_ar")
            r.body_ar = value;
        else if (f == "state")
            r.state = value;
        else if (f == "symbol")
            r.symbol = value;
        else if (f == "paragraph")
            r.paragraph = value;
        else if (f == "response")
            r.response = map_response(value);
        else if (f == "status")
            r.status = value;
        else if (f == "source")
            r.source = value;
        else if (f == "cycle")
            r.cycle = parse_number(value, f, b.header);
        else if (f == "session")
            r.session = parse_number(value, f, b.header);
        else if (f == "year")
            r.year = parse_number(value, f, b.header);
    }
    if (!any_text) throw FormatError("empty `" + text_column + "`");
    // A text without a language column is in the language it reads as.
    if (!untagged_text.empty() && !r.text.count(analysis::detect_language(untagged_text)))
        r.text[analysis::detect_language(untagged_text)] = untagged_text;
    // A UPR session gives its year and cycle (the UPR calendar).
    if (r.mechanism == "upr" && r.session) {
        if (!r.year) r.year = upr_session_year(*r.session);
        if (!r.cycle) r.cycle = upr_session_cycle(*r.session);
    }
    return r;
}

}  // namespace tawsiya::readers
