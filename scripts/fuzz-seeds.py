#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora, built from the project's corpus/sample.jsonl, into
OUT/<target>/. Seeds are generated at run time, never committed: the sample is the one source,
and ../shared/corpus stays out of the repository."""
import argparse
import hashlib
import json
import pathlib
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent


def write(out, target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = out / target
    folder.mkdir(parents=True, exist_ok=True)
    # Named by content, as libFuzzer names its own corpus files: reruns do not pile up copies.
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def csv_field(value):
    value = str(value)
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=pathlib.Path)
    out = parser.parse_args().out
    lines = (ROOT / "corpus/sample.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]

    for line in lines:
        write(out, "record_json_fuzz", line)
    for i in range(0, len(lines), 8):
        write(out, "jsonl_fuzz", "\n".join(lines[i:i + 8]) + "\n")

    upr = [r for r in records if r.get("mechanism") == "upr" and "en" in r.get("text", {})]
    header = "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session"
    for i in range(0, len(upr), 6):
        rows = [header]
        for r in upr[i:i + 6]:
            rows.append(",".join(csv_field(v) for v in [
                r.get("state", ""), "", "", r["text"]["en"],
                ", ".join(r.get("recommending_states", [])), "", "",
                "Accepted" if r.get("response") == "supported" else "Noted", "4",
                ",".join(r.get("tags", {}).get("uhri_theme", [])), r.get("session", "")]))
        write(out, "uprinfo_csv_fuzz", "\r".join(rows) + "\r")

    # UN report text in both numberings (the reader's two styles), from the UPR records.
    by_state = {}
    for r in upr:
        by_state.setdefault(r.get("state", ""), []).append(r)
    for state, group in by_state.items():
        body = [" United Nations ", " A/HRC/21/99 ", " General Assembly ",
                f"1. The Working Group on the Universal Periodic Review held its thirteenth "
                f"session from 21 May to 4 June 2012. The review of {state} was held.",
                " II. Conclusions and/or recommendations ",
                f"129. The recommendations formulated during the interactive dialogue, listed "
                f"below, have been examined by {state} and enjoy the support of {state}: "]
        for n, r in enumerate(group, 1):
            states = ", ".join(r.get("recommending_states", [])) or "France"
            body.append(f" 129.{n}. {r['text']['en']} ({states}); ")
            if n == 2:
                body += ["GE.12-14883 ", "17 ", "A/HRC/21/99 "]
        body.append(" III. Voluntary pledges and commitments ")
        write(out, "un_report_fuzz", "\r".join(body) + "\r")
        old = [" A/HRC/8/99 ", "II. Conclusions and/or recommendations",
               f"75. In the course of the discussion, the following recommendations were made "
               f"to {state}:"]
        old += [f"{n}. {r['text']['en']} ({', '.join(r.get('recommending_states', []))});"
                for n, r in enumerate(group, 1)]
        old.append(f"76. The response of {state} to these recommendations will be included.")
        write(out, "un_report_fuzz", "\n".join(old) + "\n")

    # Documents to split and texts to analyze, per language: numbered paragraphs with a chapeau
    # and lettered sub-paragraphs, as concluding observations have them.
    for lang in ("en", "fr", "ar"):
        texts = [r["text"][lang] for r in records if lang in r.get("text", {})]
        for text in texts:
            write(out, "analyzer_fuzz", text)
        for i in range(0, len(texts), 5):
            chunk = texts[i:i + 5]
            doc = [f"CAT/C/TUN/CO/{i // 5 + 1}", "Concluding observations", ""]
            doc += [f"{12 + n}. {t}" for n, t in enumerate(chunk[:-2])]
            if len(chunk) >= 2:
                doc.append(f"{20}. The Committee recommends that the State party:")
                doc += [f"({chr(97 + n)}) {t}" for n, t in enumerate(chunk[-2:])]
            document = "\n".join(doc) + "\n"
            write(out, "document_split_fuzz", document)
            write(out, "http_batch_fuzz", b"\x01" + json.dumps(
                {"text": document, "lang": lang, "k": 3}, ensure_ascii=False).encode())
        for i in range(0, len(texts), 10):
            items = [{"id": str(n), "text": t, "lang": lang} for n, t in enumerate(texts[i:i + 10])]
            write(out, "http_batch_fuzz", b"\x02" + json.dumps(
                {"items": items, "threshold": 0.25}, ensure_ascii=False).encode())

    # Word and OpenDocument XML (office_xml_fuzz: parts separated by "--part--"), numbered
    # paragraphs and lettered sub-paragraphs; the committed fixtures as whole files
    # (document_fuzz).
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering = (f'<w:numbering {w}><w:abstractNum w:abstractNumId="0">'
                 '<w:lvl w:ilvl="0"><w:start w:val="12"/><w:numFmt w:val="decimal"/>'
                 '<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:numFmt '
                 'w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    styles = (f'<w:styles {w}><w:style w:styleId="List"><w:pPr><w:numPr><w:numId w:val="1"/>'
              '</w:numPr></w:pPr></w:style></w:styles>')
    t = 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    o = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    s = 'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
    for lang in ("en", "fr", "ar"):
        texts = [r["text"][lang] for r in records if lang in r.get("text", {})]
        for i in range(0, len(texts), 4):
            chunk = [t_.replace("&", "&amp;").replace("<", "&lt;") for t_ in texts[i:i + 4]]
            paragraphs = "".join(
                f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{n % 2}"/><w:numId w:val="1"/></w:numPr>'
                f'</w:pPr><w:r><w:t>{x}</w:t></w:r></w:p>' for n, x in enumerate(chunk))
            document = f'<w:document {w}><w:body>{paragraphs}</w:body></w:document>'
            write(out, "office_xml_fuzz",
                  "\x00" + "\n--part--\n".join([document, numbering, styles]))
            items = "".join(f"<text:list-item><text:p>{x}</text:p></text:list-item>"
                            for x in chunk)
            content = (f'<office:document-content {o} {t} {s}><office:automatic-styles>'
                       '<text:list-style style:name="L1"><text:list-level-style-number '
                       'text:level="1" style:num-prefix="(" style:num-suffix=")" '
                       'style:num-format="a"/></text:list-style></office:automatic-styles>'
                       '<office:body><office:text><text:list text:style-name="L1">'
                       f'{items}</text:list></office:text></office:body>'
                       '</office:document-content>')
            write(out, "office_xml_fuzz", "\x01" + content)
    for fixture in sorted((ROOT / "tests/fixtures").iterdir()):
        if fixture.suffix in (".pdf", ".docx", ".odt"):
            write(out, "document_fuzz", fixture.read_bytes())

    queries = [json.loads(line) for line in
               (ROOT / "corpus/dev/match-queries.jsonl").read_text(encoding="utf-8").splitlines()
               if line.strip()]
    for q in queries:
        write(out, "http_batch_fuzz", b"\x00" + json.dumps(
            {"text": q["text"], "lang": q.get("lang", "en"), "k": 5}, ensure_ascii=False).encode())
        words = q["text"].split()
        params = [("q", " ".join(words[:4])), ("lang", q.get("lang", "en"))]
        write(out, "search_fuzz", urllib.parse.urlencode(params))
    first = records[0]
    extra = [
        [("q", '"prison overcrowding" AND detent*'), ("sort", "year"), ("page", "2")],
        [("q", "torture NOT death"), ("body", "CAT"), ("year_from", "2010"), ("year_to", "2020")],
        [("q", "body:UPR women"), ("state", first.get("state", "")), ("xlang", "1"),
         ("display", "fr"), ("size", "5"), ("facets", "0")],
        [("q", "réduire surpopulation"), ("lang", "fr"), ("any", "1"), ("ui", "ar")],
        [("q", "tag:sdg 16"), ("sort", "year-asc"), ("response", "supported")],
    ]
    for params in extra:
        query = urllib.parse.urlencode(params)
        write(out, "search_fuzz", query)
        write(out, "url_params_fuzz", "/api/search?" + query)
    write(out, "url_params_fuzz", "/api/records/sample%3Ac001")
    write(out, "url_params_fuzz", "/api/search?q=a+b%20c&lang=ar&q=%D8%A7")


if __name__ == "__main__":
    main()
