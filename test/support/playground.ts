import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startPlayground, type Playground, type PlaygroundOptions } from '../../playground/server';
import type { RosterSource } from '../../playground/session';

export const ROOT = join(__dirname, '..', '..');
export const SAMPLE: RosterSource = { kind: 'sample', language: 'en', seed: 1, count: 300 };

/** The playground on a free port, started in this process so tests can also look at its session directly. */
export function startTestPlayground(options: Partial<PlaygroundOptions> = {}): Promise<Playground> {
  return startPlayground({ root: ROOT, source: SAMPLE, port: 0, ...options });
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node scripts/start.mjs` (what `npm start` runs after the build) until it exits or prints its address; a
 * started playground is stopped with SIGINT and `url` is set.
 */
export function runCli(args: string[], options: { cwd?: string; whileRunning?: (url: string) => Promise<void> } = {}): Promise<CliRun & { url?: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs'), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, INIT_CWD: options.cwd ?? ROOT },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let url: string | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`start.mjs ${args.join(' ')} did not finish in time.\n${stdout}\n${stderr}`));
    }, 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = /Influencer Matrix playground: (http:\/\/\S+)/.exec(stdout);
      if (found && !url) {
        url = found[1]!;
        void (options.whileRunning?.(url) ?? Promise.resolve())
          .catch((e: unknown) => {
            stderr += `\nwhileRunning failed: ${String(e)}`;
          })
          .finally(() => child.kill('SIGINT'));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ...(url ? { url } : {}) });
    });
  });
}

export async function postJson(url: string, path: string, body: unknown): Promise<{ status: number; data: Record<string, unknown> }> {
  const response = await fetch(new URL(path, url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, data: (await response.json()) as Record<string, unknown> };
}
