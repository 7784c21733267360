import { GEOGRAPHIES, PARTNERSHIP_TYPES, STAGES, TIER_KEYS } from '../src/core/domain';
import type { CurrencyCode, TierKey } from '../src/core/domain';
import type { AllocationInput, AllocationPreview, Language, ServerApi, SetupInfo } from '../src/shared/api';
import { call, type ServerName, type ServerResult } from './client';
import { append, clear, h, nextId } from './dom';
import {
  check,
  initialValues,
  MIX_KEYS,
  percentText,
  STEP_GROUPS,
  type Checked,
  type FormValues,
  type Group,
  type Issue,
  type MixKind,
  type Period,
  type StageChoice,
} from './form';
import { currencySymbol, formatMoney, formatNumber, HTML_LANG, LANGUAGE_NAMES, STRINGS, type Strings } from './i18n';

/**
 * The budget-planning wizard. The DOM is built once per setup and then only updated in place, so typing never
 * loses focus; everything worded goes through `bind`, which re-runs on a language switch.
 */

const STEP_COUNT = STEP_GROUPS.length;
const STAGE_CHOICES: readonly StageChoice[] = [...STAGES, 'custom'];

type Say = (s: Strings) => string;

/** data-testid prefixes, the same as the group's inputs carry (cost-mega-min, cost-error). */
const TESTID_PREFIX: Record<Group, string> = {
  budget: 'budget',
  mix: 'mix',
  partnershipMix: 'pmix',
  geoMix: 'geo',
  costPerPost: 'cost',
  aov: 'aov',
  targetRoas: 'target-roas',
};

/** One input of a group that shares a message line. */
interface Control {
  /** The sub-field key Checked.at uses ("mega", "mega.min"); empty for a single-input group. */
  key: string;
  el: HTMLElement;
  name?: Say;
}

interface Inputs {
  budget: HTMLInputElement;
  currency: HTMLSelectElement;
  period: HTMLSelectElement;
  stage: Record<StageChoice, HTMLInputElement>;
  mix: Record<MixKind, Record<string, HTMLInputElement>>;
  costPerPost: Record<TierKey, { min: HTMLInputElement; max: HTMLInputElement }>;
  aov: HTMLInputElement;
  targetRoas: HTMLInputElement;
}

