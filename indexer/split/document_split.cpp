// The splitter (document_split.hpp): one walk over the lines reads the numbering as a sequence
// (paragraphs, items of a list, sub-paragraph letters) into pieces; the document's kind decides
// which pieces are recommendations.
#include "tawsiya/document_split.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

#include "split_markers.hpp"
#include "tawsiya/document_symbol.hpp"
#include "tawsiya/recommendation_text.hpp"
#include "tawsiya/text_scan.hpp"

namespace tawsiya {
namespace {

std::string normalize_line_endings(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out += text[i];
        } else {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;  // CRLF is one line end
        }
    }
    return out;
}

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\f\v");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\f\v") - first + 1);
}

// A part of the document as its numbering delimits it.
struct Piece {
    enum class Kind { paragraph, item, letter, plain } kind = Kind::plain;
    int paragraph = 0;   // the paragraph it is or belongs to (0: before any)
    int item = 0;        // for an item, its number in the list
    std::string letter;  // for a sub-paragraph, its letter
    std::string text;
    std::size_t line = 0;
};

void append(std::string& text, std::string_view part) {
    part = trim(part);
    if (part.empty()) return;
    if (!text.empty()) text += ' ';
    text += part;
}

char last_char(const std::string& s) {
    return s.empty() ? '\0' : s.back();
}

bool is_heading(std::string_view text) {
    // Short lines without a stop: "C. Principal subjects of concern", "Torture".
    return text.size() < 90 && text.find_first_of(".;:؛") == std::string_view::npos;
}

// "The recommendations listed above enjoy the support of Morocco.": a sentence closing a list.
bool closes_list(std::string_view text) {
    for (const std::string_view lead : {"The ", "All ", "These "})
        if (scan::equals_at_icase(text, 0, lead) &&
            (scan::equals_at_icase(text, lead.size(), "recommendations") ||
             scan::equals_at_icase(text, lead.size(), "conclusions")))
            return true;
    return false;
}

// A table of contents line: dot leaders ("Recommendations ........ 60-62 16").
bool in_contents(std::string_view line) {
    return line.find("....") != std::string_view::npos ||
           line.find("\xE2\x80\xA6\xE2\x80\xA6") != std::string_view::npos;  // "……"
}

// The walk: each line is cut where a mark that continues the numbering stands, at its start or
// after the ";", "." or ":" ending the part before.
class Walker {
  public:
    explicit Walker(bool lists_continue_after_blank) : keep_open_(lists_continue_after_blank) {}

    void line(std::string_view line, std::size_t number) {
        if (split::is_page_furniture(line) || in_contents(line)) return;
        if (trim(line).empty()) {
            gap_ = true;
            return;
        }
        std::size_t copied = 0;  // the text before it is in the open piece
        std::size_t text = 0;
        const std::size_t start = scan::skip_spaces(line);
        if (try_mark(line, start, true, number, 0, text))
            copied = text;
        else
            start_text_line(line.substr(start), number);
        // Marks inside the line: after ";", "." or ":" and a blank; the next letter of a
        // sequence, "(c)", after any blank ("... it recommended (c) that ...").
        for (std::size_t at = line.find_first_of(";.:(", copied); at != std::string_view::npos;
             at = line.find_first_of(";.:(", at + 1)) {
            std::size_t candidate = at;
            if (line[at] == '(') {
                if (at == 0 || (line[at - 1] != ' ' && line[at - 1] != '\t')) continue;
            } else {
                if (at + 1 >= line.size() || (line[at + 1] != ' ' && line[at + 1] != '\t'))
                    continue;
                candidate = scan::skip_spaces(line, at + 1);
            }
            if (candidate >= line.size()) break;
            if (try_mark(line, candidate, false, number, copied, text)) {
                copied = text;
                at = text == 0 ? 0 : text - 1;
            }
        }
        if (copied < line.size() && !pieces_.empty())
            append(pieces_.back().text, line.substr(copied));
        gap_ = false;
    }

    std::vector<Piece> take() { return std::move(pieces_); }

