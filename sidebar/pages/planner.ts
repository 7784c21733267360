import { GEOGRAPHIES, PARTNERSHIP_TYPES, TIER_KEYS } from '../../src/core/domain';
import type { CurrencyCode, PerTier } from '../../src/core/domain';
import type { AllocationEditsConflict, AllocationInput, AllocationPreview } from '../../src/shared/api';
import type { Handoff, PageContext, PageDef, PageInstance } from '../app';
import { h, nextId } from '../dom';
import { fieldKit } from './planner/fields';
import { check, initialValues, MIX_KEYS, percentText, STEP_GROUPS, type Checked, type FormValues, type Group, type Issue, type MixKind, type Period } from './planner/form';
import { renderPreview } from './planner/preview';
import { buildSteps, STAGE_CHOICES, type Inputs } from './planner/steps';
import { PLANNER } from './planner/strings';

/**
 * The budget planner: a five-step wizard that previews the plan and builds the Allocation tab. The DOM is built
 * once and then only updated in place, so typing never loses focus.
 */

const STEP_COUNT = STEP_GROUPS.length;

export const planner: PageDef = {
  id: 'planner',
  title: { en: 'Plan budget', zh: '预算规划' },
  summary: { en: 'Split the budget across tiers and build the Allocation tab.', zh: '按达人层级分配预算，生成预算分配表。' },
  mount: mountPlanner,
};

