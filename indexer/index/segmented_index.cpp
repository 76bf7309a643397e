#include "tawsiya/segmented_index.hpp"

#include <stdlib.h>  // mkdtemp

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <thread>
#include <utility>

#include <xapian.h>

#include "tawsiya/error.hpp"

namespace tawsiya {

namespace fs = std::filesystem;

namespace {

// A directory of its own beside the target, on the same file system, so that the merged index can
// be renamed into place.
std::string make_work_dir(const std::string& db_dir) {
    fs::path target = fs::absolute(fs::path(db_dir));
    if (!target.has_filename()) target = target.parent_path();  // "db/"
    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    std::string name =
        (target.parent_path() / ("." + target.filename().string() + ".segments-XXXXXX")).string();
    if (!::mkdtemp(name.data()))
        throw IndexError("cannot make a directory for the segments beside " + db_dir);
    return name;
}

}  // namespace

bool SegmentedIndex::is_new(const std::string& db_dir) {
    std::error_code error;
    if (!fs::exists(db_dir, error)) return !error;
    return fs::is_directory(db_dir, error) && fs::is_empty(db_dir, error) && !error;
}

SegmentedIndex::SegmentedIndex(std::string db_dir, const Analyzer& analyzer,
                               std::size_t segment_size, unsigned writers, unsigned threads)
    : db_dir_(std::move(db_dir)),
      analyzer_(analyzer),
      segment_size_(std::max<std::size_t>(1, segment_size)),
      writers_(std::max(1u, writers)),
      threads_(threads
                   ? threads
                   : std::max(1u, std::thread::hardware_concurrency() / std::max(1u, writers))) {
    if (!is_new(db_dir_))
        throw IndexError("index at " + db_dir_ + " exists: several writers build a new index only");
    work_dir_ = make_work_dir(db_dir_);
}

SegmentedIndex::~SegmentedIndex() {
    active_.clear();  // each pipeline stops before its writer commits what it holds
    std::error_code ignored;
    fs::remove_all(work_dir_, ignored);
}

void SegmentedIndex::add(Record record) {
    check_terms(record);  // refused here, at its line, as IndexPipeline::add does
    if (finished_) throw IndexError("the segmented index is finished");
    if (!ids_.insert(record.id).second) {
        repeated_.push_back(std::move(record));
        return;
    }
    if (active_.empty() || active_.back().records >= segment_size_) start_segment();
    Segment& segment = active_.back();
    segment.pipeline->add(std::move(record));
    ++segment.records;
}

void SegmentedIndex::start_segment() {
    if (active_.size() >= writers_) close_oldest();
    Segment segment;
    segment.dir = work_dir_ + "/" + std::to_string(segments_made_++);
    // One commit per segment, at its end; room for the whole segment in flight, so that the
    // reader hands a segment over at once and goes on to the next while this one is written.
    segment.writer = std::make_unique<IndexWriter>(segment.dir, analyzer_, segment_size_);
    segment.pipeline =
        std::make_unique<IndexPipeline>(*segment.writer, analyzer_, threads_, segment_size_);
    active_.push_back(std::move(segment));
}

void SegmentedIndex::close_oldest() {
    Segment& segment = active_.front();
    const IndexPipeline::Counts counts = segment.pipeline->finish();
    counts_.added += counts.added;
    counts_.replaced += counts.replaced;
    segment.pipeline.reset();
    segment.writer->commit();
    segment.writer.reset();
    done_.push_back(segment.dir);
    active_.pop_front();
}

IndexPipeline::Counts SegmentedIndex::finish() {
    if (finished_) throw IndexError("the segmented index is finished");
    finished_ = true;
    while (!active_.empty()) close_oldest();
    try {
        if (!done_.empty()) {
            // The segments one after another: compaction renumbers each from the end of the one
            // before (none has a gap: a segment only ever adds), giving the ids of one writer.
            Xapian::Database all;
            for (const std::string& dir : done_) all.add_database(Xapian::Database(dir));
            const std::string merged = work_dir_ + "/merged";
            all.compact(merged);
            std::error_code error;
            if (fs::exists(db_dir_, error)) fs::remove(db_dir_);  // is_new: an empty directory
            fs::rename(merged, db_dir_);
        }
        // The records whose id came before, replaced as one writer replaces them; and, when the
        // run had no record, the empty index one writer leaves.
        IndexWriter writer(db_dir_, analyzer_, segment_size_);
        for (const Record& record : repeated_)
            (writer.add(record) ? counts_.replaced : counts_.added) += 1;
        writer.commit();
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot merge the segments into " + db_dir_ + ": " + e.get_description());
    } catch (const fs::filesystem_error& e) {
        throw IndexError("cannot move the merged index to " + db_dir_ + ": " + e.what());
    }
    repeated_.clear();
    std::error_code ignored;
    fs::remove_all(work_dir_, ignored);
    return counts_;
}

}  // namespace tawsiya