  private:
    // A line that starts without a mark continues the open piece; after a blank line, a line
    // that starts a sentence starts an unnumbered piece instead (in a UPR report's list, only a
    // sentence closing the list does: page breaks fall inside items).
    void start_text_line(std::string_view line, std::size_t number) {
        if (!pieces_.empty()) {
            const Piece& open = pieces_.back();
            // "The recommendations listed above enjoy the support of ...": the list is closed.
            const bool closing = keep_open_ && closes_list(line) && !trim(open.text).empty();
            if (!closing && (!gap_ || trim(open.text).empty())) return;
            const bool sentence = !line.empty() && (scan::is_upper(line[0]) ||
                                                    static_cast<unsigned char>(line[0]) >= 0x80);
            if (!closing && (keep_open_ ? !is_heading(line) : !sentence)) return;
        }
        Piece piece;
        piece.kind = Piece::Kind::plain;
        piece.paragraph = paragraph_;
        piece.line = number;
        pieces_.push_back(std::move(piece));
        letters_ = -1;
    }

    // The last character of the open piece's text as it will be when the text before `at` is
    // added, and whether that text is empty (without copying it: lines may be long).
    char end_before(std::string_view line, std::size_t copied, std::size_t at, bool& empty) const {
        const std::string_view added = at > copied ? trim(line.substr(copied, at - copied)) : "";
        const std::string& open = pieces_.empty() ? std::string() : pieces_.back().text;
        empty = added.empty() && open.empty();
        return added.empty() ? last_char(open) : added.back();
    }

    bool try_mark(std::string_view line, std::size_t at, bool line_start, std::size_t number,
                  std::size_t copied, std::size_t& text) {
        bool empty = true;
        const char end = end_before(line, line_start ? at : copied, at, empty);
        const auto flush = [&] {
            if (!line_start && at > copied && !pieces_.empty())
                append(pieces_.back().text, line.substr(copied, at - copied));
        };
        if (const auto n = split::number_at(line, at)) {
            if (const auto kind = accept_number(*n, line_start, end, empty)) {
                flush();
                Piece piece;
                piece.kind = *kind;
                piece.paragraph = paragraph_;
                piece.item = kind == Piece::Kind::item ? item_ : 0;
                piece.line = number;
                pieces_.push_back(std::move(piece));
                letters_ = -1;
                text = n->text;
                return true;
            }
        }
        if (const auto l = split::letter_at(line, at)) {
            // "recommended that Viet Nam (a) increase ...; (b) bring ...": a first letter inside a
            // sentence opens sub-paragraphs when the second follows on the line.
            // (Not after a number: "paragraph 15 (a) and (b)" cites sub-paragraphs.)
            std::size_t before = at;
            while (before > 0 && (line[before - 1] == ' ' || line[before - 1] == '\t')) --before;
            const bool second_follows = line[at] == '(' && l->ordinal == 0 && before > 0 &&
                                        !scan::is_digit(line[before - 1]) &&
                                        second_letter_after(line, l->text, l->script);
            if (accept_letter(*l, line_start, end, line[at] == '(', second_follows)) {
                flush();
                Piece piece;
                piece.kind = Piece::Kind::letter;
                piece.paragraph = paragraph_;
                piece.item = item_;
                piece.letter = l->label;
                piece.line = number;
                pieces_.push_back(std::move(piece));
                text = l->text;
                return true;
            }
        }
        return false;
    }

