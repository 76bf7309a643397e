// Calibration of classifier scores into probabilities that mean what they say: isotonic regression
// (pool-adjacent-violators) fitted on held-out predictions, and the expected calibration error
// that measures how far a set of confidences is from the observed frequencies.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace tawsiya::tagging {

// A (score, outcome) pair: outcome true when the label was right.
using Outcome = std::pair<double, bool>;

class IsotonicCalibration {
  public:
    IsotonicCalibration() = default;  // identity
    IsotonicCalibration(std::vector<double> xs, std::vector<double> ys);

    // Fits a non-decreasing step function of score to outcome frequency.
    static IsotonicCalibration fit(std::vector<Outcome> outcomes);

    // The calibrated probability: linear between fitted points, flat outside them.
    double apply(double score) const;

    const std::vector<double>& xs() const { return xs_; }
    const std::vector<double>& ys() const { return ys_; }

  private:
    std::vector<double> xs_, ys_;  // block mean scores (increasing) and their outcome frequencies
};

// Expected calibration error over equal-width bins of confidence: sum over bins of
// |bin| / N * |mean confidence - frequency of right outcomes|.
double expected_calibration_error(const std::vector<Outcome>& outcomes, std::size_t bins = 10);

}  // namespace tawsiya::tagging
