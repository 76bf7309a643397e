// The splitter (document_split.hpp): one walk over the lines reads the numbering as a sequence
// (paragraphs, items of a list, sub-paragraph letters) into pieces; the document's kind decides
// which pieces are recommendations.
#include "tawsiya/document_split.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

#include "../readers/text_decoding.hpp"
#include "document_wording.hpp"
#include "split_markers.hpp"
#include "tawsiya/document_symbol.hpp"
#include "tawsiya/recommendation_text.hpp"
#include "tawsiya/text_scan.hpp"

namespace tawsiya {
namespace {

using namespace split;  // the marks and the wording the walk reads

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

std::string number_of(const Piece& p) {
    if (p.kind == Piece::Kind::item)
        return std::to_string(p.paragraph) + "." + std::to_string(p.item);
    return p.paragraph > 0 && p.kind != Piece::Kind::plain ? std::to_string(p.paragraph) : "";
}

struct Issuer {
    std::string mechanism, body;
};

}  // namespace

SplitDocument split_document(std::string_view input, const Analyzer& analyzer,
                             std::optional<Lang> lang) {
    // The one place where text enters the splitter: CRLF and a lone CR become LF here.
    const std::string document = readers::normalize_line_endings(input);
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
