import * as z from 'zod/mini';
import { defaultSettings, MIX_TOLERANCE, type AllocationSettings } from '../core/allocation';
import { parseAmount } from '../core/currency';
import { CURRENCY_CODES, GEOGRAPHIES, PARTNERSHIP_TYPES, STAGE_MIX, STAGES, TIER_KEYS, type Stage } from '../core/domain';
import { columnLetters } from '../core/alerts-expr';
import { readQuarterKey } from '../core/quarter';
import { ROSTER_FIELDS, type RosterField } from '../core/roster';
import { ALERT_LABELS } from '../plan/labels';

/**
 * Validation of everything google.script.run hands the server. The sidebar is our code, but its requests cross a
 * trust boundary (anyone with edit access can call a public server function from the browser console), so every
 * entry point parses its input here and rejects unknown keys.
 */

const total = (mix: unknown): number =>
  Object.values(mix as Record<string, number>).reduce((a, b) => a + b, 0);

const share = z.number().check(z.gte(0, 'must be between 0 and 1 (0% to 100%)'), z.lte(1, 'must be between 0 and 1 (0% to 100%)'));
const positive = (what: string) => z.number().check(z.gt(0, `${what} must be more than 0`), z.lte(1e12, `${what} is too large`));

const mixOf = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, share])) as Record<K, typeof share>).check(
    z.refine((mix) => Math.abs(total(mix) - 1) <= MIX_TOLERANCE, {
      error: (issue) => `adds up to ${percent(total(issue.input))}; it must add up to 100%`,
    }),
  );

const costRange = z
  .strictObject({ min: positive('the cheapest cost per post'), max: positive('the dearest cost per post') })
  .check(z.refine((r) => r.min <= r.max, 'the cheapest cost per post is above the dearest'));

export const AllocationInputSchema = z
  .strictObject({
    /** A number, or an amount as typed (`¥25,000`, `2.5万元`, `$5k`): its sign or code sets the currency. */
    budget: z.union([positive('the budget'), z.string().check(z.maxLength(100, 'the budget is too long'))], {
      error: (issue) => (issue.code === 'invalid_union' ? 'expected a number or an amount such as 25000 or ¥25,000' : undefined),
    }),
    currency: z.optional(z.enum(CURRENCY_CODES)),
    period: z.optional(z.enum(['month', 'quarter'])),
    stage: z.enum([...STAGES, 'custom']),
    mix: z.optional(mixOf(TIER_KEYS)),
    partnershipMix: z.optional(mixOf(PARTNERSHIP_TYPES)),
    geoMix: z.optional(mixOf(GEOGRAPHIES)),
    costPerPost: z.optional(z.partial(z.strictObject(Object.fromEntries(TIER_KEYS.map((k) => [k, costRange])) as Record<(typeof TIER_KEYS)[number], typeof costRange>))),
    aov: z.optional(positive('the average order value')),
    targetRoas: z.optional(positive('the target ROAS')),
    language: z.optional(z.enum(['en', 'zh'])),
  })
  .check(z.refine((input) => input.stage !== 'custom' || input.mix !== undefined, { error: 'a custom stage needs a mix', path: ['mix'] }));

export type AllocationInput = z.infer<typeof AllocationInputSchema>;

