/**
 * The contract between the sidebar and the server functions it calls through google.script.run. Types only: the
 * sidebar imports them with `import type`, so nothing here reaches the browser bundle. Every response is plain,
 * JSON-safe data (google.script.run drops Dates, functions and class instances). Every request is validated on the
 * server (zod/mini) and a bad one throws an Error whose message the sidebar shows as is.
 */
import type { UncheckedReason } from '../core/alerts-cells';
import type { AlertColour, SkippedAlert, SkipReason } from '../core/alerts';
import type { AlertOutcome, UncheckedCells } from '../core/alerts-report';
import type { Allocation } from '../core/allocation';
import type { CurrencyCode, Geography, PartnershipType, PerTier, Range, Stage } from '../core/domain';
import type { RosterDetection, RosterField } from '../core/roster';
import type { CustomTier, Language, Settings } from '../core/settings';
import type { AllocationInput } from '../server/schemas';

export type {
  AlertColour,
  AllocationInput,
  CustomTier,
  Language,
  RosterDetection,
  RosterField,
  Settings,
  SkippedAlert,
  SkipReason,
  UncheckedCells,
  UncheckedReason,
};

// ---- Opening the sidebar ----

/** The sidebar's pages. Adding a job adds its page here. */
export type SidebarPage = 'home' | 'planner' | 'roster' | 'settings' | 'rebalance' | 'dashboard';

/** A job the sidebar runs by itself once the page it opened on is done (the roster confirmed). */
export type SidebarJob = 'apply-alerts' | 'refresh-dashboard';

/**
 * Which page the sidebar opens on. dist/Sidebar.html carries it on its root element, `<div id="app"
 * data-page="planner">`, so the page as built opens the planner (the "Open planner" menu item). To open another
 * page the server replaces that attribute in the HtmlOutput before showing it, e.g.
 *
 *   const output = HtmlService.createHtmlOutputFromFile('Sidebar');
 *   output.setContent(output.getContent().replace('data-page="planner"', 'data-page="roster" data-then="apply-alerts"'));
 *
 * `then` asks the page to run a job once the user is done there: the "Apply alerts" menu item, on a workbook whose
 * roster is not confirmed yet, opens the roster page, which applies the alerts as soon as the mapping is confirmed;
 * "Refresh dashboard" likewise opens it with `refresh-dashboard`, which goes on to the dashboard page and refreshes.
 * Unknown values are ignored (the planner opens).
 */
export interface SidebarStart {
  page: SidebarPage;
  then?: SidebarJob;
}

// ---- getSetup ----

/** A field of the Allocation request that an input cell of the Allocation tab feeds. */
export type AllocationField = Exclude<keyof AllocationInput, 'language'>;

/**
 * The Allocation tab's input cells hold values the user typed in the sheet since the tab was last built. The next
 * plan starts from them, and a build that would replace them asks first.
 */
export interface AllocationTabEdits {
  sheetName: string;
  /** The request fields whose input cells differ from the last build, in the tab's order. */
  fields: AllocationField[];
  /** The last built request with the tab's current values in place: the planner starts from this. */
  input: AllocationInput;
  /**
   * Input cells whose value cannot be read (text that is not an amount, an unknown stage ...), or rows of the tab
   * that moved since the build. Their field keeps the last built value in `input` and is listed in `fields`; a
   * build replaces them only with `overwriteEdits`. Absent or empty when every edit reads.
   */
  problems?: AllocationEditProblem[];
}

/** An edited input cell the server cannot read, said so rather than silently replaced. */
export interface AllocationEditProblem {
  /** The cell on the tab, e.g. "B5". */
  cell: string;
  /** What the tab calls the cell, in the tab's language, e.g. "Budget" or "Mega · Cost per post (min)". */
  label: string;
  /** The request field the cell feeds; null for the model's assumptions (funnel rates, typical accounts). */
  field: AllocationField | null;
  /** What the cell holds, as text. */
  value: string;
  /** Why it cannot be read, e.g. "\"abc\" is not an amount; expected ...". */
  message: string;
}

export interface SetupInfo {
  /**
   * The workbook's locale, e.g. "zh_CN", and the language the sidebar starts in: the Language setting, or the
   * locale's language while that setting is "auto".
   */
  locale: string;
  language: Language;
  /** The Currency setting, or the currency the locale suggests when it is "auto"; used when no allocation was saved. */
  currency: CurrencyCode;
  currencies: CurrencyCode[];
  timeZone: string;
  /** The last allocation request built in this workbook, to prefill the wizard. */
  savedAllocation: AllocationInput | null;
  /**
   * Present when the Allocation tab's input cells were edited in the sheet after the last build. Optional only so
   * that a server without the check still satisfies the type; a server that has it sends null when nothing changed.
   */
  allocationEdits?: AllocationTabEdits | null;
  sheets: Array<{ name: string; generated: boolean }>;
  /** The roster's mix in its latest quarter with results; null or absent when it has no spend and revenue. */
  teamMix?: TeamMix | null;
  /** The confirmed roster mapping when there is one, else the best detection. */
  roster: RosterDetection | null;
  /** True when `roster` is the mapping the user confirmed (saved per workbook); false or absent when only detected. */
  rosterConfirmed?: boolean;
  defaults: {
    stageMix: Record<Stage, PerTier<number>>;
    costPerPost: PerTier<Range>;
    partnershipMix: Record<PartnershipType, number>;
    geoMix: Record<Geography, number>;
    aov: number;
    targetRoas: number;
  };
}

