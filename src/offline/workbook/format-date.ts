/**
 * Utilities.formatDate: Java SimpleDateFormat patterns evaluated in a time
 * zone. Wall-clock fields come from Intl (plain ECMAScript), fixed "GMT+hh:mm"
 * offsets are handled directly, and unknown zones fall back to GMT the way
 * Java's TimeZone.getTimeZone does.
 */
import { isDate, signatureError } from './values';

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 1 = Monday ... 7 = Sunday, as in Java's "u". */
  weekday: number;
  offsetMinutes: number;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function fixedOffset(timeZone: string): number | null {
  const m = /^(?:GMT|UTC)(?:([+-])([0-9]{1,2})(?::?([0-9]{2}))?)?$/i.exec(timeZone.trim());
  if (!m) return null;
  if (!m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function utcFields(ms: number, offsetMinutes: number): Fields {
  const d = new Date(ms + offsetMinutes * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: ((d.getUTCDay() + 6) % 7) + 1,
    offsetMinutes,
  };
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    let fmt: Intl.DateTimeFormat | null = null;
    try {
      fmt = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      fmt = null;
    }
    formatters.set(timeZone, fmt);
  }
  return formatters.get(timeZone) ?? null;
}

export function zonedFields(date: Date, timeZone: string): Fields {
  const ms = date.getTime();
  const fixed = fixedOffset(timeZone);
  if (fixed !== null) return utcFields(ms, fixed);
  const fmt = zoneFormatter(timeZone);
  if (!fmt) return utcFields(ms, 0);
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wallClock = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  const wholeSeconds = ms - (((ms % 1000) + 1000) % 1000);
  return utcFields(ms, Math.round((wallClock - wholeSeconds) / 60_000));
}

/** Midnight of a calendar day ("2026-04-30") on the wall clock of a time zone, as Sheets stores a typed date. */
export function midnightIn(day: string, timeZone: string): Date {
  const wall = Date.parse(`${day}T00:00:00Z`);
  // The offset at the wall-clock time, read twice so a daylight-saving change between the guesses settles.
  let instant = wall - zonedFields(new Date(wall), timeZone).offsetMinutes * 60_000;
  instant = wall - zonedFields(new Date(instant), timeZone).offsetMinutes * 60_000;
  return new Date(instant);
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function offset(minutes: number, colon: boolean, zForZero: boolean, hoursOnly = false): string {
  if (zForZero && minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  if (hoursOnly) return sign + hh;
  return sign + hh + (colon ? ':' : '') + pad(abs % 60, 2);
}

function token(letter: string, count: number, f: Fields): string {
  switch (letter) {
    case 'y':
      return count === 2 ? pad(f.year % 100, 2) : pad(f.year, count);
    case 'M':
      if (count >= 4) return MONTHS[f.month - 1] ?? '';
      if (count === 3) return (MONTHS[f.month - 1] ?? '').slice(0, 3);
      return pad(f.month, count);
    case 'd': return pad(f.day, count);
    case 'H': return pad(f.hour, count);
    case 'k': return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'h': return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'K': return pad(f.hour % 12, count);
    case 'm': return pad(f.minute, count);
    case 's': return pad(f.second, count);
    case 'S': return pad(f.millisecond, Math.max(count, 3)).slice(0, Math.max(count, 3));
    case 'E': {
      const name = DAYS[f.weekday - 1] ?? '';
      return count >= 4 ? name : name.slice(0, 3);
    }
    case 'u': return pad(f.weekday, count);
    case 'a': return f.hour < 12 ? 'AM' : 'PM';
    case 'Z': return offset(f.offsetMinutes, false, false);
    case 'X': return offset(f.offsetMinutes, count >= 3, true, count === 1);
    case 'z': return f.offsetMinutes === 0 ? 'GMT' : `GMT${offset(f.offsetMinutes, true, false)}`;
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

export function formatDate(date: unknown, timeZone: unknown, pattern: unknown): string {
  if (!isDate(date) || typeof timeZone !== 'string' || typeof pattern !== 'string') {
    throw signatureError('Utilities.formatDate', [date, timeZone, pattern]);
  }
  if (Number.isNaN(date.getTime())) throw new Error('Invalid argument: date');
  const fields = zonedFields(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] ?? '';
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      while (j < pattern.length) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] !== "'") break;
          out += "'";
          j += 2;
          continue;
        }
        out += pattern[j];
        j++;
      }
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j++;
      out += token(ch, j - i, fields);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
