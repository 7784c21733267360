import type { PageContext } from '../../app';
import { append, clear, h } from '../../dom';
import type { TierIssue, TierRowValues } from './form';
import { SETTINGS } from './strings';

/**
 * The team's own tier table: one row per tier (name, minimum followers, optional typical engagement top), rows
 * added and removed freely. The rows are kept as data and re-rendered on add, remove and a language switch.
 */

export interface TierEditor {
  root: HTMLElement;
  values(): TierRowValues[];
  set(rows: readonly TierRowValues[]): void;
  showIssue(issue: TierIssue | null): void;
}

const MAX_ROWS = 10;

export function tierEditor(ctx: PageContext, onChange: () => void): TierEditor {
  const say = ctx.wording(SETTINGS);
  let rows: TierRowValues[] = [];
  let issue: TierIssue | null = null;

  const list = h('div', { class: 'tier-rows', testid: 'tier-rows' });
  const message = h('div', { class: 'error field-error', testid: 'tiers-error', attrs: { 'aria-live': 'polite' } });
  const add = say.text(h('button', { testid: 'tier-add', attrs: { type: 'button' } }), (s) => s.addTier);
  const head = h(
    'div',
    { class: 'tier-row tier-head secondary', attrs: { 'aria-hidden': 'true' } },
    say.text(h('span', {}), (s) => s.tierName),
    say.text(h('span', {}), (s) => s.tierMin),
    say.text(h('span', {}), (s) => s.tierTop),
    h('span', {}),
  );
  const root = h('div', { class: 'tier-editor', testid: 'tier-editor' }, head, list, say.text(h('p', { class: 'secondary hint' }), (s) => s.tierTopHint), message, add);

  function input(testid: string, value: string, label: string, onInput: (v: string) => void): HTMLInputElement {
    const el = h('input', { testid, attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-label': label } });
    el.value = value;
    el.addEventListener('input', () => {
      onInput(el.value);
      onChange();
    });
    return el;
  }

  /** Marks the box the issue is about, in place, so typing keeps its focus. */
  function mark(): void {
    const part = !issue || !('row' in issue) ? null : issue.code === 'engagement' ? 'top' : issue.code === 'minimum' || issue.code === 'duplicate-minimum' ? 'min' : 'name';
    for (const el of Array.from(list.querySelectorAll('input'))) {
      if (part && issue && 'row' in issue && el.dataset.testid === `tier-${part}-${issue.row}`) el.setAttribute('aria-invalid', 'true');
      else el.removeAttribute('aria-invalid');
    }
    message.textContent = issue ? say.now().tierIssue(issue) : '';
  }

  function render(): void {
    const s = say.now();
    clear(list);
    rows.forEach((row, i) => {
      const remove = h('button', { class: 'tier-remove', testid: `tier-remove-${i}`, attrs: { type: 'button', 'aria-label': s.removeTier(row.tier) }, text: '×' });
      remove.addEventListener('click', () => {
        rows.splice(i, 1);
        render();
        onChange();
      });
      append(
        list,
        h(
          'div',
          { class: 'tier-row', testid: `tier-row-${i}` },
          input(`tier-name-${i}`, row.tier, `${s.tierName} ${i + 1}`, (v) => (row.tier = v)),
          input(`tier-min-${i}`, row.minFollowers, `${s.tierMin} ${i + 1}`, (v) => (row.minFollowers = v)),
          input(`tier-top-${i}`, row.engagementTop, `${s.tierTop} ${i + 1}`, (v) => (row.engagementTop = v)),
          remove,
        ),
      );
    });
    add.disabled = rows.length >= MAX_ROWS;
    mark();
  }

  add.addEventListener('click', () => {
    rows.push({ tier: '', minFollowers: '', engagementTop: '' });
    render();
    onChange();
    list.querySelector<HTMLInputElement>(`[data-testid="tier-name-${rows.length - 1}"]`)?.focus();
  });
  say.bind(() => render());

  return {
    root,
    values: () => rows.map((r) => ({ ...r })),
    set(next) {
      rows = next.map((r) => ({ ...r }));
      render();
    },
    showIssue(next) {
      issue = next;
      mark();
    },
  };
}
