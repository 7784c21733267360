import { currencyOfAmount, type NamedCurrency } from '../../../src/core/currency';
import { STAGES, TIER_KEYS } from '../../../src/core/domain';
import type { CurrencyCode, TierKey } from '../../../src/core/domain';
import type { SetupInfo } from '../../../src/shared/api';
import { h, nextId } from '../../dom';
import { currencySymbol, formatMoney } from '../../i18n';
import type { FieldKit } from './fields';
import { MIX_KEYS, percentText, type FormValues, type MixKind, type Period, type StageChoice } from './form';
import type { PlannerStrings } from './strings';

/**
 * The wizard's five steps as sections of inputs: budget; stage and tier mix; partnership and geography splits;
 * cost ranges and targets; preview and build. Built once per setup and then only updated in place.
 */

export const STAGE_CHOICES: readonly StageChoice[] = [...STAGES, 'custom'];

export interface Inputs {
  budget: HTMLInputElement;
  currency: HTMLSelectElement;
  period: HTMLSelectElement;
  stage: Record<StageChoice, HTMLInputElement>;
  mix: Record<MixKind, Record<string, HTMLInputElement>>;
  costPerPost: Record<TierKey, { min: HTMLInputElement; max: HTMLInputElement }>;
  aov: HTMLInputElement;
  targetRoas: HTMLInputElement;
}

export interface Steps {
  sections: HTMLElement[];
  inputs: Inputs;
  /** Where the preview table goes. */
  result: HTMLElement;
  /** Says where the mix came from, when it came from the roster or a rebalance. */
  mixSource: HTMLElement;
  selectedStage(): StageChoice;
}

export function buildSteps(info: SetupInfo, v: FormValues, kit: FieldKit, update: () => void): Steps {
  const { say, label, refreshers } = kit;
  const text = say.text;

  // Step 1: budget
  const budget = kit.textInput('budget', v.budget, 'budget');
  budget.setAttribute('placeholder', '30,000');
  const budgetHint = text(h('div', { class: 'secondary hint', id: nextId('hint') }), (s) => s.budgetHint);
  const budgetParsed = h('div', { class: 'parsed', testid: 'budget-parsed', id: nextId('parsed'), attrs: { 'aria-live': 'polite' } });
  const currencyNote = h('div', { class: 'secondary hint', testid: 'currency-note', attrs: { 'aria-live': 'polite' } });
  const currency = h('select', { testid: 'currency' });
  const codes: CurrencyCode[] = info.currencies.includes(v.currency) ? info.currencies : [v.currency, ...info.currencies];
  for (const code of codes) currency.appendChild(h('option', { attrs: { value: code }, text: `${code} ${currencySymbol(code)}` }));
  currency.value = v.currency;
  const period = h('select', { testid: 'period' });
  for (const p of ['month', 'quarter'] as const) period.appendChild(text(h('option', { attrs: { value: p } }), (s) => s.periods[p]));
  period.value = v.period;

  // A sign or code typed with the budget ("$50,000", "3万元") chooses the currency, once per sign typed, so a
  // currency picked by hand afterwards is not overridden on every keystroke.
  let named: NamedCurrency | null = null;
  let lastSign = '';
  budget.addEventListener('input', () => {
    const found = currencyOfAmount(budget.value, currency.value as CurrencyCode);
    const sign = found ? `${found.sign}|${found.code}` : '';
    if (found && sign !== lastSign && codes.includes(found.code) && found.code !== currency.value) {
      currency.value = found.code;
      named = found;
    } else if (!found) {
      named = null;
    }
    lastSign = sign;
    update();
  });
  currency.addEventListener('change', () => {
    named = null;
    update();
  });
  period.addEventListener('change', update);
  const budgetLabel = label(budget, (s) => s.budgetLabel(period.value as Period));
  refreshers.push((c, s) => {
    budgetLabel.textContent = s.budgetLabel(period.value as Period);
    budgetParsed.textContent = c.budget !== null ? s.budgetParsed(formatMoney(c.budget, currency.value as CurrencyCode), period.value as Period) : '';
    currencyNote.textContent = named ? s.currencyFromBudget(named.code, named.sign) : '';
  });
  const budgetMessage = kit.fieldMessage('budget', () => [{ key: '', el: budget }]);
  kit.describedBy(budget, budgetHint.id);
  kit.describedBy(budget, budgetParsed.id);
  const edits = info.allocationEdits;
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
    currencyNote,
    edits
      ? text(h('p', { class: 'note', testid: 'edits-note' }), (s) => s.editsStart(edits.sheetName, s.list(edits.fields.map((f) => s.fieldNames[f]))))
      : info.savedAllocation
        ? text(h('p', { class: 'secondary', testid: 'prefilled' }), (s) => s.prefilled)
        : info.teamMix
          ? text(h('p', { class: 'secondary', testid: 'prefilled' }), (s) => s.teamStart(info.teamMix!.quarter, formatMoney(info.teamMix!.spend, v.currency)))
          : null,
  );

  // Step 2: stage and tier mix
  const stage = {} as Record<StageChoice, HTMLInputElement>;
  const stageName = nextId('stage');
  const tierMix = kit.mixFieldset('mix', v.mix, (s) => s.mixLegend, (s, k) => s.tiers[k as TierKey], 'mix');
  const radios = STAGE_CHOICES.map((choice) => {
    const radio = h('input', { testid: `stage-${choice}`, attrs: { type: 'radio', name: stageName, value: choice } });
    radio.checked = choice === v.stage;
    stage[choice] = radio;
    const mix = choice === 'custom' ? null : info.defaults.stageMix[choice];
    const detail = h('span', { class: 'secondary preset' });
    if (mix) detail.textContent = TIER_KEYS.map((k) => percentText(mix[k])).join(' / ');
    else text(detail, (s) => s.customHint);
    radio.addEventListener('change', () => {
      if (mix) for (const k of TIER_KEYS) tierMix.inputs[k]!.value = percentText(mix[k]);
      update();
    });
    return h('div', { class: 'radio' }, radio, label(radio, (s) => s.stages[choice]), detail);
  });
  const selectedStage = (): StageChoice => STAGE_CHOICES.find((c) => stage[c].checked) ?? 'custom';
  const edited = h('p', { class: 'secondary', testid: 'mix-edited', hidden: true });
  // Where a custom mix came from (the team's own, or a rebalance's proposal); the planner page sets it.
  const mixSource = h('p', { class: 'note', testid: 'mix-source', hidden: true });
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
    mixSource,
    tierMix.fieldset,
    edited,
  );

  // Step 3: optional partnership and geography mixes, folded away because the defaults suit most plans.
  const partnership = kit.mixFieldset('partnershipMix', v.partnershipMix, (s) => s.partnershipLegend, (s, k) => s.partnerships[k as keyof PlannerStrings['partnerships']], 'pmix');
  const geo = kit.mixFieldset('geoMix', v.geoMix, (s) => s.geoLegend, (s, k) => s.geographies[k as keyof PlannerStrings['geographies']], 'geo');
  const folded = (kind: MixKind, testid: string, legend: (s: PlannerStrings) => string, part: typeof geo): HTMLElement => {
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

  const step4 = costStep(v, kit);

  // Step 5: preview and build
  const summary = h('p', { class: 'summary', testid: 'summary' });
  refreshers.push((c, s) => {
    summary.textContent = c.budget !== null ? s.summary(formatMoney(c.budget, currency.value as CurrencyCode), period.value as Period, s.stages[selectedStage()]) : '';
  });
  const result = h('div', { class: 'result', testid: 'preview-result' });
  const step5 = h('section', { testid: 'step-5' }, summary, text(h('p', { class: 'secondary hint' }), (s) => s.previewHint), result);

  return {
    sections: [step1, step2, step3, step4.section, step5],
    inputs: {
      budget,
      currency,
      period,
      stage,
      mix: { mix: tierMix.inputs, partnershipMix: partnership.inputs, geoMix: geo.inputs },
      costPerPost: step4.costPerPost,
      aov: step4.aov,
      targetRoas: step4.targetRoas,
    },
    result,
    mixSource,
    selectedStage,
  };
}

