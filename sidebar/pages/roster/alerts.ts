import type { AlertsResult, RosterField } from '../../../src/shared/api';
import type { PageContext } from '../../app';
import { append, clear, h } from '../../dom';
import { columnLetters } from '../../i18n';
import { ROSTER, type RosterStrings } from './strings';

/**
 * Alerts on the confirmed roster: apply or remove them, then the legend of what the sheet now shows (per alert its
 * colour, label and flagged rows), the alerts that could not run and why, and the cells no rule could check.
 */

export interface AlertsSection {
  root: HTMLElement;
  /** Whether the roster is confirmed, which alerts need. */
  setConfirmed(confirmed: boolean): void;
  /** Forgets the legend, which no longer describes the sheet once the mapping changed. */
  clear(): void;
  apply(): Promise<void>;
}

/** Only a plain #rrggbb reaches the style attribute. */
const COLOUR = /^#[0-9a-f]{6}$/i;

export function alertsSection(ctx: PageContext): AlertsSection {
  const say = ctx.wording(ROSTER);
  let confirmed = false;
  let result: AlertsResult | null = null;

  const hint = h('p', { class: 'secondary hint', testid: 'alerts-hint' });
  const apply = say.text(h('button', { class: 'action', testid: 'alerts-apply', attrs: { type: 'button' } }), (s) => s.apply);
  const remove = say.text(h('button', { testid: 'alerts-remove', attrs: { type: 'button' } }), (s) => s.remove);
  const report = h('div', { class: 'alerts-report', testid: 'alerts-report' });
  const root = h(
    'section',
    { class: 'block alerts', testid: 'alerts' },
    say.text(h('h2', {}), (s) => s.alertsLegend),
    hint,
    h('div', { class: 'buttons' }, apply, remove),
    report,
  );

  const field = (s: RosterStrings) => (f: RosterField): string => s.fields[f] ?? f;

  function render(): void {
    const s = say.now();
    const language = ctx.language();
    hint.textContent = confirmed ? s.alertsHint : s.needsConfirm;
    apply.disabled = remove.disabled = ctx.busy() || !confirmed;
    clear(report);
    if (!result) return;

    const legend = result.applied.map((alert) => {
      const swatch = h('span', { class: 'swatch', testid: 'swatch', attrs: { 'aria-hidden': 'true' } });
      if (COLOUR.test(alert.background)) swatch.style.backgroundColor = alert.background;
      return h(
        'li',
        { testid: `legend-${alert.id}`, class: alert.count > 0 ? 'flagged' : 'clear' },
        swatch,
        h('span', { class: 'legend-label', text: alert.label[language] }),
        h('span', { class: 'count', testid: `count-${alert.id}`, text: s.flagged(alert.count) }),
        h('span', { class: 'legend-column secondary', text: s.onColumn(columnLetters(alert.column), alert.header) }),
      );
    });
    append(report, h('ul', { class: 'legend', testid: 'alerts-legend' }, ...legend));

    if (result.skipped.length) {
      append(
        report,
        h('h3', { text: s.skippedTitle }),
        h(
          'ul',
          { class: 'skipped', testid: 'alerts-skipped' },
          ...result.skipped.map((skip) => h('li', { testid: `skipped-${skip.id}`, text: s.skippedLine(skip.label[language], s.skipReason(skip.reason, field(s))) })),
        ),
      );
    }

    const unchecked = result.applied.flatMap((alert) =>
      alert.unchecked.map((cells) =>
        h('li', {
          testid: `unchecked-${alert.id}`,
          text: s.uncheckedLine(alert.label[language], s.onColumn(columnLetters(cells.column), cells.header), s.rows(cells.rows), s.reasons[cells.reason] ?? cells.reason),
        }),
      ),
    );
    if (unchecked.length) append(report, h('h3', { text: s.uncheckedTitle }), h('ul', { class: 'unchecked warnings', testid: 'alerts-unchecked' }, ...unchecked));

    const notes = [
      ...(result.missing ?? []).map((m) => s.missingField(field(s)(m.field), m.header)),
      result.statusDropdown ? s.dropdownAdded(s.onColumn(columnLetters(result.statusDropdown.column), result.statusDropdown.header)) : null,
      result.statusDropdownKept ? s.dropdownKept(s.onColumn(columnLetters(result.statusDropdownKept.column), result.statusDropdownKept.header), s.rows(result.statusDropdownKept.rows)) : null,
    ].filter((note): note is string => note !== null);
    if (notes.length) append(report, h('ul', { class: 'notes secondary', testid: 'alerts-notes' }, ...notes.map((note) => h('li', { text: note }))));

    const outside = result.statusDropdown?.outside ?? [];
    if (result.statusDropdown && outside.length) {
      append(
        report,
        h('p', { class: 'secondary', text: s.statusOutside(result.statusDropdown.header) }),
        h('ul', { class: 'outside', testid: 'alerts-status-outside' }, ...outside.map((o) => h('li', { text: s.outsideLine(o.value, s.rows(o.rows)) }))),
      );
    }
  }

  async function doApply(): Promise<void> {
    if (!confirmed) return;
    const applied = await ctx.run('applyAlerts', { language: ctx.language() });
    if (!applied) return;
    result = applied;
    const count = applied.applied.length;
    ctx.toast((l) => ROSTER[l].appliedToast(applied.sheet, count, count + applied.skipped.length));
    render();
  }

  async function doRemove(): Promise<void> {
    const removed = await ctx.run('removeAlerts');
    if (!removed) return;
    result = null;
    ctx.toast((l) => (removed.sheet && removed.removed > 0 ? ROSTER[l].removedToast(removed.sheet, removed.removed) : ROSTER[l].nothingToRemove));
    render();
  }

  apply.addEventListener('click', () => void doApply());
  remove.addEventListener('click', () => void doRemove());
  say.bind(() => render());
  ctx.onBusy(() => {
    apply.disabled = remove.disabled = ctx.busy() || !confirmed;
  });

  return {
    root,
    setConfirmed(value) {
      confirmed = value;
      render();
    },
    clear() {
      result = null;
      render();
    },
    apply: doApply,
  };
}
