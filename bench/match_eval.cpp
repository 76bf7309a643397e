// match_eval: the quality of matching and tagging on the shared corpus, printed as a table.
//
//   match_eval [--corpus DIR] [--sample FILE] [--queries FILE] [--only uprinfo|morocco|dev]
//
// - UPR Info, time split: sessions 1-13 indexed and trained, 14-17 tagged (uprinfo_issue micro and
//   macro F1, uprinfo_action accuracy).
// - Morocco, 5-fold grouped by text (fold = FNV-1a of the French text, else Arabic, with ASCII
//   spaces and punctuation dropped and ASCII letters lower-cased, mod 5: duplicates share a fold;
//   bench/baseline_tfidf_svm.py uses the same folds): issuing body of treaty-body and
//   special-procedure recommendations and of every record, the mechanism of every record
//   (accuracy), didh_axis (micro F1), responsible bodies (precision@1, recall@3).
// - Matching: corpus/dev/match-queries.jsonl against an index of corpus/sample.jsonl: recall@10,
//   MRR, per language and overall.
// Decisions: a multi-label scheme predicts its suggestions that do not abstain, or its top one when
// all abstain; a single-label scheme its top suggestion. Each tagging row is given for the blend
// (what `tawsiya match` outputs), votes alone and the model alone; ECE is over the shown
// suggestions (top 5 per scheme). Indexes are built in a temporary directory; a missing file skips
// its part.
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "bench_support.hpp"
#include "engine/features.hpp"
#include "engine/match_suggestions.hpp"
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

// --c C: liblinear's C for every training of the evaluation (default: chosen per scheme on held-out
// records, as `tawsiya train` does)
std::vector<double> g_c_values = TrainOptions{}.c_values;
std::size_t g_min_positives = TrainOptions{}.min_positives;  // --min-positives
unsigned g_seed = TrainOptions{}.seed;  // --seed: liblinear's order, to measure the spread
double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

void build_index(const std::string& dir, const std::vector<const Record*>& records,
                 const Analyzer& analyzer) {
    IndexWriter writer(dir, analyzer, 5000);
    for (const Record* record : records) writer.add(*record);
    writer.commit();
}

// The decisions of one way of suggesting ("blend", "votes", "model").
using Suggestions = std::map<std::string, std::vector<Suggestion>>;

using tawsiya::bench::decided_labels;

std::string decide_single(const std::vector<Suggestion>& suggestions) {
    return suggestions.empty() ? std::string() : suggestions.front().label;
}

// Micro and macro F1 of multi-label decisions.
struct F1 {
    std::map<std::string, double> tp, fp, fn;
    void add(const std::vector<std::string>& predicted, const std::vector<std::string>& gold) {
        const std::set<std::string> p(predicted.begin(), predicted.end()),
            g(gold.begin(), gold.end());
        for (const auto& l : p) (g.count(l) ? tp : fp)[l] += 1;
        for (const auto& l : g)
            if (!p.count(l)) fn[l] += 1;
    }
    double micro() const {
        double t = 0, f_p = 0, f_n = 0;
        for (const auto& [l, v] : tp) t += v;
        for (const auto& [l, v] : fp) f_p += v;
        for (const auto& [l, v] : fn) f_n += v;
        return t == 0 ? 0 : 2 * t / (2 * t + f_p + f_n);
    }
    double macro() const {  // over the labels of the gold standard
        std::set<std::string> labels;
        for (const auto& [l, v] : tp) labels.insert(l);
        for (const auto& [l, v] : fn) labels.insert(l);
        double sum = 0;
        for (const auto& l : labels) {
            const double t = tp.count(l) ? tp.at(l) : 0, f_p = fp.count(l) ? fp.at(l) : 0,
                         f_n = fn.count(l) ? fn.at(l) : 0;
            sum += t == 0 ? 0 : 2 * t / (2 * t + f_p + f_n);
        }
        return labels.empty() ? 0 : sum / labels.size();
    }
};