export function mount(root: HTMLElement): void {
  // Until getSetup answers, the browser's language is the best guess for the loading text.
  let language: Language = /^zh/i.test(navigator.language) ? 'zh' : 'en';
  let setup: SetupInfo | null = null;
  let inputs: Inputs | null = null;
  let step = 0;
  let busy = false;
  let checked: Checked | null = null;
  const touched = new Set<Group>();
  let preview: { result: AllocationPreview; key: string } | null = null;
  let status: Say | null = null;
  let error: Say | null = null;
  const sections: HTMLElement[] = [];
  /** Everything that depends on the inputs (totals, messages, the preview), re-run after each edit. */
  const refreshers: Array<(c: Checked, s: Strings) => void> = [];

  /** Everything worded, re-run on a language switch. */
  const binds: Array<(s: Strings) => void> = [];
  const bind = (fn: (s: Strings) => void): void => {
    binds.push(fn);
    fn(STRINGS[language]);
  };
  const text = <E extends HTMLElement>(el: E, wording: Say): E => {
    bind((s) => (el.textContent = wording(s)));
    return el;
  };

  // ---- Shell: present before setup arrives, so loading and a failed getSetup have somewhere to show. ----
  const langSelect = h(
    'select',
    { testid: 'lang', id: nextId('lang') },
    ...(['en', 'zh'] as const).map((l) => h('option', { attrs: { value: l, lang: HTML_LANG[l] }, text: LANGUAGE_NAMES[l] })),
  );
  const stepCount = h('span', { class: 'secondary step-count', testid: 'step-count' });
  const roster = h('p', { class: 'secondary roster', testid: 'roster' });
  // Focus moves to the heading on every step change, so screen readers announce the new step.
  const title = h('h2', { testid: 'step-title', id: nextId('title'), attrs: { tabindex: '-1' } });
  const steps = h('div', { class: 'steps' });
  const errorBox = h('div', { class: 'error block', testid: 'error', attrs: { role: 'alert' } });
  const statusBox = h('div', { class: 'status block', testid: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const busyBox = h('div', { class: 'busy', testid: 'busy', hidden: true }, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }));
  const busyText = text(h('span', {}), (s) => (setup ? s.working : s.loading));
  busyBox.appendChild(busyText);

  const back = text(h('button', { testid: 'back', attrs: { type: 'button' } }), (s) => s.back);
  const next = text(h('button', { class: 'action', testid: 'next', attrs: { type: 'submit' } }), (s) => s.next);
  const previewButton = text(h('button', { testid: 'preview', attrs: { type: 'button' } }), (s) => s.preview);
  const buildButton = text(h('button', { class: 'action', testid: 'build', attrs: { type: 'button' } }), (s) => s.build);
  const retry = text(h('button', { class: 'action', testid: 'retry', attrs: { type: 'button' }, hidden: true }), (s) => s.retry);
  const buttons = [back, next, previewButton, buildButton, retry];
  const nav = h('div', { class: 'nav' }, back, previewButton, next, buildButton, retry);

  const form = h(
    'form',
    { testid: 'wizard', attrs: { novalidate: '', 'aria-busy': 'false', 'aria-labelledby': title.id } },
    title,
    steps,
    errorBox,
    statusBox,
    busyBox,
    nav,
  );

  const langLabel = text(h('label', { class: 'visually-hidden', attrs: { for: langSelect.id } }), (s) => s.languageLabel);
  append(root, h('header', { class: 'topbar' }, stepCount, h('span', { class: 'lang' }, langLabel, langSelect)), roster, form);

  const strings = (): Strings => STRINGS[language];

  function setLanguage(l: Language): void {
    language = l;
    langSelect.value = l;
    document.documentElement.lang = HTML_LANG[l];
    for (const fn of binds) fn(strings());
    update();
  }

  function showError(message: Say | null): void {
    error = message;
    errorBox.textContent = message ? message(strings()) : '';
  }

  function showStatus(message: Say | null): void {
    status = message;
    statusBox.textContent = message ? message(strings()) : '';
  }

  bind((s) => {
    errorBox.textContent = error ? error(s) : '';
    statusBox.textContent = status ? status(s) : '';
  });

  function setBusy(on: boolean): void {
    busy = on;
    form.setAttribute('aria-busy', String(on));
    busyBox.hidden = !on;
    update();
  }

  /** Runs one server call with the busy state on and any failure shown as the server worded it. */
  async function run<K extends ServerName>(name: K, ...args: Parameters<ServerApi[K]>): Promise<ServerResult<K> | null> {
    if (busy) return null;
    // Disabling the pressed button drops keyboard focus to the page; it goes back once the call is over.
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    showError(null);
    setBusy(true);
    try {
      return await call(name, ...args);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      showError(() => message);
      return null;
    } finally {
      setBusy(false);
      const lost = document.activeElement === document.body || document.activeElement === focused;
      if (focused?.isConnected && !focused.hidden && lost) focused.focus();
    }
  }

  // ---- Field builders ----
  function label(forInput: HTMLElement, wording: Say, hidden = false): HTMLLabelElement {
    if (!forInput.id) forInput.id = nextId('f');
    return text(h('label', { class: hidden ? 'visually-hidden' : undefined, attrs: { for: forInput.id } }), wording);
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

  function mixFieldset(
    kind: MixKind,
    values: Record<string, string>,
    legend: Say,
    name: (s: Strings, key: string) => string,
    prefix: string,
  ): { fieldset: HTMLFieldSetElement; inputs: Record<string, HTMLInputElement> } {
    const keys: readonly string[] = MIX_KEYS[kind];
    const mixInputs: Record<string, HTMLInputElement> = {};
    const rows = keys.map((key) => {
      const input = percentInput(`${prefix}-${key}`, values[key] ?? '0', kind);
      mixInputs[key] = input;
      return h('div', { class: 'mix-row' }, label(input, (s) => name(s, key)), h('span', { class: 'with-unit' }, input, h('span', { class: 'unit', attrs: { 'aria-hidden': 'true' } }, '%')));
    });
    // Not a live region: it changes on every keystroke; the message line below announces a wrong total.
    const total = h('div', { class: 'total', testid: `${prefix}-total` });
    refreshers.push((c, s) => {
      const sum = c.totals[kind];
      total.textContent = s.total(sum === null ? '–' : formatNumber(sum, 4));
      total.classList.toggle('invalid', c.issues[kind] !== undefined);
    });
    const message = fieldMessage(kind, () => keys.map((key) => ({ key, el: mixInputs[key]!, name: (s: Strings) => name(s, key) })));
    const fieldset = h('fieldset', { class: 'block' }, text(h('legend', {}), legend), ...rows, total, message);
    return { fieldset, inputs: mixInputs };
  }

  // ---- Steps ----
  function buildSteps(info: SetupInfo): Inputs {
    const v = initialValues(info);
    clear(steps);
    sections.length = 0;
    refreshers.length = 0;

    // Step 1: budget
    const budget = textInput('budget', v.budget, 'budget');
    budget.setAttribute('placeholder', '30,000');
    const budgetHint = text(h('div', { class: 'secondary hint', id: nextId('hint') }), (s) => s.budgetHint);
    const budgetParsed = h('div', { class: 'parsed', testid: 'budget-parsed', id: nextId('parsed'), attrs: { 'aria-live': 'polite' } });
    const currency = h('select', { testid: 'currency' });
    const codes: CurrencyCode[] = info.currencies.includes(v.currency) ? info.currencies : [v.currency, ...info.currencies];
    for (const code of codes) currency.appendChild(h('option', { attrs: { value: code }, text: `${code} ${currencySymbol(code)}` }));
    currency.value = v.currency;
    const period = h('select', { testid: 'period' });
    for (const p of ['month', 'quarter'] as const) {
      const option = h('option', { attrs: { value: p } });
      bind((s) => (option.textContent = s.periods[p]));
      period.appendChild(option);
    }
    period.value = v.period;
    currency.addEventListener('change', update);
    period.addEventListener('change', update);
    const budgetLabel = label(budget, (s) => s.budgetLabel(period.value as Period));
    refreshers.push((c, s) => {
      budgetLabel.textContent = s.budgetLabel(period.value as Period);
      budgetParsed.textContent = c.budget !== null ? s.budgetParsed(formatMoney(c.budget, currency.value as CurrencyCode), period.value as Period) : '';
    });
    const budgetMessage = fieldMessage('budget', () => [{ key: '', el: budget }]);
    describedBy(budget, budgetHint.id);
    describedBy(budget, budgetParsed.id);
    const step1 = h(
      'section',
      { testid: 'step-1' },
      h('div', { class: 'form-group' }, budgetLabel, budget, budgetHint, budgetParsed, budgetMessage),
      h(
        'div',
        { class: 'form-group inline-pair' },
        h('div', {}, label(currency, (s) => s.currencyLabel), currency),
        h('div', {}, label(period, (s) => s.periodLabel), period),
      ),
      info.savedAllocation ? text(h('p', { class: 'secondary', testid: 'prefilled' }), (s) => s.prefilled) : null,
    );

    // Step 2: stage and tier mix
    const stage = {} as Record<StageChoice, HTMLInputElement>;
    const stageName = nextId('stage');
    const radios = STAGE_CHOICES.map((choice) => {
      const radio = h('input', { testid: `stage-${choice}`, attrs: { type: 'radio', name: stageName, value: choice } });
      radio.checked = choice === v.stage;
      stage[choice] = radio;
      const mix = choice === 'custom' ? null : info.defaults.stageMix[choice];
      const detail = h('span', { class: 'secondary preset' });
      if (mix) detail.textContent = TIER_KEYS.map((k) => percentText(mix[k])).join(' / ');
      else bind((s) => (detail.textContent = s.customHint));
      radio.addEventListener('change', () => {
        if (mix) for (const k of TIER_KEYS) tierMix.inputs[k]!.value = percentText(mix[k]);
        update();
      });
      return h('div', { class: 'radio' }, radio, label(radio, (s) => s.stages[choice]), detail);
    });
    const tierMix = mixFieldset('mix', v.mix, (s) => s.mixLegend, (s, k) => s.tiers[k as TierKey], 'mix');
    const edited = h('p', { class: 'secondary', testid: 'mix-edited', hidden: true });
    refreshers.push((_c, s) => {
      const choice = selectedStage();
      const preset = choice === 'custom' ? null : info.defaults.stageMix[choice];
      const differs = !!preset && TIER_KEYS.some((k) => Math.abs(Number(tierMix.inputs[k]!.value || 0) - Number(percentText(preset[k]))) > 1e-9);
      edited.hidden = !differs;
      edited.textContent = differs ? s.mixEdited(s.stages[choice]) : '';
    });
    const step2 = h(
      'section',
      { testid: 'step-2' },
      h('fieldset', { class: 'block stages' }, text(h('legend', {}), (s) => s.stageLegend), ...radios),
      tierMix.fieldset,
      edited,
    );

    // Step 3: optional partnership and geography mixes, folded away because the defaults suit most plans.
    const partnership = mixFieldset('partnershipMix', v.partnershipMix, (s) => s.partnershipLegend, (s, k) => s.partnerships[k as keyof Strings['partnerships']], 'pmix');
    const geo = mixFieldset('geoMix', v.geoMix, (s) => s.geoLegend, (s, k) => s.geographies[k as keyof Strings['geographies']], 'geo');
    const folded = (kind: MixKind, testid: string, legend: Say, part: { fieldset: HTMLFieldSetElement; inputs: Record<string, HTMLInputElement> }) => {
      const summaryDetail = h('span', { class: 'secondary' });
      const details = h('details', { testid }, h('summary', {}, text(h('span', {}), legend), ' ', summaryDetail), part.fieldset);
      refreshers.push((c) => {
        summaryDetail.textContent = MIX_KEYS[kind].map((k) => part.inputs[k]!.value || '0').join(' / ');
        // A section hiding a problem would leave the user with a disabled Next and no visible reason.
        if (c.issues[kind]) details.open = true;
      });
      return details;
    };
    const step3 = h(
      'section',
      { testid: 'step-3' },
      text(h('p', { class: 'secondary' }), (s) => s.optionalIntro),
      folded('partnershipMix', 'partnership-section', (s) => s.partnershipLegend, partnership),
      folded('geoMix', 'geo-section', (s) => s.geoLegend, geo),
    );

    // Step 4: cost ranges and targets
    const costPerPost = {} as Inputs['costPerPost'];
    const costRows = TIER_KEYS.map((tier) => {
      const min = textInput(`cost-${tier}-min`, v.costPerPost[tier].min, 'costPerPost');
      const max = textInput(`cost-${tier}-max`, v.costPerPost[tier].max, 'costPerPost');
      costPerPost[tier] = { min, max };
      return h(
        'div',
        { class: 'cost-row' },
        text(h('span', { class: 'tier', attrs: { 'aria-hidden': 'true' } }), (s) => s.tiers[tier]),
        label(min, (s) => s.costMin(s.tiers[tier]), true),
        min,
        h('span', { class: 'dash', attrs: { 'aria-hidden': 'true' } }, '–'),
        label(max, (s) => s.costMax(s.tiers[tier]), true),
        max,
      );
    });
    const costMessage = fieldMessage('costPerPost', () =>
      TIER_KEYS.flatMap((t) => [
        { key: `${t}.min`, el: costPerPost[t].min, name: (s: Strings) => s.costMin(s.tiers[t]) },
        { key: `${t}.max`, el: costPerPost[t].max, name: (s: Strings) => s.costMax(s.tiers[t]) },
      ]),
    );
    const aov = textInput('aov', v.aov, 'aov');
    const targetRoas = textInput('target-roas', v.targetRoas, 'targetRoas');
    const step4 = h(
      'section',
      { testid: 'step-4' },
      h(
        'fieldset',
        { class: 'block' },
        text(h('legend', {}), (s) => s.costLegend),
        text(h('p', { class: 'secondary hint' }), (s) => s.costRangeHint),
        ...costRows,
        costMessage,
      ),
      h(
        'div',
        { class: 'form-group inline-pair' },
        h('div', {}, label(aov, (s) => s.aovLabel), aov),
        h('div', {}, label(targetRoas, (s) => s.targetRoasLabel), targetRoas),
      ),
      fieldMessage('aov', () => [{ key: '', el: aov }]),
      fieldMessage('targetRoas', () => [{ key: '', el: targetRoas }]),
    );

    // Step 5: preview and build
    const summary = h('p', { class: 'summary', testid: 'summary' });
    refreshers.push((c, s) => {
      const choice = selectedStage();
      summary.textContent = c.budget !== null ? s.summary(formatMoney(c.budget, currency.value as CurrencyCode), period.value as Period, s.stages[choice]) : '';
    });
    const result = h('div', { class: 'result', testid: 'preview-result' });
    const step5 = h('section', { testid: 'step-5' }, summary, text(h('p', { class: 'secondary hint' }), (s) => s.previewHint), result);
    refreshers.push((_c, s) => renderPreview(result, s));

    sections.push(step1, step2, step3, step4, step5);
    append(steps, ...sections);
    for (const section of sections) section.hidden = true;

    return {
      budget,
      currency,
      period,
      stage,
      mix: { mix: tierMix.inputs, partnershipMix: partnership.inputs, geoMix: geo.inputs },
      costPerPost,
      aov,
      targetRoas,
    };
  }

  function selectedStage(): StageChoice {
    if (!inputs) return 'maturity';
    return STAGE_CHOICES.find((c) => inputs!.stage[c].checked) ?? 'custom';
  }

  function readValues(i: Inputs): FormValues {
    const mix = <K extends string>(kind: MixKind, keys: readonly K[]): Record<K, string> =>
      Object.fromEntries(keys.map((k) => [k, i.mix[kind][k]!.value])) as Record<K, string>;
    return {
      budget: i.budget.value,
      currency: i.currency.value as CurrencyCode,
      period: i.period.value as Period,
      stage: selectedStage(),
      mix: mix('mix', TIER_KEYS),
      partnershipMix: mix('partnershipMix', PARTNERSHIP_TYPES),
      geoMix: mix('geoMix', GEOGRAPHIES),
      costPerPost: Object.fromEntries(TIER_KEYS.map((t) => [t, { min: i.costPerPost[t].min.value, max: i.costPerPost[t].max.value }])) as FormValues['costPerPost'],
      aov: i.aov.value,
      targetRoas: i.targetRoas.value,
    };
  }

  /** Identifies a plan; the language only changes the wording, so a switch does not make a preview stale. */
  const requestKey = (input: AllocationInput | null): string => (input ? JSON.stringify({ ...input, language: undefined }) : '');
  const stepIssues = (index: number, c: Checked): Issue[] =>
    (STEP_GROUPS[index] ?? []).map((g) => c.issues[g]).filter((x): x is Issue => x !== undefined);

  function update(): void {
    const s = strings();
    for (const button of buttons) button.disabled = busy;
    if (!inputs || !setup) return;
    checked = check(readValues(inputs), language);
    for (const refresh of refreshers) refresh(checked, s);
    const last = step === STEP_COUNT - 1;
    next.hidden = last;
    previewButton.hidden = !last;
    buildButton.hidden = !last;
    back.hidden = step === 0;
    next.disabled = busy || stepIssues(step, checked).length > 0;
    stepCount.textContent = s.stepOf(step + 1, STEP_COUNT);
    title.textContent = s.stepTitles[step] ?? '';
  }

  function go(index: number, focus = true): void {
    step = Math.max(0, Math.min(STEP_COUNT - 1, index));
    sections.forEach((section, i) => (section.hidden = i !== step));
    showStatus(null);
    update();
    if (focus) title.focus();
    if (step === STEP_COUNT - 1 && checked?.input && requestKey(checked.input) !== preview?.key) void doPreview();
  }

  /** The request, or null after pointing the user at the first step that needs fixing. */
  function validRequest(): AllocationInput | null {
    if (!checked) return null;
    if (checked.input) return checked.input;
    const bad = STEP_GROUPS.findIndex((_, i) => stepIssues(i, checked!).length > 0);
    for (const g of STEP_GROUPS[bad] ?? []) touched.add(g);
    go(bad);
    showError((s) => s.fixStep(bad + 1, s.stepTitles[bad] ?? ''));
    return null;
  }

  async function doPreview(): Promise<void> {
    const input = validRequest();
    if (!input) return;
    const result = await run('previewAllocation', input);
    if (result) {
      preview = { result, key: requestKey(input) };
      update();
    }
  }

  async function doBuild(): Promise<void> {
    const input = validRequest();
    if (!input) return;
    showStatus(null);
    const result = await run('buildAllocation', input);
    if (result) {
      preview = { result: result.summary, key: requestKey(input) };
      showStatus((s) => s.built(result.sheetName, result.created));
      update();
    }
  }

  function renderPreview(container: HTMLElement, s: Strings): void {
    clear(container);
    if (!preview) return;
    const { result } = preview;
    const currency = result.settings.currency;
    const tierName = (k: TierKey): string => s.tiers[k];
    container.classList.toggle('stale', requestKey(checked?.input ?? null) !== preview.key);
    const head = h('tr', {}, ...[s.colTier, s.colBudget, s.colPosts, s.colRoas].map((c) => h('th', { attrs: { scope: 'col' }, text: c })));
    const posts = (min: number, max: number): string => (min === max ? formatNumber(min, 0) : `${formatNumber(min, 0)}–${formatNumber(max, 0)}`);
    const roas = (r: number | null): string => (r === null ? '—' : formatNumber(r, 2));
    const rows = result.tiers.map((t) =>
      h(
        'tr',
        { testid: `row-${t.tier}`, class: t.budget === 0 ? 'muted' : t.belowOnePost ? 'warn' : undefined },
        h('th', { attrs: { scope: 'row' }, text: tierName(t.tier) }),
        h('td', { class: 'num', text: formatMoney(t.budget, currency) }),
        h('td', { class: 'num', text: posts(t.postsMin, t.postsMax) }),
        h('td', { class: 'num', text: roas(t.roas) }),
      ),
    );
    const totals = h(
      'tr',
      { class: 'totals', testid: 'row-total' },
      h('th', { attrs: { scope: 'row' }, text: s.totalRow }),
      h('td', { class: 'num', text: formatMoney(result.totals.budget, currency) }),
      h('td', { class: 'num', text: posts(result.totals.postsMin, result.totals.postsMax) }),
      h('td', { class: 'num', text: roas(result.totals.roas) }),
    );
    append(
      container,
      h('table', { class: 'plan', testid: 'preview-table' }, h('thead', {}, head), h('tbody', {}, ...rows), h('tfoot', {}, totals)),
    );
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

  // ---- Events ----
  langSelect.addEventListener('change', () => setLanguage(langSelect.value === 'zh' ? 'zh' : 'en'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy || !checked) return;
    if (step === STEP_COUNT - 1) {
      void doPreview();
      return;
    }
    if (stepIssues(step, checked).length > 0) {
      for (const g of STEP_GROUPS[step] ?? []) touched.add(g);
      update();
      return;
    }
    go(step + 1);
  });
  back.addEventListener('click', () => go(step - 1));
  previewButton.addEventListener('click', () => void doPreview());
  buildButton.addEventListener('click', () => void doBuild());
  retry.addEventListener('click', () => void load());

  function showRoster(info: SetupInfo): void {
    const found = info.roster;
    bind((s) => {
      roster.textContent = found ? s.rosterFound(found.sheet, Object.keys(found.columns).length) : s.rosterMissing;
    });
  }

  async function load(): Promise<void> {
    retry.hidden = true;
    for (const b of [back, next, previewButton, buildButton]) b.hidden = true;
    const info = await run('getSetup');
    if (!info) {
      retry.hidden = false;
      return;
    }
    setup = info;
    showRoster(info);
    inputs = buildSteps(info);
    setLanguage(info.language === 'zh' ? 'zh' : 'en');
    go(0, false);
  }

  setLanguage(language);
  void load();
}