    std::optional<Piece::Kind> accept_number(const split::NumberMark& n, bool line_start, char end,
                                             bool nothing_before) {
        const bool chapeau = end == ':';
        if (n.second >= 0) {  // "129.51"
            const int a = n.first, b = n.second;
            const bool continues =
                a == paragraph_ && b > item_ && (b == item_ + 1 || (line_start && b <= item_ + 3));
            // A list's first item, "129.1"; at a line's start, where the text given starts
            // (an excerpt may begin at "129.50"), or under its paragraph's introduction.
            const bool opens = (b == 1 && a > paragraph_ && a <= paragraph_ + 3) ||
                               (line_start && (paragraph_ == 0 || (a == paragraph_ && item_ == 0)));
            if (!continues && !opens) return std::nullopt;
            paragraph_ = a;
            item_ = b;
            dotted_ = true;
            return Piece::Kind::item;
        }
        const int m = n.first;
        // A list under the paragraph runs on: "7." after "6." (not after "129.6").
        if (item_ > 0 && !dotted_ && m == item_ + 1) {
            item_ = m;
            return Piece::Kind::item;
        }
        // The next paragraph; at a line's start a few may be missing from the extraction.
        const bool next =
            m == paragraph_ + 1 ||
            (line_start && (paragraph_ == 0 || (m > paragraph_ && m <= paragraph_ + 5)));
        if (next && (line_start || end == '.' || end == ';' || end == ':' || end == '\0')) {
            // A list may run on under the next paragraph: "87. ...: 21." after "20.".
            if (item_ > 0 && !dotted_) last_list_ = item_;
            paragraph_ = m;
            item_ = 0;
            return Piece::Kind::paragraph;
        }
        // A list opens under the paragraph ("60. ... made to France: 1. To ..."), its numbering
        // starting at 1 or running on from the list before.
        const bool opens = paragraph_ > 0 && item_ == 0 && !pieces_.empty() &&
                           pieces_.back().kind != Piece::Kind::letter &&
                           (m == 1 || (last_list_ > 0 && m == last_list_ + 1));
        if (opens && (chapeau || (line_start && !nothing_before))) {
            item_ = m;
            dotted_ = false;
            last_list_ = 0;
            return Piece::Kind::item;
        }
        return std::nullopt;
    }

    // Whether "(b) " ("(ب) ") stands in `line` after `from`. The first one after the last
    // search is kept, so that a line dense with "(a)" is searched once: linear time.
    bool second_letter_after(std::string_view line, std::size_t from,
                             split::LetterMark::Script script) {
        Found& found = found_[script == split::LetterMark::Script::abjad ? 1 : 0];
        if (found.line != line.data() || found.from > from) {
            found.line = line.data();
            found.at =
                line.find(script == split::LetterMark::Script::abjad ? "(ب) " : "(b) ", from);
        }
        found.from = from;
        if (found.at != std::string_view::npos && found.at < from)
            found.at =
                line.find(script == split::LetterMark::Script::abjad ? "(ب) " : "(b) ", from);
        return found.at != std::string_view::npos;
    }

    bool accept_letter(const split::LetterMark& l, bool line_start, char end, bool parenthesized,
                       bool second_follows) {
        if (pieces_.empty()) return false;
        const bool same_script = l.script == script_;
        const bool next = letters_ >= 0 && same_script &&
                          (roman_ ? l.roman == letters_ + 1 : l.ordinal == letters_ + 1);
        if (next &&
            (line_start || parenthesized || end == ';' || end == '.' || end == ':' || end == ',')) {
            letters_ = roman_ ? l.roman : l.ordinal;
            return true;
        }
        // The first letter: "(a)" or "(i)" (when no Latin letters run), after a chapeau.
        if (letters_ >= 0 && !roman_) return false;  // "(i)" inside "(a)" is its text
        const bool first = l.ordinal == 0 || (l.roman == 0 && letters_ < 0);
        if (!first || !(line_start || end == ':' || (l.ordinal == 0 && second_follows)))
            return false;
        if (pieces_.back().kind == Piece::Kind::letter) return false;
        script_ = l.script;
        roman_ = l.ordinal != 0;
        letters_ = 0;
        return true;
    }

    std::vector<Piece> pieces_;
    bool keep_open_;
    bool gap_ = false;
    int paragraph_ = 0, item_ = 0, last_list_ = 0;
    bool dotted_ = false;  // the list's items are numbered "129.4", not "4."
    struct Found {
        const char* line = nullptr;
        std::size_t from = 0, at = std::string_view::npos;
    } found_[2];        // second_letter_after's last answer, for Latin and abjad letters
    int letters_ = -1;  // the last letter's rank under the open paragraph or item, -1: none
    bool roman_ = false;
    split::LetterMark::Script script_ = split::LetterMark::Script::latin;
};

