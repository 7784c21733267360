/**
 * Delimited text (CSV with commas or semicolons, or tab-separated) into rows of fields. The delimiter is the
 * candidate that splits the first lines into the most rows of the header's width (more than one field): a
 * European export's "Name;Followers;ER" header with "Anna;489.955;5,1%" below votes for the semicolon even though
 * its numbers hold commas. Quotes are honoured while counting, so a quoted "Cost, ¥" does not vote.
 */
import { CsvError, parseCsv, type CsvDelimiter } from '../csv';

export type Delimiter = CsvDelimiter;

const CANDIDATES: readonly Delimiter[] = [',', ';', '\t'];
/** The first lines are enough to tell; a long file is not read three times. */
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_ROWS = 50;

/** The only way delimited text fails to read: a quote opened and never closed (its line, 1-based). */
export type DelimitedRows = { ok: true; rows: string[][]; delimiter: Delimiter } | { ok: false; unclosedQuoteLine: number };

export function readDelimited(text: string): DelimitedRows {
  const delimiter = chooseDelimiter(text);
  try {
    return { ok: true, rows: parseCsv(text, delimiter).rows, delimiter };
  } catch (e) {
    if (e instanceof CsvError) return { ok: false, unclosedQuoteLine: Number(/line (\d+)/.exec(e.message)?.[1] ?? 1) };
    throw e;
  }
}

export function chooseDelimiter(text: string): Delimiter {
  const sample = text.slice(0, SAMPLE_CHARS);
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const candidate of CANDIDATES) {
    const widths = fieldCounts(sample, candidate);
    const header = widths[0] ?? 0;
    const score = header > 1 ? widths.filter((w) => w === header).length : 0;
    // Ties keep the earlier candidate: the comma, the format's namesake.
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** Fields per line of the first lines, quotes honoured; a record cut off by the end of the sample is left out. */
function fieldCounts(text: string, delimiter: Delimiter): number[] {
  const counts: number[] = [];
  let fields = 1;
  let quoted = false;
  let blank = true;
  for (let i = 0; i < text.length && counts.length < SAMPLE_ROWS; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      quoted = !quoted;
      blank = false;
    } else if (quoted) continue;
    else if (ch === delimiter) {
      fields++;
      blank = false;
    } else if (ch === '\n' || ch === '\r') {
      if (!blank) counts.push(fields);
      fields = 1;
      blank = true;
    } else if (ch !== ' ') blank = false;
  }
  if (!quoted && !blank && counts.length < SAMPLE_ROWS && text.length < SAMPLE_CHARS) counts.push(fields);
  return counts;
}
