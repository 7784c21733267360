import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM helper shared with `npm run docs`
import { functionTable, helpFromBundle, readmeWithTable } from '../scripts/readme-table.mjs';

const root = join(__dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('the project as a newcomer meets it', () => {
  it('README opens with the two commands', () => {
    const firstCommands = [...readme.matchAll(/^(npm [^\n]+)$/gm)].map((m) => m[1]).slice(0, 2);
    expect(firstCommands).toEqual(['npm install && npm start', 'npm test']);
  });

  it('README function reference matches the registry in the built bundle', () => {
    const help = helpFromBundle();
    expect(readme).toBe(readmeWithTable(readme, help));
    expect(functionTable(help)).toContain('`TIER(followers, [scheme])`');
  });

  it('the deploy path names the Apps Script project "Influencer Matrix", the name a bound add-on menu shows', () => {
    // In a bound script createAddonMenu() is captioned with the script project's name, so both ways of creating the
    // project must give it the name the README promises under Extensions.
    const deploy = readme.slice(readme.indexOf('## Deploy'), readme.indexOf('## Development'));
    expect(deploy).toMatch(/clasp create-script --type sheets --title "Influencer Matrix" --rootDir dist/);
    expect(deploy).toMatch(/rename it `Influencer Matrix`/);
    expect(deploy).toContain('Extensions → Influencer Matrix');
  });

  it('clasp pushes exactly the built add-on: code, sidebar and manifest', () => {
    const out = execFileSync(join(root, 'node_modules/.bin/clasp'), ['status', '--json'], { cwd: root, encoding: 'utf8' });
    const status = JSON.parse(out.slice(out.indexOf('{'))) as { filesToPush: string[] };
    expect(status.filesToPush.sort()).toEqual(['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json']);
  });

  it('the manifest asks only for the current spreadsheet and the container UI', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'dist/appsscript.json'), 'utf8'));
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', exceptionLogging: 'STACKDRIVER' });
    expect(manifest.timeZone).toBeTruthy();
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
  });
});
