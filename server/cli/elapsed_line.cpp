#include "cli/elapsed_line.hpp"

#include <cstdio>

namespace tawsiya::cli {

ElapsedLine::ElapsedLine(bool enabled, std::string step) : step_(std::move(step)) {
    if (enabled) thread_ = std::thread([this] { run(); });
}

ElapsedLine::~ElapsedLine() {
    if (!thread_.joinable()) return;
    {
        const std::lock_guard lock(mutex_);
        stop_ = true;
    }
    stop_requested_.notify_one();
    thread_.join();
    std::fputs("\r\033[K", stderr);
}

void ElapsedLine::run() {
    std::unique_lock lock(mutex_);
    do {
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::steady_clock::now() - start_)
                                 .count();
        std::fprintf(stderr, "\r%s: %lld s", step_.c_str(), static_cast<long long>(seconds));
        std::fflush(stderr);
    } while (!stop_requested_.wait_for(lock, std::chrono::seconds(1), [this] { return stop_; }));
}

}  // namespace tawsiya::cli
