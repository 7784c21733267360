import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, mergeSettings, settingsProblems, type Settings } from '../../src/core/settings';

describe('DEFAULT_SETTINGS', () => {
  it("holds the SPEC's alert thresholds", () => {
    expect(DEFAULT_SETTINGS.alerts).toEqual({
      roasLow: 2,
      roasStar: 5,
      expiringDays: 30,
      engagementDrop: 0.3,
      boughtEngagementMultiple: 2,
      // Tops of the typical ranges (Mega 1-3%, Macro 3-5%, Mid 5-10%, Micro 10-20%); Nano (20%+) by its floor.
      engagementTop: { mega: 0.03, macro: 0.05, mid: 0.1, micro: 0.2, nano: 0.2 },
      followUpDays: { followUp: 3, email: 7, unresponsive: 14 },
      totalScore: { green: 70, yellow: 50 },
      rating: { green: 8, yellow: 7 },
    });
    expect(DEFAULT_SETTINGS.tierScheme).toBe('matrix');
    expect(DEFAULT_SETTINGS.language).toBe('auto');
    expect(DEFAULT_SETTINGS.currency).toBe('auto');
    expect(settingsProblems(DEFAULT_SETTINGS)).toEqual([]);
  });
});

describe('mergeSettings', () => {
  it('is the defaults when nothing was saved', () => {
    expect(mergeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(mergeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(mergeSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps what was saved and fills what an older version did not save', () => {
    const merged = mergeSettings({ alerts: { roasLow: 1.5, followUpDays: { email: 10 } }, language: 'zh', currency: 'USD' });
    expect(merged.alerts.roasLow).toBe(1.5);
    expect(merged.alerts.roasStar).toBe(5);
    expect(merged.alerts.followUpDays).toEqual({ followUp: 3, email: 10, unresponsive: 14 });
    expect(merged.language).toBe('zh');
    expect(merged.currency).toBe('USD');
    expect(merged.tierScheme).toBe('matrix');
  });

  it('drops unknown keys and values of the wrong type instead of carrying them', () => {
    const merged = mergeSettings({ alerts: { roasLow: '2.5', expiringDays: null, extra: 1 }, language: 'fr', currency: 'XYZ', theme: 'dark' });
    expect(merged).toEqual(DEFAULT_SETTINGS);
    expect(merged).not.toHaveProperty('theme');
  });

  it('takes a custom tier table whole, and keeps its engagement tops', () => {
    const merged = mergeSettings({ tierScheme: { custom: [{ tier: '头部', minFollowers: 1_000_000 }, { tier: 'Seed', minFollowers: 0, engagementTop: 0.3 }, { tier: 'bad' }] } });
    expect(merged.tierScheme).toEqual({ custom: [{ tier: '头部', minFollowers: 1_000_000 }, { tier: 'Seed', minFollowers: 0, engagementTop: 0.3 }] });
    expect(mergeSettings({ tierScheme: 'partnership' }).tierScheme).toBe('partnership');
    expect(mergeSettings({ tierScheme: { custom: [] } }).tierScheme).toBe('matrix');
  });

  it('lays a change over saved settings, not over the defaults, and never shares objects with them', () => {
    const saved = mergeSettings({ alerts: { roasLow: 1.5 } });
    const changed = mergeSettings({ alerts: { roasStar: 6 } }, saved);
    expect(changed.alerts.roasLow).toBe(1.5);
    expect(changed.alerts.roasStar).toBe(6);
    changed.alerts.engagementTop.mega = 0.5;
    expect(DEFAULT_SETTINGS.alerts.engagementTop.mega).toBe(0.03);
  });
});

describe('settingsProblems', () => {
  const withAlerts = (alerts: Partial<Settings['alerts']>): Settings => ({ ...DEFAULT_SETTINGS, alerts: { ...DEFAULT_SETTINGS.alerts, ...alerts } });

  it('refuses thresholds that contradict each other', () => {
    expect(settingsProblems(withAlerts({ roasLow: 5, roasStar: 5 }))).toEqual(['the low ROAS threshold must be below the star ROAS threshold']);
    expect(settingsProblems(withAlerts({ followUpDays: { followUp: 7, email: 7, unresponsive: 14 } }))).toEqual([
      'follow-up days must grow: follow up, then email, then unresponsive',
    ]);
    expect(settingsProblems(withAlerts({ rating: { green: 7, yellow: 8 } }))).toEqual(['rating bands must satisfy 0 <= yellow < green <= 10']);
    expect(settingsProblems(withAlerts({ totalScore: { green: 120, yellow: 50 } }))).toEqual(['total score bands must satisfy 0 <= yellow < green <= 100']);
  });

  it('refuses values out of range', () => {
    expect(settingsProblems(withAlerts({ engagementDrop: 1 }))).toEqual(['the engagement drop must be between 0% and 100%']);
    expect(settingsProblems(withAlerts({ expiringDays: 0.5 }))).toEqual(['the expiry warning must be a whole number of days from 1 to 365']);
    expect(settingsProblems(withAlerts({ engagementTop: { ...DEFAULT_SETTINGS.alerts.engagementTop, nano: 3 } }))).toEqual([
      'the typical engagement top of nano must be between 0% and 100%',
    ]);
  });

  it('refuses a custom tier table with shared minimums or unnamed tiers', () => {
    const scheme = (custom: Array<{ tier: string; minFollowers: number }>): Settings => ({ ...DEFAULT_SETTINGS, tierScheme: { custom } });
    expect(settingsProblems(scheme([{ tier: 'A', minFollowers: 100 }, { tier: 'B', minFollowers: 100 }]))).toEqual(['two custom tiers share the same minimum']);
    expect(settingsProblems(scheme([{ tier: ' ', minFollowers: 0 }]))).toEqual(['every custom tier needs a name']);
  });
});
