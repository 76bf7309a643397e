#include "document_wording.hpp"

#include <iterator>
#include <utility>

#include "split_markers.hpp"
#include "tawsiya/text_scan.hpp"

namespace tawsiya::split {

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

}  // namespace tawsiya::split
