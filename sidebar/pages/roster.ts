import type { PageDef, PageInstance, Then } from '../app';
import { h } from '../dom';
import { alertsSection } from './roster/alerts';
import { mappingSection } from './roster/mapping';

/**
 * "Roster & alerts": confirm which column holds what, then apply the alerts that colour the roster. Opened first by
 * any job that needs a confirmed roster; it carries on with that job once the mapping is saved.
 */
export const roster: PageDef = {
  id: 'roster',
  title: { en: 'Roster & alerts', zh: '达人名单与预警' },
  summary: { en: 'Check which column holds what, then colour the rows that need attention.', zh: '核对各列对应的字段，并为需要关注的达人着色。' },
  mount(ctx): PageInstance {
    let then: Then | null = null;
    const alerts = alertsSection(ctx);
    const mapping = mappingSection(
      ctx,
      (view) => alerts.setConfirmed(view.confirmed),
      (view) => {
        alerts.clear();
        const next = then;
        then = null;
        if (!view.confirmed || !next) return;
        if (next === 'apply-alerts') void alerts.apply();
        else if (next === 'refresh-dashboard') ctx.open('dashboard', next);
        else ctx.open(next);
      },
    );
    const feedback = h('div', {});
    const root = h('div', { class: 'page roster', testid: 'page-roster' }, mapping.root, feedback, alerts.root);
    return {
      root,
      feedback,
      shown(next) {
        then = next;
        // Read afresh on every visit: columns may have moved in the sheet since.
        void mapping.load();
      },
    };
  },
};
