import type { Wording } from '../../app';
import { h, nextId } from '../../dom';
import { formatNumber } from '../../i18n';
import { MIX_KEYS, type Checked, type Group, type MixKind } from './form';
import type { PlannerStrings } from './strings';

/**
 * The planner's input builders. Every input reports its edits through `update`; everything that depends on the
 * inputs (totals, messages) registers a refresher that `update` re-runs with the latest check.
 */

export type Say = (s: PlannerStrings) => string;
export type Refresher = (c: Checked, s: PlannerStrings) => void;

/** data-testid prefixes, the same as the group's inputs carry (cost-mega-min, cost-error). */
export const TESTID_PREFIX: Record<Group, string> = {
  budget: 'budget',
  mix: 'mix',
  partnershipMix: 'pmix',
  geoMix: 'geo',
  costPerPost: 'cost',
  aov: 'aov',
  targetRoas: 'target-roas',
};

/** One input of a group that shares a message line. */
export interface Control {
  /** The sub-field key Checked.at uses ("mega", "mega.min"); empty for a single-input group. */
  key: string;
  el: HTMLElement;
  name?: Say;
}

export interface MixFieldset {
  fieldset: HTMLFieldSetElement;
  inputs: Record<string, HTMLInputElement>;
}

export interface FieldKit {
  say: Wording<PlannerStrings>;
  refreshers: Refresher[];
  label(forInput: HTMLElement, wording: Say, hidden?: boolean): HTMLLabelElement;
  describedBy(control: HTMLElement, id: string): void;
  fieldMessage(group: Group, controls: () => Control[]): HTMLElement;
  textInput(testid: string, value: string, group: Group): HTMLInputElement;
  mixFieldset(kind: MixKind, values: Record<string, string>, legend: Say, name: (s: PlannerStrings, key: string) => string, prefix: string): MixFieldset;
}

export function fieldKit(say: Wording<PlannerStrings>, touched: Set<Group>, update: () => void): FieldKit {
  const refreshers: Refresher[] = [];

  function label(forInput: HTMLElement, wording: Say, hidden = false): HTMLLabelElement {
    if (!forInput.id) forInput.id = nextId('f');
    return say.text(h('label', { class: hidden ? 'visually-hidden' : undefined, attrs: { for: forInput.id } }), wording);
  }

  function describedBy(control: HTMLElement, id: string): void {
    const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    if (!ids.includes(id)) control.setAttribute('aria-describedby', [...ids, id].join(' '));
  }

  /**
   * The message line of a group of inputs. A missing value is only reported once the user has typed in the group
   * (an empty form is not an error yet); everything else shows as soon as it is typed.
   */
  function fieldMessage(group: Group, controls: () => Control[]): HTMLElement {
    const el = h('div', { class: 'error field-error', testid: `${TESTID_PREFIX[group]}-error`, id: nextId('msg'), attrs: { 'aria-live': 'polite' } });
    refreshers.push((c, s) => {
      const issue = c.issues[group];
      const visible = issue !== undefined && (issue.code !== 'required' || touched.has(group));
      const at = c.at[group];
      const all = controls();
      const culprit = at === undefined ? null : all.find((control) => control.key === at);
      el.textContent = visible ? (culprit?.name ? s.about(culprit.name(s), s.issue(issue)) : s.issue(issue)) : '';
      for (const control of all) {
        describedBy(control.el, el.id);
        const marked = visible && (at === undefined || control.key === at || control.key.startsWith(`${at}.`));
        if (marked) control.el.setAttribute('aria-invalid', 'true');
        else control.el.removeAttribute('aria-invalid');
      }
    });
    return el;
  }

  function watched(input: HTMLInputElement, value: string, group: Group): HTMLInputElement {
    input.value = value;
    input.addEventListener('input', () => {
      touched.add(group);
      update();
    });
    return input;
  }

  /** Amounts are text, not type=number, so "3万" and "¥30,000" can be typed as they are written elsewhere. */
  const textInput = (testid: string, value: string, group: Group): HTMLInputElement =>
    watched(h('input', { testid, attrs: { type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false' } }), value, group);

  const percentInput = (testid: string, value: string, group: Group): HTMLInputElement =>
    watched(h('input', { class: 'percent', testid, attrs: { type: 'number', min: '0', max: '100', step: 'any', inputmode: 'decimal' } }), value, group);

  function mixFieldset(kind: MixKind, values: Record<string, string>, legend: Say, name: (s: PlannerStrings, key: string) => string, prefix: string): MixFieldset {
    const keys: readonly string[] = MIX_KEYS[kind];
    const inputs: Record<string, HTMLInputElement> = {};
    const rows = keys.map((key) => {
      const input = percentInput(`${prefix}-${key}`, values[key] ?? '0', kind);
      inputs[key] = input;
      return h('div', { class: 'mix-row' }, label(input, (s) => name(s, key)), h('span', { class: 'with-unit' }, input, h('span', { class: 'unit', attrs: { 'aria-hidden': 'true' } }, '%')));
    });
    // Not a live region: it changes on every keystroke; the message line below announces a wrong total.
    const total = h('div', { class: 'total', testid: `${prefix}-total` });
    refreshers.push((c, s) => {
      const sum = c.totals[kind];
      total.textContent = s.total(sum === null ? '–' : formatNumber(sum, 4));
      total.classList.toggle('invalid', c.issues[kind] !== undefined);
    });
    const message = fieldMessage(kind, () => keys.map((key) => ({ key, el: inputs[key]!, name: (s: PlannerStrings) => name(s, key) })));
    const fieldset = h('fieldset', { class: 'block' }, say.text(h('legend', {}), legend), ...rows, total, message);
    return { fieldset, inputs };
  }

  return { say, refreshers, label, describedBy, fieldMessage, textInput, mixFieldset };
}
