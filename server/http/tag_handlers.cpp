#include "http/tag_handlers.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "engine/tag_json.hpp"
#include "http/json_body.hpp"
#include "tawsiya/document_file.hpp"
#include "tawsiya/document_split.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/state_names.hpp"
#include "tawsiya/text_scan.hpp"

namespace tawsiya::http {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

// What a tag request asks for, from its JSON body or its query parameters.
struct TagSettings {
    std::optional<Lang> lang;
    std::size_t k = 5;
    std::optional<std::string> symbol;
    std::optional<std::string> state;
    std::string state_how;  // why the caller names the state; empty: given
    bool match = true;      // false: the split only, for staff to review before matching
};

// A segment to match: a paragraph of the split, or one staff reviewed, with its PDF page.
struct Segment {
    DocumentParagraph paragraph;
    std::size_t page = 0;
};

// What the answer says of the document as a whole.
struct DocumentFacts {
    std::optional<DocumentKind> kind;
    std::optional<std::string> symbol;
    std::optional<std::string> state;
    std::string state_how;
};

bool blank(std::string_view s) {
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::size_t checked_k(std::uint64_t k, const Matcher& matcher) {
    if (k == 0 || k > matcher.options().max_k)
        throw LimitError("k", "must be between 1 and " + std::to_string(matcher.options().max_k));
    return static_cast<std::size_t>(k);
}

const char* kind_name(DocumentKind kind) {
    switch (kind) {
        case DocumentKind::upr_report:
            return "upr_report";
        case DocumentKind::special_procedure:
            return "special_procedure";
        case DocumentKind::concluding_observations:
            return "concluding_observations";
        case DocumentKind::other:
            break;
    }
    return "other";
}

void check_count(std::size_t count, const BatchLimits& limits, const char* what) {
    if (count > limits.max_tag_paragraphs)
        throw LimitError(what, "holds " + std::to_string(count) + " recommendations; at most " +
                                   std::to_string(limits.max_tag_paragraphs) +
                                   " per request (use `tawsiya tag` for more)");
}

void write_string(Writer& w, std::string_view key, std::string_view value) {
    w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

// The answer: the document's facts, then each segment, matched unless settings.match is false.
// `file_fields` (a JSON object or empty) describes the uploaded file.
std::string tag_answer(Matcher& matcher, const std::vector<Segment>& segments,
                       const DocumentFacts& facts, const TagSettings& settings,
                       const std::string& file_fields) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    if (!file_fields.empty()) {
        w.Key("file");
        w.RawValue(file_fields.data(), file_fields.size(), rapidjson::kObjectType);
    }
    if (facts.kind) write_string(w, "kind", kind_name(*facts.kind));
    if (facts.symbol) write_string(w, "symbol", *facts.symbol);
    if (facts.state) {
        w.Key("state");
        w.StartObject();
        write_string(w, "name", *facts.state);
        write_string(w, "how", facts.state_how.empty() ? "given" : facts.state_how);
        w.EndObject();
    }
    w.Key("paragraphs");
    w.StartArray();
    for (const Segment& segment : segments) {
        std::string json;
        if (settings.match) {
            MatchRequest request;
            request.text = segment.paragraph.text;
            request.lang = segment.paragraph.lang;
            request.symbol = facts.symbol;
            request.context = segment.paragraph.context;
            request.k = settings.k;
            request.state = facts.state;
            request.state_how = facts.state_how;
            json =
                tagged_paragraph_to_json(segment.paragraph, matcher.match(request), segment.page);
        } else {
            json = split_paragraph_to_json(segment.paragraph, segment.page);
        }
        w.RawValue(json.data(), json.size(), rapidjson::kObjectType);
    }
    w.EndArray();
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

// Splits `document` and answers; `page_lines` (a PDF's) gives each paragraph its page.
std::string tag_document(Matcher& matcher, const Analyzer& analyzer, const std::string& document,
                         const TagSettings& settings, const BatchLimits& limits,
                         const std::vector<std::size_t>& page_lines, const char* what,
                         const std::string& file_fields = {}) {
    SplitDocument split = split_document(document, analyzer, settings.lang);
    check_count(split.paragraphs.size(), limits, what);
    DocumentFacts facts;
    facts.kind = split.kind;
    // Who issued the document: its symbol names a committee, a chapeau's formula the mechanism.
    facts.symbol = settings.symbol ? settings.symbol : split.symbol;
    // The state under review: its sub-paragraphs rarely name it, the document does (its title).
    if (settings.state) {
        facts.state = settings.state;
        facts.state_how = settings.state_how;
    } else if (const auto mention = detect_state(document)) {
        facts.state = mention->state;
        facts.state_how = "the document: " + mention->how;
    }
    std::vector<Segment> segments;
    segments.reserve(split.paragraphs.size());
    for (auto& paragraph : split.paragraphs) {
        const std::size_t page = page_of_line(page_lines, paragraph.line);
        segments.push_back({std::move(paragraph), page});
    }
    return tag_answer(matcher, segments, facts, settings, file_fields);
}

// {"segments": [...]}: each matched as staff left it.
std::vector<Segment> read_segments(const rapidjson::Value& list, const Analyzer& analyzer,
                                   const BatchLimits& limits) {
    if (!list.IsArray()) throw UsageError("segments", "must be a list of {text, paragraph?, ...}");
    check_count(list.Size(), limits, "segments");
    std::vector<Segment> segments;
    for (const auto& item : list.GetArray()) {
        const std::string where = "segments[" + std::to_string(segments.size()) + "]";
        if (!item.IsObject()) throw UsageError(where, "must be an object {text, paragraph?, ...}");
        Segment segment;
        DocumentParagraph& p = segment.paragraph;
        try {
            const auto text = optional_string(item, "text");
            if (!text || blank(*text)) throw UsageError("text", "is missing or empty");
            p.text = *text;
            p.number = optional_string(item, "paragraph").value_or("");
            p.context = optional_string(item, "context").value_or("");
            p.line = static_cast<std::size_t>(optional_uint(item, "line").value_or(0));
            segment.page = static_cast<std::size_t>(optional_uint(item, "page").value_or(0));
            const auto lang = optional_lang(item, "lang");
            p.lang = lang ? *lang : analyzer.detect_language(p.text);
            if (const auto it = item.FindMember("issuer");
                it != item.MemberEnd() && it->value.IsObject()) {
                p.mechanism = optional_string(it->value, "mechanism").value_or("");
                p.body = optional_string(it->value, "body").value_or("");
            }
        } catch (const UsageError& e) {
            throw UsageError(where + "." + e.parameter(),
                             std::string(e.what()).substr(e.parameter().size() + 2));
        }
        segments.push_back(std::move(segment));
    }
    return segments;
}

bool parse_flag(const std::string& name, const std::string& value) {
    if (value == "1" || value == "true" || value.empty()) return true;
    if (value == "0" || value == "false") return false;
    throw UsageError(name, "must be 1 or 0");
}

TagSettings settings_of_query(const QueryParams& params, const Matcher& matcher) {
    TagSettings settings;
    for (const auto& [name, value] : params) {
        if (name == "lang") {
            if (value.empty()) continue;
            settings.lang = parse_lang(value);
            if (!settings.lang) throw UsageError("lang", "must be ar, fr or en");
        } else if (name == "k") {
            std::uint64_t k = 0;
            if (value.empty() || value.size() > 6 ||
                !std::all_of(value.begin(), value.end(),
                             [](unsigned char c) { return std::isdigit(c); }))
                throw UsageError("k", "must be a whole number");
            k = std::stoull(value);
            settings.k = checked_k(k, matcher);
        } else if (name == "symbol") {
            if (!value.empty()) settings.symbol = value;
        } else if (name == "state") {
            if (!value.empty()) settings.state = value;
        } else if (name == "match") {
            settings.match = parse_flag(name, value);
        } else if (name != "name") {  // the file's name: the page sends it, nothing reads it
            throw UsageError(name,
                             "is not a parameter of /api/tag/file (lang, k, symbol, state, "
                             "match)");
        }
    }
    return settings;
}

// The media type and the charset of a Content-Type ("text/plain; charset=windows-1256").
std::pair<std::string, std::string> media_type(std::string_view content_type) {
    using scan::lower_ascii, scan::trim;
    const std::string type = lower_ascii(trim(content_type.substr(0, content_type.find(';'))));
    std::string charset;
    for (std::size_t at = content_type.find(';'); at != std::string_view::npos;) {
        const std::size_t next = content_type.find(';', at + 1);
        const std::string_view param = trim(content_type.substr(at + 1, next - at - 1));
        if (lower_ascii(param.substr(0, 8)) == "charset=") {
            std::string_view value = trim(param.substr(8));
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
                value = value.substr(1, value.size() - 2);
            charset = std::string(value);
        }
        at = next;
    }
    return {type, charset};
}

}  // namespace

std::string handle_tag(Matcher& matcher, const Analyzer& analyzer, std::string_view body,
                       const BatchLimits& limits) {
    const rapidjson::Document doc = parse_json_body(body);
    TagSettings settings;
    settings.lang = optional_lang(doc, "lang");
    if (const auto k = optional_uint(doc, "k")) settings.k = checked_k(*k, matcher);
    settings.symbol = optional_string(doc, "symbol");
    if (settings.symbol && settings.symbol->empty()) settings.symbol.reset();
    settings.state = optional_string(doc, "state");
    if (settings.state && blank(*settings.state)) settings.state.reset();
    settings.state_how = optional_string(doc, "state_how").value_or("");
    settings.match = optional_bool(doc, "match").value_or(true);

    if (const auto it = doc.FindMember("segments"); it != doc.MemberEnd() && !it->value.IsNull()) {
        if (doc.HasMember("text")) throw UsageError("segments", "give either text or segments");
        DocumentFacts facts;
        facts.symbol = settings.symbol;
        facts.state = settings.state;
        facts.state_how = settings.state_how;
        return tag_answer(matcher, read_segments(it->value, analyzer, limits), facts, settings, {});
    }
    const auto text = optional_string(doc, "text");
    if (!text || blank(*text))
        throw UsageError("text", "give the text of the document to tag (or its segments)");
    // Line endings (CRLF, CR) are the splitter's to normalize: one CRLF is one line end.
    return tag_document(matcher, analyzer, *text, settings, limits, {}, "text");
}

std::string handle_tag_file(Matcher& matcher, const Analyzer& analyzer, std::string_view body,
                            std::string_view content_type, const QueryParams& params,
                            const BatchLimits& limits) {
    const TagSettings settings = settings_of_query(params, matcher);
    const auto [type, charset] = media_type(content_type);
    if (type == "multipart/form-data" || type == "application/x-www-form-urlencoded")
        throw UsageError("file", "send the file itself as the request body, not a form");
    if (type == "application/json")
        throw UsageError("file", "this endpoint takes the file itself; JSON goes to /api/tag");
    if (body.empty()) throw UsageError("file", "the request body is empty: send the document");
    DocumentText read;
    try {
        // By its content, whatever the Content-Type claims: browsers label a .docx or an .odt
        // in many ways, and often send a file with no type at all.
        read = document_text(body, "file", charset);
    } catch (const InputError& e) {
        throw UsageError("file", e.reason());
    }
    if (blank(read.text))
        throw UsageError("file", read.format == FileFormat::pdf
                                     ? "the PDF holds no text (a scan? it needs OCR first)"
                                     : "the file holds no text");
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    write_string(w, "format", file_format_name(read.format));
    w.Key("bytes");
    w.Uint64(body.size());
    if (read.format == FileFormat::pdf) {
        w.Key("pages");
        w.Uint64(read.pages);
    }
    w.EndObject();
    return tag_document(matcher, analyzer, read.text, settings, limits, read.page_lines, "file",
                        std::string(buffer.GetString(), buffer.GetSize()));
}

}  // namespace tawsiya::http
