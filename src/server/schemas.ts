import * as z from 'zod/mini';
import { defaultSettings, MIX_TOLERANCE, type AllocationSettings } from '../core/allocation';
import { CURRENCY_CODES, GEOGRAPHIES, PARTNERSHIP_TYPES, STAGE_MIX, STAGES, TIER_KEYS, type Stage } from '../core/domain';

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
    budget: positive('the budget'),
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

/** The validated request with every default filled in. */
export function allocationSettings_(raw: unknown): AllocationSettings & { language?: 'en' | 'zh' } {
  const input = parseInput_(AllocationInputSchema, raw, 'allocation request');
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