struct Mean {
    double sum = 0, n = 0;
    void add(double v) { sum += v, n += 1; }
    double value() const { return n == 0 ? 0 : sum / n; }
};

void shown_outcomes(const std::vector<Suggestion>& suggestions,
                    const std::vector<std::string>& gold, std::vector<tagging::Outcome>& out) {
    for (const auto& s : suggestions)
        out.push_back({s.confidence, std::find(gold.begin(), gold.end(), s.label) != gold.end()});
}

const char* kWays[] = {"blend", "votes", "model"};

// Suggestions of the three ways for one match result.
std::map<std::string, Suggestions> three_ways(const MatchResult& result, const TaggerModels* models,
                                              const std::vector<std::string>& schemes,
                                              const std::vector<std::string>& stems,
                                              const MatchOptions& options,
                                              const matching::IssuerCues& cues) {
    const auto probabilities =
        models ? models->predict(stems) : std::map<std::string, std::vector<LabelProbability>>{};
    std::map<std::string, Suggestions> ways;
    ways["blend"] = result.suggestions;
    MatchOptions votes = options;
    votes.model_weight = 0;
    ways["votes"] = matching::suggest(result.matches, schemes, {}, votes, cues);
    MatchOptions model = options;
    model.model_weight = 1;
    std::vector<Match> none;
    ways["model"] = matching::suggest(none, schemes, probabilities, model, cues);
    return ways;
}

void row(const char* task, const char* metric, const std::map<std::string, double>& by_way) {
    std::printf("| %-34s | %-16s |", task, metric);
    for (const char* way : kWays) std::printf(" %6.3f |", by_way.at(way));
    std::printf("\n");
}

void header(const char* title) {
    std::printf("\n### %s\n\n| %-34s | %-16s | %6s | %6s | %6s |\n|%s|%s|%s|%s|%s|\n", title,
                "task", "metric", kWays[0], kWays[1], kWays[2], std::string(36, '-').c_str(),
                std::string(18, '-').c_str(), "--------", "--------", "--------");
}

// What the Matcher gives the taggers, for the model-only suggestions.
std::vector<std::string> tagging_tokens(const MatchResult& result, Lang lang,
                                        const Analyzer& analyzer) {
    return features::tagging_tokens(result.content, lang, analyzer);
}

