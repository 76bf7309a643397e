#include "engine/tagger_calibration.hpp"

#include <algorithm>
#include <cmath>

namespace tawsiya::tagging {

IsotonicCalibration::IsotonicCalibration(std::vector<double> xs, std::vector<double> ys)
    : xs_(std::move(xs)), ys_(std::move(ys)) {}

IsotonicCalibration IsotonicCalibration::fit(std::vector<Outcome> outcomes) {
    if (outcomes.empty()) return {};
    std::sort(outcomes.begin(), outcomes.end());
    struct Block {
        double score_sum, outcome_sum, count;
    };
    // Equal scores form one block first: a tie is one point of the curve, whatever its order.
    std::vector<Block> ties;
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        const auto& [score, right] = outcomes[i];
        if (i == 0 || outcomes[i - 1].first != score) ties.push_back({0, 0, 0});
        ties.back().score_sum += score;
        ties.back().outcome_sum += right ? 1.0 : 0.0;
        ties.back().count += 1;
    }
    std::vector<Block> blocks;
    for (const Block& tie : ties) {
        blocks.push_back(tie);
        // Pool adjacent violators: merge while the previous block's frequency is not lower.
        while (blocks.size() > 1) {
            Block& last = blocks[blocks.size() - 1];
            Block& previous = blocks[blocks.size() - 2];
            if (previous.outcome_sum / previous.count < last.outcome_sum / last.count) break;
            previous.score_sum += last.score_sum;
            previous.outcome_sum += last.outcome_sum;
            previous.count += last.count;
            blocks.pop_back();
        }
    }
    std::vector<double> xs, ys;
    for (const Block& block : blocks) {
        xs.push_back(block.score_sum / block.count);
        ys.push_back(block.outcome_sum / block.count);
    }
    return IsotonicCalibration(std::move(xs), std::move(ys));
}

double IsotonicCalibration::apply(double score) const {
    if (xs_.empty()) return std::clamp(score, 0.0, 1.0);
    if (score <= xs_.front()) return ys_.front();
    if (score >= xs_.back()) return ys_.back();
    const auto upper = std::upper_bound(xs_.begin(), xs_.end(), score) - xs_.begin();
    const auto lower = upper - 1;
    const double span = xs_[upper] - xs_[lower];
    const double t = span > 0 ? (score - xs_[lower]) / span : 0.0;
    return ys_[lower] + t * (ys_[upper] - ys_[lower]);
}

double expected_calibration_error(const std::vector<Outcome>& outcomes, std::size_t bins) {
    if (outcomes.empty() || bins == 0) return 0;
    std::vector<double> confidence(bins, 0), right(bins, 0), count(bins, 0);
    for (const auto& [score, outcome] : outcomes) {
        const auto bin =
            std::min(bins - 1, static_cast<std::size_t>(std::clamp(score, 0.0, 1.0) * bins));
        confidence[bin] += score;
        right[bin] += outcome ? 1 : 0;
        count[bin] += 1;
    }
    double error = 0;
    for (std::size_t b = 0; b < bins; ++b)
        if (count[b] > 0) error += std::abs(confidence[b] - right[b]);  // = count * |mean diff|
    return error / static_cast<double>(outcomes.size());
}

}  // namespace tawsiya::tagging
