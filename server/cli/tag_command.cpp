// `tawsiya tag --db DIR FILE|-`: the recommendations of a document (concluding observations, a
// report), each matched against the index and tagged; JSON lines, or CSV for a spreadsheet.
#include <cstdio>
#include <set>

#include <boost/program_options.hpp>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "engine/tag_json.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/document_file.hpp"
#include "tawsiya/document_split.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/match.hpp"
#include "tawsiya/state_names.hpp"

namespace po = boost::program_options;

namespace tawsiya::cli {

namespace {

struct TagCommandOptions {
    std::string db;
    std::string input = "-";
    std::string lang;
    std::string format = "jsonl";
    std::string encoding;
    std::string symbol;
    std::string state;
    std::size_t k = 5;
    bool xlang = true;
};

TagCommandOptions parse_options(const Args& args) {
    TagCommandOptions options;
    po::options_description named(
        "tawsiya tag --db DIR FILE|- [options]\n\n"
        "Splits the text of concluding observations or a report (Arabic, French or English) into\n"
        "its recommendations (numbered paragraphs, sub-paragraphs (a), (b), ...) and matches and\n"
        "tags each. Output: one JSON line per recommendation, or CSV with --format "
        "csv.\n\noptions");
    named.add_options()                                                    //
        ("db", po::value(&options.db)->required(), "the index directory")  //
        ("input", po::value(&options.input),
         "the document: PDF, Word (.docx), OpenDocument (.odt) or text (default: stdin)")  //
        ("lang", po::value(&options.lang),
         "the document's language (ar, fr, en); detected if absent")  //
        ("k", po::value(&options.k)->default_value(options.k),
         "matches per recommendation (1-100)")                                                 //
        ("format", po::value(&options.format)->default_value(options.format), "jsonl or csv")  //
        ("encoding", po::value(&options.encoding),
         "a text file's encoding (an ICU name); default: UTF-8, or Mac Roman when not UTF-8")  //
        ("symbol", po::value(&options.symbol),
         "the document's UN symbol (CAT/C/MAR/CO/4); read from its opening lines if absent")  //
        ("state", po::value(&options.state),
         "the state the document addresses, in any language; found in the document if absent "
         "(its prior recommendations rank first)")                     //
        ("no-xlang", "match records in the document's language only")  //
        ("help,h", "this help");
    po::positional_options_description positional;
    positional.add("input", 1);
    const po::variables_map vm = parse_command_line(args, named, named, positional);
    if (options.format != "jsonl" && options.format != "csv")
        throw UsageError("--format", "must be jsonl or csv");
    if (options.k == 0 || options.k > 100) throw UsageError("--k", "must be between 1 and 100");
    if (!options.lang.empty() && !parse_lang(options.lang))
        throw UsageError("--lang", "must be ar, fr or en");
    options.xlang = vm.count("no-xlang") == 0;
    return options;
}

// RFC 4180: quoted when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& value) {
    if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

void write_csv(const std::vector<DocumentParagraph>& paragraphs,
               const std::vector<MatchResult>& results) {
    std::set<std::string> schemes;
    for (const auto& result : results)
        for (const auto& [scheme, _] : result.suggestions) schemes.insert(scheme);
    // A byte-order mark, so spreadsheet programs read the Arabic as UTF-8.
    std::string out = "\xEF\xBB\xBFparagraph,line,lang,text,top_match,top_match_score";
    for (const auto& scheme : schemes) out.append(1, ',').append(csv_field(scheme));
    out += "\r\n";
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        const auto& p = paragraphs[i];
        const auto& r = results[i];
        out.append(csv_field(p.number)).append(1, ',').append(std::to_string(p.line));
        out.append(1, ',').append(lang_code(p.lang)).append(1, ',').append(csv_field(p.text));
        out += ',';
        if (!r.matches.empty()) {
            char score[16];
            std::snprintf(score, sizeof score, "%.3f", r.matches.front().score);
            out.append(csv_field(r.matches.front().record.id)).append(1, ',').append(score);
        } else {
            out += ",";
        }
        for (const auto& scheme : schemes) {
            out += ",";
            const auto it = r.suggestions.find(scheme);
            if (it == r.suggestions.end()) continue;
            for (const auto& s : it->second)
                if (!s.abstain) {
                    char confidence[16];
                    std::snprintf(confidence, sizeof confidence, " (%.2f)", s.confidence);
                    out += csv_field(s.label + confidence);
                    break;
                }
        }
        out += "\r\n";
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
}

}  // namespace

int run_tag(const Args& args) {
    const TagCommandOptions options = parse_options(args);
    // A PDF, a Word or OpenDocument file, or text: by its content, not its name.
    const DocumentText read = read_document(options.input, options.encoding);
    const std::string& document = read.text;
    const Analyzer analyzer;
    const auto paragraphs = split_recommendations(
        document, analyzer,
        options.lang.empty() ? std::nullopt : std::optional<Lang>(*parse_lang(options.lang)));
    Matcher matcher(options.db, analyzer);
    // Who issued the document: its symbol names a committee, a chapeau's formula the mechanism.
    const std::optional<std::string> symbol =
        options.symbol.empty() ? document_symbol(document) : std::optional(options.symbol);
    // The state under review: its sub-paragraphs rarely name it, the document does (its title,
    // « Observations finales concernant le quatrième rapport périodique du Maroc »).
    std::optional<std::string> state;
    std::string state_how;
    if (!options.state.empty()) {
        state = options.state;
    } else if (const auto mention = detect_state(document)) {
        state = mention->state;
        state_how = "the document: " + mention->how;
    }
    // A recommendation the matcher refuses (over its length limit) is reported as file:line:
    // reason and left out; the others are still matched and printed.
    const std::string name = options.input == "-" ? "<stdin>" : options.input;
    std::vector<DocumentParagraph> matched;
    std::vector<MatchResult> results;
    std::size_t refused = 0;
    for (const auto& paragraph : paragraphs) {
        MatchRequest request;
        request.text = paragraph.text;
        request.lang = paragraph.lang;
        request.symbol = symbol;
        request.context = paragraph.context;
        request.k = options.k;
        request.xlang = options.xlang;
        request.state = state;
        request.state_how = state_how;
        try {
            results.push_back(matcher.match(request));
        } catch (const LimitError& e) {
            std::fprintf(stderr, "%s:%zu: recommendation %s: %s\n", name.c_str(), paragraph.line,
                         paragraph.number.empty() ? "(unnumbered)" : paragraph.number.c_str(),
                         e.what());
            ++refused;
            continue;
        }
        matched.push_back(paragraph);
        if (options.format == "jsonl") {
            const std::string line = tagged_paragraph_to_json(paragraph, results.back()) + "\n";
            std::fwrite(line.data(), 1, line.size(), stdout);
        }
    }
    if (options.format == "csv") write_csv(matched, results);
    std::fflush(stdout);  // the output before the summary, when both go to one file
    std::fprintf(stderr, "%zu recommendations found in %s", paragraphs.size(),
                 options.input == "-" ? "stdin" : options.input.c_str());
    if (refused) std::fprintf(stderr, "; %zu refused", refused);
    std::fputc('\n', stderr);
    return matched.empty() ? kExitFailure : kExitOk;
}

}  // namespace tawsiya::cli