void eval_uprinfo(const std::string& corpus, const Analyzer& analyzer,
                  const MatchOptions& options) {
    const std::string path = corpus + "/records/uprinfo-2008-2014.jsonl";
    if (!fs::exists(path)) {
        std::printf("\n(UPR Info: %s missing, skipped)\n", path.c_str());
        return;
    }
    const auto records = bench::read_record_lines(path);
    std::vector<const Record*> train, test;
    for (const auto& r : records) (r.session && *r.session <= 13 ? train : test).push_back(&r);
    bench::TempIndex index("eval");
    auto start = Clock::now();
    build_index(index.path.string(), train, analyzer);
    const double index_s = seconds_since(start);
    start = Clock::now();
    TrainOptions train_options;
    train_options.schemes = {"uprinfo_issue", "uprinfo_action"};
    train_options.c_values = g_c_values;
    train_options.min_positives = g_min_positives;
    train_options.seed = g_seed;
    const TrainReport report = train_models(index.path.string(), analyzer, train_options);
    const double train_s = seconds_since(start);

    Matcher matcher(index.path.string(), analyzer, options);
    const auto models = TaggerModels::load(index.path.string());
    const std::vector<std::string> schemes = {"uprinfo_issue", "uprinfo_action"};
    std::map<std::string, F1> issues;
    std::map<std::string, Mean> action;
    std::map<std::string, std::vector<tagging::Outcome>> shown;
    start = Clock::now();
    for (const Record* r : test) {
        const auto text = r->text.find(Lang::en);
        if (text == r->text.end()) continue;
        MatchRequest request;
        request.text = text->second;
        request.lang = Lang::en;
        const MatchResult result = matcher.match(request);
        const auto ways =
            three_ways(result, models.get(), schemes, tagging_tokens(result, Lang::en, analyzer),
                       options, matching::issuer_cues(request.text, "", std::nullopt));
        for (const char* way : kWays) {
            const Suggestions& s = ways.at(way);
            const auto gold_issues = r->tags.count("uprinfo_issue") ? r->tags.at("uprinfo_issue")
                                                                    : std::vector<std::string>{};
            const auto gold_action = r->tags.count("uprinfo_action") ? r->tags.at("uprinfo_action")
                                                                     : std::vector<std::string>{};
            const auto empty = std::vector<Suggestion>{};
            const auto& si = s.count("uprinfo_issue") ? s.at("uprinfo_issue") : empty;
            const auto& sa = s.count("uprinfo_action") ? s.at("uprinfo_action") : empty;
            if (!gold_issues.empty()) {
                issues[way].add(decided_labels(si), gold_issues);
                shown_outcomes(si, gold_issues, shown[way]);
            }
            if (!gold_action.empty()) {
                action[way].add(decide_single(sa) == gold_action.front() ? 1 : 0);
                shown_outcomes(sa, gold_action, shown[way]);
            }
        }
    }
    const double match_s = seconds_since(start);
    std::map<std::string, double> micro, macro, accuracy, ece;
    for (const char* way : kWays) {
        micro[way] = issues[way].micro();
        macro[way] = issues[way].macro();
        accuracy[way] = action[way].value();
        ece[way] = tagging::expected_calibration_error(shown[way]);
    }
    header("UPR Info, sessions 1-13 -> 14-17");
    row("uprinfo_issue", "micro-F1", micro);
    row("uprinfo_issue", "macro-F1", macro);
    row("uprinfo_action", "accuracy", accuracy);
    row("uprinfo (shown suggestions)", "ECE", ece);
    std::printf("\n%zu indexed in %.1f s, trained in %.1f s (%zu features), %zu tagged in %.1f s\n",
                train.size(), index_s, train_s, report.features, test.size(), match_s);
}

// FNV-1a of the French text (else Arabic, else English) without ASCII spaces and punctuation,
// ASCII lower-cased: the fold of a Morocco record (identical texts share it).
std::uint64_t group_hash(const Record& r) {
    std::string text;
    for (Lang lang : {Lang::fr, Lang::ar, Lang::en})
        if (const auto it = r.text.find(lang); it != r.text.end()) {
            text = it->second;
            break;
        }
    return bench::folded_text_hash(text);
}