// --- The document's kind and sections ---------------------------------------------------------

// "II. Conclusions and/or recommendations", in English, French or Arabic.
bool is_upr_heading(std::string_view line) {
    if (in_contents(line)) return false;
    if (line.find("الاستنتاجات و/أو التوصيات") != std::string_view::npos) return true;
    for (const std::string_view phrase :
         {"conclusions and/or recommendations", "conclusions et/ou recommandations"}) {
        const bool has = scan::contains_icase(line, phrase);
        // "All conclusions and/or recommendations contained in the present report ..." closes.
        if (has && !scan::contains_icase(line, "contained") &&
            !scan::contains_icase(line, "contenues"))
            return true;
    }
    return false;
}

// The Working Group's formulas that open its conclusions: "82. The recommendations formulated
// during the interactive dialogue have been examined by ...", "60. In the course of the
// discussion, the following recommendations were made to France:".
bool opens_upr_conclusions(std::string_view line) {
    const auto mark = split::number_at(line, scan::skip_spaces(line));
    if (!mark) return false;
    const std::string_view text = line.substr(mark->text);
    return scan::equals_at_icase(text, 0, "The recommendations formulated") ||
           scan::equals_at_icase(text, 0,
                                 "In the course of the discussion, the following recommendations");
}

// The end of a UPR report's conclusions: the next chapter, the annex, the closing paragraph.
bool ends_upr_section(std::string_view line) {
    const std::string_view t = trim(line);
    for (const std::string_view chapter : {"III.", "IV.", "III ", "IV "})
        if (scan::equals_at_icase(t, 0, chapter)) return true;
    if (scan::word_at(t, 0, "annex", true) || scan::word_at(t, 0, "annexe", true)) return true;
    // The heading "Voluntary commitments of the State under review" (after "III." it ended
    // already), not an item that mentions them.
    if (t.size() > 0 && (t[0] == 'V' || t[0] == 'E') &&
        (scan::equals_at_icase(t, 0, "voluntary commitments") ||
         scan::equals_at_icase(t, 0, "engagements volontaires")))
        return true;
    return (scan::contains_icase(t, "conclusions and/or recommendations") &&
            scan::contains_icase(t, "contained")) ||
           (scan::contains_icase(t, "conclusions et/ou recommandations") &&
            scan::contains_icase(t, "contenues"));
}

// "V. Recommendations", "B. Conclusions and recommendations", « Recommandations », "التوصيات".
bool is_recommendations_heading(std::string_view line) {
    if (in_contents(line)) return false;
    std::string_view t = trim(line);
    // A chapter mark in front: "V.", "B.", "IV -".
    std::size_t at = 0;
    while (at < t.size() && (scan::is_upper(t[at]) || scan::is_digit(t[at])) && at < 5) ++at;
    if (at > 0 && at < t.size() && (t[at] == '.' || t[at] == '-')) t = trim(t.substr(at + 1));
    while (!t.empty() && (t.back() == ':' || t.back() == '.' || t.back() == '*'))
        t.remove_suffix(1);
    t = trim(t);
    for (const std::string_view heading :
         {"recommendations", "conclusions and recommendations", "recommandations",
          "conclusions et recommandations", "التوصيات", "الاستنتاجات والتوصيات"})
        if (t.size() == heading.size() && scan::equals_at_icase(t, 0, heading)) return true;
    return false;
}

bool says_concluding_observations(std::string_view opening) {
    return scan::contains_icase(opening, "concluding observations") ||
           scan::contains_icase(opening, "observations finales") ||
           opening.find("الملاحظات الختامية") != std::string_view::npos;
}

bool says_special_procedure(std::string_view opening) {
    return scan::contains_any_icase(
               opening, {"special rapporteur", "independent expert", "working group on",
                         "rapporteur spécial", "rapporteuse spéciale", "expert indépendant",
                         "groupe de travail sur"}) ||
           opening.find("المقرر الخاص") != std::string_view::npos ||
           opening.find("المقررة الخاصة") != std::string_view::npos ||
           opening.find("الخبير المستقل") != std::string_view::npos;
}

