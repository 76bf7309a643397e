// open_index: every read path of an index refuses one of another schema version alike.
#include <xapian.h>
#include <catch2/catch.hpp>
#include <functional>

#include "support/temp_dir.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/match.hpp"
#include "tawsiya/open_index.hpp"
#include "tawsiya/record.hpp"
#include "tawsiya/schema.hpp"
#include "tawsiya/search.hpp"
#include "tawsiya/tagger.hpp"
#include "tawsiya/translation.hpp"

using namespace tawsiya;

namespace {

// An index of one record whose stored schema version is `version`.
std::string index_with_version(const test::TempDir& dir, const Analyzer& analyzer,
                               const std::string& version) {
    const std::string db = dir / "db";
    IndexWriter(db, analyzer)
        .add(parse_record_json(
            R"({"id": "r1", "text": {"en": "Ratify the Optional Protocol"}, "mechanism": "upr"})"));
    Xapian::WritableDatabase(db).set_metadata(std::string(schema::kMetaSchemaVersion), version);
    return db;
}

std::string index_error(const std::function<void()>& open) {
    try {
        open();
    } catch (const IndexError& e) {
        return e.what();
    }
    return "no IndexError";
}

}  // namespace

TEST_CASE("open_index opens an index of this schema version", "[index]") {
    test::TempDir dir;
    Analyzer analyzer;
    const std::string db = index_with_version(dir, analyzer, std::string(schema::kSchemaVersion));
    CHECK(open_index(db).get_doccount() == 1);
}

TEST_CASE("every read path refuses an index of another schema version", "[index]") {
    test::TempDir dir;
    Analyzer analyzer;
    const std::string db = index_with_version(dir, analyzer, "1");
    const std::string expected = "cannot open index at " + db +
                                 ": schema version 1, this tawsiya reads version " +
                                 std::string(schema::kSchemaVersion);
    CHECK(index_error([&] { open_index(db); }) == expected);
    CHECK(index_error([&] { Searcher searcher(db, analyzer); }) == expected);
    CHECK(index_error([&] { train_models(db, analyzer); }) == expected);
    CHECK(index_error([&] { train_index_translations(db, analyzer, std::nullopt); }) == expected);
    CHECK(index_error([&] { Matcher matcher(db, analyzer); }) == expected);
}

TEST_CASE("open_index names the directory of an index that cannot be opened", "[index]") {
    test::TempDir dir;
    CHECK_THAT(index_error([&] { open_index(dir / "missing"); }),
               Catch::StartsWith("cannot open index at " + (dir / "missing") + ": "));
}
