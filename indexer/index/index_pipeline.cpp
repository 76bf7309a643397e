#include "tawsiya/index_pipeline.hpp"

#include <algorithm>

#include "tawsiya/error.hpp"

namespace tawsiya {

namespace {

constexpr std::size_t kInFlightPerThread = 256;

unsigned analysis_threads(unsigned asked) {
    if (asked > 0) return asked;
    return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

IndexPipeline::IndexPipeline(IndexWriter& writer, const Analyzer& analyzer, unsigned threads,
                             std::size_t capacity)
    : writer_(writer), analyzer_(analyzer) {
    const unsigned n = analysis_threads(threads);
    capacity_ = capacity > 0 ? capacity : kInFlightPerThread * n;
    built_.resize(capacity_);
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
    std::unique_lock<std::mutex> lock(mutex_);
    space_.wait(lock, [&] { return failure_ || stopping_ || next_seq_ - written_ < capacity_; });
    rethrow_failure();
    if (stopping_ || closing_) throw IndexError("the index pipeline is finished");
    queued_.emplace_back(next_seq_++, std::move(record));
    work_.notify_one();
}

IndexPipeline::Counts IndexPipeline::finish() {
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
        std::pair<std::size_t, Record> item;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            work_.wait(lock, [&] { return stopping_ || failure_ || closing_ || !queued_.empty(); });
            if (stopping_ || failure_ || queued_.empty()) return;  // closing, nothing left
            item = std::move(queued_.front());
            queued_.pop_front();
        }
        try {
            Xapian::Document doc = make_document(item.second, analyzer_);
            std::lock_guard<std::mutex> lock(mutex_);
            Slot& slot = built_[item.first % capacity_];
            slot.doc = std::move(doc);
            slot.id = std::move(item.second.id);
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
        Slot slot;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            ready_.wait(lock, [&] {
                return stopping_ || failure_ || built_[written_ % capacity_].doc ||
                       (closing_ && written_ == next_seq_);
            });
            if (stopping_ || failure_ || !built_[written_ % capacity_].doc) return;
            slot = std::move(built_[written_ % capacity_]);
            built_[written_ % capacity_].doc.reset();
        }
        // The record's place is released only once it is written: written_ is what the writer
        // holds, so finish() returns after the last replace_document, never before.
        try {
            const bool replaced = writer_.add(slot.id, std::move(*slot.doc));
            std::lock_guard<std::mutex> lock(mutex_);
            (replaced ? counts_.replaced : counts_.added) += 1;
            ++written_;
            space_.notify_one();
            if (written_ == next_seq_) idle_.notify_all();
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex_);
            fail(std::current_exception());
            return;
        }
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
