import { TIER_SCHEMES, type TierKey } from '../../src/core/domain';
import type { Language, SettingsView } from '../../src/shared/api';
import type { PageContext, PageDef, PageInstance } from '../app';
import { append, h, nextId } from '../dom';
import { currencySymbol, formatNumber } from '../i18n';
import { checkSettings, NUMBER_FIELDS, valuesOf, type FieldGroup, type NumberKey, type SchemeChoice, type SettingsCheck, type SettingsValues } from './settings/form';
import { SETTINGS, type SettingsStrings } from './settings/strings';
import { tierEditor } from './settings/tiers';

/**
 * Settings saved per workbook and read by every builder: the alert thresholds, the tier scheme, the currency and
 * the language. Checked field by field as the user types; the server validates again on save.
 */
export const settings: PageDef = {
  id: 'settings',
  title: { en: 'Settings', zh: '设置' },
  summary: { en: 'Alert thresholds, tier scheme, currency and language for this workbook.', zh: '本工作簿的预警阈值、层级划分、币种和语言。' },
  mount: mountSettings,
};

const GROUPS: readonly FieldGroup[] = ['roas', 'dates', 'engagement', 'followUp', 'score'];
const SCHEMES: readonly SchemeChoice[] = ['matrix', 'partnership', 'custom'];
const testidOf = (key: NumberKey): string => `set-${key.replace('.', '-')}`;

/** Follower counts as marketers write them: 500k / 1M, or 50万 in Chinese. */
function compact(n: number, language: Language): string {
  if (language === 'zh') return n >= 1e4 ? `${formatNumber(n / 1e4)}万` : formatNumber(n);
  return n >= 1e6 ? `${formatNumber(n / 1e6)}M` : n >= 1e3 ? `${formatNumber(n / 1e3)}k` : formatNumber(n);
}