const percent = (n: number): string => `${Number((n * 100).toFixed(2))}%`;

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_type':
      return `expected ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    default:
      return issue.message;
  }
}

/** Parses a request or throws an Error whose message the sidebar shows as is. */
export function parseInput_<T>(schema: z.ZodMiniType<T>, input: unknown, what: string): T {
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return `${where}${describeIssue(issue)}`;
  });
  throw new Error(`Invalid ${what}: ${problems.join('; ')}.`);
}

/**
 * The request as the add-on keeps it: a typed budget read into its amount, and the currency it names. Throws a
 * clear message for a budget that is not an amount, and for a sign or code that contradicts `currency`.
 */
export function normalizedAllocationInput_(raw: unknown): AllocationInput & { budget: number } {
  const input = parseInput_(AllocationInputSchema, raw, 'allocation request');
  if (typeof input.budget === 'number') return { ...input, budget: input.budget };
  const bad = (why: string): Error => new Error(`Invalid allocation request: budget: ${why}.`);
  const read = parseAmount(input.budget, input.currency);
  if (!read.ok) throw bad(read.reason);
  if (read.value === null) throw bad('the budget is empty');
  const { amount, currency } = read.value;
  if (amount <= 0) throw bad('the budget must be more than 0');
  if (amount > 1e12) throw bad('the budget is too large');
  if (currency && input.currency && currency.code !== input.currency) {
    throw bad(`${JSON.stringify(input.budget)} is in ${currency.code} (${currency.sign}) but the currency is ${input.currency}`);
  }
  return { ...input, budget: amount, ...(currency ? { currency: currency.code } : {}) };
}

/** The validated request with every default filled in. */
export function allocationSettings_(raw: unknown): AllocationSettings & { language?: 'en' | 'zh' } {
  const input = normalizedAllocationInput_(raw);
  const presetStage: Stage = input.stage === 'custom' ? 'maturity' : input.stage;
  const settings = defaultSettings(input.budget, presetStage, input.currency ?? 'CNY');
  const mix = input.mix ?? STAGE_MIX[presetStage];
  const edited = input.stage !== 'custom' && TIER_KEYS.some((k) => Math.abs(mix[k] - STAGE_MIX[presetStage][k]) > MIX_TOLERANCE);
  return {
    ...settings,
    stage: input.stage === 'custom' || edited ? 'custom' : input.stage,
    period: input.period ?? 'month',
    mix: { ...mix },
    partnershipMix: { ...(input.partnershipMix ?? settings.partnershipMix) },
    geoMix: { ...(input.geoMix ?? settings.geoMix) },
    costPerPost: { ...settings.costPerPost, ...input.costPerPost },
    aov: input.aov ?? settings.aov,
    targetRoas: input.targetRoas ?? settings.targetRoas,
    language: input.language,
  };
}

// ---- Roster mapping and alerts ----

/** Deepest header row the mapping page accepts: below a title block, never far down a sheet. */
export const MAX_HEADER_ROW = 100;
/** Column ZZZ, the last one a sheet can have. */
const MAX_COLUMN = 18_278;

const FIELDS = Object.keys(ROSTER_FIELDS) as RosterField[];
const sheetName = z.string().check(z.minLength(1, 'a sheet name is needed'), z.maxLength(100, 'a sheet name is at most 100 characters'));
const headerRow = z.int().check(z.gte(1, `the header row must be from 1 to ${MAX_HEADER_ROW}`), z.lte(MAX_HEADER_ROW, `the header row must be from 1 to ${MAX_HEADER_ROW}`));
const column = z.int().check(z.gte(1, 'a column must be 1 (A) or more'), z.lte(MAX_COLUMN, 'that column is beyond the last one Sheets has'));
const perField = <T extends z.ZodMiniType>(schema: T) => z.partial(z.strictObject(Object.fromEntries(FIELDS.map((f) => [f, schema])) as Record<RosterField, T>));

export const RosterRequestSchema = z.strictObject({ sheet: z.optional(sheetName), headerRow: z.optional(headerRow) });

/** Fields mapped to one column: each column serves one field. */
function sharedColumns(columns: Partial<Record<RosterField, number>>): string[] {
  const byColumn = new Map<number, RosterField[]>();
  for (const field of FIELDS) {
    const c = columns[field];
    if (c !== undefined) byColumn.set(c, [...(byColumn.get(c) ?? []), field]);
  }
  return [...byColumn]
    .filter(([, fields]) => fields.length > 1)
    .map(([c, fields]) => `column ${columnLetters(c)} is mapped to ${fields.map((f) => ALERT_LABELS.en.fields[f]).join(' and ')}; a column serves one field`);
}

export const RosterMappingSchema = z.strictObject({
  sheet: sheetName,
  headerRow,
  columns: perField(column).check(
    z.refine((columns) => sharedColumns(columns).length === 0, { error: (issue) => sharedColumns(issue.input as Partial<Record<RosterField, number>>).join('; ') }),
  ),
});

/** The mapping as the workbook keeps it: each column with the header it had, so later reads can follow it. */
export const SavedMappingSchema = z.strictObject({
  sheet: sheetName,
  headerRow,
  columns: perField(z.strictObject({ column, header: z.string().check(z.minLength(1)) })),
});

export const ApplyAlertsInputSchema = z.strictObject({ language: z.optional(z.enum(['en', 'zh'])) });

// ---- Rebalance ----

export const RebalanceInputSchema = z.strictObject({
  /** The quarter to review; default the latest the roster holds, else this quarter. */
  quarter: z.optional(z.string().check(z.refine((q) => readQuarterKey(q).ok, 'must be a quarter such as 2026-Q3 or 2026年第3季度'))),
  /** Next quarter's total; default the planner's saved budget for a quarter, else the reviewed quarter's spend. */
  budget: z.optional(positive('the budget')),
  minShare: z.optional(z.number().check(z.gte(0, 'the minimum share must be from 0% to 99%'), z.lt(1, 'the minimum share must be from 0% to 99%'))),
  maxChange: z.optional(z.number().check(z.gt(0, 'the maximum change must be above 0 and at most 100 points'), z.lte(1, 'the maximum change must be above 0 and at most 100 points'))),
  targetRoas: z.optional(positive('the target ROAS')),
  language: z.optional(z.enum(['en', 'zh'])),
});

export type RebalanceInput = z.infer<typeof RebalanceInputSchema>;

// ---- Dashboard ----

/** buildDashboard request: `{}` (or nothing) uses the saved mapping and settings; `language` overrides the workbook's. */
export const BuildDashboardInputSchema = z.strictObject({ language: z.optional(z.enum(['en', 'zh'])) });

export type BuildDashboardInput = z.infer<typeof BuildDashboardInputSchema>;