function mountPlanner(ctx: PageContext): PageInstance {
  const say = ctx.wording(PLANNER);
  const setup = ctx.setup;
  let step = 0;
  let checked: Checked | null = null;
  const touched = new Set<Group>();
  let preview: { result: AllocationPreview; key: string } | null = null;
  let conflict: { input: AllocationInput; edits: AllocationEditsConflict['edits'] } | null = null;
  // Where the tier mix came from while it is still that mix: the team's own quarter, or a rebalance's proposal.
  let mixFrom: { kind: 'team' | 'rebalance'; quarter: string | null; mix: PerTier<number> } | null =
    setup.teamMix && !setup.savedAllocation && !setup.allocationEdits ? { kind: 'team', quarter: setup.teamMix.quarter, mix: setup.teamMix.mix } : null;

  const kit = fieldKit(say, touched, () => update());
  const steps = buildSteps(setup, initialValues(setup), kit, () => update());
  const { inputs, sections } = steps;

  const stepCount = h('span', { class: 'secondary step-count', testid: 'step-count' });
  const roster = h('p', { class: 'secondary roster', testid: 'roster' });
  // Read from the shared setup each time, which the roster page updates once the user confirms a mapping.
  const showRoster = (): void => {
    const s = say.now();
    const found = ctx.setup.roster;
    roster.textContent = found ? s.rosterFound(found.sheet, Object.keys(found.columns).length) : s.rosterMissing;
  };
  say.bind(showRoster);
  const title = h('h2', { testid: 'step-title', id: nextId('title'), attrs: { tabindex: '-1' } });
  const feedback = h('div', {});

  const overwriteText = h('p', {});
  const overwrite = say.text(h('button', { class: 'action', testid: 'overwrite', attrs: { type: 'button' } }), (s) => s.overwrite);
  const useEdits = say.text(h('button', { testid: 'use-edits', attrs: { type: 'button' } }), (s) => s.useEdits);
  overwriteText.id = nextId('q');
  const conflictBox = h('div', { class: 'confirm block', testid: 'overwrite-confirm', hidden: true, attrs: { role: 'group', 'aria-labelledby': overwriteText.id } }, overwriteText, h('div', { class: 'buttons' }, overwrite, useEdits));

  const back = say.text(h('button', { testid: 'back', attrs: { type: 'button' } }), (s) => s.back);
  const next = say.text(h('button', { class: 'action', testid: 'next', attrs: { type: 'submit' } }), (s) => s.next);
  const previewButton = say.text(h('button', { testid: 'preview', attrs: { type: 'button' } }), (s) => s.preview);
  const buildButton = say.text(h('button', { class: 'action', testid: 'build', attrs: { type: 'button' } }), (s) => s.build);
  const buttons = [back, next, previewButton, buildButton, overwrite, useEdits];

  const form = h(
    'form',
    { testid: 'wizard', attrs: { novalidate: '', 'aria-busy': 'false', 'aria-labelledby': title.id } },
    h('div', { class: 'step-head' }, title, stepCount),
    h('div', { class: 'steps' }, ...sections),
    conflictBox,
    feedback,
    h('div', { class: 'nav' }, back, previewButton, next, buildButton),
  );
  const root = h('div', { class: 'page planner', testid: 'page-planner' }, roster, form);

  function readValues(i: Inputs): FormValues {
    const mix = <K extends string>(kind: MixKind, keys: readonly K[]): Record<K, string> =>
      Object.fromEntries(keys.map((k) => [k, i.mix[kind][k]!.value])) as Record<K, string>;
    return {
      budget: i.budget.value,
      currency: i.currency.value as CurrencyCode,
      period: i.period.value as Period,
      stage: steps.selectedStage(),
      mix: mix('mix', TIER_KEYS),
      partnershipMix: mix('partnershipMix', PARTNERSHIP_TYPES),
      geoMix: mix('geoMix', GEOGRAPHIES),
      costPerPost: Object.fromEntries(TIER_KEYS.map((t) => [t, { min: i.costPerPost[t].min.value, max: i.costPerPost[t].max.value }])) as FormValues['costPerPost'],
      aov: i.aov.value,
      targetRoas: i.targetRoas.value,
    };
  }

  /** Puts a whole set of values into the inputs (the tab's edited values, when the user chooses them). */
  function fill(i: Inputs, v: FormValues): void {
    i.budget.value = v.budget;
    if (!Array.from(i.currency.options).some((o) => o.value === v.currency)) i.currency.appendChild(h('option', { attrs: { value: v.currency }, text: v.currency }));
    i.currency.value = v.currency;
    i.period.value = v.period;
    for (const choice of STAGE_CHOICES) i.stage[choice].checked = choice === v.stage;
    for (const kind of ['mix', 'partnershipMix', 'geoMix'] as const) {
      for (const key of MIX_KEYS[kind]) i.mix[kind][key]!.value = (v[kind] as Record<string, string>)[key] ?? '0';
    }
    for (const t of TIER_KEYS) {
      i.costPerPost[t].min.value = v.costPerPost[t].min;
      i.costPerPost[t].max.value = v.costPerPost[t].max;
    }
    i.aov.value = v.aov;
    i.targetRoas.value = v.targetRoas;
  }

  /** Identifies a plan; the language only changes the wording, so a switch does not make a preview stale. */
  const requestKey = (input: AllocationInput | null): string => (input ? JSON.stringify({ ...input, language: undefined }) : '');
  const stepIssues = (index: number, c: Checked): Issue[] =>
    (STEP_GROUPS[index] ?? []).map((g) => c.issues[g]).filter((x): x is Issue => x !== undefined);

  function update(): void {
    const s = say.now();
    const busy = ctx.busy();
    for (const button of buttons) button.disabled = busy;
    checked = check(readValues(inputs), ctx.language());
    for (const refresh of kit.refreshers) refresh(checked, s);
    renderPreview(steps.result, preview?.result ?? null, requestKey(checked.input) !== preview?.key, s);
    const last = step === STEP_COUNT - 1;
    next.hidden = last;
    previewButton.hidden = !last;
    buildButton.hidden = !last;
    back.hidden = step === 0;
    next.disabled = busy || stepIssues(step, checked).length > 0;
    stepCount.textContent = s.stepOf(step + 1, STEP_COUNT);
    title.textContent = s.stepTitles[step] ?? '';
    conflictBox.hidden = !conflict || !last;
    const sameMix = !!mixFrom && steps.selectedStage() === 'custom' && TIER_KEYS.every((k) => inputs.mix.mix[k]!.value === percentText(mixFrom!.mix[k]));
    steps.mixSource.hidden = !sameMix;
    steps.mixSource.textContent = sameMix ? (mixFrom!.kind === 'team' ? s.mixFromTeam(mixFrom!.quarter) : s.mixFromRebalance(mixFrom!.quarter)) : '';
    if (conflict) overwriteText.textContent = s.overwriteQuestion(conflict.edits.sheetName, s.list(conflict.edits.fields.map((f) => s.fieldNames[f])));
  }

  function go(index: number, focus = true): void {
    step = Math.max(0, Math.min(STEP_COUNT - 1, index));
    sections.forEach((section, i) => (section.hidden = i !== step));
    ctx.toast(null);
    conflict = null;
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
    ctx.error((l) => PLANNER[l].fixStep(bad + 1, PLANNER[l].stepTitles[bad] ?? ''));
    return null;
  }

  async function doPreview(): Promise<void> {
    const input = validRequest();
    if (!input) return;
    const result = await ctx.run('previewAllocation', input);
    if (result) {
      preview = { result, key: requestKey(input) };
      update();
    }
  }

  async function doBuild(overwriteEdits = false): Promise<void> {
    const input = validRequest();
    if (!input) return;
    ctx.toast(null);
    conflict = null;
    // The options argument is sent only once the user agreed, so a plain build is the one-argument call it was.
    const result = overwriteEdits ? await ctx.run('buildAllocation', input, { overwriteEdits: true }) : await ctx.run('buildAllocation', input);
    if (result && 'conflict' in result) {
      conflict = { input, edits: result.edits };
      update();
      overwrite.focus();
      return;
    }
    if (result) {
      const { sheetName, created, summary } = result;
      preview = { result: summary, key: requestKey(input) };
      ctx.toast((l) => PLANNER[l].built(sheetName, created));
    }
    update();
  }

  /** The mix another page handed over (the rebalance's proposal), as a custom mix; the budget only when none is typed. */
  function takeMix(handoff: Handoff): void {
    for (const choice of STAGE_CHOICES) inputs.stage[choice].checked = choice === 'custom';
    for (const k of TIER_KEYS) inputs.mix.mix[k]!.value = percentText(handoff.mix[k]);
    if (!inputs.budget.value.trim()) {
      inputs.budget.value = String(handoff.budget);
      inputs.period.value = 'quarter';
    }
    mixFrom = { kind: 'rebalance', quarter: handoff.quarter, mix: handoff.mix };
    go(1, false);
  }

  function takeEdits(): void {
    if (!conflict) return;
    fill(inputs, initialValues({ ...setup, allocationEdits: conflict.edits }));
    conflict = null;
    update();
    void doPreview();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (ctx.busy() || !checked) return;
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
  overwrite.addEventListener('click', () => void doBuild(true));
  useEdits.addEventListener('click', takeEdits);
  say.bind(() => update());
  ctx.onBusy((on) => {
    form.setAttribute('aria-busy', String(on));
    update();
  });
  go(0, false);

  return {
    root,
    feedback,
    shown(_then, handoff) {
      showRoster();
      if (handoff) takeMix(handoff);
    },
  };
}
