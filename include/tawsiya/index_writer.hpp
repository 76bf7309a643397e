// Writes Records into a Xapian index: one document per record, replaced by id, committed in
// batches. Xapian commits are atomic, so a kill at any moment leaves the last committed batch: an
// index that opens and holds whole records only. Re-running the same input completes it.
#pragma once

#include <xapian.h>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/record.hpp"

namespace tawsiya {

// Throws FormatError when a part of the record that cannot be cut would make a term longer than
// Xapian takes: an id over schema::kMaxTermBytes, a tag scheme over schema::kMaxSchemeBytes.
// Labels are cut and over-long words left out, so nothing else can.
void check_terms(const Record& record);

// The Xapian document of a record: the record's JSON as data, the id term, text terms of every
// language version by that language's rules, boolean facet terms and value slots (schema.hpp).
// Throws FormatError as check_terms does.
Xapian::Document make_document(const Record& record, const Analyzer& analyzer);

// The shard (0 to shards-1) of the record with id `id` in an index of `shards` shards: a hash of
// the id, fixed for good, so re-indexing a record with the same number of shards replaces it in
// its shard (docs/scale.md).
std::size_t shard_of(std::string_view id, std::size_t shards);

class IndexWriter {
  public:
    // Opens (or creates) the index at `db_dir`. Throws IndexError if it cannot. Sets Xapian's
    // flush threshold (XAPIAN_FLUSH_THRESHOLD, read when a database is opened for writing) above
    // `batch_size`, so that Xapian never commits part of a batch on its own: a batch is the unit
    // a kill leaves or loses, whatever its size (Xapian's default would commit every 10,000).
    IndexWriter(const std::string& db_dir, const Analyzer& analyzer, std::size_t batch_size = 2000);
    ~IndexWriter();  // commits what is pending

    // Adds the record, or replaces the one with the same id. Returns true when it replaced one.
    // Throws FormatError (check_terms) with the index unchanged.
    bool add(const Record& record);
    // The same for a document already made by make_document (IndexPipeline builds them on other
    // threads): `id` is the record's id.
    bool add(const std::string& id, Xapian::Document doc);
    // Makes everything added so far durable, as one atomic step.
    void commit();

    std::size_t pending() const { return pending_; }
    Xapian::doccount doc_count() const;

  private:
    Xapian::WritableDatabase db_;
    const Analyzer& analyzer_;
    std::size_t batch_size_;
    std::size_t pending_ = 0;
};

}  // namespace tawsiya
