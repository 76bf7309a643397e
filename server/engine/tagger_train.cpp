// Training the taggers from an index: every language version of every record is one instance (its
// features::tagging_terms as TF-IDF features), and each label of each scheme gets a binary linear
// SVM (L2-regularised squared hinge, liblinear's L2R_L2LOSS_SVC_DUAL) against the other records of
// the scheme; its margin, squashed by a sigmoid, is only a score, which the calibration below turns
// into a probability. (Measured against L2-regularised logistic regression in docs/matching.md:
// better on every row, and five times faster to train.) Records with the same stems (the same
// recommendation made by several states) form one group; one group in `holdout_every` is held
// out and the models trained without it, with each candidate C, predict it; the scheme keeps the C
// whose predictions rank the held-out labels best, and an isotonic calibration is fitted on those
// predictions. The stored models are then retrained on everything with that C.
#include <linear.h>

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <system_error>

#include "engine/features.hpp"
#include "engine/tagger_calibration.hpp"
#include "engine/tagger_format.hpp"
#include "engine/tagger_schemes.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/open_index.hpp"
#include "tawsiya/tagger.hpp"

namespace fs = std::filesystem;

namespace tawsiya {

namespace {

void quiet(const char*) {}

struct Instance {
    std::size_t record = 0;  // index into the records
    features::SparseVector vector;
};

struct Corpus {
    std::vector<Record> records;
    std::vector<std::uint64_t> group;  // per record: hash of its sorted stem set
    std::vector<Instance> instances;
    features::Dictionary dictionary;
};

Corpus read_corpus(const Xapian::Database& db, const Analyzer& analyzer) {
    Corpus corpus;
    std::vector<std::vector<std::string>> stems;  // per instance
    std::unordered_map<std::string, unsigned> df;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        Record record = parse_record_json(db.get_document(*it).get_data());
        std::set<std::string> all;
        for (const auto& [lang, text] : record.text) {
            auto version = features::tagging_terms(features::tagging_tokens(text, lang, analyzer));
            if (version.empty()) continue;
            for (const auto& stem : std::set<std::string>(version.begin(), version.end()))
                ++df[stem];
            all.insert(version.begin(), version.end());
            corpus.instances.push_back({corpus.records.size(), {}});
            stems.push_back(std::move(version));
        }
        std::string key;
        for (const auto& stem : all) key.append(stem).push_back(' ');
        corpus.group.push_back(std::hash<std::string>{}(key));
        corpus.records.push_back(std::move(record));
    }
    // Stems seen in one instance only cannot generalise; sorted for a reproducible feature order.
    std::map<std::string, unsigned> kept;
    for (const auto& [stem, n] : df)
        if (n >= 2) kept.emplace(stem, n);
    const double n_instances = static_cast<double>(corpus.instances.size());
    for (const auto& [stem, n] : kept) corpus.dictionary.add(stem, features::idf(n_instances, n));
    for (std::size_t i = 0; i < corpus.instances.size(); ++i)
        corpus.instances[i].vector = corpus.dictionary.vectorise(stems[i]);
    return corpus;
}

// liblinear's view of a set of instances: 1-based feature nodes, a bias node, -1 terminated.
struct Problem {
    std::vector<std::vector<feature_node>> nodes;
    std::vector<feature_node*> rows;
    int features = 0;  // including the bias feature

