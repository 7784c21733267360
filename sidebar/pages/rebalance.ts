import { TIER_KEYS, type PerTier } from '../../src/core/domain';
import { roundMix } from '../../src/core/forecast';
import type { RebalanceInput, RebalanceSummary } from '../../src/shared/api';
import type { Handoff, PageContext, PageDef, PageInstance } from '../app';
import { append, clear, h, nextId } from '../dom';
import { formatMoney, formatNumber } from '../i18n';
import { readAmount } from './planner/form';
import { PLANNER } from './planner/strings';
import { REBALANCE, type RebalanceStrings } from './rebalance/strings';

/**
 * "Quarterly rebalance": preview the quarter's tier performance and the proposed next-quarter mix (with the reason
 * for each move, the expected ROAS before and after, and the model that produced them), build the Rebalance tab,
 * and hand the proposed mix to the planner. Every text from the workbook (tier names, reasons) is shown as text.
 */
export const rebalance: PageDef = {
  id: 'rebalance',
  title: { en: REBALANCE.en.title, zh: REBALANCE.zh.title },
  summary: { en: REBALANCE.en.summary, zh: REBALANCE.zh.summary },
  needsRoster: true,
  mount: mountRebalance,
};

type Field = 'quarter' | 'budget' | 'minShare' | 'maxChange';

const percent = (share: number): string => `${formatNumber(share * 100, 1)}%`;
const roasText = (roas: number | null): string =>
  roas === null ? '—' : roas.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The proposed shares by planner tier, or null when the scheme's tiers are not the planner's five. */
function plannerMix(summary: RebalanceSummary): PerTier<number> | null {
  const byKey = new Map(summary.tiers.map((t) => [t.tier.toLowerCase(), t.proposedShare]));
  if (summary.tiers.length !== TIER_KEYS.length || TIER_KEYS.some((k) => typeof byKey.get(k) !== 'number')) return null;
  return roundMix(Object.fromEntries(TIER_KEYS.map((k) => [k, byKey.get(k)!])) as PerTier<number>);
}

