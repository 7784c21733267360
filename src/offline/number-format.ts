/**
 * Shows a cell value the way Sheets displays it under a number format pattern, for the playground grid. Covers what
 * rosters and the add-on's tabs use: digit placeholders (0 #), thousands separators, decimals, percent, quoted or
 * escaped literal text ("¥"#,##0), up to four ;-separated sections, text (@) and date/time patterns. Colours and
 * conditions in [brackets] are ignored, as are fraction and scientific patterns (the number is shown in General).
 */

/** Days between Sheets' day zero (1899-12-30) and the Unix epoch. */
export const SERIAL_EPOCH_OFFSET = 25_569;
const DAY_MS = 86_400_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Sheets' automatic format: up to ten significant digits, no trailing zeros. */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '#NUM!' : value < 0 ? '-#NUM!' : '#NUM!';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e15 || abs < 1e-9) {
    const [mantissa, exponent] = value.toExponential(5).split('e');
    return `${mantissa!.replace(/\.?0+$/, '')}E${Number(exponent) < 0 ? '-' : '+'}${String(Math.abs(Number(exponent))).padStart(2, '0')}`;
  }
  const digits = Math.max(0, 10 - (Math.floor(Math.log10(abs)) + 1));
  const fixed = value.toFixed(Math.min(digits, 20));
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** Splits a pattern into its sections at semicolons that are not quoted or escaped. */
function sections(pattern: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      const stop = end < 0 ? pattern.length : end;
      current += pattern.slice(i, stop + 1);
      i = stop;
    } else if (ch === '\\') {
      current += pattern.slice(i, i + 2);
      i++;
    } else if (ch === ';') {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

type Token = { kind: 'literal'; text: string } | { kind: 'code'; text: string };

/** Separates literal text (quoted, escaped, or plain symbols) from the format codes around it. */
function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: Token['kind'], text: string): void => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind) last.text += text;
    else tokens.push({ kind, text });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      push('literal', section.slice(i + 1, stop));
      i = stop;
    } else if (ch === '\\') {
      push('literal', section[i + 1] ?? '');
      i++;
    } else if (ch === '[') {
      // [Red], [>1000], [$¥-804]: the locale-currency form carries a symbol worth showing.
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      const currency = /^\$([^-\]]*)/.exec(inner);
      if (currency) push('literal', currency[1] ?? '');
      i = end < 0 ? section.length : end;
    } else if (ch === '_' || ch === '*') {
      // Padding directives: "_)" leaves the width of ")", "*-" repeats "-"; a grid cell needs neither.
      i++;
    } else if (/[0#?.,%@eE/yYmMdDhHsSaApP:]/.test(ch)) {
      push('code', ch);
    } else {
      push('literal', ch);
    }
  }
  return tokens;
}