    Problem(const Corpus& corpus, const std::vector<std::size_t>& instances) {
        features = static_cast<int>(corpus.dictionary.size()) + 1;
        nodes.reserve(instances.size());
        for (std::size_t i : instances) {
            std::vector<feature_node> row;
            for (const auto& [index, weight] : corpus.instances[i].vector)
                row.push_back({static_cast<int>(index) + 1, weight});
            row.push_back({features, 1.0});
            row.push_back({-1, 0.0});
            nodes.push_back(std::move(row));
        }
        for (auto& row : nodes) rows.push_back(row.data());
    }
};

struct BinaryModel {
    std::vector<float> weights;  // per feature
    float bias = 0;
};

// Trains on the rows `subset` (positions in `problem`) with labels `y` (+1/-1 per position).
BinaryModel train_binary(Problem& problem, const std::vector<std::size_t>& subset,
                         const std::vector<double>& y, double c, unsigned seed) {
    std::vector<feature_node*> x;
    std::vector<double> labels;
    for (std::size_t i : subset) {
        x.push_back(problem.rows[i]);
        labels.push_back(y[i]);
    }
    ::problem prob{};
    prob.l = static_cast<int>(x.size());
    prob.n = problem.features;
    prob.y = labels.data();
    prob.x = x.data();
    prob.bias = 1.0;
    parameter param{};
    param.solver_type = L2R_L2LOSS_SVC_DUAL;
    param.eps = 0.01;
    param.C = c;
    // liblinear's solver visits instances in an order drawn from rand(): seeded, the same data
    // gives the same models, whatever ran before.
    std::srand(seed);
    model* trained = ::train(&prob, &param);
    // liblinear's decision value favours its first label; make it the positive class's margin.
    const double sign = trained->label[0] == 1 ? 1.0 : -1.0;
    BinaryModel result;
    result.weights.resize(problem.features - 1);
    for (int f = 0; f < problem.features - 1; ++f)
        result.weights[f] = static_cast<float>(sign * trained->w[f]);
    result.bias = static_cast<float>(sign * trained->w[problem.features - 1]);
    free_and_destroy_model(&trained);
    return result;
}

double logistic(double z) {
    return 1.0 / (1.0 + std::exp(-z));
}

double logit_of(const BinaryModel& model, const features::SparseVector& vector) {
    double z = model.bias;
    for (const auto& [index, weight] : vector) z += model.weights[index] * weight;
    return z;
}

struct SchemeModels {
    std::vector<std::string> labels;
    std::vector<BinaryModel> models;
    tagging::IsotonicCalibration calibration;
};

// Top-5 (probability, right) outcomes of each held-out instance: what a user is shown.
std::vector<tagging::Outcome> shown_outcomes(
    const std::vector<std::vector<tagging::Outcome>>& rows) {
    std::vector<tagging::Outcome> shown;
    for (auto row : rows) {
        std::sort(row.begin(), row.end(), std::greater<>());
        for (std::size_t i = 0; i < row.size() && i < 5; ++i) shown.push_back(row[i]);
    }
    return shown;
}

// The held-out instances' (probability, right) outcomes, one per label that could be trained
// without them, from models trained with `c` on the `fitted` members.
std::vector<std::vector<tagging::Outcome>> held_out_predictions(
    const Corpus& corpus, const std::vector<std::size_t>& members, Problem& problem,
    const std::vector<std::size_t>& fitted, const std::vector<std::size_t>& held_out,
    const std::vector<std::vector<double>>& ys, double c, unsigned seed) {
    std::vector<std::vector<tagging::Outcome>> rows(held_out.size());
    if (held_out.empty()) return rows;
    for (const auto& y : ys) {
        const auto positive =
            std::count_if(fitted.begin(), fitted.end(), [&](auto i) { return y[i] > 0; });
        if (positive == 0 || positive == static_cast<std::ptrdiff_t>(fitted.size())) continue;
        const BinaryModel partial = train_binary(problem, fitted, y, c, seed);
        for (std::size_t h = 0; h < held_out.size(); ++h) {
            const auto& vector = corpus.instances[members[held_out[h]]].vector;
            rows[h].push_back({logistic(logit_of(partial, vector)), y[held_out[h]] > 0});
        }
    }
    return rows;
}

// Mean over held-out instances of the average precision of their labels ranked by score (for a
// single-label scheme, the mean reciprocal rank of the right label): how well a C ranks labels,
// whatever the scale of its margins. -1 when nothing was held out.
double mean_average_precision(std::vector<std::vector<tagging::Outcome>> rows) {
    double sum = 0;
    std::size_t n = 0;
    for (auto& row : rows) {
        std::sort(row.begin(), row.end(), std::greater<>());
        double precision = 0;
        std::size_t right = 0;
        for (std::size_t i = 0; i < row.size(); ++i)
            if (row[i].second) precision += static_cast<double>(++right) / double(i + 1);
        if (right == 0) continue;
        sum += precision / double(right);
        ++n;
    }
    return n == 0 ? -1.0 : sum / double(n);
}

SchemeModels train_scheme(const Corpus& corpus, const std::string& scheme,
                          const TrainOptions& options, SchemeTrainReport& report) {
    SchemeModels result;
    std::vector<std::size_t> members;  // instances of records carrying the scheme
    std::vector<std::vector<std::string>> labels;
    std::map<std::string, std::set<std::size_t>> positives;  // label -> records
    std::set<std::size_t> records;
    for (std::size_t i = 0; i < corpus.instances.size(); ++i) {
        const std::size_t r = corpus.instances[i].record;
        auto carried = tagging::labels_of(corpus.records[r], scheme);
        if (carried.empty() || corpus.instances[i].vector.empty()) continue;
        for (const auto& label : carried) positives[label].insert(r);
        members.push_back(i);
        labels.push_back(std::move(carried));
        records.insert(r);
    }
    report.records = records.size();
    for (const auto& [label, with] : positives) {
        if (with.size() >= options.min_positives &&
            records.size() - with.size() >= options.min_positives)
            result.labels.push_back(label);
        else
            ++report.labels_skipped;
    }
    report.labels = result.labels.size();
    if (result.labels.empty()) return result;

    Problem problem(corpus, members);
    std::vector<std::size_t> all(members.size()), fitted, held_out;
    for (std::size_t i = 0; i < members.size(); ++i) {
        all[i] = i;
        const auto group = corpus.group[corpus.instances[members[i]].record];
        (options.holdout_every > 1 && group % options.holdout_every == 0 ? held_out : fitted)
            .push_back(i);
    }
    std::vector<std::vector<double>> ys;  // per label: +1/-1 per member
    for (const auto& label : result.labels) {
        std::vector<double>& y = ys.emplace_back(members.size());
        for (std::size_t i = 0; i < members.size(); ++i)
            y[i] = std::count(labels[i].begin(), labels[i].end(), label) ? 1.0 : -1.0;
    }
    // Each candidate C predicts the held-out groups; the one that ranks their labels best is kept,
    // and its held-out predictions fit the calibration.
    std::vector<std::vector<tagging::Outcome>> held_out_rows;
    double best_precision = -1;
    report.c = options.c_values.front();
    for (const double c : options.c_values) {
        auto rows =
            held_out_predictions(corpus, members, problem, fitted, held_out, ys, c, options.seed);
        const double precision = mean_average_precision(rows);
        if (precision > best_precision) {
            best_precision = precision;
            report.c = c;
            held_out_rows = std::move(rows);
        }
    }
    report.holdout_map = std::max(0.0, best_precision);
    for (std::size_t l = 0; l < result.labels.size(); ++l) {
        result.models.push_back(train_binary(problem, all, ys[l], report.c, options.seed));
        if (options.verbose)
            std::fprintf(stderr, "  %s: %s\n", scheme.c_str(), result.labels[l].c_str());
    }
    std::vector<tagging::Outcome> pooled;
    for (const auto& row : held_out_rows) pooled.insert(pooled.end(), row.begin(), row.end());
    result.calibration = tagging::IsotonicCalibration::fit(pooled);
    const auto shown = shown_outcomes(held_out_rows);
    report.holdout_ece = tagging::expected_calibration_error(shown);
    std::vector<std::vector<tagging::Outcome>> calibrated_rows = held_out_rows;
    for (auto& row : calibrated_rows)
        for (auto& outcome : row) outcome.first = result.calibration.apply(outcome.first);
    report.calibrated_ece = tagging::expected_calibration_error(shown_outcomes(calibrated_rows));
    return result;
}

std::string one_line(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::replace(text.begin(), text.end(), '\r', ' ');
    return text;
}

void write_scheme(const fs::path& path, const SchemeModels& scheme, std::size_t features) {
    std::ofstream out(path, std::ios::binary);
    out << "labels " << scheme.labels.size() << "\n";
    for (const auto& label : scheme.labels) out << one_line(label) << "\n";
    out << "calibration " << scheme.calibration.xs().size() << "\n";
    char line[64];
    for (std::size_t i = 0; i < scheme.calibration.xs().size(); ++i) {
        std::snprintf(line, sizeof line, "%.9g %.9g\n", scheme.calibration.xs()[i],
                      scheme.calibration.ys()[i]);
        out << line;
    }
    out << "features " << features << "\n";
    std::vector<float> row(scheme.labels.size());
    for (std::size_t l = 0; l < scheme.labels.size(); ++l) row[l] = scheme.models[l].bias;
    out.write(reinterpret_cast<const char*>(row.data()), row.size() * sizeof(float));
    for (std::size_t f = 0; f < features; ++f) {
        for (std::size_t l = 0; l < scheme.labels.size(); ++l) row[l] = scheme.models[l].weights[f];
        out.write(reinterpret_cast<const char*>(row.data()), row.size() * sizeof(float));
    }
    if (!out.flush()) throw IndexError("cannot write " + path.string());
}

void write_features(const fs::path& path, const features::Dictionary& dictionary) {
    std::ofstream out(path, std::ios::binary);
    char idf[32];
    for (std::uint32_t i = 0; i < dictionary.size(); ++i) {
        std::snprintf(idf, sizeof idf, "%.9g", dictionary.idf(i));
        out << dictionary.stem(i) << '\t' << idf << '\n';
    }
    if (!out.flush()) throw IndexError("cannot write " + path.string());
}

// The file system's failures are IndexError, as the models' other write failures are (the
// std::filesystem calls below take an error_code instead of throwing filesystem_error).
[[noreturn]] void cannot_write(const fs::path& dir, const std::error_code& error) {
    throw IndexError("cannot write the models in " + dir.string() + ": " + error.message());
}

// An empty directory at `dir`, whatever was there.
void make_empty_directory(const fs::path& dir) {
    std::error_code error;
    fs::remove_all(dir, error);
    if (!error) fs::create_directories(dir, error);
    if (error) cannot_write(dir, error);
}

// Replaces `target` by `staged` so that a reader sees the old models or the new, never a mix.
void install(const fs::path& staged, const fs::path& target) {
    const fs::path old = target.string() + ".old-" + std::to_string(::getpid());
    std::error_code error;
    const bool replacing = fs::exists(target, error);
    if (replacing) fs::rename(target, old, error);
    if (error) cannot_write(target, error);
    fs::rename(staged, target, error);
    if (error) {
        std::error_code ignored;
        if (replacing) fs::rename(old, target, ignored);  // the old models stay in place
        fs::remove_all(staged, ignored);
        cannot_write(target, error);
    }
    fs::remove_all(old, error);
}

}  // namespace

