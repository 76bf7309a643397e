// sdg_eval: SDG suggestions in the three languages, beside a TF-IDF + linear SVM baseline computed
// in the same run.
//
//   sdg_eval [--corpus DIR] [--sample FILE] [--folds N] [--seed N]
//
// The SDG-labelled records of the shared corpus are Slovenia's cycle-3 UPR recommendations
// (records/slovenia-upr.jsonl, English only; cycle 2 carries no SDG label, so "train on cycle 2,
// test on cycle 3" cannot be run for this scheme). Two measures:
//
// 1. Slovenia, English: N-fold cross-validation (default 5) over the SDG-labelled cycle-3 records,
//    grouped by text (FNV-1a of the English text without the recommending states, spaces and
//    punctuation): every figure is out-of-fold. Each fold's training records are indexed and
//    `train_models` (C chosen per scheme on held-out training records, as `tawsiya train` does)
//    trains the `sdg` scheme (a) on the records alone, (b) on the records and the official SDG
//    texts in Arabic, French and English (lexicon/sdg-targets.tsv; what `tawsiya train` does), and
//    (c) on the SDG texts alone (the records' SDG labels removed). Decisions: the suggestions that
//    do not abstain (confidence ≥ 0.5), else the top one; "model" is the trained model alone,
//    "blend" what `tawsiya match` outputs (model and neighbours' votes).
// 2. French and Arabic: no Slovenian record has a French or Arabic version in the shared corpus.
//    The SDG-labelled texts in those languages are the project's sample (corpus/sample.jsonl: 153
//    records written by the project, each in English, French and Arabic, with OHCHR SDG labels):
//    trained on every SDG-labelled Slovenian record (English), each language version of the
//    sample is tagged.
//
// Baseline: word unigrams and bigrams (ASCII lower-cased, tokens of 2+ bytes), sublinear TF-IDF,
// min_df 2, L2-normalised; one-vs-rest liblinear L2R_L2LOSS_SVC_DUAL, C = 1; labels with a
// positive decision, else the best one (as bench/baseline_tfidf_svm.py). A missing file skips
// its part.
#include <linear.h>

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "bench_support.hpp"
#include "engine/features.hpp"
#include "engine/tagger_calibration.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/match.hpp"
#include "tawsiya/record.hpp"
#include "tawsiya/tagger.hpp"

namespace fs = std::filesystem;
using namespace tawsiya;

namespace {

using Clock = std::chrono::steady_clock;
const std::string kScheme = "sdg";

const std::vector<std::string>& gold_of(const Record& r) {
    static const std::vector<std::string> none;
    const auto it = r.tags.find(kScheme);
    return it == r.tags.end() ? none : it->second;
}

struct F1 {
    double tp = 0, fp = 0, fn = 0;
    void add(const std::vector<std::string>& predicted, const std::vector<std::string>& gold) {
        const std::set<std::string> p(predicted.begin(), predicted.end()),
            g(gold.begin(), gold.end());
        for (const auto& l : p) (g.count(l) ? tp : fp) += 1;
        for (const auto& l : g)
            if (!p.count(l)) fn += 1;
    }
    double micro() const { return tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn); }
};

using tawsiya::bench::decided_labels;

// ---- The baseline: TF-IDF of words and word pairs, one-vs-rest linear SVMs ----

std::vector<std::string> baseline_terms(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    const auto flush = [&] {
        if (word.size() >= 2) words.push_back(word);
        word.clear();
    };
    for (const unsigned char c : text) {
        if (c >= 0x80 || std::isalnum(c))
            word.push_back(static_cast<char>(c < 0x80 ? std::tolower(c) : c));
        else
            flush();
    }
    flush();
    std::vector<std::string> terms = words;
    for (std::size_t i = 0; i + 1 < words.size(); ++i)
        terms.push_back(words[i] + " " + words[i + 1]);
    return terms;
}

void quiet(const char*) {}

