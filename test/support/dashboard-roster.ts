import type { RosterCell } from './dashboard-engine';

/**
 * A small hand-made roster for the Dashboard tab, with every figure worked out by hand below. Dates are days from
 * today (serial numbers), so the alert windows hold whatever day the tests run.
 */
export const HEADER = ['Name', 'Followers', 'Spend', 'Revenue', 'Conversions', 'Status', 'Contract end', 'Payment due', 'Payment status', 'Last contacted'];

export function handRoster(today: number): RosterCell[][] {
  const day = (offset: number): RosterCell => ({ serial: today + offset });
  return [
    // row 2: Mega, ROAS 1.8; contract ends in 10 days (expiring); payment 5 days late and unpaid (overdue)
    ['Ann', 600_000, 20_000, 36_000, 100, 'Active', day(10), day(-5), 'Unpaid', day(-40)],
    // row 3: Macro at its very minimum (minimums are inclusive), ROAS 2.8; payment late but paid
    ['Bob', 100_000, 10_000, 28_000, 200, 'Active', day(60), day(-2), 'Paid', null],
    // row 4: Mid, ROAS 4, paused; contract ends in 20 days (expiring)
    ['Cat', 50_000, 4_000, 16_000, 100, 'Paused', day(20), day(5), 'Unpaid', null],
    // row 5: Mid at its minimum, ROAS 3, ended 10 days ago (churned this month)
    ['Dan', 10_000, 2_000, 6_000, 50, 'Inactive', day(-10), null, null, null],
    // row 6: Micro at its minimum, ROAS 5
    ['Eve', 1_000, 800, 4_000, 40, 'Active', day(100), null, null, null],
    // row 7: contacted 8 days ago, no reply (follow-up due)
    ['Fay', 3_000, null, null, null, 'Contacted', null, null, null, day(-8)],
    // row 8: in negotiation, not a follow-up
    ['Gus', 800, null, null, null, 'In Negotiation', null, null, null, day(-2)],
    // row 9: a prospect
    ['Hal', 200, null, null, null, 'Prospect', null, null, null, null],
    // row 10: Mid, ROAS 3 (ties with Dan, who is higher up), ended 45 days ago (not this month)
    ['Ivy', 40_000, 1_000, 3_000, null, 'Inactive', day(-45), null, null, null],
    // row 11: no follower count (in the totals, in no tier), ROAS 1
    ['Jo', null, 500, 500, null, 'Active', null, null, null, null],
  ];
}

/**
 * The figures of `handRoster`, by hand, on the default "matrix" scheme (Mega 500k+, Macro 100k+, Mid 10k+, Micro
 * 1k+, Nano) and default settings. Tiers in order: 0 Mega, 1 Macro, 2 Mid, 3 Micro, 4 Nano.
 */
export const HAND_FIGURES: Record<string, number | null> = {
  // Status Active: Ann, Bob, Eve, Jo. Jo has no followers, so the tiers hold 3 of the 4.
  active: 4,
  'active@0': 1,
  'active@1': 1,
  'active@2': 0,
  'active@3': 1,
  'active@4': 0,
  // 20000 + 10000 + 4000 + 2000 + 800 + 1000 + 500
  spend: 38_300,
  'spend@0': 20_000,
  'spend@1': 10_000,
  'spend@2': 7_000, // Cat 4000 + Dan 2000 + Ivy 1000
  'spend@3': 800,
  'spend@4': 0,
  // 36000 + 28000 + 16000 + 6000 + 4000 + 3000 + 500
  revenue: 93_500,
  'revenue@0': 36_000,
  'revenue@1': 28_000,
  'revenue@2': 25_000,
  'revenue@3': 4_000,
  'revenue@4': 0,
  roas: 93_500 / 38_300,
  'roas@0': 1.8,
  'roas@1': 2.8,
  'roas@2': 25_000 / 7_000,
  'roas@3': 5,
  'roas@4': null, // no spend
  // spend of the rows with conversions (Ann, Bob, Cat, Dan, Eve) 36800 / 490 conversions
  cpa: 36_800 / 490,
  contractsExpiring: 2, // Ann (10 days), Cat (20 days)
  paymentsOverdue: 1, // Ann
  followUpsDue: 1, // Fay
  identified: 10,
  reached: 9, // all but Hal
  responded: 8, // Gus, the four Active, Cat, Dan, Ivy
  partnered: 7,
  outreachToResponse: 8 / 9,
  responseToPartnership: 7 / 8,
  partnershipToRepeat: null,
  // Dan ended in the last 30 days; live 30 days ago: 4 Active + Cat + Dan
  churn: 1 / 6,
};

/** Top and bottom by ROAS: Eve 5, Cat 4, Dan 3, Ivy 3 (row order), Bob 2.8 | Ann 1.8, Jo 1, read from the bottom. */
export const HAND_TOP = [
  { name: 'Eve', row: 6, roas: 5 },
  { name: 'Cat', row: 4, roas: 4 },
  { name: 'Dan', row: 5, roas: 3 },
  { name: 'Ivy', row: 10, roas: 3 },
  { name: 'Bob', row: 3, roas: 2.8 },
];
export const HAND_BOTTOM = [
  { name: 'Jo', row: 11, roas: 1 },
  { name: 'Ann', row: 2, roas: 1.8 },
];
