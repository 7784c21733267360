/**
 * The contract between the sidebar and the server functions it calls through google.script.run. Types only: the
 * sidebar imports them with `import type`, so nothing here reaches the browser bundle. Every response is plain,
 * JSON-safe data (google.script.run drops Dates, functions and class instances).
 */
import type { Allocation } from '../core/allocation';
import type { CurrencyCode, Geography, PartnershipType, PerTier, Range, Stage } from '../core/domain';
import type { RosterDetection } from '../core/roster';
import type { AllocationInput } from '../server/schemas';

export type { AllocationInput, RosterDetection };
export type Language = 'en' | 'zh';

export interface SetupInfo {
  /** The workbook's locale, e.g. "zh_CN", and the language the sidebar should start in. */
  locale: string;
  language: Language;
  /** The currency the locale suggests, used when no allocation was saved. */
  currency: CurrencyCode;
  currencies: CurrencyCode[];
  timeZone: string;
  /** The last allocation request built in this workbook, to prefill the wizard. */
  savedAllocation: AllocationInput | null;
  sheets: Array<{ name: string; generated: boolean }>;
  roster: RosterDetection | null;
  defaults: {
    stageMix: Record<Stage, PerTier<number>>;
    costPerPost: PerTier<Range>;
    partnershipMix: Record<PartnershipType, number>;
    geoMix: Record<Geography, number>;
    aov: number;
    targetRoas: number;
  };
}

/** A warning about the plan, as a code plus data so the sidebar can word it in the user's language. */
export type AllocationWarning =
  | { code: 'below-one-post'; tier: keyof PerTier<unknown>; budget: number; cheapest: number }
  | { code: 'mix-total'; total: number };

export interface AllocationPreview extends Allocation {
  warnings: AllocationWarning[];
}

export interface BuildAllocationResult {
  sheetName: string;
  /** False when an existing Allocation tab of the add-on's was refreshed in place. */
  created: boolean;
  summary: AllocationPreview;
}

/** The server functions the sidebar may call, with their request and response types. */
export interface ServerApi {
  getSetup(): SetupInfo;
  previewAllocation(input: AllocationInput): AllocationPreview;
  buildAllocation(input: AllocationInput): BuildAllocationResult;
}