class Baseline {
  public:
    Baseline(const std::vector<std::pair<std::string, std::vector<std::string>>>& train) {
        std::unordered_map<std::string, unsigned> df;
        std::vector<std::vector<std::string>> terms;
        for (const auto& [text, labels] : train) {
            terms.push_back(baseline_terms(text));
            for (const auto& t : std::set<std::string>(terms.back().begin(), terms.back().end()))
                ++df[t];
            for (const auto& l : labels) labels_.insert(l);
        }
        std::map<std::string, unsigned> kept;
        for (const auto& [t, n] : df)
            if (n >= 2) kept.emplace(t, n);
        for (const auto& [t, n] : kept)
            dictionary_.add(t, features::idf(static_cast<double>(train.size()), n));
        std::vector<std::vector<feature_node>> rows;
        for (const auto& t : terms) rows.push_back(nodes(dictionary_.vectorise(t)));
        std::vector<feature_node*> x;
        for (auto& row : rows) x.push_back(row.data());
        set_print_string_function(&quiet);
        for (const auto& label : labels_) {
            std::vector<double> y;
            for (const auto& [text, labels] : train)
                y.push_back(std::count(labels.begin(), labels.end(), label) ? 1.0 : -1.0);
            problem prob{};
            prob.l = static_cast<int>(x.size());
            prob.n = features();
            prob.y = y.data();
            prob.x = x.data();
            prob.bias = 1.0;
            parameter param{};
            param.solver_type = L2R_L2LOSS_SVC_DUAL;
            param.eps = 0.01;
            param.C = 1.0;
            std::srand(1);
            model* m = ::train(&prob, &param);
            const double sign = m->label[0] == 1 ? 1.0 : -1.0;
            std::vector<double>& w = weights_[label];
            for (int f = 0; f < features(); ++f) w.push_back(sign * m->w[f]);
            free_and_destroy_model(&m);
        }
    }

    std::vector<std::string> predict(const std::string& text) const {
        const auto vector = dictionary_.vectorise(baseline_terms(text));
        std::vector<std::string> positive;
        std::string best;
        double best_score = -1e9;
        for (const auto& [label, w] : weights_) {
            double z = w.back();  // the bias feature
            for (const auto& [index, value] : vector) z += w[index] * value;
            if (z > 0) positive.push_back(label);
            if (z > best_score) best_score = z, best = label;
        }
        if (positive.empty() && !best.empty()) positive.push_back(best);
        return positive;
    }

  private:
    int features() const { return static_cast<int>(dictionary_.size()) + 1; }
    std::vector<feature_node> nodes(const features::SparseVector& v) const {
        std::vector<feature_node> row;
        for (const auto& [index, value] : v) row.push_back({static_cast<int>(index) + 1, value});
        row.push_back({features(), 1.0});
        row.push_back({-1, 0.0});
        return row;
    }

    features::Dictionary dictionary_;
    std::set<std::string> labels_;
    std::map<std::string, std::vector<double>> weights_;
};

// ---- tawsiya's SDG suggestions, trained three ways ----

enum class Training { records, records_and_texts, texts };
const char* name(Training t) {
    switch (t) {
        case Training::records:
            return "records";
        case Training::records_and_texts:
            return "records + SDG texts";
        case Training::texts:
            return "SDG texts alone";
    }
    return "";
}

// An index of `records` (their SDG labels removed for Training::texts) with the `sdg` scheme
// trained as asked.
struct Trained {
    bench::TempIndex index{"sdg-eval"};
    std::unique_ptr<Matcher> matcher;
    std::shared_ptr<const TaggerModels> models;
    TrainReport report;
};

std::unique_ptr<Trained> train(const std::vector<const Record*>& records, Training training,
                               const Analyzer& analyzer, unsigned seed) {
    auto t = std::make_unique<Trained>();
    {
        IndexWriter writer(t->index.path.string(), analyzer, 5000);
        for (const Record* r : records) {
            Record copy = *r;
            if (training == Training::texts) copy.tags.erase(kScheme);
            writer.add(copy);
        }
        writer.commit();
    }
    TrainOptions options;
    options.schemes = {kScheme};
    options.sdg_targets = training != Training::records;
    options.seed = seed;
    t->report = train_models(t->index.path.string(), analyzer, options);
    t->matcher = std::make_unique<Matcher>(t->index.path.string(), analyzer);
    t->models = TaggerModels::load(t->index.path.string());
    return t;
}

struct Scores {
    F1 model, blend;
    std::vector<tagging::Outcome> shown;  // of the blend
    double cited = 0,
           cited_in_language = 0;  // top suggestions citing a text; in the text's language
};

void tag(Trained& t, const std::string& text, Lang lang, const std::vector<std::string>& gold,
         const Analyzer& analyzer, Scores& scores, const MatchOptions& options) {
    MatchRequest request;
    request.text = text;
    request.lang = lang;
    const MatchResult result = t.matcher->match(request);
    const auto blend = result.suggestions.find(kScheme);
    const std::vector<Suggestion> none;
    const auto& blended = blend == result.suggestions.end() ? none : blend->second;
    scores.blend.add(decided_labels(blended), gold);
    if (!blended.empty() && blended.front().reference) {
        scores.cited += 1;
        if (blended.front().reference->lang == lang_code(lang)) scores.cited_in_language += 1;
    }
    for (const auto& s : blended)
        scores.shown.push_back(
            {s.confidence, std::find(gold.begin(), gold.end(), s.label) != gold.end()});
    std::vector<Suggestion> model;
    if (t.models) {
        const auto probabilities =
            t.models->predict(features::tagging_tokens(result.content, lang, analyzer));
        if (const auto it = probabilities.find(kScheme); it != probabilities.end())
            for (const auto& p : it->second)
                model.push_back({p.label,
                                 p.probability,
                                 {},
                                 p.probability < options.abstain_below,
                                 p.reference});
    }
    std::stable_sort(model.begin(), model.end(),
                     [](const auto& a, const auto& b) { return a.confidence > b.confidence; });
    if (model.size() > options.max_suggestions) model.resize(options.max_suggestions);
    scores.model.add(decided_labels(model), gold);
}

