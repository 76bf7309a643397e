// One binary linear model trained by liblinear, for the tag models (tagger_train.cpp) and the
// dedup pair model (pair_model.cpp): the rows in liblinear's form, the seeded, silent call and the
// sign of the weights in one place. Engine-private: liblinear's header is the engine's alone.
#pragma once

#include <linear.h>
#include <cstddef>
#include <utility>
#include <vector>

namespace tawsiya::engine {

// Instances as liblinear reads them: 1-based feature nodes, a bias node, -1 terminated.
class LinearRows {
  public:
    explicit LinearRows(int features) : features_(features) {}  // not counting the bias

    // Appends a row of (0-based feature, value) pairs, features increasing; zeros may be left out.
    template <class Pairs>
    void add(const Pairs& values) {
        std::vector<feature_node> row;
        row.reserve(values.size() + 2);
        for (const auto& [feature, value] : values)
            row.push_back({static_cast<int>(feature) + 1, static_cast<double>(value)});
        add_row(std::move(row));
    }

    int features() const { return features_; }
    std::size_t size() const { return rows_.size(); }
    feature_node* row(std::size_t i) const { return rows_[i]; }

  private:
    void add_row(std::vector<feature_node> row);  // appends the bias node and the terminator

    int features_;
    std::vector<std::vector<feature_node>> nodes_;
    std::vector<feature_node*> rows_;
};

struct LinearWeights {
    std::vector<double> weights;  // one per feature: positive for the +1 class
    double bias = 0;
};

struct LinearSolver {
    int type = L2R_LR;  // liblinear's solver_type
    double eps = 0.001;
    double c = 1.0;
    unsigned seed = 1;  // liblinear draws its visiting order from rand(): seeded, one model a data
};

// Trains on the rows `subset` of `rows` (positions) with `labels` (+1 / -1, one per position of
// `rows`), liblinear's output silenced.
LinearWeights train_linear(const LinearRows& rows, const std::vector<std::size_t>& subset,
                           const std::vector<double>& labels, const LinearSolver& solver);

}  // namespace tawsiya::engine