function mountSettings(ctx: PageContext): PageInstance {
  const say = ctx.wording(SETTINGS);
  let view: SettingsView | null = null;
  let attempted = false;
  const touched = new Set<NumberKey>();
  const inputs = new Map<NumberKey, HTMLInputElement>();
  const messages = new Map<NumberKey, HTMLElement>();
  const label = (s: SettingsStrings) => (key: NumberKey): string => s.labels[key];
  let normsBox: HTMLDetailsElement | null = null;

  // ---- Thresholds ----
  const groups = GROUPS.map((group) => {
    const rows = NUMBER_FIELDS.filter((f) => f.group === group).map((field) => {
      const input = h('input', { class: 'number', testid: testidOf(field.key), id: nextId('s'), attrs: { type: 'text', inputmode: 'decimal', autocomplete: 'off' } });
      const message = h('div', { class: 'error field-error', testid: `${testidOf(field.key)}-error`, id: nextId('m'), attrs: { 'aria-live': 'polite' } });
      input.setAttribute('aria-describedby', message.id);
      input.addEventListener('input', () => {
        touched.add(field.key);
        refresh();
      });
      inputs.set(field.key, input);
      messages.set(field.key, message);
      const unit = say.text(h('span', { class: 'unit' }), (s) => s.units[field.unit]);
      const hint = field.key === 'boughtEngagementMultiple' ? say.text(h('div', { class: 'secondary hint' }), (s) => s.boughtHint) : null;
      const row = h(
        'div',
        { class: 'setting-row' },
        say.text(h('label', { attrs: { for: input.id } }), (s) => s.labels[field.key]),
        h('span', { class: 'with-unit' }, input, unit),
        hint,
        message,
      );
      return { key: field.key, row };
    });
    // The tier norms rarely change, so they are folded away like the planner's optional splits.
    const norms = rows.filter((r) => r.key.startsWith('engagementTop.'));
    const folded = norms.length
      ? h('details', { testid: 'engagement-norms' }, say.text(h('summary', {}), (s) => s.tierNorms), ...norms.map((r) => r.row))
      : null;
    if (folded) normsBox = folded;
    const plain = rows.filter((r) => !norms.includes(r)).map((r) => r.row);
    return h('div', { class: 'setting-group', testid: `group-${group}` }, say.text(h('h3', {}), (s) => s.groups[group]), ...plain, folded);
  });

  // ---- Tier scheme ----
  const schemeName = nextId('scheme');
  const radios = new Map<SchemeChoice, HTMLInputElement>();
  const tiers = tierEditor(ctx, () => refresh());
  const schemeRows = SCHEMES.map((scheme) => {
    const radio = h('input', { testid: `scheme-${scheme}`, id: nextId('r'), attrs: { type: 'radio', name: schemeName, value: scheme } });
    radios.set(scheme, radio);
    radio.addEventListener('change', () => {
      if (scheme === 'custom' && tiers.values().length === 0) {
        const s = say.now();
        tiers.set(TIER_SCHEMES.matrix.map((b) => ({ tier: s.tierNames[b.tier.toLowerCase() as TierKey], minFollowers: String(b.minFollowers), engagementTop: '' })));
      }
      refresh();
    });
    const detail = h('span', { class: 'secondary preset' });
    if (scheme !== 'custom') {
      say.bind((s) => {
        detail.textContent = TIER_SCHEMES[scheme].map((b) => `${s.tierNames[b.tier.toLowerCase() as TierKey]} ${compact(b.minFollowers, ctx.language())}+`).join(' · ');
      });
    }
    return h('div', { class: 'radio' }, radio, say.text(h('label', { attrs: { for: radio.id } }), (s) => s.schemes[scheme]), detail);
  });

  // ---- Currency and language ----
  const currency = h('select', { testid: 'set-currency', id: nextId('c') });
  const autoCurrency = say.text(h('option', { attrs: { value: 'auto' } }), (s) => s.auto);
  append(currency, autoCurrency, ...ctx.setup.currencies.map((code) => h('option', { attrs: { value: code }, text: `${code} ${currencySymbol(code)}` })));
  const language = h('select', { testid: 'set-language', id: nextId('l') });
  append(
    language,
    say.text(h('option', { attrs: { value: 'auto' } }), (s) => s.auto),
    h('option', { attrs: { value: 'en', lang: 'en' }, text: 'English' }),
    h('option', { attrs: { value: 'zh', lang: 'zh-CN' }, text: '简体中文' }),
  );

  const note = h('p', { class: 'secondary', testid: 'settings-note' });
  const feedback = h('div', {});
  const save = say.text(h('button', { class: 'action', testid: 'settings-save', attrs: { type: 'submit' } }), (s) => s.save);
  const reset = say.text(h('button', { testid: 'settings-reset', attrs: { type: 'button' } }), (s) => s.reset);
  const form = h(
    'form',
    { testid: 'settings-form', attrs: { novalidate: '' } },
    note,
    h('fieldset', { class: 'block' }, say.text(h('legend', {}), (s) => s.alertsLegend), ...groups),
    h('fieldset', { class: 'block', testid: 'tier-scheme' }, say.text(h('legend', {}), (s) => s.tiersLegend), ...schemeRows, tiers.root),
    h(
      'div',
      { class: 'form-group inline-pair' },
      h('div', {}, say.text(h('label', { attrs: { for: currency.id } }), (s) => s.currencyLabel), currency),
      h('div', {}, say.text(h('label', { attrs: { for: language.id } }), (s) => s.languageLabel), language),
    ),
    feedback,
    h('div', { class: 'nav' }, reset, save),
  );
  const root = h('div', { class: 'page settings', testid: 'page-settings' }, form);

  function values(): SettingsValues {
    const numbers = {} as Record<NumberKey, string>;
    for (const [key, input] of inputs) numbers[key] = input.value;
    const scheme = SCHEMES.find((x) => radios.get(x)!.checked) ?? 'matrix';
    return { numbers, scheme, tiers: tiers.values(), currency: currency.value as SettingsValues['currency'], language: language.value as SettingsValues['language'] };
  }

  function check(): SettingsCheck | null {
    return view ? checkSettings(values(), view.settings) : null;
  }

  /** Messages and marks after an edit. A box is judged once it was edited, or everywhere after a save attempt. */
  function refresh(): void {
    const s = say.now();
    const c = check();
    for (const [key, message] of messages) {
      const issue = c?.issues[key];
      const visible = issue !== undefined && (attempted || touched.has(key));
      message.textContent = visible ? s.issue(issue, label(s)) : '';
      if (visible) inputs.get(key)!.setAttribute('aria-invalid', 'true');
      else inputs.get(key)!.removeAttribute('aria-invalid');
      // A folded section hiding a problem would leave the user with no visible reason.
      if (visible && key.startsWith('engagementTop.') && normsBox) normsBox.open = true;
    }
    const custom = radios.get('custom')!.checked;
    tiers.root.hidden = !custom;
    tiers.showIssue(custom ? (c?.tierIssue ?? null) : null);
    note.textContent = view && !view.saved ? s.defaultsNote : '';
    save.disabled = reset.disabled = ctx.busy() || !view;
  }

  function fill(next: SettingsView): void {
    view = next;
    attempted = false;
    touched.clear();
    const v = valuesOf(next.settings);
    for (const [key, input] of inputs) input.value = v.numbers[key];
    for (const [scheme, radio] of radios) radio.checked = scheme === v.scheme;
    tiers.set(v.tiers);
    currency.value = v.currency;
    language.value = v.language;
    refresh();
  }

  /** The sidebar speaks the saved language at once; "automatic" goes back to the workbook's. */
  function adoptLanguage(next: SettingsView): void {
    const l = next.settings.language;
    const resolved: Language = l === 'auto' ? (/^zh/i.test(ctx.setup.locale) ? 'zh' : 'en') : l;
    ctx.patchSetup({ language: resolved });
    if (resolved !== ctx.language()) ctx.setLanguage(resolved);
  }

  async function doSave(): Promise<void> {
    const c = check();
    if (!c) return;
    if (!c.settings) {
      attempted = true;
      refresh();
      ctx.error((l) => SETTINGS[l].fixFirst);
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const saved = await ctx.run('saveSettings', c.settings);
    if (!saved) return;
    fill(saved);
    adoptLanguage(saved);
    ctx.toast((l) => SETTINGS[l].savedToast);
  }

  async function doReset(): Promise<void> {
    const fresh = await ctx.run('resetSettings');
    if (!fresh) return;
    fill(fresh);
    adoptLanguage(fresh);
    ctx.toast((l) => SETTINGS[l].resetToast);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!ctx.busy()) void doSave();
  });
  reset.addEventListener('click', () => void doReset());
  say.bind(() => refresh());
  ctx.onBusy(() => refresh());

  return {
    root,
    feedback,
    shown() {
      void (async () => {
        const loaded = await ctx.run('getSettings');
        if (loaded) fill(loaded);
      })();
    },
  };
}
