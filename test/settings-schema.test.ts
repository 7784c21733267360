import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, mergeSettings } from '../src/core/settings';
import { settingsAfter_ } from '../src/server/settings-schema';

describe('settingsAfter_ (a settings change from the sidebar, validated on the server)', () => {
  it('lays a partial change over the saved settings', () => {
    const saved = mergeSettings({ alerts: { roasLow: 1.5 }, language: 'zh' });
    const next = settingsAfter_({ alerts: { followUpDays: { unresponsive: 21 } }, tierScheme: 'partnership' }, saved);
    expect(next.alerts.roasLow).toBe(1.5);
    expect(next.alerts.followUpDays).toEqual({ followUp: 3, email: 7, unresponsive: 21 });
    expect(next.tierScheme).toBe('partnership');
    expect(next.language).toBe('zh');
  });

  it('accepts complete settings, such as the defaults (what "reset to defaults" saves)', () => {
    expect(settingsAfter_(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it('rejects unknown keys, wrong types and values out of range, naming the field', () => {
    expect(() => settingsAfter_({ alerts: { roasLow: 1 }, colour: 'red' })).toThrow('Invalid settings: unknown field "colour".');
    expect(() => settingsAfter_({ alerts: { roasLow: '2' } })).toThrow('Invalid settings: alerts.roasLow: expected a number.');
    expect(() => settingsAfter_({ alerts: { expiringDays: 0 } })).toThrow('alerts.expiringDays: must be at least 1 day');
    expect(() => settingsAfter_({ alerts: { engagementTop: { mega: 3 } } })).toThrow('alerts.engagementTop.mega: a typical engagement top must be at most 100% (1)');
    expect(() => settingsAfter_({ language: 'fr' })).toThrow('language: must be one of "en", "zh", "auto"');
    expect(() => settingsAfter_({ currency: 'XYZ' })).toThrow(/currency: must be one of "CNY"/);
  });

  it('rejects a change that contradicts the settings it lands on', () => {
    const saved = mergeSettings({ alerts: { roasStar: 3 } });
    expect(() => settingsAfter_({ alerts: { roasLow: 3 } }, saved)).toThrow(
      'Invalid settings: the low ROAS threshold must be below the star ROAS threshold.',
    );
  });

  it('checks a custom tier table: named tiers, whole minimums, at most 10 rows', () => {
    expect(settingsAfter_({ tierScheme: { custom: [{ tier: ' 头部 ', minFollowers: 1_000_000 }, { tier: 'Seed', minFollowers: 0, engagementTop: 0.3 }] } }).tierScheme).toEqual({
      custom: [{ tier: '头部', minFollowers: 1_000_000 }, { tier: 'Seed', minFollowers: 0, engagementTop: 0.3 }],
    });
    expect(() => settingsAfter_({ tierScheme: { custom: [{ tier: '', minFollowers: 0 }] } })).toThrow('a tier needs a name');
    expect(() => settingsAfter_({ tierScheme: { custom: [{ tier: 'A', minFollowers: 1.5 }] } })).toThrow(/tierScheme/);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ tier: `T${i}`, minFollowers: i * 10 }));
    expect(() => settingsAfter_({ tierScheme: { custom: eleven } })).toThrow(/tierScheme/);
  });
});
