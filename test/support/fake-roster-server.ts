import { allocationPlan, defaultSettings } from '../../src/core/allocation';
import { GEO_MIX, PARTNERSHIP_MIX, STAGE_MIX, TIER_PROFILE } from '../../src/core/domain';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type {
  AlertsResult,
  AllocationInput,
  AllocationPreview,
  AllocationTabEdits,
  RosterFieldView,
  RosterMapping,
  RosterView,
  ServerApi,
  Settings,
  SettingsView,
  SetupInfo,
} from '../../src/shared/api';
import type { ScriptHandler } from './browser';

/**
 * A hand-written stand-in for the server functions of the sidebar's pages (roster mapping, settings, alerts, and the
 * planner's edited-inputs check). It answers fixed data, remembers what was saved, and computes nothing the tests
 * assert: every figure a test expects is written out in the test.
 */

/** Sheet names and cell values an attacker could write: rendered as HTML, they would set window.__xss. */
export const HOSTILE_SHEET = 'Roster <img src=x onerror="window.__xss=1">';
export const HOSTILE_VALUE = '<img src=x onerror="window.__xss=2">';

/** The roster's header row: A..I. */
export const HEADERS: RosterView['headers'] = [
  { column: 1, header: '达人昵称', samples: ['小美', HOSTILE_VALUE] },
  { column: 2, header: '平台', samples: ['小红书', '抖音'] },
  { column: 3, header: '粉丝数', samples: ['12,000', '3.4万'] },
  { column: 4, header: 'Engagement', samples: ['8%', '12%'] },
  { column: 5, header: '报价', samples: ['¥2,000', '¥5,000'] },
  { column: 6, header: 'Notes', samples: [] },
  { column: 7, header: 'GMV', samples: ['9,000', '12,500'] },
  { column: 8, header: 'ER (30d)', samples: ['7.5%', '9.1%'] },
  { column: 9, header: HOSTILE_VALUE, samples: ['2026年11月30日', '2026-12-01'] },
];

const field = (f: RosterFieldView['field'], column: number | null, header: string | null, status: RosterFieldView['status'], savedColumn?: number): RosterFieldView => ({
  field: f,
  column,
  header,
  status,
  ...(savedColumn ? { savedColumn } : {}),
});

/** The roster as first detected: found by its headers, not confirmed yet. */
export function rosterView(overrides: Partial<RosterView> = {}): RosterView {
  return {
    sheet: HOSTILE_SHEET,
    headerRow: 1,
    headerRows: 10,
    sheets: [
      { name: HOSTILE_SHEET, generated: false },
      { name: 'Notes', generated: false },
      { name: 'Allocation', generated: true },
    ],
    headers: HEADERS,
    fields: [
      field('name', 1, '达人昵称', 'matched'),
      field('platform', 2, '平台', 'matched'),
      field('followers', 3, '粉丝数', 'matched'),
      field('engagementRate', 4, 'Engagement', 'matched'),
      field('cost', 5, '报价', 'matched'),
      field('revenue', 7, 'GMV', 'matched'),
      field('contractEnd', null, null, 'none'),
      field('status', null, null, 'none'),
    ],
    dataRows: 48,
    confirmed: false,
    warnings: [],
    ...overrides,
  };
}

/**
 * The saved mapping read again after the user moved GMV from F to G and renamed the contract-end column, whose
 * saved header "合同到期" is gone.
 */
export function movedView(): RosterView {
  const view = rosterView({ confirmed: true });
  view.fields = view.fields.map((f) =>
    f.field === 'revenue' ? field('revenue', 7, 'GMV', 'moved', 6) : f.field === 'contractEnd' ? field('contractEnd', null, '合同到期', 'missing') : f.column ? { ...f, status: 'saved' } : f,
  );
  return view;
}

/** What the alerts report after applying, written out by hand. */
export const ALERTS_RESULT: AlertsResult = {
  sheet: HOSTILE_SHEET,
  headerRow: 1,
  applied: [
    {
      id: 'roas-low',
      label: { en: 'ROAS low', zh: 'ROAS 偏低' },
      colour: 'red',
      background: '#ea9999',
      column: 7,
      header: 'GMV',
      count: 3,
      unchecked: [],
    },
    { id: 'roas-star', label: { en: 'ROAS star', zh: 'ROAS 明星' }, colour: 'green', background: '#b6d7a8', column: 7, header: 'GMV', count: 0, unchecked: [] },
    {
      id: 'contract-expiring',
      label: { en: 'Contract expiring', zh: '合同即将到期' },
      colour: 'amber',
      background: '#f9cb9c',
      column: 9,
      header: HOSTILE_VALUE,
      count: 2,
      unchecked: [
        {
          field: 'contractEnd',
          column: 9,
          header: HOSTILE_VALUE,
          reason: 'text-date',
          rows: [5, 9, 12, 20, 31, ...Array.from({ length: 40 }, (_, i) => 60 + i)],
          examples: ['2026年11月30日'],
        },
      ],
    },
  ],
  skipped: [
    {
      id: 'payment-overdue',
      label: { en: 'Payment overdue', zh: '付款逾期' },
      reason: { code: 'missing-columns', needs: [['paymentDue', 'paymentStatus'], ['paymentDue', 'status']] },
    },
  ],
  statusDropdown: null,
};

