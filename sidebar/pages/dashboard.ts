import { FUNNEL_RATES, TILE_IDS, TILES, type Judged, type TileId } from '../../src/core/dashboard-status';
import type { CurrencyCode } from '../../src/core/domain';
import { DASHBOARD_LABELS } from '../../src/plan/dashboard-labels';
import type { BuildDashboardResult, DashboardSummary } from '../../src/shared/api';
import type { PageContext, PageDef, PageInstance } from '../app';
import { append, clear, h } from '../dom';
import { columnLetters, formatMoney, formatNumber } from '../i18n';
import { DASHBOARD } from './dashboard/strings';

/**
 * "Dashboard": refreshes the Dashboard tab (buildDashboard) and shows what it judged: each key figure with its
 * red / yellow / green status, the pipeline rates, and which figures are values as of the refresh because the roster
 * holds numbers or dates as text. Tile names and status words are the tab's own. Opened with `refresh-dashboard`
 * (the menu item, through the roster page), it refreshes at once.
 */
export const dashboard: PageDef = {
  id: 'dashboard',
  title: { en: DASHBOARD.en.title, zh: DASHBOARD.zh.title },
  summary: { en: DASHBOARD.en.summary, zh: DASHBOARD.zh.summary },
  needsRoster: true,
  mount: mountDashboard,
};

const MONEY_TILES: ReadonlySet<TileId> = new Set(['spend', 'revenue', 'cpa']);
const percent = (share: number): string => `${formatNumber(share * 100, 1)}%`;

function tileValue(id: TileId, value: number, currency: CurrencyCode): string {
  if (MONEY_TILES.has(id)) return formatMoney(value, currency);
  return id === 'roas' ? formatNumber(value, 2) : formatNumber(value, 0);
}

function mountDashboard(ctx: PageContext): PageInstance {
  const say = ctx.wording(DASHBOARD);
  const tab = ctx.wording(DASHBOARD_LABELS);
  let last: BuildDashboardResult | null = null;

  const refreshButton = say.text(h('button', { class: 'action', testid: 'db-refresh', attrs: { type: 'button' } }), (s) => s.refresh);
  const result = h('div', { class: 'result', testid: 'db-result' });
  const feedback = h('div', {});
  const root = h(
    'div',
    { class: 'page dashboard', testid: 'page-dashboard' },
    say.text(h('p', { class: 'secondary' }), (s) => s.intro),
    say.text(h('p', { class: 'secondary hint' }), (s) => s.liveHint),
    h('div', { class: 'buttons' }, refreshButton),
    feedback,
    result,
  );

  async function refresh(): Promise<void> {
    ctx.toast(null);
    const built = await ctx.run('buildDashboard', { language: ctx.language() });
    if (!built) return;
    last = built;
    render();
    ctx.toast((l) => DASHBOARD[l].built(built.sheetName, built.created));
  }

  function tileItem(id: TileId, judged: Judged, summary: DashboardSummary, currency: CurrencyCode): HTMLElement {
    const s = say.now();
    const t = tab.now();
    const asOf = summary.asOf.includes(TILES[id].figure);
    // Spend and revenue are judged as shares of the plan, and only when the workbook has one (as on the tab).
    const plan = !TILES[id].againstPlan ? '' : !summary.againstPlan ? t.details.noPlan : judged.judged === null ? '' : s.ofPlan(percent(judged.judged));
    return h(
      'li',
      { class: `tile ${judged.colour ?? 'none'}${asOf ? ' as-of' : ''}`, testid: `db-tile-${id}` },
      h('span', { class: 'tile-label', text: t.tiles[id] }),
      h('span', { class: 'tile-value', testid: 'db-tile-value', text: judged.value === null ? t.na : tileValue(id, judged.value, currency) }),
      plan ? h('span', { class: 'tile-detail', text: plan }) : null,
      asOf ? h('span', { class: 'tile-detail', text: s.asOfTile }) : null,
      h('span', { class: 'tile-status', testid: 'db-tile-status', text: judged.colour ? t.status[judged.colour] : '' }),
    );
  }

  function render(): void {
    clear(result);
    if (!last) return;
    const s = say.now();
    const t = tab.now();
    const { summary, currency } = last;
    const counts = { green: 0, yellow: 0, red: 0 };
    for (const id of TILE_IDS) {
      const colour = summary.tiles[id].colour;
      if (colour) counts[colour]++;
    }
    const rates = FUNNEL_RATES.map((id) => {
      const rate = summary.funnel[id];
      return h(
        'li',
        { class: `rate ${rate.colour ?? 'none'}`, testid: `db-rate-${id}` },
        h('span', { class: 'rate-label', text: t.rates[id][0] }),
        h('span', { class: 'rate-value', text: rate.value === null ? t.na : percent(rate.value) }),
        h('span', { class: 'rate-status', text: rate.colour ? t.status[rate.colour] : '' }),
      );
    });
    // Headers and examples are the roster's own text: they only ever reach the page as text.
    const textColumns = summary.textCells.map((cells) =>
      h('li', {
        testid: `db-text-${cells.field}`,
        text: s.textLine(
          s.textColumn(columnLetters(cells.column), cells.header),
          s.textCells(cells.rows.length, cells.reason === 'text-date', cells.examples[0] ?? ''),
          s.rows(cells.rows),
        ),
      }),
    );
    append(
      result,
      h('h2', { testid: 'db-heading', text: s.heading(last.sheetName) }),
      h('p', { class: 'secondary', testid: 'db-refreshed', text: s.refreshedAt(summary.refreshed, summary.rowsRead) }),
      h('p', { testid: 'db-counts', text: s.counts(counts.green, counts.yellow, counts.red) }),
      h('h3', { text: s.tilesTitle }),
      h('ul', { class: 'tiles', testid: 'db-tiles' }, ...TILE_IDS.map((id) => tileItem(id, summary.tiles[id], summary, currency))),
      h('h3', { text: s.ratesTitle }),
      h('ul', { class: 'rates', testid: 'db-rates' }, ...rates),
      summary.asOf.length === 0
        ? h('p', { class: 'secondary', testid: 'db-live', text: s.allLive })
        : h(
            'div',
            { class: 'note as-of-note', testid: 'db-as-of' },
            h('p', { text: s.asOf(summary.asOf.length, summary.refreshed) }),
            h('ul', { class: 'text-columns' }, ...textColumns),
          ),
    );
  }

  refreshButton.addEventListener('click', () => void refresh());
  say.bind(() => render());
  ctx.onBusy((on) => (refreshButton.disabled = on));

  return {
    root,
    feedback,
    shown(then) {
      if (then === 'refresh-dashboard') void refresh();
    },
  };
}
