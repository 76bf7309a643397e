// `tawsiya match --db DIR [--input FILE|-]`: for each new recommendation, the prior ones behind it
// and the suggested mechanism, body, responsible bodies and tags, as one JSON line per input.
#include <cstdio>

#include <boost/program_options.hpp>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/list_input.hpp"
#include "engine/match_json.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/match.hpp"

namespace po = boost::program_options;

namespace tawsiya::cli {

namespace {

struct MatchCommandOptions {
    std::string db;
    std::string input = "-";
    std::size_t k = 10;
    std::string lang;
    std::vector<std::string> filters;
    std::string state;
    StateScope state_scope = StateScope::prefer;
    MatchOptions match;
};

MatchCommandOptions parse_options(const Args& args) {
    MatchCommandOptions options;
    po::options_description named(
        "tawsiya match --db DIR [--input FILE|-] [options]\n\n"
        "Input: JSON lines {\"id\", \"text\", \"lang\"?, \"state\"?, \"symbol\"?}; if the first\n"
        "line is not JSON, every line is a text and its line number its id. Output: one JSON\n"
        "line per input, {\"id\", \"state\", \"matches\", \"suggestions\"}. Bad lines are "
        "reported\n"
        "on stderr as file:line: reason and skipped. A line's \"symbol\" is its document's UN\n"
        "symbol (CAT/C/MAR/CO/4 names the committee for the suggestions).\n\n"
        "The state under review (a line's \"state\", else --state, else the state the text names:\n"
        "\"Morocco should\", « Le Maroc devrait ») ranks its prior recommendations "
        "first.\n\n"
        "options");
    named.add_options()                                                                      //
        ("db", po::value(&options.db)->required(), "the index directory")                    //
        ("input", po::value(&options.input), "the new recommendations (default: stdin)")     //
        ("k", po::value(&options.k)->default_value(options.k), "matches per input (1-100)")  //
        ("lang", po::value(&options.lang),
         "the inputs' language (ar, fr, en) when they do not say")  //
        ("filter", po::value(&options.filters)->composing(),
         "facet=label: match only records with it (repeatable; OR within a facet, AND across)")  //
        ("state", po::value(&options.state),
         "the state under review, in any language, for inputs that do not say")     //
        ("only-state", "match the state's records only")                            //
        ("all-states", "rank every state's records alike (the state is not used)")  //
        ("abstain-below",
         po::value(&options.match.abstain_below)
             ->default_value(options.match.abstain_below,
                             plain_number(options.match.abstain_below)),
         "suggestions under this confidence are marked \"abstain\": true")                       //
        ("no-xlang", "match records in the text's language only (no cross-language expansion)")  //
        ("help,h", "this help");
    po::positional_options_description positional;
    positional.add("input", 1);
    const po::variables_map vm = parse_command_line(args, named, named, positional);
    options.match.xlang = vm.count("no-xlang") == 0;
    if (vm.count("only-state") && vm.count("all-states"))
        throw UsageError("--only-state", "cannot be combined with --all-states");
    if (vm.count("only-state")) options.state_scope = StateScope::only;
    if (vm.count("all-states")) options.state_scope = StateScope::any;
    if (!options.lang.empty() && !parse_lang(options.lang))
        throw UsageError("--lang", "must be ar, fr or en");
    if (options.k == 0 || options.k > options.match.max_k)
        throw UsageError("--k", "must be between 1 and " + std::to_string(options.match.max_k));
    if (!(options.match.abstain_below >= 0 && options.match.abstain_below <= 1))
        throw UsageError("--abstain-below", "must be in [0, 1]");
    return options;
}

std::map<std::string, std::vector<std::string>> parse_filters(
    const std::vector<std::string>& specs) {
    std::map<std::string, std::vector<std::string>> filters;
    for (const auto& spec : specs) {
        const auto equals = spec.find('=');
        if (equals == std::string::npos || equals == 0 || equals + 1 == spec.size())
            throw UsageError("--filter", "expected facet=label, got '" + spec + "'");
        filters[spec.substr(0, equals)].push_back(spec.substr(equals + 1));
    }
    return filters;
}

}  // namespace

int run_match(const Args& args) {
    const MatchCommandOptions options = parse_options(args);
    const auto filters = parse_filters(options.filters);
    const Analyzer analyzer;
    Matcher matcher(options.db, analyzer, options.match);

    std::vector<std::string> problems;
    const std::vector<ListItem> items = read_list(options.input, problems);
    for (const auto& problem : problems) std::fprintf(stderr, "%s\n", problem.c_str());
    const std::string name = options.input == "-" ? "<stdin>" : options.input;
    std::size_t written = 0;
    for (const ListItem& item : items) {
        MatchRequest request;
        request.text = item.text;
        request.lang = item.lang ? item.lang : parse_lang(options.lang);
        request.k = options.k;
        request.filters = filters;
        request.state = item.state              ? item.state
                        : options.state.empty() ? std::nullopt
                                                : std::optional(options.state);
        request.state_scope = options.state_scope;
        request.symbol = item.symbol;
        try {
            const std::string line = match_result_to_json(item.id, matcher.match(request));
            std::fwrite(line.data(), 1, line.size(), stdout);
            std::fputc('\n', stdout);
            ++written;
        } catch (const LimitError& e) {
            std::fprintf(stderr, "%s:%zu: %s\n", name.c_str(), item.line, e.what());
        } catch (const UsageError& e) {
            // A filter on no facet is the same for every line: a usage error.
            if (filters.count(e.parameter()) > 0) throw;
            std::fprintf(stderr, "%s:%zu: %s\n", name.c_str(), item.line, e.what());
        }
    }
    std::fflush(stdout);
    return written > 0 || (items.empty() && problems.empty()) ? kExitOk : kExitFailure;
}

}  // namespace tawsiya::cli