const isDateCode = (code: string): boolean => /[yYdDhHsS]|m/i.test(code.replace(/[eE]/g, '')) && !/[0#?]/.test(code);

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Formats a non-negative number under the digit codes of one section (e.g. "#,##0.00" or "0%"). */
function formatDigits(value: number, code: string): string {
  const percent = (code.match(/%/g) ?? []).length;
  const scaled = value * 100 ** percent;
  const [intPart, fracPart = ''] = code.replace(/%/g, '').split('.');
  // Trailing commas after the digits divide by a thousand each (#,##0, shows thousands).
  const trailing = /,+$/.exec(intPart ?? '')?.[0].length ?? 0;
  const divided = scaled / 1000 ** trailing;
  const intCode = (intPart ?? '').replace(/,+$/, '');
  const grouping = intCode.includes(',');
  const minInt = (intCode.match(/0/g) ?? []).length;
  const fixedDigits = (fracPart.match(/0/g) ?? []).length;
  const optionalDigits = (fracPart.match(/[#?]/g) ?? []).length;
  const places = fixedDigits + optionalDigits;
  let [whole, frac = ''] = divided.toFixed(places).split('.');
  if (optionalDigits > 0) frac = frac.replace(new RegExp(`0{1,${optionalDigits}}$`), '');
  if (whole === '0' && minInt === 0) whole = '';
  whole = whole!.padStart(minInt, '0');
  if (grouping) whole = groupThousands(whole);
  const hasPoint = code.includes('.');
  return `${whole}${hasPoint && (frac !== '' || fixedDigits > 0) ? '.' : ''}${frac}${'%'.repeat(percent)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Formats a date serial under date/time codes (yyyy mm dd hh mm ss am/pm; "m" after h or before s is minutes). */
function formatDateCodes(serial: number, tokens: Token[]): string {
  const ms = Math.round((serial - SERIAL_EPOCH_OFFSET) * DAY_MS);
  const d = new Date(ms);
  const parts = { y: d.getUTCFullYear(), mo: d.getUTCMonth(), d: d.getUTCDate(), wd: d.getUTCDay(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() };
  const twelveHour = tokens.some((t) => t.kind === 'code' && /am\/pm|a\/p/i.test(t.text));
  const runs: Array<{ literal: boolean; text: string }> = [];
  for (const t of tokens) {
    if (t.kind === 'literal') {
      runs.push({ literal: true, text: t.text });
      continue;
    }
    for (const m of t.text.matchAll(/am\/pm|a\/p|([a-zA-Z])\1*|[^a-zA-Z]+/gi)) runs.push({ literal: !/[a-z]/i.test(m[0]), text: m[0] });
  }
  const out: string[] = [];
  runs.forEach((run, i) => {
    if (run.literal) return void out.push(run.text);
    const code = run.text.toLowerCase();
    const near = (step: number): string => {
      for (let j = i + step; j >= 0 && j < runs.length; j += step) if (!runs[j]!.literal) return runs[j]!.text.toLowerCase()[0] ?? '';
      return '';
    };
    switch (code[0]) {
      case 'y':
        out.push(code.length <= 2 ? pad2(parts.y % 100) : String(parts.y));
        break;
      case 'm': {
        const minutes = code.length <= 2 && (near(-1) === 'h' || near(1) === 's');
        if (minutes) out.push(code.length === 2 ? pad2(parts.mi) : String(parts.mi));
        else if (code.length >= 4) out.push(MONTHS[parts.mo]!);
        else if (code.length === 3) out.push(MONTHS[parts.mo]!.slice(0, 3));
        else out.push(code.length === 2 ? pad2(parts.mo + 1) : String(parts.mo + 1));
        break;
      }
      case 'd':
        if (code.length >= 4) out.push(DAYS[parts.wd]!);
        else if (code.length === 3) out.push(DAYS[parts.wd]!.slice(0, 3));
        else out.push(code.length === 2 ? pad2(parts.d) : String(parts.d));
        break;
      case 'h': {
        const h = twelveHour ? parts.h % 12 || 12 : parts.h;
        out.push(code.length >= 2 ? pad2(h) : String(h));
        break;
      }
      case 's':
        out.push(code.length >= 2 ? pad2(parts.s) : String(parts.s));
        break;
      case 'a':
        out.push(code.includes('/p') && code.length === 3 ? (parts.h < 12 ? 'A' : 'P') : parts.h < 12 ? 'AM' : 'PM');
        break;
      default:
        out.push(run.text);
    }
  });
  return out.join('');
}

/** Formats a number under a pattern; an empty pattern or "General" is Sheets' automatic format. */
export function formatNumber(value: number, pattern: string | undefined | null): string {
  if (!pattern || /^general$/i.test(pattern.trim())) return formatGeneral(value);
  const parts = sections(pattern);
  let section: string;
  let negativeSign = false;
  if (value < 0 && parts.length >= 2) section = parts[1]!;
  else if (value === 0 && parts.length >= 3) section = parts[2]!;
  else {
    section = parts[0]!;
    negativeSign = value < 0;
  }
  const tokens = tokenize(section);
  const code = tokens.filter((t) => t.kind === 'code').map((t) => t.text).join('');
  if (isDateCode(code)) return formatDateCodes(value, tokens);
  if (!/[0#?]/.test(code) && !code.includes('%')) {
    // A section with no digit placeholders shows only its text (e.g. "-" for zero in accounting formats).
    return tokens.map((t) => t.text).join('').replace(/@/g, '');
  }
  if (/[eE/]/.test(code)) return formatGeneral(value);
  const abs = Math.abs(value);
  const digits = formatDigits(abs, code.replace(/@/g, ''));
  let placed = false;
  const body = tokens
    .map((t) => {
      if (t.kind === 'literal') return t.text;
      if (placed) return t.text.replace(/[0#?.,%]/g, '');
      placed = true;
      return digits + t.text.replace(/^[0#?.,%]+/, '').replace(/[0#?.,%]/g, '');
    })
    .join('');
  const zeroShown = /^[^1-9]*$/.test(digits);
  return negativeSign && !zeroShown ? `-${body}` : body;
}

/** Formats text under a pattern: only a fourth section (or a lone section with @) applies to text. */
export function formatText(value: string, pattern: string | undefined | null): string {
  if (!pattern) return value;
  const parts = sections(pattern);
  const section = parts.length >= 4 ? parts[3]! : parts.length === 1 && parts[0]!.includes('@') ? parts[0]! : null;
  if (section === null) return value;
  return tokenize(section)
    .map((t) => (t.kind === 'literal' ? t.text : t.text.replace(/@/g, value)))
    .join('');
}

/** Whether a pattern shows dates or times (so a number under it is a date serial). */
export function isDatePattern(pattern: string | undefined | null): boolean {
  if (!pattern) return false;
  const code = tokenize(sections(pattern)[0] ?? '')
    .filter((t) => t.kind === 'code')
    .map((t) => t.text)
    .join('');
  return isDateCode(code);
}
