import { describe, expect, it } from 'vitest';
import type { SettingsView, SetupInfo } from '../src/shared/api';
import { loadAddon } from './support/addon';

/** SPEC section 4, "Decisions for alerts ...": the defaults, written out. */
const DEFAULTS = {
  alerts: {
    roasLow: 2,
    roasStar: 5,
    expiringDays: 30,
    engagementDrop: 0.3,
    boughtEngagementMultiple: 2,
    engagementTop: { mega: 0.03, macro: 0.05, mid: 0.1, micro: 0.2, nano: 0.2 },
    followUpDays: { followUp: 3, email: 7, unresponsive: 14 },
    totalScore: { green: 70, yellow: 50 },
    rating: { green: 8, yellow: 7 },
  },
  // The Dashboard tab's bands (seed 003: every KPI has red / yellow / green bands): green line, then yellow line.
  dashboard: {
    bands: {
      activeInfluencers: { green: 70, yellow: 35 },
      spendOfPlan: { green: 1, yellow: 1.1 },
      revenueOfPlan: { green: 1, yellow: 0.8 },
      roas: { green: 3, yellow: 2 },
      cpa: { green: 40, yellow: 80 },
      contractsExpiring: { green: 2, yellow: 5 },
      paymentsOverdue: { green: 0, yellow: 2 },
      followUpsDue: { green: 5, yellow: 15 },
      outreachToResponse: { green: 0.3, yellow: 0.2 },
      responseToPartnership: { green: 0.5, yellow: 0.35 },
      partnershipToRepeat: { green: 0.7, yellow: 0.5 },
      churn: { green: 0.1, yellow: 0.15 },
    },
  },
  tierScheme: 'matrix',
  currency: 'auto',
  language: 'auto',
};

describe('settings through the built bundle', () => {
  it('starts from the defaults, with nothing saved', () => {
    const addon = loadAddon();
    expect(addon.run('getSettings')).toEqual({ settings: DEFAULTS, defaults: DEFAULTS, saved: false });
  });

  it('saves a change over the saved settings, per workbook', () => {
    const addon = loadAddon();
    const first = addon.run('saveSettings', { alerts: { roasLow: 1.5, followUpDays: { email: 10 } } }) as SettingsView;
    expect(first.saved).toBe(true);
    expect(first.settings.alerts).toMatchObject({ roasLow: 1.5, roasStar: 5, followUpDays: { followUp: 3, email: 10, unresponsive: 14 } });
    addon.run('saveSettings', { tierScheme: 'partnership', currency: 'EUR' });
    const now = addon.run('getSettings') as SettingsView;
    expect(now).toMatchObject({ saved: true, settings: { tierScheme: 'partnership', currency: 'EUR', alerts: { roasLow: 1.5 } } });
    expect(now.defaults).toEqual(DEFAULTS);
    expect(loadAddon().run('getSettings')).toMatchObject({ saved: false }); // another workbook keeps its own
  });

  it('takes back the whole settings the page sends, including a custom tier table', () => {
    const addon = loadAddon();
    const custom = { custom: [{ tier: 'Star', minFollowers: 200_000, engagementTop: 0.04 }, { tier: '素人', minFollowers: 0 }] };
    const sent = { ...DEFAULTS, tierScheme: custom, language: 'zh' };
    expect(addon.run('saveSettings', sent)).toMatchObject({ saved: true, settings: sent });
  });

  it.each([
    [{ alerts: { roasLow: 6 } }, 'Invalid settings: the low ROAS threshold must be below the star ROAS threshold.'],
    [{ alerts: { expiringDays: 0 } }, 'Invalid settings: alerts.expiringDays: must be at least 1 day.'],
    [{ alerts: { followUpDays: { email: 20 } } }, 'follow-up days must grow: follow up, then email, then unresponsive'],
    [{ alerts: { engagementDrop: 30 } }, 'alerts.engagementDrop: the drop must be less than 100%'],
    [{ currency: 'XYZ' }, 'currency: must be one of'],
    [{ tierScheme: { custom: [] } }, 'tierScheme'],
    [{ theme: 'dark' }, 'Invalid settings: unknown field "theme".'],
    [null, 'Invalid settings: expected an object.'],
  ])('refuses %j with a clear message and saves nothing', (patch, message) => {
    const addon = loadAddon();
    expect(() => addon.run('saveSettings', patch)).toThrow(message);
    expect(addon.run('getSettings')).toMatchObject({ saved: false, settings: DEFAULTS });
  });

  it('resets to the defaults', () => {
    const addon = loadAddon();
    addon.run('saveSettings', { alerts: { roasStar: 8 }, language: 'en' });
    expect(addon.run('resetSettings')).toEqual({ settings: DEFAULTS, defaults: DEFAULTS, saved: false });
    expect(addon.run('getSettings')).toEqual({ settings: DEFAULTS, defaults: DEFAULTS, saved: false });
  });

  it('gives getSetup the language and currency of the settings, or of the locale when they are "auto"', () => {
    const addon = loadAddon({ locale: 'en_US' });
    expect(addon.run('getSetup')).toMatchObject({ language: 'en', currency: 'USD' });
    addon.run('saveSettings', { language: 'zh', currency: 'CNY' });
    expect(addon.run('getSetup') as SetupInfo).toMatchObject({ locale: 'en_US', language: 'zh', currency: 'CNY' });
  });

  it('holds the document lock while saving', () => {
    const addon = loadAddon();
    addon.workbook.holdDocumentLockElsewhere(true);
    expect(() => addon.run('saveSettings', { alerts: { roasLow: 1 } })).toThrow('Another Influencer Matrix build is running');
    expect(() => addon.run('resetSettings')).toThrow('Another Influencer Matrix build is running');
  });
});
