import type { RosterDetection, RosterField, RosterFieldView, RosterMapping, RosterView } from '../../../src/shared/api';
import type { PageContext } from '../../app';
import { append, clear, h, nextId } from '../../dom';
import { columnLetters } from '../../i18n';
import { ROSTER, type RosterStrings } from './strings';

/**
 * The roster mapping: the sheet, its header row and, for every field the add-on knows, the column it reads, with
 * sample values. The user corrects any field from the sheet's headers (or "none") and confirms; the server saves
 * the mapping with each column's header, so later reads follow a column that was moved.
 */

export interface MappingSection {
  root: HTMLElement;
  view(): RosterView | null;
  load(request?: { sheet?: string; headerRow?: number }): Promise<void>;
}

export function mappingSection(ctx: PageContext, onView: (view: RosterView) => void, onSaved: (view: RosterView) => void): MappingSection {
  const say = ctx.wording(ROSTER);
  let view: RosterView | null = null;
  /** The column chosen for each field in the dropdowns, null for "none". */
  const chosen = new Map<RosterField, number | null>();
  const rows = new Map<RosterField, { select: HTMLSelectElement; samples: HTMLElement; status: HTMLElement }>();

  const state = h('p', { class: 'secondary roster-state', testid: 'roster-state' });
  const warnings = h('ul', { class: 'warnings', testid: 'roster-warnings', hidden: true });
  const sheet = h('select', { testid: 'roster-sheet', id: nextId('sheet') });
  const headerRow = h('select', { testid: 'roster-header-row', id: nextId('row') });
  const summary = h('p', { class: 'secondary', testid: 'roster-summary' });
  const fields = h('div', { class: 'fields', testid: 'roster-fields' });
  const problem = h('div', { class: 'error field-error', testid: 'roster-error', attrs: { 'aria-live': 'polite' } });
  const confirm = say.text(h('button', { class: 'action', testid: 'roster-confirm', attrs: { type: 'button' } }), (s) => s.confirm);

  const root = h(
    'section',
    { class: 'block', testid: 'roster-mapping' },
    state,
    warnings,
    h(
      'div',
      { class: 'form-group inline-pair' },
      h('div', { class: 'grow' }, say.text(h('label', { attrs: { for: sheet.id } }), (s) => s.sheetLabel), sheet),
      h('div', {}, say.text(h('label', { attrs: { for: headerRow.id } }), (s) => s.headerRowLabel), headerRow),
    ),
    h('fieldset', { class: 'block' }, say.text(h('legend', {}), (s) => s.fieldsLegend), say.text(h('p', { class: 'secondary hint' }), (s) => s.fieldsHint), summary, fields),
    problem,
    h('div', { class: 'buttons' }, confirm),
  );

  const letter = (column: number | null | undefined): string => (column ? columnLetters(column) : '');
  const fieldName = (s: RosterStrings, f: RosterField): string => s.fields[f] ?? f;

  /** Fields that share a column, which the server would refuse: each column serves one field. */
  function duplicates(): Array<{ column: number; fields: RosterField[] }> {
    const byColumn = new Map<number, RosterField[]>();
    for (const [field, column] of chosen) if (column !== null) byColumn.set(column, [...(byColumn.get(column) ?? []), field]);
    return [...byColumn].filter(([, f]) => f.length > 1).map(([column, f]) => ({ column, fields: f }));
  }

  function statusText(s: RosterStrings, f: RosterFieldView, column: number | null): string {
    if (column !== f.column) return s.changed;
    switch (f.status) {
      case 'matched':
        return s.matched;
      case 'saved':
        return s.saved;
      case 'moved':
        return s.moved(letter(f.savedColumn), letter(f.column));
      case 'missing':
        return s.missing(f.header ?? '');
      case 'none':
        return '';
    }
  }

  /** Updates what depends on the dropdowns in place, so a choice never moves the focus. */
  function refresh(): void {
    const s = say.now();
    if (!view) return;
    for (const f of view.fields) {
      const row = rows.get(f.field);
      if (!row) continue;
      const column = chosen.get(f.field) ?? null;
      const samples = view.headers.find((x) => x.column === column)?.samples ?? [];
      row.samples.textContent = column === null ? '' : samples.length ? s.samples(samples) : s.noSamples;
      row.status.textContent = statusText(s, f, column);
      row.status.className = `field-status ${column !== f.column ? 'changed' : f.status}`;
    }
    const mapped = [...chosen.values()].filter((c) => c !== null).length;
    summary.textContent = s.mappedCount(mapped, view.fields.length, view.dataRows);
    const dup = duplicates();
    problem.textContent = dup.map((d) => s.duplicate(d.fields.map((f) => fieldName(s, f)), letter(d.column))).join(' ');
    for (const [field, row] of rows) {
      if (dup.some((d) => d.fields.includes(field))) row.select.setAttribute('aria-invalid', 'true');
      else row.select.removeAttribute('aria-invalid');
    }
    confirm.disabled = ctx.busy() || !view.sheet || dup.length > 0;
    headerRow.disabled = sheet.disabled = ctx.busy();
  }

  /** Builds the controls from the view in the current language (on a new view and on a language switch). */
  function render(): void {
    const s = say.now();
    clear(sheet);
    clear(headerRow);
    clear(fields);
    clear(warnings);
    rows.clear();
    if (!view) return;
    state.textContent = view.confirmed && view.sheet ? s.confirmedNote(view.sheet) : s.unconfirmedNote;
    append(warnings, ...view.warnings.map((w) => h('li', { testid: 'roster-warning', text: s.warning(w) })));
    warnings.hidden = view.warnings.length === 0;
    if (!view.sheet) sheet.appendChild(h('option', { attrs: { value: '' }, text: s.chooseSheet }));
    for (const tab of view.sheets) if (!tab.generated) sheet.appendChild(h('option', { attrs: { value: tab.name }, text: tab.name }));
    sheet.value = view.sheet ?? '';
    for (let n = 1; n <= Math.max(view.headerRows, view.headerRow); n++) headerRow.appendChild(h('option', { attrs: { value: String(n) }, text: s.row(n) }));
    headerRow.value = String(view.headerRow);
    for (const f of view.fields) {
      const select = h('select', { testid: `map-${f.field}`, id: nextId('map') });
      select.appendChild(h('option', { attrs: { value: '' }, text: s.none }));
      for (const x of view.headers) select.appendChild(h('option', { attrs: { value: String(x.column) }, text: s.headerOption(letter(x.column), x.header) }));
      select.value = String(chosen.get(f.field) ?? '');
      select.addEventListener('change', () => {
        chosen.set(f.field, select.value === '' ? null : Number(select.value));
        ctx.toast(null);
        refresh();
      });
      const samples = h('div', { class: 'samples secondary', testid: `samples-${f.field}` });
      const status = h('div', { class: 'field-status', testid: `field-status-${f.field}`, attrs: { 'aria-live': 'polite' } });
      rows.set(f.field, { select, samples, status });
      append(fields, h('div', { class: `field-row ${f.status}`, testid: `field-${f.field}` }, h('label', { attrs: { for: select.id }, text: fieldName(s, f.field) }), select, samples, status));
    }
    refresh();
  }

  function setView(next: RosterView): void {
    view = next;
    chosen.clear();
    for (const f of next.fields) chosen.set(f.field, f.column);
    render();
    onView(next);
  }

  async function load(request?: { sheet?: string; headerRow?: number }): Promise<void> {
    const next = await (request ? ctx.run('getRoster', request) : ctx.run('getRoster'));
    if (next) setView(next);
  }

  async function save(): Promise<void> {
    if (!view?.sheet || duplicates().length > 0) return;
    const columns: RosterMapping['columns'] = {};
    for (const [field, column] of chosen) if (column !== null) columns[field] = column;
    const saved = await ctx.run('saveRoster', { sheet: view.sheet, headerRow: view.headerRow, columns });
    if (!saved) return;
    setView(saved);
    ctx.patchSetup({ roster: detectionOf(saved), rosterConfirmed: saved.confirmed });
    const name = saved.sheet ?? '';
    ctx.toast((l) => ROSTER[l].savedToast(name));
    onSaved(saved);
  }

  sheet.addEventListener('change', () => {
    if (sheet.value) void load({ sheet: sheet.value });
  });
  headerRow.addEventListener('change', () => {
    if (sheet.value) void load({ sheet: sheet.value, headerRow: Number(headerRow.value) });
  });
  confirm.addEventListener('click', () => void save());
  say.bind(() => render());
  ctx.onBusy(() => refresh());

  return { root, view: () => view, load };
}

/** The saved mapping in the shape getSetup describes the roster with. */
function detectionOf(view: RosterView): RosterDetection | null {
  if (!view.sheet) return null;
  const columns: RosterDetection['columns'] = {};
  for (const f of view.fields) if (f.column !== null && f.header !== null) columns[f.field] = { column: f.column, header: f.header };
  return { sheet: view.sheet, headerRow: view.headerRow, columns };
}
