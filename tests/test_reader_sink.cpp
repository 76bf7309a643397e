// The readers' contract with their sink (indexer/readers/bad_input.hpp): a sink that refuses a
// record with FormatError (the index writer does, for a term it cannot hold) makes that record
// one bad line, file:line: reason, and the reader goes on with the rest of the file.
#include <catch2/catch.hpp>
#include <fstream>

#include "support/temp_dir.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/reader.hpp"
#include "tawsiya/record.hpp"

using namespace tawsiya;

namespace {

struct Refusing {
    std::vector<std::string> ids;
    ReadReport report;
};

// Reads `path` into a sink that refuses the record with id `refused`.
Refusing read_refusing(const std::string& path, const std::string& refused,
                       ReadOptions options = {}) {
    Refusing result;
    read_any(
        path, options,
        [&](Record&& r) {
            if (r.id == refused) throw FormatError("refused by the sink");
            result.ids.push_back(r.id);
        },
        result.report);
    return result;
}

}  // namespace

TEST_CASE("a sink's FormatError is one bad row of a UPR Info CSV export, not its end",
          "[readers][csv]") {
    test::TempDir dir;
    const std::string path = dir / "sessions-1-5.csv";
    std::ofstream(path, std::ios::binary) << "Text,To\n"
                                             "Abolish the death penalty,Peru\n"
                                             "Ratify the Convention,Chad\n"
                                             "Protect journalists,Morocco\n";
    const Refusing read = read_refusing(path, "uprinfo:1-5:3");
    CHECK(read.ids == std::vector<std::string>{"uprinfo:1-5:2", "uprinfo:1-5:4"});
    CHECK(read.report.records == 2);
    CHECK(read.report.problems == std::vector<std::string>{path + ":3: refused by the sink"});

    ReadOptions strict;
    strict.strict = true;
    CHECK_THROWS_MATCHES(read_refusing(path, "uprinfo:1-5:3", strict), InputError,
                         Catch::Message(path + ":3: refused by the sink"));
}

TEST_CASE("a sink's FormatError is one bad line of a JSON-lines file, not its end",
          "[readers][record]") {
    test::TempDir dir;
    const std::string path = dir / "records.jsonl";
    std::ofstream(path, std::ios::binary)
        << R"({"id":"a","text":{"en":"Abolish the death penalty"},"mechanism":"upr"})"
           "\n"
        << R"({"id":"b","text":{"en":"Ratify the Convention"},"mechanism":"upr"})"
           "\n"
        << R"({"id":"c","text":{"en":"Protect journalists"},"mechanism":"upr"})"
           "\n";
    const Refusing read = read_refusing(path, "b");
    CHECK(read.ids == std::vector<std::string>{"a", "c"});
    CHECK(read.report.problems == std::vector<std::string>{path + ":2: refused by the sink"});
}
