// The tag endpoints: a document's recommendations, split and each matched and tagged. The text
// comes as JSON (POST /api/tag) or as the file staff received (POST /api/tag/file: a PDF, a Word
// .docx, an OpenDocument .odt or text, read by its content with the readers of `tawsiya tag`).
// A split may be asked for alone ("match": false), reviewed (segments merged, split, dropped), and
// the reviewed segments sent back to be matched. They write nothing, like the other POST routes.
#pragma once

#include <string>
#include <string_view>

#include "http/batch_handlers.hpp"
#include "http/url_codec.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/match.hpp"

namespace tawsiya::http {

// POST /api/tag, one of:
//   {"text": document, "lang"?, "k"?, "symbol"?, "state"?, "match"?: true}
//     -> the document split, each recommendation matched (the split only when "match" is false);
//   {"segments": [{"text", "paragraph"?, "context"?, "lang"?, "line"?, "page"?}], "symbol"?,
//    "state"?, "k"?} -> each segment matched as given (a split staff have reviewed).
// Answer: {"kind"?, "symbol"?, "state"?: {"name", "how"}, "paragraphs": [tag_json.hpp]}.
std::string handle_tag(Matcher& matcher, const Analyzer& analyzer, std::string_view body,
                       const BatchLimits& limits);

// POST /api/tag/file?lang=&k=&symbol=&state=&match=0 with the file as the body (not a form);
// a text file's encoding is the Content-Type's charset, else UTF-8 (Mac Roman when not valid).
// The same answer, with "file": {"format", "bytes", "pages"?} and each paragraph's "page" for a
// PDF. A file that cannot be read is a UsageError("file", reason): damaged, encrypted, a scan
// without text, an old .doc, a spreadsheet.
std::string handle_tag_file(Matcher& matcher, const Analyzer& analyzer, std::string_view body,
                            std::string_view content_type, const QueryParams& params,
                            const BatchLimits& limits);

}  // namespace tawsiya::http