// FNV-1a of the English text without its recommending states, ASCII spaces and punctuation.
std::uint64_t group_hash(const Record& r) {
    std::string text = r.text.count(Lang::en) ? r.text.at(Lang::en) : "";
    if (const auto open = text.rfind('('); open != std::string::npos) text.resize(open);
    return bench::folded_text_hash(text);
}

constexpr Training kTrainings[] = {Training::records, Training::records_and_texts, Training::texts};

void eval_slovenia(const std::vector<const Record*>& labelled, unsigned folds, unsigned seed,
                   const Analyzer& analyzer) {
    std::map<Training, Scores> scores;
    F1 baseline;
    const auto start = Clock::now();
    for (unsigned fold = 0; fold < folds; ++fold) {
        std::vector<const Record*> train_records, test;
        for (const Record* r : labelled)
            (group_hash(*r) % folds == fold ? test : train_records).push_back(r);
        std::vector<std::pair<std::string, std::vector<std::string>>> train_texts;
        for (const Record* r : train_records)
            train_texts.push_back({r->text.at(Lang::en), gold_of(*r)});
        const Baseline svm(train_texts);
        for (const Record* r : test) baseline.add(svm.predict(r->text.at(Lang::en)), gold_of(*r));
        for (const Training training : kTrainings) {
            auto trained = train(train_records, training, analyzer, seed);
            for (const Record* r : test)
                tag(*trained, r->text.at(Lang::en), Lang::en, gold_of(*r), analyzer,
                    scores[training], MatchOptions{});
        }
    }
    std::printf(
        "\n### Slovenia cycle 3, English, %u-fold grouped cross-validation (%zu records)\n\n",
        folds, labelled.size());
    std::printf("| training | micro-F1 model | micro-F1 blend | ECE blend |\n|---|---|---|---|\n");
    std::printf("| baseline TF-IDF + linear SVM (records) | %.3f | – | – |\n", baseline.micro());
    for (const Training training : kTrainings) {
        const Scores& s = scores[training];
        std::printf("| %s | %.3f | %.3f | %.3f |\n", name(training), s.model.micro(),
                    s.blend.micro(), tagging::expected_calibration_error(s.shown));
    }
    std::printf("\n(%.0f s)\n", std::chrono::duration<double>(Clock::now() - start).count());
}

// At most `bytes` bytes of `text`, cut before a UTF-8 character rather than inside one.
std::string head(const std::string& text, std::size_t bytes) {
    if (text.size() <= bytes) return text;
    while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
    return text.substr(0, bytes) + "...";
}

void print_example(Trained& t, const Record& r, Lang lang) {
    MatchRequest request;
    request.text = r.text.at(lang);
    request.lang = lang;
    const MatchResult result = t.matcher->match(request);
    std::printf("- `%s` (%s), gold: ", r.id.c_str(), std::string(lang_code(lang)).c_str());
    for (const auto& g : gold_of(r)) std::printf("%s; ", g.c_str());
    std::printf("\n  text: %s\n", head(request.text, 140).c_str());
    const auto it = result.suggestions.find(kScheme);
    if (it == result.suggestions.end()) return;
    for (std::size_t i = 0; i < it->second.size() && i < 2; ++i) {
        const Suggestion& s = it->second[i];
        std::printf("  - %s %.2f%s", s.label.c_str(), s.confidence, s.abstain ? " (abstain)" : "");
        if (s.reference)
            std::printf(", %s (%s, %.2f): %s", s.reference->id.c_str(), s.reference->lang.c_str(),
                        s.reference->similarity, head(s.reference->text, 110).c_str());
        std::printf("\n");
    }
}

