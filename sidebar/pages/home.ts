import type { PageDef, PageInstance } from '../app';
import { h } from '../dom';
import { APP } from '../i18n';

/**
 * The home page: one button per job. A job arrives by adding its page definition to the list given to `homePage`
 * (see main.ts); the home page words it from the definition's own title and summary.
 */
export function homePage(jobs: readonly PageDef[]): PageDef {
  return {
    id: 'home',
    title: { en: APP.en.home, zh: APP.zh.home },
    mount(ctx): PageInstance {
      const app = ctx.wording(APP);
      const intro = app.text(h('p', { class: 'secondary' }), (s) => s.homeIntro);
      const items = jobs.map((job) => {
        const name = h('span', { class: 'job-title' });
        const summary = h('span', { class: 'job-summary secondary' });
        ctx.wording(job.title).bind((t) => (name.textContent = t));
        if (job.summary) ctx.wording(job.summary).bind((t) => (summary.textContent = t));
        const button = h('button', { class: 'job', testid: `job-${job.id}`, attrs: { type: 'button' } }, name, summary);
        button.addEventListener('click', () => ctx.open(job.id));
        ctx.onBusy((on) => (button.disabled = on));
        return h('li', {}, button);
      });
      const root = h('div', { class: 'page home', testid: 'page-home' }, intro, h('ul', { class: 'jobs', testid: 'jobs' }, ...items));
      return { root };
    },
  };
}