// The committee a document names itself by, in its title or its first paragraphs.
std::string committee_named(std::string_view opening) {
    static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
        {"Committee against Torture", "CAT"},
        {"Comité contre la torture", "CAT"},
        {"لجنة مناهضة التعذيب", "CAT"},
        {"Subcommittee on Prevention of Torture", "SPT"},
        {"Human Rights Committee", "CCPR"},
        {"Comité des droits de l'homme", "CCPR"},
        {"Comité des droits de l’homme", "CCPR"},
        {"اللجنة المعنية بحقوق الإنسان", "CCPR"},
        {"Committee on Economic, Social and Cultural Rights", "CESCR"},
        {"Comité des droits économiques, sociaux et culturels", "CESCR"},
        {"اللجنة المعنية بالحقوق الاقتصادية والاجتماعية والثقافية", "CESCR"},
        {"Committee on the Elimination of Discrimination against Women", "CEDAW"},
        {"Comité pour l'élimination de la discrimination à l'égard des femmes", "CEDAW"},
        {"Comité pour l’élimination de la discrimination à l’égard des femmes", "CEDAW"},
        {"اللجنة المعنية بالقضاء على التمييز ضد المرأة", "CEDAW"},
        {"Committee on the Elimination of Racial Discrimination", "CERD"},
        {"Comité pour l'élimination de la discrimination raciale", "CERD"},
        {"Comité pour l’élimination de la discrimination raciale", "CERD"},
        {"لجنة القضاء على التمييز العنصري", "CERD"},
        {"Committee on the Rights of the Child", "CRC"},
        {"Comité des droits de l'enfant", "CRC"},
        {"Comité des droits de l’enfant", "CRC"},
        {"لجنة حقوق الطفل", "CRC"},
        {"Committee on the Rights of Persons with Disabilities", "CRPD"},
        {"Comité des droits des personnes handicapées", "CRPD"},
        {"اللجنة المعنية بحقوق الأشخاص ذوي الإعاقة", "CRPD"},
        {"Committee on Enforced Disappearances", "CED"},
        {"Comité des disparitions forcées", "CED"},
        {"اللجنة المعنية بحالات الاختفاء القسري", "CED"},
        {"Committee on the Protection of the Rights of All Migrant Workers", "CMW"},
        {"Comité pour la protection des droits de tous les travailleurs migrants", "CMW"},
        {"اللجنة المعنية بحماية حقوق جميع العمال المهاجرين", "CMW"},
    };
    std::size_t best = std::string_view::npos;
    std::string body;
    for (const auto& [name, code] : kNames) {
        // Arabic has no case; the Latin names compare without it.
        std::size_t at = std::string_view::npos;
        for (std::size_t i = 0; i + name.size() <= opening.size(); ++i)
            if (scan::equals_at_icase(opening, i, name)) {
                at = i;
                break;
            }
        if (at < best) {
            best = at;
            body = code;
        }
    }
    return body;
}

bool recommends(std::string_view text) {
    static constexpr std::string_view kArabic[] = {"توصي", "يوصي", "تحث",  "يحث",   "تدعو",
                                                   "يدعو", "تشجع", "تطلب", "ينبغي", "يجب"};
    for (const auto verb : kArabic)
        if (text.find(verb) != std::string_view::npos) return true;
    return scan::contains_word(
        text, {"recommend", "recommends",      "urge",      "urges",      "call on",    "calls on",
               "call upon", "calls upon",      "encourage", "encourages", "request",    "requests",
               "invite",    "invites",         "should",    "must",       "recommande", "exhorte",
               "engage",    "prie instamment", "demande",   "devrait",    "devraient",  "doit"},
        true);
}

std::string number_of(const Piece& p) {
    if (p.kind == Piece::Kind::item)
        return std::to_string(p.paragraph) + "." + std::to_string(p.item);
    return p.paragraph > 0 && p.kind != Piece::Kind::plain ? std::to_string(p.paragraph) : "";
}

struct Issuer {
    std::string mechanism, body;
};