void eval_languages(const std::vector<const Record*>& labelled, const std::string& sample_path,
                    unsigned seed, const Analyzer& analyzer) {
    if (!fs::exists(sample_path)) {
        std::printf("\n(French/Arabic: %s missing, skipped)\n", sample_path.c_str());
        return;
    }
    const auto sample = bench::read_record_lines(sample_path);
    std::vector<std::pair<std::string, std::vector<std::string>>> train_texts;
    for (const Record* r : labelled) train_texts.push_back({r->text.at(Lang::en), gold_of(*r)});
    const Baseline svm(train_texts);
    std::map<Lang, F1> baseline;
    std::map<Training, std::map<Lang, Scores>> scores;
    std::map<Training, std::unique_ptr<Trained>> trained;
    std::size_t tested = 0;
    for (const Training training : kTrainings) {
        trained[training] = train(labelled, training, analyzer, seed);
        for (const Record& r : sample) {
            if (gold_of(r).empty()) continue;
            if (training == kTrainings[0]) ++tested;
            for (const auto& [lang, text] : r.text) {
                if (training == kTrainings[0]) baseline[lang].add(svm.predict(text), gold_of(r));
                tag(*trained[training], text, lang, gold_of(r), analyzer, scores[training][lang],
                    MatchOptions{});
            }
        }
    }
    std::printf(
        "\n### Trained on Slovenia's %zu SDG-labelled records (English), tagging the %zu "
        "SDG-labelled sample records in each language (micro-F1, model / blend)\n\n",
        labelled.size(), tested);
    std::printf("| training | en | fr | ar |\n|---|---|---|---|\n");
    std::printf("| baseline TF-IDF + linear SVM | %.3f | %.3f | %.3f |\n",
                baseline[Lang::en].micro(), baseline[Lang::fr].micro(), baseline[Lang::ar].micro());
    for (const Training training : kTrainings) {
        std::printf("| %s |", name(training));
        for (const Lang lang : {Lang::en, Lang::fr, Lang::ar}) {
            const Scores& s = scores[training][lang];
            std::printf(" %.3f / %.3f |", s.model.micro(), s.blend.micro());
        }
        std::printf("\n");
    }
    std::printf(
        "\nECE of the shown blend suggestions, records + SDG texts: en %.3f, fr %.3f, ar %.3f\n",
        tagging::expected_calibration_error(scores[Training::records_and_texts][Lang::en].shown),
        tagging::expected_calibration_error(scores[Training::records_and_texts][Lang::fr].shown),
        tagging::expected_calibration_error(scores[Training::records_and_texts][Lang::ar].shown));
    std::printf(
        "\nTop suggestions citing an SDG text in the text's own language (records + SDG texts):");
    for (const Lang lang : {Lang::en, Lang::fr, Lang::ar}) {
        const Scores& s = scores[Training::records_and_texts][lang];
        std::printf(" %s %.0f of %.0f;", std::string(lang_code(lang)).c_str(), s.cited_in_language,
                    s.cited);
    }
    std::printf("\n");
    std::printf(
        "\nExamples (records + SDG texts, blend; the first two suggestions, the cited text):\n\n");
    // The first sample record of a few goals (its first label), in French and Arabic.
    for (const char* goal :
         {"4 - QUALITY EDUCATION", "5 - GENDER EQUALITY", "8 - DECENT WORK AND ECONOMIC GROWTH",
          "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"}) {
        const auto r = std::find_if(sample.begin(), sample.end(), [&](const Record& r) {
            return !gold_of(r).empty() && gold_of(r).front() == goal && r.text.size() == 3;
        });
        if (r == sample.end()) continue;
        print_example(*trained[Training::records_and_texts], *r, Lang::fr);
        print_example(*trained[Training::records_and_texts], *r, Lang::ar);
    }
}

}  // namespace

int main(int argc, char** argv) {
    tawsiya::bench::EvalFlags flags;
    unsigned folds = 5, seed = TrainOptions{}.seed;
    const bool known = tawsiya::bench::read_eval_flags(
        argc, argv, flags, [&](const std::string& flag, const std::string& value) {
            if (flag == "--folds")
                folds = static_cast<unsigned>(std::max(2ul, std::stoul(value)));
            else if (flag == "--seed")
                seed = static_cast<unsigned>(std::stoul(value));
            else
                return false;
            return true;
        });
    if (!known) {
        std::fprintf(stderr,
                     "usage: sdg_eval [--corpus DIR] [--sample FILE] [--folds N] [--seed N]\n");
        return 2;
    }
    const std::string& corpus = flags.corpus;
    const std::string& sample = flags.sample;
    const std::string path = corpus + "/records/slovenia-upr.jsonl";
    if (!fs::exists(path)) {
        std::printf("sdg_eval: %s missing, skipped\n", path.c_str());
        return 0;
    }
    const auto records = bench::read_record_lines(path);
    std::vector<const Record*> labelled;
    std::size_t cycle2_labelled = 0;
    for (const Record& r : records) {
        if (gold_of(r).empty() || !r.text.count(Lang::en)) continue;
        if (r.cycle && *r.cycle == 2) ++cycle2_labelled;
        labelled.push_back(&r);
    }
    std::printf("sdg_eval: %s: %zu records, %zu with SDG labels (%zu of cycle 2)\n", path.c_str(),
                records.size(), labelled.size(), cycle2_labelled);
    const Analyzer analyzer;
    eval_slovenia(labelled, folds, seed, analyzer);
    eval_languages(labelled, sample, seed, analyzer);
    return 0;
}
