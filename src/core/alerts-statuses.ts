/**
 * The words alert rules look for in text columns: pipeline statuses (seed 000, SPEC "Decisions") and the ways a
 * payment-status column says "paid". Rules accept both languages whatever the workbook's, because teams mix them.
 */
import type { Language } from './settings';

export const PIPELINE_STATUS_KEYS = ['prospect', 'contacted', 'negotiating', 'active', 'paused', 'inactive'] as const;
export type PipelineStatus = (typeof PIPELINE_STATUS_KEYS)[number];

export const PIPELINE_STATUSES: Record<PipelineStatus, Record<Language, string>> = {
  prospect: { en: 'Prospect', zh: '潜在' },
  contacted: { en: 'Contacted', zh: '已联系' },
  negotiating: { en: 'In Negotiation', zh: '洽谈中' },
  active: { en: 'Active', zh: '合作中' },
  paused: { en: 'Paused', zh: '暂停' },
  inactive: { en: 'Inactive', zh: '已结束' },
};

/** The status dropdown's list, in the workbook's language, in pipeline order. */
export const statusList = (language: Language): string[] => PIPELINE_STATUS_KEYS.map((k) => PIPELINE_STATUSES[k][language]);

/** Every spelling of some statuses, both languages. */
export const statusWords = (...keys: PipelineStatus[]): string[] => keys.flatMap((k) => [PIPELINE_STATUSES[k].en, PIPELINE_STATUSES[k].zh]);

/** A payment-status cell that says the influencer was paid; a ticked checkbox reads TRUE. Anything else is unpaid. */
export const PAID_WORDS: readonly string[] = ['Paid', 'Yes', 'TRUE', '已付', '已付款', '已支付', '已结算', '已打款', '是'];

/** What the sample roster writes for a payment still owed. */
export const UNPAID_WORD: Record<Language, string> = { en: 'Unpaid', zh: '未付' };
export const PAID_WORD: Record<Language, string> = { en: 'Paid', zh: '已付' };
