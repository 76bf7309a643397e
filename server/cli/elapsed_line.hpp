// A "\r"-rewritten line on stderr that shows how long a step has run ("training the taggers: 42
// s"), once a second from a thread of its own, for steps that report nothing while they work. Only
// when enabled (stderr is a terminal); the line is erased when the step ends.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace tawsiya::cli {

class ElapsedLine {
  public:
    ElapsedLine(bool enabled, std::string step);
    ~ElapsedLine();  // stops the thread and erases the line
    ElapsedLine(const ElapsedLine&) = delete;
    ElapsedLine& operator=(const ElapsedLine&) = delete;

  private:
    void run();

    std::string step_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::mutex mutex_;
    std::condition_variable stop_requested_;
    bool stop_ = false;
    std::thread thread_;  // last: started once the rest is set
};

}  // namespace tawsiya::cli
