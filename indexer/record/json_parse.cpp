#include "tawsiya/json_parse.hpp"

#include <rapidjson/encodedstream.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <string>

#include "tawsiya/error.hpp"

namespace tawsiya {
namespace {

using rapidjson::SizeType;

// Passes the parser's events to the document and stops the parse at the first array or object
// opened deeper than the limit.
class DepthLimit {
  public:
    explicit DepthLimit(rapidjson::Document& doc) : doc_(doc) {}
    bool too_deep() const { return too_deep_; }

    bool StartObject() { return enter() && doc_.StartObject(); }
    bool EndObject(SizeType members) { return leave() && doc_.EndObject(members); }
    bool StartArray() { return enter() && doc_.StartArray(); }
    bool EndArray(SizeType elements) { return leave() && doc_.EndArray(elements); }

    bool Null() { return doc_.Null(); }
    bool Bool(bool b) { return doc_.Bool(b); }
    bool Int(int i) { return doc_.Int(i); }
    bool Uint(unsigned u) { return doc_.Uint(u); }
    bool Int64(std::int64_t i) { return doc_.Int64(i); }
    bool Uint64(std::uint64_t u) { return doc_.Uint64(u); }
    bool Double(double d) { return doc_.Double(d); }
    bool RawNumber(const char* s, SizeType n, bool copy) { return doc_.RawNumber(s, n, copy); }
    bool String(const char* s, SizeType n, bool copy) { return doc_.String(s, n, copy); }
    bool Key(const char* s, SizeType n, bool copy) { return doc_.Key(s, n, copy); }

  private:
    bool enter() {
        too_deep_ = ++depth_ > kMaxJsonDepth;
        return !too_deep_;
    }
    bool leave() {
        --depth_;
        return true;
    }

    rapidjson::Document& doc_;
    std::size_t depth_ = 0;
    bool too_deep_ = false;
};

}  // namespace

rapidjson::Document parse_json(std::string_view text) {
    rapidjson::Document doc;
    DepthLimit limit(doc);
    rapidjson::MemoryStream bytes(text.data(), text.size());
    rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> in(bytes);
    rapidjson::ParseResult result;
    // Populate hands the document its own events: the generator runs the parser into the limit.
    auto generate = [&](rapidjson::Document&) {
        rapidjson::Reader reader;
        result =
            reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(
                in, limit);
        return !result.IsError();
    };
    doc.Populate(generate);
    if (!result.IsError()) return doc;
    const std::string at = std::to_string(result.Offset());
    if (limit.too_deep())
        throw FormatError("JSON nested deeper than " + std::to_string(kMaxJsonDepth) +
                          " levels (at byte " + at + ")");
    if (result.Code() == rapidjson::kParseErrorStringInvalidEncoding)
        throw FormatError("invalid UTF-8 at byte " + at);
    throw FormatError(std::string("broken JSON: ") + rapidjson::GetParseError_En(result.Code()) +
                      " (at byte " + at + ")");
}

}  // namespace tawsiya