// "27 (b)" or "36": a paragraph of the report, or one of its sub-paragraphs.
struct Reference {
    int paragraph = 0;
    std::string letter;
};

// The paragraphs a sentence refers to: "Recommendations noted in paragraphs 28 (a); 33 (a), (c);
// 36 and 75 (c), (d) in section I above" -> 28 (a), 33 (a), 33 (c), 36, 75 (c), 75 (d). A letter's
// own sub-items ("67 (a), (b) (i) and (ii)") stay with it.
std::vector<Reference> referenced_paragraphs(std::string_view text) {
    std::vector<Reference> out;
    std::size_t at = std::string_view::npos;
    for (std::size_t i = 0; i + 9 <= text.size(); ++i)
        if (scan::equals_at_icase(text, i, "paragraph")) {
            at = i + 9;
            break;
        }
    if (at == std::string_view::npos) return out;
    if (at < text.size() && text[at] == 's') ++at;
    int current = 0;
    bool letters = false;  // the current paragraph was given with letters
    while (at < text.size()) {
        while (at < text.size() &&
               (scan::is_space(text[at]) || text[at] == ',' || text[at] == ';' || text[at] == ':'))
            ++at;
        if (scan::word_at(text, at, "and", true)) {
            at += 3;
            continue;
        }
        if (at < text.size() && scan::is_digit(text[at])) {
            const std::size_t end = scan::skip_digits(text, at);
            if (end - at > 3) break;
            if (current > 0 && !letters) out.push_back({current, ""});
            current = std::stoi(std::string(text.substr(at, end - at)));
            letters = false;
            at = end;
            continue;
        }
        if (current > 0 && at < text.size() && text[at] == '(') {
            const std::size_t close = text.find(')', at);
            if (close == std::string_view::npos || close - at > 8) break;
            // The letter as it would open a sub-paragraph ("(b)," is followed by a comma here).
            const auto mark = split::letter_at(std::string(text.substr(at, close + 1 - at)), 0);
            if (!mark) break;
            // A roman numeral after a letter is that letter's sub-item ("(b) (i)"), unless it is
            // the letter after it ("(h), (i)").
            const bool follows = !out.empty() && out.back().letter.size() == 1 &&
                                 mark->label.size() == 1 &&
                                 mark->label[0] == out.back().letter[0] + 1;
            const bool sub_item = letters && mark->roman >= 0 && !follows;
            if (!sub_item) {
                out.push_back({current, mark->label});
                letters = true;
            }
            at = close + 1;
            continue;
        }
        break;
    }
    if (current > 0 && !letters) out.push_back({current, ""});
    return out;
}

}  // namespace

