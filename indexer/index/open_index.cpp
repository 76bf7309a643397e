#include "tawsiya/open_index.hpp"

#include <charconv>
#include <filesystem>
#include <fstream>

#include "tawsiya/error.hpp"
#include "tawsiya/schema.hpp"

namespace tawsiya {

namespace fs = std::filesystem;

namespace {

constexpr double kDefaultTimeoutSeconds = 5;
constexpr std::size_t kMaxShards = 1000;
constexpr std::size_t kMaxLineBytes = 4096;

struct Shard {
    std::string name;  // tcp://HOST:PORT
    std::string host;
    unsigned port = 0;
};

struct ShardsFile {
    std::vector<Shard> shards;
    std::string models;  // absolute, or empty
    double timeout_seconds = kDefaultTimeoutSeconds;
};

bool is_shards_file(const std::string& location) {
    std::error_code error;
    return fs::is_regular_file(location, error);
}

Shard parse_shard(const std::string& file, std::size_t line, const std::string& url) {
    constexpr std::string_view kScheme = "tcp://";
    const auto colon = url.rfind(':');
    if (!url.starts_with(kScheme) || colon == std::string::npos || colon < kScheme.size() + 1)
        throw InputError(file, line, "expected `shard tcp://HOST:PORT`, not '" + url + "'");
    Shard shard{url, url.substr(kScheme.size(), colon - kScheme.size()), 0};
    const char* begin = url.data() + colon + 1;
    const char* end = url.data() + url.size();
    const auto [stop, error] = std::from_chars(begin, end, shard.port);
    if (error != std::errc() || stop != end || shard.port == 0 || shard.port > 65535)
        throw InputError(file, line, "bad port in '" + url + "'");
    return shard;
}

ShardsFile read_shards_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IndexError("cannot open index at " + path + ": cannot read the shards file");
    ShardsFile out;
    std::string text;
    std::size_t number = 0;
    while (std::getline(in, text)) {
        ++number;
        if (text.size() > kMaxLineBytes) throw InputError(path, number, "line too long");
        if (const auto hash = text.find('#'); hash != std::string::npos) text.erase(hash);
        const auto first = text.find_first_not_of(" \t\r");
        if (first == std::string::npos) continue;
        const auto space = text.find_first_of(" \t", first);
        const std::string key = text.substr(first, space - first);
        std::string value;
        if (space != std::string::npos) {
            const auto start = text.find_first_not_of(" \t", space);
            const auto last = text.find_last_not_of(" \t\r");
            if (start != std::string::npos) value = text.substr(start, last + 1 - start);
        }
        if (value.empty()) throw InputError(path, number, "`" + key + "` needs a value");
        if (key == "shard") {
            if (out.shards.size() == kMaxShards)
                throw InputError(path, number,
                                 "more than " + std::to_string(kMaxShards) + " shards");
            out.shards.push_back(parse_shard(path, number, value));
        } else if (key == "models") {
            out.models = (fs::absolute(path).parent_path() / value).lexically_normal().string();
        } else if (key == "timeout") {
            try {
                out.timeout_seconds = std::stod(value);
            } catch (const std::exception&) {
                out.timeout_seconds = -1;
            }
            if (!(out.timeout_seconds > 0 && out.timeout_seconds <= 3600))
                throw InputError(path, number, "timeout: seconds between 0 and 3600");
        } else {
            throw InputError(path, number, "unknown key `" + key + "` (shard, models, timeout)");
        }
    }
    if (out.shards.empty()) throw InputError(path, number, "no `shard tcp://HOST:PORT` line");
    return out;
}

void check_version(const Xapian::Database& db, const std::string& where) {
    const std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
    if (!version.empty() && version != schema::kSchemaVersion)
        throw IndexError("cannot open index at " + where + ": schema version " + version +
                         ", this tawsiya reads version " + std::string(schema::kSchemaVersion));
}

// The one database of a directory, or each shard, in the order of the shards file.
std::vector<Xapian::Database> open_index_parts(const std::string& location) {
    std::vector<Xapian::Database> parts;
    if (!is_shards_file(location)) {
        try {
            parts.emplace_back(location);
            check_version(parts.back(), location);
        } catch (const Xapian::Error& e) {
            throw IndexError("cannot open index at " + location + ": " + e.get_msg());
        }
        return parts;
    }
    const ShardsFile file = read_shards_file(location);
    const auto timeout = static_cast<unsigned>(file.timeout_seconds * 1000);  // ms
    for (const Shard& shard : file.shards) {
        try {
            parts.push_back(Xapian::Remote::open(shard.host, shard.port, timeout, timeout));
            check_version(parts.back(), shard.name);
        } catch (const Xapian::NetworkError& e) {
            throw UnavailableError("index shard " + shard.name +
                                   " does not answer: " + e.get_msg());
        } catch (const Xapian::Error& e) {
            throw IndexError("cannot open index at " + shard.name + ": " + e.get_msg());
        }
    }
    return parts;
}

}  // namespace

Xapian::Database open_index(const std::string& location) {
    std::vector<Xapian::Database> parts = open_index_parts(location);
    if (parts.size() == 1) return parts.front();
    Xapian::Database db;
    for (const Xapian::Database& part : parts) db.add_database(part);
    return db;
}

bool index_is_remote(const std::string& location) {
    return is_shards_file(location);
}

std::string index_files_dir(const std::string& location) {
    if (!is_shards_file(location)) return location;
    const ShardsFile file = read_shards_file(location);
    if (file.models.empty())
        throw IndexError("the shards file " + location +
                         " names no `models DIR` for the translation table and tagger models");
    return file.models;
}

std::string shard_name(const std::string& context) {
    constexpr std::string_view kPrefix = "remote:tcp(";
    if (context.starts_with(kPrefix) && context.ends_with(")"))
        return "tcp://" + context.substr(kPrefix.size(), context.size() - kPrefix.size() - 1);
    return context;
}

}  // namespace tawsiya