void eval_morocco(const std::string& corpus, const Analyzer& analyzer,
                  const MatchOptions& options) {
    const std::string path = corpus + "/records/morocco-didh.jsonl";
    if (!fs::exists(path)) {
        std::printf("\n(Morocco: %s missing, skipped)\n", path.c_str());
        return;
    }
    constexpr std::uint64_t kFolds = 5;
    const auto records = bench::read_record_lines(path);
    // The mechanism is trained as `tawsiya train` does: a body's suggestion is only as likely as
    // its mechanism's, so leaving the mechanism's model out would measure another product.
    const std::vector<std::string> schemes = {"mechanism", "body", "didh_axis", "responsible"};
    std::map<std::string, Mean> body, body_all, mechanism, p1, r3;
    std::map<std::string, F1> axis;
    std::map<std::string, std::vector<tagging::Outcome>> shown, shown_mechanism;
    const auto start = Clock::now();
    for (std::uint64_t fold = 0; fold < kFolds; ++fold) {
        std::vector<const Record*> train, test;
        for (const auto& r : records) (group_hash(r) % kFolds == fold ? test : train).push_back(&r);
        bench::TempIndex index("eval");
        build_index(index.path.string(), train, analyzer);
        TrainOptions train_options;
        train_options.schemes = schemes;
        train_options.c_values = g_c_values;
        train_options.min_positives = g_min_positives;
        train_options.seed = g_seed;
        train_models(index.path.string(), analyzer, train_options);
        Matcher matcher(index.path.string(), analyzer, options);
        const auto models = TaggerModels::load(index.path.string());
        for (const Record* r : test) {
            Lang lang = Lang::fr;
            auto text = r->text.find(Lang::fr);
            if (text == r->text.end()) text = r->text.begin(), lang = text->first;
            if (text == r->text.end()) continue;
            MatchRequest request;
            request.text = text->second;
            request.lang = lang;
            const MatchResult result = matcher.match(request);
            const auto ways =
                three_ways(result, models.get(), schemes, tagging_tokens(result, lang, analyzer),
                           options, matching::issuer_cues(request.text, "", std::nullopt));
            for (const char* way : kWays) {
                const Suggestions& s = ways.at(way);
                const auto empty = std::vector<Suggestion>{};
                const auto& sb = s.count("body") ? s.at("body") : empty;
                const auto& sx = s.count("didh_axis") ? s.at("didh_axis") : empty;
                const auto& sr = s.count("responsible") ? s.at("responsible") : empty;
                const auto& sm = s.count("mechanism") ? s.at("mechanism") : empty;
                if (!r->mechanism.empty()) {
                    mechanism[way].add(decide_single(sm) == r->mechanism ? 1 : 0);
                    shown_outcomes(sm, {r->mechanism}, shown_mechanism[way]);
                }
                if (!r->body.empty()) body_all[way].add(decide_single(sb) == r->body ? 1 : 0);
                if ((r->mechanism == "treaty_body" || r->mechanism == "special_procedure") &&
                    !r->body.empty()) {
                    body[way].add(decide_single(sb) == r->body ? 1 : 0);
                    shown_outcomes(sb, {r->body}, shown[way]);
                }
                if (r->tags.count("didh_axis") && !r->tags.at("didh_axis").empty()) {
                    axis[way].add(decided_labels(sx), r->tags.at("didh_axis"));
                    shown_outcomes(sx, r->tags.at("didh_axis"), shown[way]);
                }
                if (!r->responsible.empty()) {
                    const auto& gold = r->responsible;
                    auto has = [&](const std::string& l) {
                        return std::find(gold.begin(), gold.end(), l) != gold.end();
                    };
                    p1[way].add(!sr.empty() && has(sr.front().label) ? 1 : 0);
                    double found = 0;
                    for (std::size_t i = 0; i < sr.size() && i < 3; ++i) found += has(sr[i].label);
                    r3[way].add(found / gold.size());
                    shown_outcomes(sr, gold, shown[way]);
                }
            }
        }
    }
    std::map<std::string, double> b, ba, mb, ax, pa, ra, ece, ece_mechanism;
    for (const char* way : kWays) {
        b[way] = body[way].value();
        ba[way] = body_all[way].value();
        mb[way] = mechanism[way].value();
        ece_mechanism[way] = tagging::expected_calibration_error(shown_mechanism[way]);
        ax[way] = axis[way].micro();
        pa[way] = p1[way].value();
        ra[way] = r3[way].value();
        ece[way] = tagging::expected_calibration_error(shown[way]);
    }
    header("Morocco, 5-fold grouped by text");
    row("body (treaty bodies, special proc.)", "accuracy", b);
    row("body (every record, UPR's too)", "accuracy", ba);
    row("mechanism (every record)", "accuracy", mb);
    row("didh_axis", "micro-F1", ax);
    row("responsible", "precision@1", pa);
    row("responsible", "recall@3", ra);
    row("morocco (shown suggestions)", "ECE", ece);
    row("mechanism (shown suggestions)", "ECE", ece_mechanism);
    std::printf("\n%zu records, %zu folds in %.1f s\n", records.size(), std::size_t(kFolds),
                seconds_since(start));
}

