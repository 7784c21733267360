/**
 * Reads Stryker's JSON report and fails when a folder's mutation score is below its threshold. Stryker has one
 * break threshold per run; the three folders are mutated in one run (one dry run, shared workers) and judged here.
 *
 *   node scripts/mutation-thresholds.mjs [report.json] [--survivors]
 *
 * --survivors also lists every mutant left alive (file:line, mutator, original -> replacement).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const THRESHOLDS = { 'src/core': 90, 'src/functions': 90, 'src/plan': 80 };

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Stryker's mutation score: detected / (detected + undetected); compile and runtime errors and ignored mutants don't count. */
export function folderScores(report, thresholds = THRESHOLDS) {
  const folders = Object.fromEntries(Object.keys(thresholds).map((folder) => [folder, { detected: 0, undetected: 0 }]));
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const folder = Object.keys(thresholds).find((f) => file.replace(/\\/g, '/').startsWith(`${f}/`));
    if (!folder) continue;
    for (const m of mutants) {
      if (DETECTED.has(m.status)) folders[folder].detected++;
      else if (UNDETECTED.has(m.status)) folders[folder].undetected++;
    }
  }
  return Object.entries(folders).map(([folder, { detected, undetected }]) => {
    const total = detected + undetected;
    const score = total === 0 ? 100 : (detected / total) * 100;
    return { folder, detected, total, score, threshold: thresholds[folder], ok: total > 0 && score >= thresholds[folder] };
  });
}

function survivors(report) {
  const lines = [];
  for (const [file, { mutants, source }] of Object.entries(report.files)) {
    const text = source.split('\n');
    for (const m of mutants) {
      if (!UNDETECTED.has(m.status)) continue;
      const { start, end } = m.location;
      const original =
        start.line === end.line
          ? text[start.line - 1].slice(start.column - 1, end.column - 1)
          : `${text[start.line - 1].slice(start.column - 1)} ...`;
      lines.push(`${file}:${start.line}:${start.column} ${m.status} ${m.mutatorName}: ${clip(original)} -> ${clip(m.replacement ?? '')}`);
    }
  }
  return lines;
}

const clip = (s) => (s.length > 90 ? `${s.slice(0, 87)}...` : s).replace(/\s+/g, ' ');

const args = process.argv.slice(2);
const path = args.find((a) => !a.startsWith('--')) ?? join('reports', 'mutation', 'mutation.json');
const report = JSON.parse(readFileSync(path, 'utf8'));
if (args.includes('--survivors')) console.log(survivors(report).join('\n'));
const scores = folderScores(report);
for (const s of scores) {
  console.log(
    `${s.ok ? 'ok  ' : 'FAIL'} ${s.folder.padEnd(14)} ${s.score.toFixed(2).padStart(6)}% (${s.detected}/${s.total} mutants detected; threshold ${s.threshold}%)`,
  );
}
if (scores.some((s) => !s.ok)) {
  console.error('Mutation score below threshold: add tests that kill the surviving mutants (see reports/mutation/mutation.html).');
  process.exitCode = 1;
}
