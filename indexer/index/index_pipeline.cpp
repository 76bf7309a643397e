#include "tawsiya/index_pipeline.hpp"

#include <algorithm>

#include "tawsiya/error.hpp"

namespace tawsiya {

namespace {

constexpr std::size_t kInFlightPerThread = 256;
constexpr std::size_t kMaxChunk = 64;

unsigned analysis_threads(unsigned asked) {
    if (asked > 0) return asked;
    return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

IndexPipeline::IndexPipeline(IndexWriter& writer, const Analyzer& analyzer, unsigned threads,
                             std::size_t capacity)
    : writer_(writer), analyzer_(analyzer) {
    const unsigned n = analysis_threads(threads);
    const std::size_t records = capacity > 0 ? capacity : kInFlightPerThread * n;
    // Chunks small enough that every thread has two to work on within the capacity.
    chunk_size_ = std::clamp<std::size_t>(records / (2 * n), 1, kMaxChunk);
    capacity_ = std::max<std::size_t>(1, records / chunk_size_);
    built_.resize(capacity_);
    pending_.reserve(chunk_size_);
    analysers_.reserve(n);
    for (unsigned i = 0; i < n; ++i) analysers_.emplace_back([this] { analyse_loop(); });
    writer_thread_ = std::thread([this] { write_loop(); });
}

IndexPipeline::~IndexPipeline() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    stop_threads();
}

void IndexPipeline::add(Record record) {
    check_terms(record);  // refused here, in the reader's thread, so it is reported at its line
    if (finished_) throw IndexError("the index pipeline is finished");
    pending_.push_back(std::move(record));
    if (pending_.size() >= chunk_size_) submit_chunk();
}

void IndexPipeline::submit_chunk() {
    std::unique_lock<std::mutex> lock(mutex_);
    space_.wait(lock, [&] { return failure_ || stopping_ || next_seq_ - written_ < capacity_; });
    rethrow_failure();
    if (stopping_) throw IndexError("the index pipeline is stopped");
    queued_.emplace_back(next_seq_++, std::move(pending_));
    pending_ = Chunk();
    pending_.reserve(chunk_size_);
    work_.notify_one();
}

IndexPipeline::Counts IndexPipeline::finish() {
    if (finished_) throw IndexError("the index pipeline is finished");
    finished_ = true;
    if (!pending_.empty()) submit_chunk();
    {
        std::unique_lock<std::mutex> lock(mutex_);
        closing_ = true;
        work_.notify_all();
        ready_.notify_all();
        idle_.wait(lock, [&] { return failure_ || written_ == next_seq_; });
        stopping_ = true;
    }
    stop_threads();
    std::lock_guard<std::mutex> lock(mutex_);
    rethrow_failure();
    return counts_;
}

void IndexPipeline::analyse_loop() {
    for (;;) {
        std::pair<std::size_t, Chunk> item;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            work_.wait(lock, [&] { return stopping_ || failure_ || closing_ || !queued_.empty(); });
            if (stopping_ || failure_ || queued_.empty()) return;  // closing, nothing left
            item = std::move(queued_.front());
            queued_.pop_front();
        }
        try {
            BuiltChunk built;
            built.reserve(item.second.size());
            for (Record& record : item.second) {
                Xapian::Document doc = make_document(record, analyzer_);
                built.emplace_back(std::move(record.id), std::move(doc));
            }
            std::lock_guard<std::mutex> lock(mutex_);
            built_[item.first % capacity_] = std::move(built);
            if (item.first == written_) ready_.notify_one();
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex_);
            fail(std::current_exception());
            return;
        }
    }
}

void IndexPipeline::write_loop() {
    for (;;) {
        BuiltChunk chunk;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            std::optional<BuiltChunk>& next = built_[written_ % capacity_];
            ready_.wait(lock, [&] {
                return stopping_ || failure_ || next || (closing_ && written_ == next_seq_);
            });
            if (stopping_ || failure_ || !next) return;
            chunk = std::move(*next);
            next.reset();
        }
        // The chunk's place is released only once it is written: written_ counts what the
        // writer holds, so finish() returns after the last replace_document, never before.
        Counts done;
        try {
            for (auto& [id, doc] : chunk)
                (writer_.add(id, std::move(doc)) ? done.replaced : done.added) += 1;
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex_);
            counts_.added += done.added;
            counts_.replaced += done.replaced;
            fail(std::current_exception());
            return;
        }
        std::lock_guard<std::mutex> lock(mutex_);
        counts_.added += done.added;
        counts_.replaced += done.replaced;
        ++written_;
        space_.notify_one();
        if (written_ == next_seq_) idle_.notify_all();
    }
}

void IndexPipeline::fail(std::exception_ptr error) {
    if (!failure_) failure_ = std::move(error);
    space_.notify_all();
    work_.notify_all();
    ready_.notify_all();
    idle_.notify_all();
}

void IndexPipeline::stop_threads() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        work_.notify_all();
        ready_.notify_all();
        space_.notify_all();
    }
    for (auto& thread : analysers_)
        if (thread.joinable()) thread.join();
    if (writer_thread_.joinable()) writer_thread_.join();
}

void IndexPipeline::rethrow_failure() {
    if (failure_) std::rethrow_exception(failure_);
}

}  // namespace tawsiya
