import { DEFAULT_SCHEME, TIER_SCHEMES, type SchemeName, type TierBand } from './domain';
import { isBlank, parseNumber } from './parse';
import { fail, ok, quote, type Parsed } from './result';

/** The tier a follower count falls in: the first band (largest first) whose inclusive minimum it reaches. */
export function tierOf(followers: number, bands: readonly TierBand[] = TIER_SCHEMES[DEFAULT_SCHEME]): Parsed<string> {
  for (const band of bands) {
    if (followers >= band.minFollowers) return ok(band.tier);
  }
  const lowest = bands[bands.length - 1];
  return fail(`followers ${followers} is below the lowest tier minimum (${lowest ? lowest.minFollowers : 0})`);
}

/**
 * A tier scheme: a named one ("matrix", "partnership") or a team's own two-column table of (tier name, minimum
 * followers). A header row and blank rows in the table are skipped; minimums must be distinct.
 */
export function parseScheme(raw: unknown): Parsed<readonly TierBand[]> {
  if (isBlank(raw)) return ok(TIER_SCHEMES[DEFAULT_SCHEME]);
  if (Array.isArray(raw)) {
    const rows = raw as unknown[][];
    if (rows.length === 1 && rows[0]?.length === 1) return parseScheme(rows[0][0]);
    return parseCustomScheme(rows);
  }
  const name = String(raw).trim().toLowerCase();
  if (name in TIER_SCHEMES) return ok(TIER_SCHEMES[name as SchemeName]);
  return fail(`${quote(raw)} is not a tier scheme; expected "matrix", "partnership" or a two-column range of (tier name, minimum followers)`);
}

function parseCustomScheme(rows: unknown[][]): Parsed<readonly TierBand[]> {
  if (rows.some((row) => row.length !== 2)) {
    return fail('must be two columns: tier name, minimum followers');
  }
  const bands: TierBand[] = [];
  for (let index = 0; index < rows.length; index++) {
    const [name, min] = rows[index] as [unknown, unknown];
    if (isBlank(name) && isBlank(min)) continue;
    const parsed = parseNumber(min, 'count');
    if (!parsed.ok || parsed.value === null) {
      if (index === 0) continue; // a header row such as "Tier | Min followers"
      return fail(`row ${index + 1} of the tier table needs a minimum follower count such as 10000 or 1万`);
    }
    const tier = String(name ?? '').trim();
    if (tier === '') return fail(`row ${index + 1} of the tier table has no tier name`);
    bands.push({ tier, minFollowers: parsed.value });
  }
  if (bands.length === 0) return fail('the tier table is empty');
  bands.sort((a, b) => b.minFollowers - a.minFollowers);
  for (let i = 1; i < bands.length; i++) {
    if (bands[i]!.minFollowers === bands[i - 1]!.minFollowers) {
      return fail(`two tiers share the minimum ${bands[i]!.minFollowers}`);
    }
  }
  return ok(bands);
}