// ---- Allocation ----

/** A warning about the plan, as a code plus data so the sidebar can word it in the user's language. */
export type AllocationWarning =
  | { code: 'below-one-post'; tier: keyof PerTier<unknown>; budget: number; cheapest: number }
  | { code: 'mix-total'; total: number };

export interface AllocationPreview extends Allocation {
  warnings: AllocationWarning[];
  /**
   * What the predicted revenue and ROAS rest on (SPEC section 4): the rebalance's calibration on the roster's results,
   * or the seed funnel when the roster has none. The tiers' revenue and ROAS above are this forecast's.
   */
  forecast?: AllocationForecast;
}

export interface AllocationForecast {
  basis:
    | { kind: 'calibrated'; influencers: number; quarter: string | null; quarters: number }
    /** no-roster: no sheet looks like one; no-results: no spend and revenue; tiers-without-results: none for the planned tiers. */
    | { kind: 'seed-funnel'; why: 'no-roster' | 'no-results' | 'tiers-without-results' };
  /** Per tier, in the plan's order: the model its forecast used and its ROAS in the reviewed quarter (null without results). */
  tiers: Array<{ tier: keyof PerTier<unknown>; model: 'hill' | 'average-roas' | 'seed-funnel'; teamRoas: number | null }>;
}

/**
 * The team's own mix, for the planner to start from when nothing was planned yet: each tier's share of the reviewed
 * quarter's spend (in hundredths of a percent adding up to 100%) and that spend.
 */
export interface TeamMix {
  quarter: string | null;
  mix: PerTier<number>;
  spend: number;
}

export interface BuildAllocationResult {
  sheetName: string;
  /** False when an existing Allocation tab of the add-on's was refreshed in place. */
  created: boolean;
  summary: AllocationPreview;
}

export interface BuildAllocationOptions {
  /** The user saw which edited input cells the build replaces and agreed. */
  overwriteEdits?: boolean;
}

/**
 * buildAllocation's answer, without writing anything, when the tab's input cells hold edits the request would
 * replace (values that differ from both the last build and the request) and `overwriteEdits` was not set. The
 * sidebar shows the fields and sends the request again with `{ overwriteEdits: true }` if the user agrees.
 */
export interface AllocationEditsConflict {
  conflict: 'edited-inputs';
  edits: AllocationTabEdits;
}

// ---- Roster mapping ----

/**
 * How a field came to its column:
 * - 'matched': found by its header synonyms; the user has not confirmed a mapping on this sheet and header row yet.
 * - 'saved': confirmed by the user, the saved header still in the saved column.
 * - 'moved': confirmed by the user; columns were inserted or moved and the saved header was found in another
 *   column (`savedColumn` says where it was). Every builder already reads the new column; no new confirmation is
 *   needed.
 * - 'missing': confirmed by the user, but no column of the header row carries the saved header any more (`header`
 *   is the saved header, `column` is null). Builders treat the field as unmapped until the user picks its new column
 *   or "none" and confirms.
 * - 'none': not mapped.
 */
export type RosterFieldStatus = 'matched' | 'saved' | 'moved' | 'missing' | 'none';

export interface RosterFieldView {
  field: RosterField;
  /** 1-based column, or null when unmapped or missing. */
  column: number | null;
  /** The header in that column; for a 'missing' field, the header that was saved. */
  header: string | null;
  /** For a 'moved' field, the column it was saved at. */
  savedColumn?: number;
  status: RosterFieldStatus;
}

/** Something about the roster as a whole, as a code plus data so the sidebar can word it. */
export type RosterWarning =
  /** No sheet looks like a roster; the user picks one (`sheet` is null). */
  | { code: 'no-roster' }
  /** The confirmed sheet no longer exists (renamed or deleted); this view is a fresh detection. */
  | { code: 'sheet-gone'; sheet: string }
  /** The chosen header row is empty. */
  | { code: 'empty-header-row'; row: number }
  /** No data rows under the header row. */
  | { code: 'no-data' };

