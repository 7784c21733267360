import { describe, expect, it } from 'vitest';
import { bandColour, dashboardSettingsProblems, DEFAULT_DASHBOARD_SETTINGS, mergeDashboardSettings, targetRoasOf } from '../../src/core/dashboard-settings';

describe('dashboard bands', () => {
  it('defaults to the seeds: ROAS green from the 3.0 target, yellow from 2.0; pipeline targets 30/50/70%, churn 10%', () => {
    const b = DEFAULT_DASHBOARD_SETTINGS.bands;
    expect(b.roas).toEqual({ green: 3, yellow: 2 });
    expect(targetRoasOf(DEFAULT_DASHBOARD_SETTINGS)).toBe(3);
    expect([b.outreachToResponse.green, b.responseToPartnership.green, b.partnershipToRepeat.green, b.churn.green]).toEqual([0.3, 0.5, 0.7, 0.1]);
    expect(dashboardSettingsProblems(DEFAULT_DASHBOARD_SETTINGS)).toEqual([]);
  });

  it('puts a value on a threshold in the better band', () => {
    expect(bandColour(3, { green: 3, yellow: 2 }, 'higher')).toBe('green');
    expect(bandColour(2.999, { green: 3, yellow: 2 }, 'higher')).toBe('yellow');
    expect(bandColour(2, { green: 3, yellow: 2 }, 'higher')).toBe('yellow');
    expect(bandColour(1.99, { green: 3, yellow: 2 }, 'higher')).toBe('red');
    expect(bandColour(0.1, { green: 0.1, yellow: 0.15 }, 'lower')).toBe('green');
    expect(bandColour(0.15, { green: 0.1, yellow: 0.15 }, 'lower')).toBe('yellow');
    expect(bandColour(0.151, { green: 0.1, yellow: 0.15 }, 'lower')).toBe('red');
    expect(bandColour(null, { green: 3, yellow: 2 }, 'higher')).toBeNull();
  });

  it('keeps the default of any threshold saved missing or mistyped, and drops unknown keys', () => {
    const merged = mergeDashboardSettings({ bands: { roas: { green: 4 }, churn: { green: '10%', yellow: 0.2 }, unknown: { green: 1 } } });
    expect(merged.bands.roas).toEqual({ green: 4, yellow: 2 });
    expect(merged.bands.churn).toEqual({ green: 0.1, yellow: 0.2 });
    expect(Object.keys(merged.bands)).not.toContain('unknown');
    expect(mergeDashboardSettings(null)).toEqual(DEFAULT_DASHBOARD_SETTINGS);
  });

  it('names bands whose lines are in the wrong order or whose shares are written as percents', () => {
    const bad = mergeDashboardSettings({ bands: { roas: { green: 2, yellow: 3 }, paymentsOverdue: { green: 3, yellow: 1 }, churn: { green: 10, yellow: 15 } } });
    expect(dashboardSettingsProblems(bad)).toEqual([
      "the roas band's yellow line must not be above its green line",
      "the paymentsOverdue band's yellow line must not be below its green line",
      'the churn band is a share: use 0.3 for 30%',
    ]);
  });
});
