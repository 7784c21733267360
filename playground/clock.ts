/**
 * The playground's clock. By default the real one; with a fixed day (`--today`, or a test) the workbook lives on that
 * day: the add-on's `new Date()` and `Date.now()`, and TODAY() and NOW() in formulas and conditional-format rules,
 * all read it, so what the server counts and what the grid colours are judged on the same day.
 */
import vm from 'node:vm';
import { dayFromIso } from '../src/core/dates';
import { zonedFields } from '../src/offline/workbook/format-date';
import { dateFromDay } from './dates';

/** Milliseconds since the epoch, as Date.now() answers. */
export type Clock = () => number;

/** A fixed day starts at 9:00 there and runs on from the moment the workbook opens, so it stays that day all session. */
const START_OF_DAY_MS = 9 * 3_600_000;

/** The real clock, or one that starts on `day` in `timeZone`. */
export function workbookClock(day: string | undefined, timeZone: string): Clock {
  if (day === undefined) return Date.now;
  if (!dayFromIso(day)) throw new RangeError(`today must be a calendar day written as YYYY-MM-DD, e.g. 2026-11-30; got "${day}".`);
  const start = dateFromDay(day, timeZone).getTime() + START_OF_DAY_MS;
  const opened = Date.now();
  return () => start + (Date.now() - opened);
}

/** The calendar day ("2026-11-30") the clock reads in the time zone. */
export function dayOn(clock: Clock, timeZone: string): string {
  const f = zonedFields(new Date(clock()), timeZone);
  return `${String(f.year).padStart(4, '0')}-${String(f.month).padStart(2, '0')}-${String(f.day).padStart(2, '0')}`;
}

/**
 * Gives a vm context's Date the clock: `new Date()`, `Date()` and `Date.now()` read it; every other use of Date is
 * the context's own (the same prototype, so `instanceof Date` holds for every date either way).
 */
export function setContextClock(context: vm.Context, clock: Clock): void {
  const install = vm.runInContext(
    `(function (now) {
      var RealDate = Date;
      Date = new Proxy(RealDate, {
        construct: function (target, args, newTarget) { return Reflect.construct(target, args.length ? args : [now()], newTarget); },
        apply: function () { return String(new RealDate(now())); },
        get: function (target, key, receiver) { return key === 'now' ? now : Reflect.get(target, key, receiver); },
      });
    })`,
    context,
  ) as (now: () => number) => void;
  install(() => clock());
}