export interface RosterView {
  /** The roster sheet shown, or null when none was found or chosen. */
  sheet: string | null;
  /** 1-based header row; data starts on the next row. */
  headerRow: number;
  /** Header rows the user may choose from (1..n, the rows searched for headers). */
  headerRows: number;
  /** Every tab the user could pick; the add-on's own tabs are marked and not offered. */
  sheets: Array<{ name: string; generated: boolean }>;
  /**
   * The non-blank headers of the header row, left to right, each with up to two values from the first non-blank
   * data rows of its column as the sheet displays them (getDisplayValues), so the sidebar can show the samples of
   * whichever column the user picks for a field.
   */
  headers: Array<{ column: number; header: string; samples: string[] }>;
  /** Every field the add-on knows, in ROSTER_FIELDS order. */
  fields: RosterFieldView[];
  /** Rows below the header row up to the last row with data. */
  dataRows: number;
  /** True when this sheet and header row are the saved mapping. */
  confirmed: boolean;
  warnings: RosterWarning[];
}

/** getRoster's request: the sheet and header row the user picked. Without one, the saved mapping or a detection. */
export interface RosterRequest {
  sheet?: string;
  /** Without it, the header row is detected on `sheet`. */
  headerRow?: number;
}

/**
 * The mapping the user confirms. `columns` holds every mapped field; a field left out is "none". The server reads
 * the header text at each column and saves it with the column, so later reads follow a column by its header.
 */
export interface RosterMapping {
  sheet: string;
  headerRow: number;
  columns: Partial<Record<RosterField, number>>;
}

// ---- Settings ----

export interface SettingsView {
  /** The settings in force: the saved ones over the defaults. */
  settings: Settings;
  defaults: Settings;
  /** False when the workbook has no saved settings (everything is a default). */
  saved: boolean;
}

// ---- Alerts ----

export interface ApplyAlertsInput {
  /** Language of the status dropdown written on the roster; the workbook's when absent. */
  language?: Language;
}

/**
 * An alert applied to the roster, as the core reports it (alerts-report.ts, AlertOutcome): its label in both
 * languages (a language switch in the sidebar needs no new call), its colour and the background the rule paints
 * (#rrggbb, the same the sheet shows), the column it colours, `count` rows it colours now, and `unchecked`: per
 * column it reads, the rows its live rule cannot check and why (a date or a number written as text, a rate written
 * as 8, a value that reads as neither). Those rows are never coloured and never silently skipped.
 */
export type AppliedAlert = Pick<AlertOutcome, 'id' | 'label' | 'colour' | 'background' | 'column' | 'header' | 'count' | 'unchecked'>;

export interface AlertsResult {
  sheet: string;
  headerRow: number;
  /** In rule order, every alert that runs on this roster, including those that flag no row now. */
  applied: AppliedAlert[];
  /** Alerts that cannot run on this roster, with the reason (missing columns, a custom tier without a norm). */
  skipped: SkippedAlert[];
  /** The pipeline status dropdown; `outside` lists existing values not in its list (reported, never changed). */
  statusDropdown: { column: number; header: string; outside: Array<{ value: string; rows: number[] }> } | null;
  /** The status column already carries a validation of the team's own (on `rows`): it is kept, and no dropdown added. */
  statusDropdownKept?: { column: number; header: string; rows: number[] } | null;
  /** Confirmed fields whose header is no longer in the header row: their alerts are skipped until the user maps them again. */
  missing?: Array<{ field: RosterField; header: string }>;
}

export interface RemoveAlertsResult {
  /** The roster sheet the rules were removed from, or null when no mapping is saved. */
  sheet: string | null;
  /** The add-on's conditional-format rules removed; the user's own stay. */
  removed: number;
  dropdownRemoved: boolean;
}

// ---- The functions ----

/** The server functions the sidebar may call, with their request and response types. */
export interface ServerApi extends RebalanceApi, DashboardApi {
  getSetup(): SetupInfo;
  previewAllocation(input: AllocationInput): AllocationPreview;
  buildAllocation(input: AllocationInput, options?: BuildAllocationOptions): BuildAllocationResult | AllocationEditsConflict;

  /** The roster as the mapping page shows it. Reads the header row and the first data rows only. */
  getRoster(request?: RosterRequest): RosterView;
  /** Saves the mapping for this workbook (every builder uses it) and answers the view as confirmed. */
  saveRoster(mapping: RosterMapping): RosterView;

  getSettings(): SettingsView;
  /** Validates (settingsProblems) and saves; a bad value throws with the problems in words. */
  saveSettings(settings: Settings): SettingsView;
  /** Forgets the saved settings, so every value is its default again. */
  resetSettings(): SettingsView;

  /**
   * Adds or refreshes the alert rules and the status dropdown on the confirmed roster (the detected one while none
   * is confirmed), with the saved settings. Throws when no sheet looks like a roster.
   */
  applyAlerts(input?: ApplyAlertsInput): AlertsResult;
  /** Removes only the add-on's rules and dropdown from the roster sheet. */
  removeAlerts(): RemoveAlertsResult;
}

