#include "tawsiya/fault_injection.hpp"

#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "tawsiya/error.hpp"

namespace tawsiya::fault {

namespace {

constexpr std::array<std::string_view, 4> kStepNames = {"opened", "added", "commit", "committed"};

struct Plan {
    bool armed = false;
    Step step = Step::opened;
    unsigned long nth = 0;
    bool throws = false;
};

// TAWSIYA_FAULT=STEP:N[:throw]. A value that does not parse arms nothing and says so: a test that
// relies on it then fails on the exit status it expected.
Plan read_plan() {
    Plan plan;
    const char* env = std::getenv("TAWSIYA_FAULT");
    if (env == nullptr || *env == '\0') return plan;
    const std::string value = env;
    const auto first = value.find(':');
    const auto second = value.find(':', first == std::string::npos ? first : first + 1);
    const std::string_view name = std::string_view(value).substr(0, first);
    for (std::size_t i = 0; i < kStepNames.size(); ++i)
        if (name == kStepNames[i]) plan.step = static_cast<Step>(i), plan.armed = true;
    if (plan.armed && first != std::string::npos) {
        const std::string count = value.substr(first + 1, second - first - 1);
        char* end = nullptr;
        plan.nth = std::strtoul(count.c_str(), &end, 10);
        plan.armed = !count.empty() && *end == '\0' && plan.nth > 0;
        const std::string mode = second == std::string::npos ? "" : value.substr(second + 1);
        plan.throws = mode == "throw";
        if (!mode.empty() && !plan.throws) plan.armed = false;
    } else {
        plan.armed = false;
    }
    if (!plan.armed)
        std::fprintf(stderr, "TAWSIYA_FAULT=%s ignored: expected STEP:N[:throw]\n", env);
    return plan;
}

const Plan& plan() {
    static const Plan instance = read_plan();
    return instance;
}

std::array<std::atomic<unsigned long>, kStepNames.size()> arrivals{};

}  // namespace

void reached(Step step) {
    const Plan& armed = plan();
    if (!armed.armed || armed.step != step) return;
    const unsigned long n = arrivals[static_cast<std::size_t>(step)].fetch_add(1) + 1;
    if (n != armed.nth) return;
    const std::string what = "fault injected at step " +
                             std::string(kStepNames[static_cast<std::size_t>(step)]) + " #" +
                             std::to_string(n);
    if (armed.throws) throw IndexError(what);
    std::fprintf(stderr, "%s\n", what.c_str());
    std::fflush(stderr);
    ::_exit(kFaultExitCode);
}

}  // namespace tawsiya::fault
