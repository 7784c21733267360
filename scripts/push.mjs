// `npm run push`: uploads dist/ to your Apps Script project with clasp, after checking the project is configured.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const config = JSON.parse(readFileSync(join(root, '.clasp.json'), 'utf8'));
if (!config.scriptId || config.scriptId.startsWith('REPLACE_')) {
  console.error(
    'Set "scriptId" in .clasp.json to your Apps Script project first: open your spreadsheet, Extensions > Apps Script,\n' +
      'Project Settings > IDs > Script ID. (See "Deploy to your Google account" in README.md.)',
  );
  process.exit(1);
}
for (const file of ['Code.js', 'Sidebar.html', 'appsscript.json']) {
  if (!existsSync(join(root, 'dist', file))) {
    console.error(`dist/${file} is missing: run npm run build.`);
    process.exit(1);
  }
}
const result = spawnSync('npx', ['clasp', 'push', '--force'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