/** The planner's part of the contract: what a stand-in server needs for the planner page alone. */
export type PlannerApi = Pick<ServerApi, 'getSetup' | 'previewAllocation' | 'buildAllocation'>;

// ---- Rebalance ----

/**
 * buildRebalance / previewRebalance request; every field optional. `{}` (or no argument) uses the saved roster
 * mapping and settings, the latest quarter the roster holds (this quarter when it has no period column), and the
 * planner's saved budget for a quarter, else the reviewed quarter's spend.
 */
export type RebalanceInput = import('../server/schemas').RebalanceInput;

/** Where the reviewed quarter came from: the roster's period column, the request, or today (no period column). */
export type RebalanceQuarterSource = 'data' | 'input' | 'today';
/** Where the budget came from: the request, the planner's saved plan (a month's budget x 3), or the quarter's spend. */
export type RebalanceBudgetSource = 'input' | 'plan' | 'spend';

export interface RebalanceTierSummary {
  /** The scheme's tier name ("Mega"), and its name in the workbook language ("头部"). */
  tier: string;
  label: string;
  spend: number;
  revenue: number | null;
  roas: number | null;
  currentShare: number;
  /** Null when no mix could be proposed. */
  proposedShare: number | null;
  proposedBudget: number | null;
  model: 'hill' | 'average-roas' | 'none';
  /** Why the tier moved, in the workbook language, as the tab says it. */
  reason: string;
}

export interface RebalanceSummary {
  quarter: string;
  nextQuarter: string | null;
  quarterSource: RebalanceQuarterSource;
  language: Language;
  currency: CurrencyCode;
  budget: number;
  budgetSource: RebalanceBudgetSource;
  bounds: { minShare: number; maxChange: number };
  targetRoas: number;
  /** 'marginal-roas' when at least one tier has a calibrated curve; null when no mix could be proposed. */
  method: 'marginal-roas' | 'average-roas' | null;
  /** Which model produced the expected figures, in the workbook language ("Hill curve calibrated on 120 influencers (3 quarters)."). */
  model: string;
  /** Expected revenue and ROAS of the modelled tiers at the current and the proposed mix; null without a proposal. */
  expected: { before: { revenue: number; roas: number | null }; after: { revenue: number; roas: number | null } } | null;
  /** Why no mix was proposed, in the workbook language; null when one was. */
  noProposal: string | null;
  tiers: RebalanceTierSummary[];
  /** Influencers in each list (renew / review / end, and not enough data to judge). */
  lists: { renew: number; review: number; end: number; notEnoughData: number };
  /** Roster rows in the reviewed quarter. */
  influencers: number;
  /** Earlier quarters the curves also read (from the roster or the History tab), oldest first. */
  pastQuarters: string[];
  /** Rows without a period in a roster whose other rows have one (left out), rows without followers (total only). */
  undated: number;
  untiered: number;
  /** Roster cells that did not read as numbers or quarters (counted as blank). */
  unreadCells: number;
}

export interface BuildRebalanceResult {
  /** The quarter's tab ("Rebalance 2026-Q3"); `created` is false when the quarter's tab was refreshed in place. */
  sheetName: string;
  created: boolean;
  quarter: string;
  /** The History tab the quarter's tier totals were recorded in. */
  historySheet: string;
  summary: RebalanceSummary;
}

/** The rebalance's part of the contract; the sidebar adds it to ServerApi with its page. */
export interface RebalanceApi {
  /** The rebalance as data, writing nothing. */
  previewRebalance(input?: RebalanceInput): RebalanceSummary;
  /** Writes or refreshes the quarter's Rebalance tab and records the quarter in the History tab. */
  buildRebalance(input?: RebalanceInput): BuildRebalanceResult;
}

// ---- Dashboard ----

/** buildDashboard request; every field optional. `{}` (or no argument) uses the saved roster mapping and settings. */
export type BuildDashboardInput = import('../server/schemas').BuildDashboardInput;

/** The tab's own judgements after a refresh: tiles and pipeline rates with their colour, and what is "as of". */
export type DashboardSummary = import('../core/dashboard-status').DashboardSummary;

export interface BuildDashboardResult {
  /** The Dashboard tab; `created` is false when it was refreshed in place (one tab, its charts updated). */
  sheetName: string;
  created: boolean;
  /** The currency the tab's money figures are shown in. */
  currency: CurrencyCode;
  summary: DashboardSummary;
}

/** The dashboard's part of the contract; the sidebar adds it to ServerApi with its page. */
export interface DashboardApi {
  /** Writes or refreshes the Dashboard tab from the roster, with the saved settings' bands. */
  buildDashboard(input?: BuildDashboardInput): BuildDashboardResult;
}
