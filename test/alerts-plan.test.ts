import { describe, expect, it } from 'vitest';
import { resolveAlerts } from '../src/core/alerts';
import { detectRoster } from '../src/core/roster';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { alertsRulesPlan, isOwnedValidation, ownedRuleId, ROSTER_ALERTS_KIND } from '../src/plan/alerts-plan';

const headers = ['Name', 'Followers', 'Engagement rate', 'Revenue', 'Spend', 'Status', 'Contract end'];
const rows = [['Amy', 12_000, 0.05, 1_000, 2_000, 'Active', '']];

function planFor(language: 'en' | 'zh', top: unknown[][] = []) {
  const roster = detectRoster('Creators', [...top, headers, ...rows])!;
  return alertsRulesPlan(resolveAlerts(roster, DEFAULT_SETTINGS, rows), language);
}

describe('the roster alerts plan', () => {
  it('puts one rule per running alert on the column it colours, from the first data row to the bottom of the sheet', () => {
    const plan = planFor('en', [['Q4 creators'], []]);
    expect(plan.kind).toBe(ROSTER_ALERTS_KIND);
    expect(plan.sheet).toBe('Creators');
    expect(plan.rules.map((r) => [r.id, r.range, r.background])).toEqual([
      ['roas-low', 'D4:D', '#ea9999'],
      ['roas-star', 'D4:D', '#b6d7a8'],
      ['contract-expired', 'G4:G', '#ea9999'],
      ['contract-expiring', 'G4:G', '#f9cb9c'],
      ['bought-engagement', 'C4:C', '#b4a7d6'],
    ]);
    expect(plan.rules[0]).toMatchObject({ row: 4, column: 4 });
    expect(plan.rules[0]!.formula).toBe('=AND(ISTEXT("Influencer Matrix alert: roas-low"),IF(AND(ISNUMBER($D4),ISNUMBER($E4),$E4>0),ROUND($D4/$E4,9)<2))');
  });

  it("marks its rules so a re-run finds them, and only them", () => {
    const plan = planFor('en');
    expect(plan.rules.map((r) => ownedRuleId(r.formula))).toEqual(['roas-low', 'roas-star', 'contract-expired', 'contract-expiring', 'bought-engagement']);
    expect(ownedRuleId('=$D2<2')).toBeNull();
    expect(ownedRuleId('=AND(ISTEXT("my note"),$D2<2)')).toBeNull();
    expect(ownedRuleId(null)).toBeNull();
  });

  it('adds the status dropdown in the workbook language, keeping values outside the list', () => {
    const en = planFor('en').validations;
    expect(en).toEqual([
      {
        id: 'status-dropdown',
        range: 'F2:F',
        row: 2,
        column: 6,
        list: ['Prospect', 'Contacted', 'In Negotiation', 'Active', 'Paused', 'Inactive'],
        allowInvalid: true,
        helpText: 'Pipeline status (Influencer Matrix): Prospect, Contacted, In Negotiation, Active, Paused, Inactive.',
      },
    ]);
    const zh = planFor('zh').validations[0]!;
    expect(zh.list).toEqual(['潜在', '已联系', '洽谈中', '合作中', '暂停', '已结束']);
    expect(isOwnedValidation(en[0]!.helpText)).toBe(true);
    expect(isOwnedValidation(zh.helpText)).toBe(true);
    expect(isOwnedValidation('Pick a status')).toBe(false);
    expect(isOwnedValidation(null)).toBe(false);
  });

  it('has no dropdown without a status column', () => {
    const roster = detectRoster('Creators', [['Name', 'Followers', 'Revenue', 'Spend']])!;
    expect(alertsRulesPlan(resolveAlerts(roster, DEFAULT_SETTINGS, []), 'en').validations).toEqual([]);
  });
});