std::string models_dir(const std::string& db_dir) {
    return (fs::path(index_files_dir(db_dir)) / tagging::kModelsDirName).string();  // shards too
}

TrainReport train_models(const std::string& db_dir, const Analyzer& analyzer,
                         const TrainOptions& options) {
    if (options.c_values.empty()) throw UsageError("c", "needs at least one value");
    set_print_string_function(&quiet);
    const Xapian::Database db = open_index(db_dir);
    const Corpus corpus = read_corpus(db, analyzer);
    TrainReport report;
    report.records = corpus.records.size();
    report.features = corpus.dictionary.size();
    report.models_dir = models_dir(db_dir);

    const fs::path staged = report.models_dir + ".tmp-" + std::to_string(::getpid());
    make_empty_directory(staged);
    std::ofstream manifest(staged / tagging::kManifestFile, std::ios::binary);
    manifest << tagging::kManifestHeader << "\n";
    std::vector<std::string> schemes = tagging::label_schemes(db);
    if (!options.schemes.empty())
        std::erase_if(schemes, [&](const std::string& s) {
            return std::find(options.schemes.begin(), options.schemes.end(), s) ==
                   options.schemes.end();
        });
    for (std::size_t s = 0; s < schemes.size(); ++s) {
        SchemeTrainReport scheme_report;
        scheme_report.scheme = schemes[s];
        const auto start = std::chrono::steady_clock::now();
        const SchemeModels models = train_scheme(corpus, schemes[s], options, scheme_report);
        if (!models.labels.empty()) {
            const std::string file = "scheme-" + std::to_string(s) + ".bin";
            write_scheme(staged / file, models, corpus.dictionary.size());
            manifest << one_line(schemes[s]) << '\t' << file << '\n';
        }
        if (options.verbose)
            std::fprintf(
                stderr, "%s: %zu labels in %.1f s\n", schemes[s].c_str(), models.labels.size(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        report.schemes.push_back(scheme_report);
    }
    write_features(staged / tagging::kFeaturesFile, corpus.dictionary);
    if (!manifest.flush()) throw IndexError("cannot write the models in " + staged.string());
    manifest.close();
    install(staged, report.models_dir);
    return report;
}

}  // namespace tawsiya
