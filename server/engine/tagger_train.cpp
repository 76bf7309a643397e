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
//
// The SDGs (engine/sdg_targets.hpp): where the index has the `sdg` scheme, each goal, target and
// indicator is one more record of its goal, with its official Arabic, French and English wording;
// the models learn the goals' words in the three languages from them. They are training material
// only (never held out while there are records of the index to hold out), and their Arabic, French
// and English versions are written beside the models (references.tsv) for the evidence.

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
#include "engine/linear_binary.hpp"
#include "engine/sdg_targets.hpp"
#include "engine/tagger_calibration.hpp"
#include "engine/tagger_format.hpp"
#include "engine/tagger_schemes.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/open_index.hpp"
#include "tawsiya/tagger.hpp"

namespace fs = std::filesystem;

namespace tawsiya {

namespace {

struct Instance {
    std::size_t record = 0;  // index into the records
    features::SparseVector vector;
};

struct Corpus {
    std::vector<Record> records;
    std::vector<bool> reference;       // per record: an SDG text, not a record of the index
    std::vector<std::uint64_t> group;  // per record: hash of its sorted stem set
    std::vector<Instance> instances;
    features::Dictionary dictionary;
};

// The SDG texts as records of the `sdg` scheme, labelled as the index labels its goals.
std::vector<Record> sdg_reference_records(const std::vector<Record>& records) {
    std::vector<std::string> known;
    for (const Record& record : records)
        for (const auto& label : tagging::labels_of(record, std::string(sdg::kScheme)))
            if (std::find(known.begin(), known.end(), label) == known.end()) known.push_back(label);
    std::vector<Record> references;
    for (const sdg::GoalText& goal_text : sdg::goal_texts()) {
        Record& r = references.emplace_back();
        r.id = "sdg:" + goal_text.id;
        r.text = goal_text.text;
        r.tags[std::string(sdg::kScheme)] = {sdg::goal_label(goal_text.goal, known)};
    }
    return references;
}

Corpus read_corpus(const Xapian::Database& db, const Analyzer& analyzer, bool sdg_references) {
    Corpus corpus;
    std::vector<std::vector<std::string>> stems;  // per instance
    std::unordered_map<std::string, unsigned> df;
    std::vector<Record> records;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
        records.push_back(parse_record_json(db.get_document(*it).get_data()));
    corpus.reference.assign(records.size(), false);
    if (sdg_references)
        for (Record& r : sdg_reference_records(records)) {
            records.push_back(std::move(r));
            corpus.reference.push_back(true);
        }
    for (Record& record : records) {
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

// The instances' TF-IDF vectors as liblinear's rows.
engine::LinearRows linear_rows(const Corpus& corpus, const std::vector<std::size_t>& instances) {
    engine::LinearRows rows(static_cast<int>(corpus.dictionary.size()));
    for (std::size_t i : instances) rows.add(corpus.instances[i].vector);
    return rows;
}

struct BinaryModel {
    std::vector<float> weights;  // per feature
    float bias = 0;
};

// Trains on the rows `subset` (positions in `rows`) with labels `y` (+1/-1 per position): a linear
// SVM, seeded, so the same data gives the same models whatever ran before.
BinaryModel train_binary(const engine::LinearRows& rows, const std::vector<std::size_t>& subset,
                         const std::vector<double>& y, double c, unsigned seed) {
    const engine::LinearWeights trained =
        engine::train_linear(rows, subset, y, {L2R_L2LOSS_SVC_DUAL, 0.01, c, seed});
    BinaryModel result;
    result.weights.assign(trained.weights.begin(), trained.weights.end());
    result.bias = static_cast<float>(trained.bias);
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
    const Corpus& corpus, const std::vector<std::size_t>& members,
    const engine::LinearRows& problem, const std::vector<std::size_t>& fitted,
    const std::vector<std::size_t>& held_out, const std::vector<std::vector<double>>& ys, double c,
    unsigned seed) {
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
    for (const std::size_t r : records)
        ++(corpus.reference[r] ? report.references : report.records);
    for (const auto& [label, with] : positives) {
        if (with.size() >= options.min_positives &&
            records.size() - with.size() >= options.min_positives)
            result.labels.push_back(label);
        else
            ++report.labels_skipped;
    }
    report.labels = result.labels.size();
    if (result.labels.empty()) return result;

    const engine::LinearRows problem = linear_rows(corpus, members);
    // The SDG texts are held out only when the index has no record of the scheme to hold out.
    const bool index_records = std::any_of(members.begin(), members.end(), [&](std::size_t i) {
        return !corpus.reference[corpus.instances[i].record];
    });
    std::vector<std::size_t> all(members.size()), fitted, held_out;
    for (std::size_t i = 0; i < members.size(); ++i) {
        all[i] = i;
        const std::size_t r = corpus.instances[members[i]].record;
        const bool may_hold_out = !index_records || !corpus.reference[r];
        (may_hold_out && options.holdout_every > 1 && corpus.group[r] % options.holdout_every == 0
             ? held_out
             : fitted)
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

// The reference texts of `scheme` (the SDG texts), each language version on one line with the
// tokens the models see (tagger_format.hpp): the evidence a suggestion cites.
void write_references(const fs::path& path, const Corpus& corpus, const std::string& scheme,
                      const Analyzer& analyzer) {
    std::ofstream out(path, std::ios::binary);
    for (std::size_t r = 0; r < corpus.records.size(); ++r) {
        if (!corpus.reference[r]) continue;
        const Record& record = corpus.records[r];
        const auto labels = tagging::labels_of(record, scheme);
        if (labels.empty()) continue;
        for (const auto& [lang, text] : record.text) {
            std::string tokens;
            for (const auto& token : features::tagging_tokens(text, lang, analyzer))
                tokens.append(tokens.empty() ? "" : " ").append(token);
            out << scheme << '\t' << one_line(labels.front()) << '\t' << record.id << '\t'
                << lang_code(lang) << '\t' << one_line(text) << '\t' << tokens << '\n';
        }
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
    const Xapian::Database db = open_index(db_dir);
    std::vector<std::string> schemes = tagging::label_schemes(db);
    if (!options.schemes.empty())
        std::erase_if(schemes, [&](const std::string& s) {
            return std::find(options.schemes.begin(), options.schemes.end(), s) ==
                   options.schemes.end();
        });
    // The SDG texts train the `sdg` scheme of an index that has it, or of any index when asked
    // for by name (`--scheme sdg`): then they are its only training material.
    const auto named = [](const std::vector<std::string>& list) {
        return std::find(list.begin(), list.end(), sdg::kScheme) != list.end();
    };
    if (options.sdg_targets && named(options.schemes) && !named(schemes))
        schemes.emplace_back(sdg::kScheme);
    const bool sdg_references = options.sdg_targets && named(schemes);
    const Corpus corpus = read_corpus(db, analyzer, sdg_references);
    TrainReport report;
    report.records = static_cast<std::size_t>(
        std::count(corpus.reference.begin(), corpus.reference.end(), false));  // the index's
    report.features = corpus.dictionary.size();
    report.models_dir = models_dir(db_dir);

    const fs::path staged = report.models_dir + ".tmp-" + std::to_string(::getpid());
    make_empty_directory(staged);
    std::ofstream manifest(staged / tagging::kManifestFile, std::ios::binary);
    manifest << tagging::kManifestHeader << "\n";
    for (std::size_t s = 0; s < schemes.size(); ++s) {
        SchemeTrainReport scheme_report;
        scheme_report.scheme = schemes[s];
        const auto start = std::chrono::steady_clock::now();
        const SchemeModels models = train_scheme(corpus, schemes[s], options, scheme_report);
        if (!models.labels.empty()) {
            const std::string file = "scheme-" + std::to_string(s) + ".bin";
            write_scheme(staged / file, models, corpus.dictionary.size());
            manifest << one_line(schemes[s]) << '\t' << file << '\n';
            if (sdg_references && schemes[s] == sdg::kScheme)
                write_references(staged / tagging::kReferencesFile, corpus, schemes[s], analyzer);
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
