// The parallel indexing pipeline (index_pipeline.hpp): whatever order its analysis threads
// finish in, the index is the one IndexWriter::add makes record by record, document ids included;
// a record the writer would refuse is refused by add(), at once, and the rest are indexed. A
// failing writer (its error reaching the reader, the records it took committed) is
// test_index_faults.cpp's `:throw` faults, which run through the pipeline of `tawsiya index`.
#include <xapian.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/index_pipeline.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/record.hpp"
#include "tawsiya/segmented_index.hpp"

using namespace tawsiya;

namespace {

std::vector<Record> sample_records() {
    std::vector<Record> records;
    std::ifstream in(test::source_path("corpus/sample.jsonl"));
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) records.push_back(parse_record_json(line));
    return records;
}

// Everything a document holds: data, values, and each term with its wdf and positions.
std::string describe(const Xapian::Document& doc) {
    std::string out = doc.get_data() + "\n";
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
        out += "value " + std::to_string(v.get_valueno()) + "=" + *v + "\n";
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        out += *t + " wdf " + std::to_string(t.get_wdf()) + " at";
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
            out += " " + std::to_string(*p);
        out += "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("the pipeline makes the index that adding record by record makes", "[index][pipeline]") {
    std::vector<Record> records = sample_records();
    REQUIRE(records.size() > 100);
    // A record given twice: the second replaces the first in both runs.
    Record again = records[5];
    again.body = "CRC";
    records.push_back(again);
    test::TempDir dir;
    Analyzer analyzer;
    {
        IndexWriter writer(dir / "one", analyzer, 30);
        for (const Record& record : records) writer.add(record);
        writer.commit();
    }
    IndexPipeline::Counts counts;
    {
        IndexWriter writer(dir / "many", analyzer, 30);
        // Three analysis threads and room for 5 records in flight: documents finish out of order
        // and the writer must wait for the next one again and again.
        IndexPipeline pipeline(writer, analyzer, 3, 5);
        for (const Record& record : records) pipeline.add(record);
        counts = pipeline.finish();
        writer.commit();
    }
    CHECK(counts.added == records.size() - 1);
    CHECK(counts.replaced == 1);

    Xapian::Database one(dir / "one"), many(dir / "many");
    REQUIRE(one.get_doccount() == many.get_doccount());
    REQUIRE(one.get_lastdocid() == many.get_lastdocid());
    for (auto it = one.postlist_begin(""); it != one.postlist_end(""); ++it) {
        INFO("document " << *it);
        CHECK(describe(one.get_document(*it)) == describe(many.get_document(*it)));
    }
}

TEST_CASE("the pipeline refuses a record the writer would refuse, and indexes the others",
          "[index][pipeline]") {
    const std::vector<Record> records = sample_records();
    test::TempDir dir;
    Analyzer analyzer;
    IndexWriter writer(dir / "db", analyzer, 1000);
    IndexPipeline pipeline(writer, analyzer, 2);
    pipeline.add(records[0]);
    Record bad = records[1];
    bad.id = std::string(300, 'x');
    CHECK_THROWS_AS(pipeline.add(bad), FormatError);
    pipeline.add(records[2]);
    const IndexPipeline::Counts counts = pipeline.finish();
    CHECK(counts.added == 2);
    writer.commit();
    CHECK(writer.doc_count() == 2);
    CHECK_THROWS_AS(pipeline.add(records[3]), IndexError);  // finished
}

TEST_CASE("several writers in segments make the index that adding record by record makes",
          "[index][pipeline][segments]") {
    std::vector<Record> records = sample_records();
    REQUIRE(records.size() > 100);
    // Records given again: one in its own segment, one many segments later, one twice; each
    // replaces the first in place, as one writer replaces it.
    for (const std::size_t i : {std::size_t{3}, std::size_t{5}, std::size_t{40}, std::size_t{5}}) {
        Record again = records[i];
        again.body = "CRC " + std::to_string(records.size());
        records.insert(records.begin() + static_cast<std::ptrdiff_t>(i + 2 + records.size() % 3),
                       again);
    }
    records.push_back(records[5]);
    test::TempDir dir;
    Analyzer analyzer;
    std::size_t one_added = 0, one_replaced = 0;
    {
        IndexWriter writer(dir / "one", analyzer, 30);
        for (const Record& record : records) (writer.add(record) ? one_replaced : one_added) += 1;
        writer.commit();
    }
    IndexPipeline::Counts counts;
    {
        // Segments of 7 records, three written at a time, one analysis thread each.
        SegmentedIndex segmented(dir / "many", analyzer, 7, 3, 1);
        for (const Record& record : records) segmented.add(record);
        Record bad = records[1];
        bad.id = std::string(300, 'x');
        CHECK_THROWS_AS(segmented.add(bad), FormatError);
        counts = segmented.finish();
    }
    CHECK(counts.added == one_added);
    CHECK(counts.replaced == one_replaced);
    CHECK(one_replaced == 5);

    Xapian::Database one(dir / "one"), many(dir / "many");
    REQUIRE(one.get_doccount() == many.get_doccount());
    REQUIRE(one.get_lastdocid() == many.get_lastdocid());
    CHECK(one.get_total_length() == many.get_total_length());
    CHECK(one.get_metadata("tawsiya.schema_version") ==
          many.get_metadata("tawsiya.schema_version"));
    for (auto it = one.postlist_begin(""); it != one.postlist_end(""); ++it) {
        INFO("document " << *it);
        CHECK(describe(one.get_document(*it)) == describe(many.get_document(*it)));
    }
    // Nothing left beside the index but what was there.
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path()))
        ++entries;
    CHECK(entries == 2);
}

TEST_CASE("several writers build a new index only, and an empty run leaves an empty index",
          "[index][pipeline][segments]") {
    test::TempDir dir;
    Analyzer analyzer;
    {
        IndexWriter writer(dir / "old", analyzer, 10);
        writer.add(sample_records()[0]);
    }
    CHECK_FALSE(SegmentedIndex::is_new(dir / "old"));
    CHECK_THROWS_AS(SegmentedIndex(dir / "old", analyzer, 10, 2), IndexError);
    std::filesystem::create_directories(dir / "empty");
    CHECK(SegmentedIndex::is_new(dir / "empty"));
    SegmentedIndex segmented(dir / "empty", analyzer, 10, 2);
    const IndexPipeline::Counts counts = segmented.finish();
    CHECK(counts.added == 0);
    CHECK(Xapian::Database(dir / "empty").get_doccount() == 0);
    CHECK_THROWS_AS(segmented.add(sample_records()[0]), IndexError);  // finished
}
