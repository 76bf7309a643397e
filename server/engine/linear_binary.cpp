#include "engine/linear_binary.hpp"

#include <cstdlib>

namespace tawsiya::engine {

namespace {

void quiet(const char*) {}

}  // namespace

void LinearRows::add_row(std::vector<feature_node> row) {
    row.push_back({features_ + 1, 1.0});  // the bias
    row.push_back({-1, 0.0});
    nodes_.push_back(std::move(row));
    // The inner vectors' buffers do not move when nodes_ grows, so earlier pointers stay valid.
    rows_.push_back(nodes_.back().data());
}

LinearWeights train_linear(const LinearRows& rows, const std::vector<std::size_t>& subset,
                           const std::vector<double>& labels, const LinearSolver& solver) {
    set_print_string_function(&quiet);
    std::vector<feature_node*> x;
    std::vector<double> y;
    x.reserve(subset.size());
    y.reserve(subset.size());
    for (const std::size_t i : subset) {
        x.push_back(rows.row(i));
        y.push_back(labels[i]);
    }
    const int n = rows.features() + 1;  // with the bias
    ::problem prob{};
    prob.l = static_cast<int>(x.size());
    prob.n = n;
    prob.y = y.data();
    prob.x = x.data();
    prob.bias = 1.0;
    parameter param{};
    param.solver_type = solver.type;
    param.eps = solver.eps;
    param.C = solver.c;
    std::srand(solver.seed);
    model* trained = ::train(&prob, &param);
    // liblinear's decision value favours its first label; make it the +1 class's.
    const double sign = trained->label[0] == 1 ? 1.0 : -1.0;
    LinearWeights result;
    result.weights.resize(static_cast<std::size_t>(rows.features()));
    for (int f = 0; f < rows.features(); ++f) result.weights[f] = sign * trained->w[f];
    result.bias = sign * trained->w[n - 1];
    free_and_destroy_model(&trained);
    return result;
}

}  // namespace tawsiya::engine