function mountRebalance(ctx: PageContext): PageInstance {
  const say = ctx.wording(REBALANCE);
  let summary: RebalanceSummary | null = null;
  let quarters: string[] = [];
  /** Inputs the user changed: only those are sent, so the others keep the server's defaults and their reasons. */
  const touched = new Set<Field>();

  const field = (testid: string): HTMLInputElement =>
    h('input', { class: 'number', testid, id: nextId('rb'), attrs: { type: 'text', inputmode: 'decimal', autocomplete: 'off' } });
  const labelFor = (el: HTMLElement, say_: (s: RebalanceStrings) => string): HTMLLabelElement => say.text(h('label', { attrs: { for: el.id } }), say_);
  const quarter = h('select', { testid: 'rb-quarter', id: nextId('rb') });
  const budget = field('rb-budget');
  const minShare = field('rb-min-share');
  const maxChange = field('rb-max-change');
  const budgetLabel = h('label', { attrs: { for: budget.id } });
  const budgetHint = h('div', { class: 'secondary hint', testid: 'rb-budget-hint' });
  const inputError = h('div', { class: 'error field-error', testid: 'rb-input-error', attrs: { 'aria-live': 'polite' } });
  for (const [el, name] of [[quarter, 'quarter'], [budget, 'budget'], [minShare, 'minShare'], [maxChange, 'maxChange']] as const) {
    el.addEventListener(el === quarter ? 'change' : 'input', () => {
      touched.add(name);
      if (el === quarter) void preview();
    });
  }

  const previewButton = say.text(h('button', { testid: 'rb-preview', attrs: { type: 'submit' } }), (s) => s.preview);
  const buildButton = say.text(h('button', { class: 'action', testid: 'rb-build', attrs: { type: 'button' } }), (s) => s.build);
  const useButton = say.text(h('button', { testid: 'rb-use-mix', attrs: { type: 'button' } }), (s) => s.useMix);
  const useNote = h('p', { class: 'secondary hint', testid: 'rb-use-note' });
  const result = h('div', { class: 'result', testid: 'rb-result' });
  const feedback = h('div', {});

  const form = h(
    'form',
    { testid: 'rb-form', attrs: { novalidate: '' } },
    say.text(h('p', { class: 'secondary' }), (s) => s.intro),
    h('div', { class: 'form-group' }, labelFor(quarter, (s) => s.quarterLabel), quarter),
    h('div', { class: 'form-group' }, budgetLabel, budget, budgetHint),
    h(
      'div',
      { class: 'form-group inline-pair' },
      h('div', {}, labelFor(minShare, (s) => s.minShareLabel), minShare),
      h('div', {}, labelFor(maxChange, (s) => s.maxChangeLabel), maxChange),
    ),
    say.text(h('p', { class: 'secondary hint' }), (s) => s.boundsHint),
    inputError,
    h('div', { class: 'buttons' }, previewButton, buildButton),
  );
  const root = h('div', { class: 'page rebalance', testid: 'page-rebalance' }, form, feedback, result, h('div', { class: 'buttons' }, useButton), useNote);

  /** The request from what the user changed, or null after saying what is wrong. */
  function request(): RebalanceInput | null {
    const s = say.now();
    const out: RebalanceInput = { language: ctx.language() };
    if (touched.has('quarter') && quarter.value) out.quarter = quarter.value;
    if (touched.has('budget')) {
      const read = readAmount(budget.value);
      if (!read.ok) {
        inputError.textContent = PLANNER[ctx.language()].issue(read.issue);
        return null;
      }
      out.budget = read.value;
    }
    for (const [name, el] of [['minShare', minShare], ['maxChange', maxChange]] as const) {
      if (!touched.has(name)) continue;
      const raw = el.value.trim().replace(/%$/, '');
      const n = Number(raw);
      if (raw === '' || !Number.isFinite(n)) {
        inputError.textContent = s.notNumber(el.value.trim());
        return null;
      }
      if (n < 0 || n > 100) {
        inputError.textContent = s.percentRange;
        return null;
      }
      out[name] = n / 100;
    }
    inputError.textContent = '';
    return out;
  }

  function take(next: RebalanceSummary): void {
    summary = next;
    if (quarters.length === 0) quarters = next.quarterSource === 'today' ? [next.quarter] : [...next.pastQuarters, next.quarter];
    if (!quarters.includes(next.quarter)) quarters = [...quarters, next.quarter].sort();
    clear(quarter);
    for (const q of quarters) quarter.appendChild(h('option', { attrs: { value: q }, text: q }));
    quarter.value = next.quarter;
    quarter.disabled = quarters.length < 2;
    if (!touched.has('budget')) budget.value = formatNumber(next.budget, 2);
    if (!touched.has('minShare')) minShare.value = formatNumber(next.bounds.minShare * 100, 2);
    if (!touched.has('maxChange')) maxChange.value = formatNumber(next.bounds.maxChange * 100, 2);
    render();
  }

  async function preview(): Promise<void> {
    const input = request();
    if (!input) return;
    const next = await ctx.run('previewRebalance', input);
    if (next) take(next);
  }

  async function build(): Promise<void> {
    const input = request();
    if (!input) return;
    ctx.toast(null);
    const built = await ctx.run('buildRebalance', input);
    if (!built) return;
    take(built.summary);
    ctx.toast((l) => REBALANCE[l].built(built.sheetName, built.created, built.historySheet));
  }

  function useMix(): void {
    const mix = summary ? plannerMix(summary) : null;
    if (!summary || !mix) return;
    const handoff: Handoff = { mix, budget: summary.budget, quarter: summary.nextQuarter };
    ctx.open('planner', undefined, handoff);
  }

  function render(): void {
    const s = say.now();
    clear(result);
    budgetLabel.textContent = s.budgetLabel(summary?.nextQuarter ?? null);
    budgetHint.textContent = summary && !touched.has('budget') ? s.budgetHint(summary.budgetSource) : '';
    const mix = summary ? plannerMix(summary) : null;
    useButton.hidden = !summary || !summary.expected;
    useButton.disabled = ctx.busy() || !mix;
    useNote.textContent = !summary || !summary.expected ? '' : mix ? s.mixForPlanner : s.otherTiers;
    if (!summary) return;
    const r = summary;
    const head = h('tr', {}, ...[s.colTier, s.colRoas, s.colNow, s.colProposed].map((c) => h('th', { attrs: { scope: 'col' }, text: c })));
    const rows = r.tiers.map((t, i) =>
      h(
        'tr',
        { testid: `rb-row-${i}`, class: t.proposedShare !== null && Math.abs(t.proposedShare - t.currentShare) >= 0.0005 ? undefined : 'muted' },
        h('th', { attrs: { scope: 'row' }, text: t.label }),
        h('td', { class: 'num', text: roasText(t.roas) }),
        h('td', { class: 'num', text: percent(t.currentShare) }),
        h('td', { class: 'num', testid: `rb-proposed-${i}`, text: t.proposedShare === null ? '—' : percent(t.proposedShare) }),
      ),
    );
    append(
      result,
      h('h2', { testid: 'rb-heading', text: s.heading(r.quarter, r.nextQuarter) }),
      h('p', { class: 'secondary', testid: 'rb-model', text: r.model }),
      h('table', { class: 'plan', testid: 'rb-table' }, h('thead', {}, head), h('tbody', {}, ...rows)),
      r.expected ? h('p', { class: 'roas', testid: 'rb-expected', text: s.expected(roasText(r.expected.before.roas), roasText(r.expected.after.roas)) }) : null,
      r.noProposal ? h('p', { class: 'note', testid: 'rb-no-proposal', text: r.noProposal }) : null,
      r.expected
        ? h('div', {}, h('h3', { text: s.reasonsTitle }), h('ul', { class: 'reasons', testid: 'rb-reasons' }, ...r.tiers.map((t) => h('li', { text: t.reason }))))
        : null,
      h('p', { class: 'secondary', testid: 'rb-budget-used', text: `${s.budgetLabel(r.nextQuarter)}: ${formatMoney(r.budget, r.currency)}` }),
      h('p', { class: 'secondary', testid: 'rb-lists', text: s.lists(r.lists.renew, r.lists.review, r.lists.end, r.lists.notEnoughData) }),
      h('p', { class: 'secondary', testid: 'rb-quarters', text: s.pastQuarters(r.pastQuarters) }),
      r.undated ? h('p', { class: 'secondary', text: s.undated(r.undated) }) : null,
      r.untiered ? h('p', { class: 'secondary', text: s.untiered(r.untiered) }) : null,
      r.unreadCells ? h('p', { class: 'secondary', text: s.unread(r.unreadCells) }) : null,
    );
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void preview();
  });
  buildButton.addEventListener('click', () => void build());
  useButton.addEventListener('click', useMix);
  // The reasons and the model are worded by the server: a language switch asks for them again.
  let language = ctx.language();
  say.bind(() => {
    if (summary && ctx.language() !== language && !ctx.busy()) void preview();
    language = ctx.language();
    render();
  });
  ctx.onBusy((on) => {
    for (const button of [previewButton, buildButton]) button.disabled = on;
    render();
  });

  return {
    root,
    feedback,
    shown() {
      // Read afresh on every visit: the roster may have changed since.
      void preview();
    },
  };
}