SplitDocument split_document(std::string_view input, const Analyzer& analyzer,
                             std::optional<Lang> lang) {
    const std::string document = normalize_line_endings(input);
    SplitDocument out;
    out.symbol = document_symbol(document);
    const Lang language =
        lang ? *lang : analyzer.detect_language(std::string_view(document).substr(0, 20000));

    std::vector<std::pair<std::string_view, std::size_t>> lines;  // line, its number
    for (std::size_t start = 0, number = 1; start <= document.size(); ++number) {
        const std::size_t end = std::min(document.find('\n', start), document.size());
        lines.emplace_back(std::string_view(document).substr(start, end - start), number);
        start = end + 1;
    }

    // The kind, and the lines where its recommendations are.
    std::size_t first = 0, last = lines.size();
    const std::string_view opening = std::string_view(document).substr(0, 3000);
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (is_upr_heading(lines[i].first)) {
            out.kind = DocumentKind::upr_report;
            first = i + 1;
            break;
        }
    if (out.kind != DocumentKind::upr_report) {
        // The heading lost in extraction: the contents name the section, and its first
        // paragraph opens with the Working Group's formula.
        bool contents = false;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (!contents) {
                contents =
                    in_contents(lines[i].first) &&
                    scan::contains_icase(lines[i].first, "conclusions and/or recommendations");
                continue;
            }
            if (opens_upr_conclusions(lines[i].first)) {
                out.kind = DocumentKind::upr_report;
                first = i;
                break;
            }
        }
    }
    if (out.kind == DocumentKind::upr_report) {
        for (std::size_t i = first; i < lines.size(); ++i)
            if (ends_upr_section(lines[i].first)) {
                last = i;
                break;
            }
    } else {
        const auto issuer = out.symbol ? symbol_issuer(*out.symbol) : std::nullopt;
        const bool treaty_body = (issuer && issuer->mechanisms.size() == 1 &&
                                  issuer->mechanisms.front() == "treaty_body") ||
                                 says_concluding_observations(opening);
        if (treaty_body) {
            out.kind = DocumentKind::concluding_observations;
        } else {
            for (std::size_t i = 0; i < lines.size(); ++i)
                if (is_recommendations_heading(lines[i].first)) {
                    out.kind = DocumentKind::special_procedure;
                    first = i + 1;
                    break;
                }
            if (out.kind != DocumentKind::special_procedure && says_special_procedure(opening))
                out.kind = DocumentKind::special_procedure;
        }
    }

    const bool upr = out.kind == DocumentKind::upr_report;
    Walker walker(upr);
    for (std::size_t i = first; i < last; ++i) walker.line(lines[i].first, lines[i].second);
    const std::vector<Piece> pieces = walker.take();
    // A UPR report's first part, where the conclusions may refer to the recommendations of the
    // dialogue by their paragraphs.
    std::vector<Piece> dialogue;
    std::map<int, std::size_t> dialogue_paragraph;  // its number -> its piece
    if (upr) {
        Walker before(false);
        for (std::size_t i = 0; i + 1 < first; ++i) before.line(lines[i].first, lines[i].second);
        dialogue = before.take();
        for (std::size_t d = 0; d < dialogue.size(); ++d)
            if (dialogue[d].kind == Piece::Kind::paragraph)
                dialogue_paragraph.emplace(dialogue[d].paragraph, d);
    }

    // Who issued the recommendations, as the symbol or the document says.
    Issuer document_issuer;
    if (upr) {
        document_issuer = {"upr", "UPR"};
    } else if (const auto issuer = out.symbol ? symbol_issuer(*out.symbol) : std::nullopt;
               issuer && issuer->mechanisms.size() == 1) {
        document_issuer = {issuer->mechanisms.front(), issuer->body};
    } else if (out.kind == DocumentKind::concluding_observations) {
        document_issuer = {"treaty_body", committee_named(opening)};
    } else if (out.kind == DocumentKind::special_procedure) {
        document_issuer = {"special_procedure", ""};
    }
    const auto issuer_of = [&](std::string_view context, std::string_view text) {
        if (!document_issuer.mechanism.empty()) return document_issuer;
        FormulaWriter writer = addressing_formula_writer(context);
        if (writer == FormulaWriter::unknown) writer = addressing_formula_writer(text);
        if (writer == FormulaWriter::treaty_body)
            return Issuer{"treaty_body", committee_named(opening)};
        if (writer == FormulaWriter::special_procedure) return Issuer{"special_procedure", ""};
        return Issuer{};
    };
    const auto emit = [&](std::string number, std::string text, std::string context,
                          std::size_t line) {
        const Issuer issuer = issuer_of(context, text);
        DocumentParagraph p;
        p.number = std::move(number);
        p.text = std::move(text);
        p.context = std::move(context);
        p.line = line;
        p.lang = language;
        p.mechanism = issuer.mechanism;
        p.body = issuer.body;
        out.paragraphs.push_back(std::move(p));
    };

    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Piece& piece = pieces[i];
        if (piece.kind == Piece::Kind::letter) continue;  // taken with the piece they belong to
        std::size_t j = i + 1;
        while (j < pieces.size() && pieces[j].kind == Piece::Kind::letter) ++j;
        // The chapeau of an item is its paragraph's text ("129. The recommendations ... below
        // enjoy the support of Morocco:").
        std::string chapeau;
        if (piece.kind == Piece::Kind::item)
            for (std::size_t k = i; k-- > 0;)
                if (pieces[k].kind == Piece::Kind::paragraph) {
                    if (pieces[k].paragraph == piece.paragraph) chapeau = pieces[k].text;
                    break;
                }
        if (upr && piece.kind != Piece::Kind::item) {
            // "Recommendations noted in paragraphs 28 (a); 33 (a) ... above": those
            // sub-paragraphs of the dialogue are recommendations of the report too.
            if (scan::contains_icase(piece.text, "recommendations") &&
                scan::contains_icase(piece.text, "paragraph"))
                for (const Reference& ref : referenced_paragraphs(piece.text)) {
                    const auto found = dialogue_paragraph.find(ref.paragraph);
                    if (found == dialogue_paragraph.end()) continue;
                    {
                        const std::size_t d = found->second;
                        const Piece& p = dialogue[d];
                        std::string text = ref.letter.empty() ? p.text : "";
                        std::size_t line = p.line;
                        for (std::size_t e = d + 1;
                             e < dialogue.size() && dialogue[e].kind == Piece::Kind::letter; ++e) {
                            if (ref.letter.empty())
                                append(text, "(" + dialogue[e].letter + ") " + dialogue[e].text);
                            else if (dialogue[e].letter == ref.letter) {
                                text = dialogue[e].text;
                                line = dialogue[e].line;
                            }
                        }
                        if (!trim(text).empty())
                            emit(std::to_string(ref.paragraph) +
                                     (ref.letter.empty() ? "" : " (" + ref.letter + ")"),
                                 std::move(text), piece.text, line);
                    }
                }
            continue;
        }
        if (upr) {
            // A UPR item is one recommendation, its sub-items "(a)", "(b)" included.
            std::string text = piece.text;
            for (std::size_t k = i + 1; k < j; ++k)
                append(text, "(" + pieces[k].letter + ") " + pieces[k].text);
            if (trim(text).empty()) continue;
            emit(number_of(piece), std::move(text), chapeau, piece.line);
            // The sentence closing the list may state the response.
            for (std::size_t k = j; k < pieces.size(); ++k) {
                if (pieces[k].kind == Piece::Kind::letter) continue;
                if (pieces[k].kind == Piece::Kind::plain && closes_list(pieces[k].text)) {
                    out.paragraphs.back().note = pieces[k].text;
                    break;
                }
                if (pieces[k].kind != Piece::Kind::item) break;
            }
            i = j - 1;
            continue;
        }
        if (j > i + 1) {  // sub-paragraphs: each one recommendation under its chapeau
            const bool chapeau_recommends = recommends(piece.text) || recommends(chapeau);
            const std::string context = chapeau.empty() ? piece.text : chapeau + " " + piece.text;
            for (std::size_t k = i + 1; k < j; ++k) {
                if (!chapeau_recommends && !recommends(pieces[k].text)) continue;
                if (trim(pieces[k].text).empty()) continue;
                const std::string number = number_of(piece);
                emit(number.empty() ? "(" + pieces[k].letter + ")"
                                    : number + " (" + pieces[k].letter + ")",
                     pieces[k].text, context, pieces[k].line);
            }
            i = j - 1;
            continue;
        }
        if (piece.text.empty() || is_heading(piece.text)) continue;
        const bool item_under_recommendation =
            piece.kind == Piece::Kind::item && recommends(chapeau);
        if (item_under_recommendation || recommends(piece.text))
            emit(number_of(piece), piece.text, chapeau, piece.line);
    }
    return out;
}

std::vector<DocumentParagraph> split_recommendations(std::string_view document,
                                                     const Analyzer& analyzer,
                                                     std::optional<Lang> lang) {
    return split_document(document, analyzer, lang).paragraphs;
}

std::optional<std::string> document_symbol(std::string_view document) {
    // A page header: the symbol, the distribution, the date and the title's first lines.
    constexpr std::size_t kOpening = 600;
    std::size_t end = std::min(document.size(), kOpening);
    while (end < document.size() && (static_cast<unsigned char>(document[end]) & 0xC0) == 0x80)
        ++end;  // not inside a UTF-8 character
    return find_document_symbol(document.substr(0, end));
}

}  // namespace tawsiya