export interface PagesFakeOptions {
  setup?: Partial<SetupInfo>;
  /** The roster as getRoster first answers it. */
  roster?: RosterView;
  /** buildAllocation answers a conflict with these edits until called with overwriteEdits. */
  conflict?: AllocationTabEdits;
}

export interface PagesFake {
  handler: ScriptHandler;
  saved: { roster: RosterMapping | null; settings: Settings | null };
}

export function pagesSetup(overrides: Partial<SetupInfo> = {}): SetupInfo {
  return {
    locale: 'en_US',
    language: 'en',
    currency: 'CNY',
    currencies: ['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'HKD'],
    timeZone: 'Asia/Shanghai',
    savedAllocation: null,
    allocationEdits: null,
    sheets: [
      { name: HOSTILE_SHEET, generated: false },
      { name: 'Notes', generated: false },
    ],
    roster: { sheet: HOSTILE_SHEET, headerRow: 1, columns: { name: { column: 1, header: '达人昵称' }, followers: { column: 3, header: '粉丝数' } } },
    rosterConfirmed: false,
    defaults: {
      stageMix: STAGE_MIX,
      costPerPost: { mega: TIER_PROFILE.mega.costPerPost, macro: TIER_PROFILE.macro.costPerPost, mid: TIER_PROFILE.mid.costPerPost, micro: TIER_PROFILE.micro.costPerPost, nano: TIER_PROFILE.nano.costPerPost },
      partnershipMix: PARTNERSHIP_MIX,
      geoMix: GEO_MIX,
      aov: 150,
      targetRoas: 3,
    },
    ...overrides,
  };
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The planner's preview is only displayed by these tests, never asserted, so the core may compute it. */
function preview(input: AllocationInput): AllocationPreview {
  if (typeof input.budget !== 'number') throw new Error('The sidebar sends the budget as a number.');
  return { ...allocationPlan(defaultSettings(input.budget, 'maturity', input.currency ?? 'CNY')), warnings: [] };
}

export function createPagesFake(options: PagesFakeOptions = {}): PagesFake {
  const saved: PagesFake['saved'] = { roster: null, settings: null };
  let view = options.roster ?? rosterView();
  const settingsView = (): SettingsView => ({ settings: copy(saved.settings ?? DEFAULT_SETTINGS), defaults: copy(DEFAULT_SETTINGS), saved: saved.settings !== null });

  const server: ServerApi = {
    getSetup: () => pagesSetup(options.setup),
    previewAllocation: preview,
    buildAllocation: (input, opts) => {
      if (options.conflict && !opts?.overwriteEdits) return { conflict: 'edited-inputs', edits: options.conflict };
      return { sheetName: 'Allocation', created: false, summary: preview(input) };
    },
    getRoster: (request) => {
      if (request?.sheet === 'Notes') {
        return rosterView({ sheet: 'Notes', headers: [{ column: 1, header: 'Idea', samples: ['Spring launch'] }], fields: view.fields.map((f) => field(f.field, null, null, 'none')), dataRows: 3, warnings: [] });
      }
      return view;
    },
    saveRoster: (mapping) => {
      saved.roster = copy(mapping);
      const header = (column: number): string => HEADERS.find((x) => x.column === column)?.header ?? '';
      view = {
        ...view,
        confirmed: true,
        fields: view.fields.map((f) => {
          const column = mapping.columns[f.field];
          return column ? field(f.field, column, header(column), 'saved') : field(f.field, null, null, 'none');
        }),
      };
      return view;
    },
    getSettings: settingsView,
    saveSettings: (settings) => {
      saved.settings = copy(settings);
      return settingsView();
    },
    resetSettings: () => {
      saved.settings = null;
      return settingsView();
    },
    applyAlerts: () => {
      if (!saved.roster) throw new Error('Confirm the roster columns first.');
      return ALERTS_RESULT;
    },
    removeAlerts: () => ({ sheet: HOSTILE_SHEET, removed: 15, dropdownRemoved: false }),
    // The rebalance page is tested against the real bundle (sidebar-rebalance.browser.test.ts).
    previewRebalance: () => {
      throw new Error('The rebalance needs the roster\'s revenue (GMV, sales) column: map it in Roster & alerts in the sidebar.');
    },
    buildRebalance: () => {
      throw new Error('The rebalance needs the roster\'s revenue (GMV, sales) column: map it in Roster & alerts in the sidebar.');
    },
    // The dashboard page is tested against the real bundle (sidebar-dashboard.browser.test.ts).
    buildDashboard: () => {
      throw new Error('No sheet looks like a roster yet: open Roster & alerts in the sidebar and pick the sheet and its columns.');
    },
  };

  const handler: ScriptHandler = (name, args) => {
    const fn = (server as unknown as Record<string, unknown>)[name];
    if (typeof fn !== 'function' || name.endsWith('_')) throw new Error(`Script function not found: ${name}`);
    return (fn as (...a: unknown[]) => unknown)(...args);
  };
  return { handler, saved };
}

/** dist/Sidebar.html as the server would serve it to open on another page (see SidebarStart). */
export function startingOn(html: string, page: string, then?: string): string {
  const attributes = `data-page="${page}"${then ? ` data-then="${then}"` : ''}`;
  if (!html.includes('data-page="planner"')) throw new Error('dist/Sidebar.html has no data-page="planner" to replace');
  return html.replace('data-page="planner"', attributes);
}
