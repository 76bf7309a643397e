// Building a new index with several writers (`tawsiya index --writers N`, issue 11).
//
// One Xapian writer is the limit of IndexPipeline: analysis runs on every core, but adding the
// documents (Xapian's in-memory inversion, zlib on each document's data and term list) and
// flushing them is most of the CPU, all on the writer's thread. Here the records are cut, in input
// order, into segments of `segment_size`; each segment is written by an IndexWriter of its own
// into a temporary index (beside the target, removed at the end), `writers` segments at a time,
// each through its own IndexPipeline; finish() merges the segments in order into the target with
// Xapian's compaction, which renumbers them one after another. So the documents get the ids a
// record-by-record run gives them.
//
// A record whose id came earlier in the run takes no new document id in a record-by-record run:
// it replaces the earlier one in its place. Such records are kept aside and replaced, in input
// order, in the merged index, so that it holds the same documents, terms, positions, values and
// data as IndexWriter::add would make record by record (tests/test_index_pipeline.cpp compares).
//
// The price: nothing is in the target before finish(). A kill leaves no index (and the temporary
// segments, which the next run does not use), where one writer leaves every committed batch. So
// this is for a new index only: the target must not exist or be an empty directory.
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/index_pipeline.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/record.hpp"

namespace tawsiya {

class SegmentedIndex {
  public:
    // True when `db_dir` can be built this way: it does not exist, or is an empty directory.
    static bool is_new(const std::string& db_dir);

    // Throws IndexError when `db_dir` is not new, or the temporary directory cannot be made.
    // threads: analysis threads of each segment's pipeline (0: the cores shared by the writers).
    SegmentedIndex(std::string db_dir, const Analyzer& analyzer, std::size_t segment_size,
                   unsigned writers, unsigned threads = 0);
    // Without finish(): stops the threads and removes the segments; the target is not made.
    ~SegmentedIndex();
    SegmentedIndex(const SegmentedIndex&) = delete;
    SegmentedIndex& operator=(const SegmentedIndex&) = delete;

    // As IndexPipeline::add: throws FormatError (check_terms), with nothing queued, for a record
    // the writer would refuse; rethrows the error that stopped a writer.
    void add(Record record);

    // Writes what is left, merges the segments into the target, replaces the repeated records
    // there, commits, and removes the segments. Call it once.
    IndexPipeline::Counts finish();

  private:
    struct Segment {
        std::string dir;
        std::unique_ptr<IndexWriter> writer;
        std::unique_ptr<IndexPipeline> pipeline;  // declared after the writer: stops first
        std::size_t records = 0;
    };

    void start_segment();
    void close_oldest();  // waits for the oldest segment in flight and commits it

    std::string db_dir_;
    std::string work_dir_;  // the segments' directory, beside db_dir_
    const Analyzer& analyzer_;
    std::size_t segment_size_;
    unsigned writers_;
    unsigned threads_;

    std::deque<Segment> active_;     // in input order; at most writers_
    std::vector<std::string> done_;  // committed segments, in input order
    std::size_t segments_made_ = 0;
    std::unordered_set<std::string> ids_;  // every id of this run so far
    std::vector<Record> repeated_;         // records whose id came earlier, in input order
    IndexPipeline::Counts counts_;
    bool finished_ = false;
};

}  // namespace tawsiya