void eval_dev(const std::string& sample, const std::string& queries, const Analyzer& analyzer,
              const MatchOptions& options) {
    if (!fs::exists(sample) || !fs::exists(queries)) {
        std::printf("\n(matching: %s or %s missing, skipped)\n", sample.c_str(), queries.c_str());
        return;
    }
    const auto records = bench::read_record_lines(sample);
    std::vector<const Record*> all;
    for (const auto& r : records) all.push_back(&r);
    bench::TempIndex index("eval");
    build_index(index.path.string(), all, analyzer);
    Matcher matcher(index.path.string(), analyzer, options);
    std::map<std::string, Mean> recall, mrr;
    std::ifstream in(queries);
    std::size_t n = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        rapidjson::Document doc;
        doc.Parse(line.c_str());
        if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("text")) continue;
        MatchRequest request;
        request.text = doc["text"].GetString();
        std::string lang = "?";
        if (doc.HasMember("lang") && doc["lang"].IsString()) {
            lang = doc["lang"].GetString();
            request.lang = parse_lang(lang);
        }
        std::set<std::string> relevant;
        for (const char* key : {"relevant", "relevant_ids", "expected"})
            if (doc.HasMember(key) && doc[key].IsArray())
                for (const auto& id : doc[key].GetArray())
                    if (id.IsString()) relevant.insert(id.GetString());
        if (relevant.empty()) continue;
        const MatchResult result = matcher.match(request);
        if (lang == "?") lang = std::string(lang_code(result.lang));
        double found = 0, reciprocal = 0;
        for (std::size_t i = 0; i < result.matches.size(); ++i)
            if (relevant.count(result.matches[i].record.id)) {
                found += 1;
                if (reciprocal == 0) reciprocal = 1.0 / (i + 1);
            }
        for (const std::string& key : {lang, std::string("all")}) {
            recall[key].add(found / relevant.size());
            mrr[key].add(reciprocal);
        }
        ++n;
    }
    std::printf("\n### Matching: %zu dev queries against %zu sample records\n\n", n,
                records.size());
    std::printf("| %-8s | %7s | %9s | %6s |\n|----------|---------|-----------|--------|\n", "lang",
                "queries", "recall@10", "MRR");
    for (const auto& [key, mean] : recall)
        std::printf("| %-8s | %7.0f | %9.3f | %6.3f |\n", key.c_str(), mean.n, mean.value(),
                    mrr[key].value());
}

}  // namespace

int main(int argc, char** argv) {
    tawsiya::bench::EvalFlags flags;
    std::string queries = "corpus/dev/match-queries.jsonl", only;
    MatchOptions options;
    const bool known = tawsiya::bench::read_eval_flags(
        argc, argv, flags, [&](const std::string& flag, const std::string& value) {
            if (flag == "--queries")
                queries = value;
            else if (flag == "--only")
                only = value;
            else if (flag == "--model-weight")
                options.model_weight = std::stod(value);
            else if (flag == "--c")
                g_c_values = {std::stod(value)};
            else if (flag == "--seed")
                g_seed = static_cast<unsigned>(std::stoul(value));
            else if (flag == "--min-positives")
                g_min_positives = std::stoul(value);
            else if (flag == "--abstain-below")
                options.abstain_below = std::stod(value);
            else
                return false;
            return true;
        });
    if (!known) {
        std::fprintf(stderr,
                     "usage: match_eval [--corpus DIR] [--sample FILE] [--queries FILE] "
                     "[--only uprinfo|morocco|dev] [--model-weight W] [--abstain-below T] [--c C] "
                     "[--min-positives N] [--seed N]\n");
        return 2;
    }
    const std::string& corpus = flags.corpus;
    const std::string& sample = flags.sample;
    const Analyzer analyzer;
    std::printf("match_eval: corpus %s, model weight %.2f, abstain below %.2f\n", corpus.c_str(),
                options.model_weight, options.abstain_below);
    if (only.empty() || only == "dev") eval_dev(sample, queries, analyzer, options);
    if (only.empty() || only == "morocco") eval_morocco(corpus, analyzer, options);
    if (only.empty() || only == "uprinfo") eval_uprinfo(corpus, analyzer, options);
    return 0;
}
