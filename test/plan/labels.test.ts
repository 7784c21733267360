import { describe, expect, it } from 'vitest';
import { ROSTER_FIELDS, type RosterField } from '../../src/core/roster';
import { ALERT_LABELS, languageForLocale } from '../../src/plan/labels';

describe('languageForLocale', () => {
  it.each([
    ['zh_CN', 'zh'],
    ['zh_TW', 'zh'],
    ['zh-HK', 'zh'],
    ['ZH', 'zh'],
    ['en_US', 'en'],
    ['ja_JP', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%j speaks %s', (locale, language) => {
    expect(languageForLocale(locale)).toBe(language);
  });
});

describe('the roster alerts speak both languages', () => {
  const CJK = /[\u4e00-\u9fff]/;

  it('names every roster field in both languages, in Chinese for the Chinese tab', () => {
    const fields = Object.keys(ROSTER_FIELDS) as RosterField[];
    for (const field of fields) {
      expect(ALERT_LABELS.en.fields[field].trim(), field).not.toBe('');
      expect(ALERT_LABELS.en.fields[field], field).not.toMatch(CJK);
      // ROAS is the same word in both.
      if (field !== 'roas') expect(ALERT_LABELS.zh.fields[field], field).toMatch(CJK);
    }
    expect(new Set(fields.map((f) => ALERT_LABELS.en.fields[f])).size).toBe(fields.length);
    expect(new Set(fields.map((f) => ALERT_LABELS.zh.fields[f])).size).toBe(fields.length);
    expect(ALERT_LABELS.en.fields.followers).toBe('Followers');
    expect(ALERT_LABELS.zh.fields.followers).toBe('粉丝数');
    expect(ALERT_LABELS.zh.fields.roas).toBe('ROAS');
  });

  it('says why a cell could not be checked, in both languages', () => {
    const reasons = Object.keys(ALERT_LABELS.en.unchecked) as Array<keyof typeof ALERT_LABELS.en.unchecked>;
    expect(reasons.sort()).toEqual(['ambiguous-rate', 'negative-rate', 'not-a-date', 'not-a-number', 'text-date', 'text-number']);
    for (const reason of reasons) {
      expect(ALERT_LABELS.en.unchecked[reason], reason).toMatch(/^[a-z].{5,}/);
      expect(ALERT_LABELS.zh.unchecked[reason], reason).toMatch(CJK);
    }
    expect(ALERT_LABELS.en.unchecked['ambiguous-rate']).toContain('8% or 0.08');
    expect(ALERT_LABELS.zh.unchecked['ambiguous-rate']).toContain('8% 或 0.08');
  });

  it('says why an alert was skipped, naming the columns it needs', () => {
    const needs = [['followers'], ['cost', 'revenue']] as const;
    expect(ALERT_LABELS.en.skipped.missingColumns(needs)).toBe('needs Followers or Cost + Revenue columns');
    expect(ALERT_LABELS.zh.skipped.missingColumns(needs)).toBe('需要以下列：粉丝数 或 报价 + 销售额');
    expect(ALERT_LABELS.en.skipped.tierEngagementUnknown(['KOL', 'KOC'])).toBe('the tier table gives no typical engagement rate for KOL, KOC');
    expect(ALERT_LABELS.zh.skipped.tierEngagementUnknown(['KOL', 'KOC'])).toBe('层级表未给出以下层级的典型互动率：KOL、KOC');
  });

  it('marks the status dropdown help as the add-on’s own in both languages', () => {
    expect(ALERT_LABELS.en.statusHelp(['Prospect', 'Active'])).toBe(`Pipeline status ${ALERT_LABELS.en.statusMark}: Prospect, Active.`);
    expect(ALERT_LABELS.zh.statusHelp(['潜在', '合作中'])).toBe(`合作状态${ALERT_LABELS.zh.statusMark}：潜在、合作中。`);
    expect(ALERT_LABELS.en.statusMark).toContain('Influencer Matrix');
    expect(ALERT_LABELS.zh.statusMark).toContain('达人矩阵');
  });
});
