import type { SidebarJob, SidebarPage, SidebarStart } from '../src/shared/api';
import { mountApp, type PageDef } from './app';
import { dashboard } from './pages/dashboard';
import { homePage } from './pages/home';
import { planner } from './pages/planner';
import { rebalance } from './pages/rebalance';
import { roster } from './pages/roster';
import { settings } from './pages/settings';

/** The jobs on the home page, in order. A new job (Quarterly rebalance, Dashboard) is one more entry here. */
const JOBS: readonly PageDef[] = [planner, roster, rebalance, dashboard, settings];

const PAGES: readonly PageDef[] = [homePage(JOBS), ...JOBS];
const KNOWN_JOBS: readonly SidebarJob[] = ['apply-alerts', 'refresh-dashboard'];

/** The page the server asked for on the root element (see SidebarStart); the planner when absent or unknown. */
function startOf(root: HTMLElement): SidebarStart {
  const page = PAGES.find((p) => p.id === root.dataset.page)?.id ?? ('planner' satisfies SidebarPage);
  const then = KNOWN_JOBS.find((job) => job === root.dataset.then);
  return then ? { page, then } : { page };
}

const root = document.getElementById('app');
if (root) mountApp(root, PAGES, startOf(root));
