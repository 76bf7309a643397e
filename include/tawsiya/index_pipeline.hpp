// Parallel indexing: reader -> analysis threads -> one writer.
//
// The caller's thread reads records and hands each to add(); `threads` analysis threads turn them
// into Xapian documents (make_document: the costly part, normalizing, breaking and stemming three
// languages); one writer thread hands the documents to the IndexWriter in the order they were
// added. At most `capacity` records are in flight between add() and the writer, so memory does not
// grow with the input, and add() blocks while the writer is behind.
//
// Because the writer takes the documents in input order, whatever order the analysis threads
// finish in, the index is exactly the one IndexWriter::add would make record by record (document
// ids included), and crash safety is IndexWriter's: a commit every batch, the fault steps reached
// in the same order. Only the writer thread touches the IndexWriter until finish() returns.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <xapian.h>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/record.hpp"

namespace tawsiya {

class IndexPipeline {
  public:
    struct Counts {
        std::size_t added = 0;     // new records
        std::size_t replaced = 0;  // records that replaced one with the same id
    };

    // threads = 0: one analysis thread per core. capacity: records in flight (0: 256 per thread).
    IndexPipeline(IndexWriter& writer, const Analyzer& analyzer, unsigned threads = 0,
                  std::size_t capacity = 0);
    // Stops the threads without waiting for the records still queued: what the writer already
    // took stays with it (IndexWriter's destructor commits it; a kill leaves the last commit).
    ~IndexPipeline();
    IndexPipeline(const IndexPipeline&) = delete;
    IndexPipeline& operator=(const IndexPipeline&) = delete;

    // Queues a record. Throws FormatError (check_terms), with nothing queued, for a record the
    // writer would refuse, so that a reader reports it at its line as IndexWriter::add did.
    // Rethrows the error that stopped a thread (an IndexError or Xapian::Error of the writer).
    void add(Record record);

    // Waits until the writer has every record added (not committed: call IndexWriter::commit),
    // stops the threads and returns the counts. Rethrows the error that stopped a thread.
    // Call it once; add() is refused after it.
    Counts finish();

  private:
    // Records travel in chunks, so that the threads meet once per chunk, not once per record:
    // a record at a time, the locking and wake-ups cost more CPU than the analysis saved.
    using Chunk = std::vector<Record>;
    using BuiltChunk = std::vector<std::pair<std::string, Xapian::Document>>;  // (id, document)

    void submit_chunk();  // hands pending_ to the analysis threads (caller's thread)
    void analyse_loop();
    void write_loop();
    void fail(std::exception_ptr error);  // under mutex_
    void stop_threads();
    void rethrow_failure();  // under mutex_

    IndexWriter& writer_;
    const Analyzer& analyzer_;
    std::size_t chunk_size_;  // records per chunk
    std::size_t capacity_;    // chunks in flight between add() and the writer
    Chunk pending_;           // the chunk add() is filling (caller's thread only)

    std::mutex mutex_;
    std::condition_variable space_;  // add() waits: fewer than capacity_ chunks in flight
    std::condition_variable work_;   // analysis threads wait: a chunk queued, or closing
    std::condition_variable ready_;  // the writer waits: the next chunk in order is built
    std::condition_variable idle_;   // finish() waits: the writer has taken every chunk
    std::deque<std::pair<std::size_t, Chunk>> queued_;  // (sequence number, chunk) to analyse
    std::vector<std::optional<BuiltChunk>> built_;      // at their sequence number modulo capacity_
    std::size_t next_seq_ = 0;  // sequence number of the next chunk submitted
    std::size_t written_ = 0;   // chunks the writer has written (the next it writes is this one)
    bool closing_ = false;      // no more chunks: threads end once their work is done
    bool stopping_ = false;     // end now, work or not
    bool finished_ = false;     // finish() was called
    std::exception_ptr failure_;
    Counts counts_;

    std::vector<std::thread> analysers_;
    std::thread writer_thread_;
};

}  // namespace tawsiya
