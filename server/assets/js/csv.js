// CSV in and out for the "deduplicate a list" panel: reading a list from a .txt or .csv file, and
// writing the clusters for a spreadsheet. RFC 4180, plus what spreadsheet programs actually write:
// a byte-order mark, CRLF, and ";" or tab as the separator (French Excel writes ";").

// The separator of the header line (outside quotes): the most frequent of , ; and tab.
function separatorOf(content) {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of content) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) ++counts[c];
  }
  return Object.keys(counts).reduce((best, c) => (counts[c] > counts[best] ? c : best), ',');
}

// Rows of fields; quoted fields may hold separators, doubled quotes and line breaks.
export function parseCsv(content, separator = separatorOf(content)) {
  const text = content.replace(/^\uFEFF/, '');
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; ++i; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') ++i;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// Non-empty lines, numbered from 1 (the ids the clusters show).
export function itemsOfLines(content) {
  return content.replace(/^\uFEFF/, '').split(/\r?\n/).map((text, i) => ({ id: String(i + 1), text: text.trim() })).filter((item) => item.text);
}

// A .csv file's "text" column (and "id" when there is one), or a .txt file's lines. Throws
// Error(noTextColumn) when a CSV file has no "text" column.
export function itemsOfFile(name, content, noTextColumn) {
  if (!/\.csv$/i.test(name)) return itemsOfLines(content);
  const rows = parseCsv(content);
  const header = (rows.shift() || []).map((h) => h.trim().toLowerCase());
  const textAt = header.indexOf('text');
  const idAt = header.indexOf('id');
  if (textAt < 0) throw new Error(noTextColumn);
  const items = [];
  rows.forEach((row, i) => {
    const text = (row[textAt] || '').trim();
    // Row numbers as in the spreadsheet: the header is row 1.
    if (text) items.push({ id: idAt >= 0 && row[idAt]?.trim() ? row[idAt].trim() : String(i + 2), text });
  });
  return items;
}

function csvField(value) {
  const text = String(value ?? '');
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// cluster,id,similarity,text, one row per item, clusters in the server's order; with a byte-order
// mark so that spreadsheet programs read Arabic as UTF-8.
export function clustersCsv(result) {
  const rows = [['cluster', 'id', 'similarity', 'text']];
  for (const cluster of result.clusters || [])
    for (const member of cluster.members) rows.push([cluster.cluster, member.id, member.similarity, member.text]);
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