/** Step 4: cost ranges per tier, average order value and target ROAS. */
function costStep(v: FormValues, kit: FieldKit): { section: HTMLElement } & Pick<Inputs, 'costPerPost' | 'aov' | 'targetRoas'> {
  const { say, label } = kit;
  const costPerPost = {} as Inputs['costPerPost'];
  const costRows = TIER_KEYS.map((tier) => {
    const min = kit.textInput(`cost-${tier}-min`, v.costPerPost[tier].min, 'costPerPost');
    const max = kit.textInput(`cost-${tier}-max`, v.costPerPost[tier].max, 'costPerPost');
    costPerPost[tier] = { min, max };
    return h(
      'div',
      { class: 'cost-row' },
      say.text(h('span', { class: 'tier', attrs: { 'aria-hidden': 'true' } }), (s) => s.tiers[tier]),
      label(min, (s) => s.costMin(s.tiers[tier]), true),
      min,
      h('span', { class: 'dash', attrs: { 'aria-hidden': 'true' } }, '–'),
      label(max, (s) => s.costMax(s.tiers[tier]), true),
      max,
    );
  });
  const costMessage = kit.fieldMessage('costPerPost', () =>
    TIER_KEYS.flatMap((t) => [
      { key: `${t}.min`, el: costPerPost[t].min, name: (s: PlannerStrings) => s.costMin(s.tiers[t]) },
      { key: `${t}.max`, el: costPerPost[t].max, name: (s: PlannerStrings) => s.costMax(s.tiers[t]) },
    ]),
  );
  const aov = kit.textInput('aov', v.aov, 'aov');
  const targetRoas = kit.textInput('target-roas', v.targetRoas, 'targetRoas');
  const section = h(
    'section',
    { testid: 'step-4' },
    h(
      'fieldset',
      { class: 'block' },
      say.text(h('legend', {}), (s) => s.costLegend),
      say.text(h('p', { class: 'secondary hint' }), (s) => s.costRangeHint),
      ...costRows,
      costMessage,
    ),
    h(
      'div',
      { class: 'form-group inline-pair' },
      h('div', {}, label(aov, (s) => s.aovLabel), aov),
      h('div', {}, label(targetRoas, (s) => s.targetRoasLabel), targetRoas),
    ),
    kit.fieldMessage('aov', () => [{ key: '', el: aov }]),
    kit.fieldMessage('targetRoas', () => [{ key: '', el: targetRoas }]),
  );
  return { section, costPerPost, aov, targetRoas };
}
