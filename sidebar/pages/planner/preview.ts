import type { TierKey } from '../../../src/core/domain';
import type { AllocationPreview } from '../../../src/shared/api';
import { append, clear, h } from '../../dom';
import { formatMoney, formatNumber } from '../../i18n';
import type { PlannerStrings } from './strings';

/**
 * The plan as the server computed it: budget, posts and predicted ROAS per tier, totals and warnings, and what the
 * ROAS rests on. When it is calibrated on the roster, each tier's own ROAS stands beside the forecast.
 */
export function renderPreview(container: HTMLElement, result: AllocationPreview | null, stale: boolean, s: PlannerStrings): void {
  clear(container);
  if (!result) return;
  const currency = result.settings.currency;
  const tierName = (k: TierKey): string => s.tiers[k];
  container.classList.toggle('stale', stale);
  const calibrated = result.forecast?.basis.kind === 'calibrated';
  const columns = [s.colTier, s.colBudget, s.colPosts, s.colRoas, ...(calibrated ? [s.colTeamRoas] : [])];
  const head = h('tr', {}, ...columns.map((c) => h('th', { attrs: { scope: 'col' }, text: c })));
  const posts = (min: number, max: number): string => (min === max ? formatNumber(min, 0) : `${formatNumber(min, 0)}–${formatNumber(max, 0)}`);
  const roas = (r: number | null): string => (r === null ? '—' : formatNumber(r, 2));
  const rows = result.tiers.map((t, i) =>
    h(
      'tr',
      { testid: `row-${t.tier}`, class: t.budget === 0 ? 'muted' : t.belowOnePost ? 'warn' : undefined },
      h('th', { attrs: { scope: 'row' }, text: tierName(t.tier) }),
      h('td', { class: 'num', text: formatMoney(t.budget, currency) }),
      h('td', { class: 'num', text: posts(t.postsMin, t.postsMax) }),
      h('td', { class: 'num', testid: `roas-${t.tier}`, text: roas(t.roas) }),
      calibrated ? h('td', { class: 'num secondary', testid: `team-roas-${t.tier}`, text: roas(result.forecast!.tiers[i]?.teamRoas ?? null) }) : null,
    ),
  );
  const totals = h(
    'tr',
    { class: 'totals', testid: 'row-total' },
    h('th', { attrs: { scope: 'row' }, text: s.totalRow }),
    h('td', { class: 'num', text: formatMoney(result.totals.budget, currency) }),
    h('td', { class: 'num', text: posts(result.totals.postsMin, result.totals.postsMax) }),
    h('td', { class: 'num', text: roas(result.totals.roas) }),
    calibrated ? h('td', {}) : null,
  );
  append(container, h('table', { class: calibrated ? 'plan with-team' : 'plan', testid: 'preview-table' }, h('thead', {}, head), h('tbody', {}, ...rows), h('tfoot', {}, totals)));
  if (result.forecast) container.appendChild(h('p', { class: 'secondary hint', testid: 'forecast-basis', text: s.forecastBasis(result.forecast.basis) }));
  if (result.totals.roas !== null) {
    const below = result.totals.roas < result.settings.targetRoas;
    container.appendChild(
      h('p', { class: below ? 'roas below' : 'roas', testid: 'roas-vs-target', text: s.roasVsTarget(roas(result.totals.roas), formatNumber(result.settings.targetRoas, 2)) }),
    );
  }
  if (result.warnings.length) {
    container.appendChild(
      h('ul', { class: 'warnings', testid: 'warnings' }, ...result.warnings.map((w) => h('li', { testid: 'warning', text: s.warning(w, currency, tierName) }))),
    );
  }
}
