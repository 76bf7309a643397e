#include "cli/list_input.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <fstream>
#include <iostream>
#include <utility>

#include "tawsiya/error.hpp"
#include "tawsiya/json_parse.hpp"
#include "tawsiya/text_file.hpp"
#include "tawsiya/text_scan.hpp"

namespace tawsiya::cli {

namespace {

bool is_valid_utf8(const std::string& text) {
    rapidjson::StringStream in(text.c_str());
    rapidjson::GenericStringBuffer<rapidjson::UTF8<>> sink;
    while (in.Tell() < text.size())
        if (!rapidjson::UTF8<>::Validate(in, sink)) return false;
    return true;
}

// One JSON line; throws FormatError with the reason.
ListItem parse_json_item(const std::string& line, std::size_t number) {
    const rapidjson::Document doc = parse_json(line);
    if (!doc.IsObject()) throw FormatError("not a JSON object");
    ListItem item;
    item.line = number;
    if (doc.HasMember("id")) {
        const auto& id = doc["id"];
        if (id.IsString())
            item.id = id.GetString();
        else if (id.IsInt64())
            item.id = std::to_string(id.GetInt64());
        else
            throw FormatError("id must be a string or an integer");
    } else {
        item.id = std::to_string(number);
    }
    if (!doc.HasMember("text") || !doc["text"].IsString() || doc["text"].GetStringLength() == 0)
        throw FormatError("missing text (a non-empty string)");
    item.text = doc["text"].GetString();
    if (doc.HasMember("lang") && !doc["lang"].IsNull()) {
        if (!doc["lang"].IsString()) throw FormatError("lang must be a string");
        item.lang = parse_lang(doc["lang"].GetString());
        if (!item.lang)
            throw FormatError(std::string("unknown language code '") + doc["lang"].GetString() +
                              "' (ar, fr or en)");
    }
    if (doc.HasMember("state") && !doc["state"].IsNull()) {
        if (!doc["state"].IsString()) throw FormatError("state must be a string");
        item.state = doc["state"].GetString();
    }
    if (doc.HasMember("symbol") && !doc["symbol"].IsNull()) {
        if (!doc["symbol"].IsString()) throw FormatError("symbol must be a string");
        item.symbol = doc["symbol"].GetString();
    }
    return item;
}

}  // namespace

std::vector<ListItem> read_list(const std::string& path, std::vector<std::string>& problems) {
    std::ifstream file;
    std::istream* in = &std::cin;
    const std::string name = path == "-" ? "<stdin>" : path;
    if (path != "-") {
        file = open_input_file(path);
        in = &file;
    }
    std::vector<ListItem> items;
    std::optional<bool> json;  // decided by the first non-blank line
    std::size_t number = 0;
    for (std::string line; read_line(*in, line);) {  // LF, CRLF or a lone CR
        ++number;
        if (scan::is_blank(line)) continue;
        if (!json)
            json = line.find_first_not_of(" \t") != std::string::npos &&
                   line[line.find_first_not_of(" \t")] == '{';
        try {
            if (*json) {
                items.push_back(parse_json_item(line, number));
            } else {
                if (!is_valid_utf8(line)) throw FormatError("invalid UTF-8");
                ListItem item;
                item.id = std::to_string(number);
                item.text = line;
                item.line = number;
                items.push_back(std::move(item));
            }
        } catch (const FormatError& e) {
            problems.push_back(name + ":" + std::to_string(number) + ": " + e.what());
        }
    }
    if (number == 0) problems.push_back(name + ":0: empty input");
    return items;
}

}  // namespace tawsiya::cli
