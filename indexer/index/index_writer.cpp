#include "tawsiya/index_writer.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

#include "tawsiya/error.hpp"
#include "tawsiya/fault_injection.hpp"
#include "tawsiya/schema.hpp"

namespace tawsiya {

std::size_t shard_of(std::string_view id, std::size_t shards) {
    std::uint64_t hash = 14695981039346656037ull;  // FNV-1a, 64 bits
    for (const char c : id) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return shards ? static_cast<std::size_t>(hash % shards) : 0;
}

namespace {

Xapian::WritableDatabase open_writable(const std::string& db_dir, std::size_t batch_size) {
    // Read by Xapian in the WritableDatabase constructor only. Set before any thread of ours
    // runs (IndexPipeline starts its threads after the writer is open); SegmentedIndex opens a
    // writer per segment while others run, all with the same value, so it is set only once.
    const std::string threshold = std::to_string(batch_size + 1);
    const char* current = std::getenv("XAPIAN_FLUSH_THRESHOLD");
    if (!current || threshold != current) ::setenv("XAPIAN_FLUSH_THRESHOLD", threshold.c_str(), 1);
    try {
        Xapian::WritableDatabase db(db_dir, Xapian::DB_CREATE_OR_OPEN);
        const std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
        if (version.empty()) {
            db.set_metadata(std::string(schema::kMetaSchemaVersion),
                            std::string(schema::kSchemaVersion));
        } else if (version != schema::kSchemaVersion) {
            throw IndexError("index at " + db_dir + " has schema version " + version +
                             ", this tawsiya writes version " +
                             std::string(schema::kSchemaVersion) + ": index into a new directory");
        }
        return db;
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError("index at " + db_dir + " is being written by another process");
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open index at " + db_dir + ": " + e.get_description());
    }
}

}  // namespace

IndexWriter::IndexWriter(const std::string& db_dir, const Analyzer& analyzer,
                         std::size_t batch_size)
    : db_(open_writable(db_dir, batch_size ? batch_size : 1)),
      analyzer_(analyzer),
      batch_size_(batch_size ? batch_size : 1) {
    fault::reached(fault::Step::opened);
}

IndexWriter::~IndexWriter() {
    try {
        if (pending_ > 0) db_.commit();
    } catch (...) {
        // A destructor must not throw; what was not committed is simply not in the index.
    }
}

bool IndexWriter::add(const Record& record) {
    return add(record.id, make_document(record, analyzer_));  // may refuse the record: first
}

bool IndexWriter::add(const std::string& id, Xapian::Document doc) {
    const std::string id_term = schema::id_term(id);
    // A new id is added, not replaced: the same document id as replace_document would give it
    // (the next), but replace_document(term) opens the term's posting list, and to do that glass
    // first writes every position list still buffered into the position table
    // (GlassWritableDatabase::open_post_list), at every record instead of once per batch: most
    // of the writer's time. A term frequency is read without any flush.
    const bool replaced = db_.term_exists(id_term);
    if (replaced)
        db_.replace_document(id_term, doc);
    else
        db_.add_document(doc);
    ++pending_;
    fault::reached(fault::Step::added);
    if (pending_ >= batch_size_) commit();
    return replaced;
}

void IndexWriter::commit() {
    fault::reached(fault::Step::commit);
    db_.commit();
    pending_ = 0;
    fault::reached(fault::Step::committed);
}

Xapian::doccount IndexWriter::doc_count() const {
    return db_.get_doccount();
}

}  // namespace tawsiya
