/**
 * `npm start [-- options]`: parses the options, reads a roster file if one is given, starts the playground and
 * prints where it is. Every failure is one line on stderr and a non-zero exit code.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { dayFromIso } from '../src/core/dates';
import { DEFAULT_SAMPLE_COUNT, DEFAULT_SAMPLE_SEED, type SampleLanguage } from '../src/offline/sample';
import { openedNotice, openRoster } from './roster-import';
import { DEFAULT_PORT, PlaygroundError, startPlayground, type Playground } from './server';
import type { RosterSource } from './session';
import { StateError } from './store';

export const USAGE = `Usage: npm start -- [options]

  --port N          port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)
  --sample en|zh    start from the sample roster with English (default) or Chinese headers
  --seed N          seed of the sample roster (default ${DEFAULT_SAMPLE_SEED}); the same seed gives the same roster
  --rows N          influencers in the sample roster (default ${DEFAULT_SAMPLE_COUNT})
  --roster FILE     start from your own roster: CSV (comma, semicolon or tab separated; UTF-8 with or without
                    BOM, GB18030 or Windows-1252) or .xlsx
  --sheet NAME      with an .xlsx --roster, the worksheet to read (default: the first visible one)
  --locale LOCALE   workbook locale, e.g. zh_CN or en_US (default: from the roster's headers)
  --today DAY       pretend the workbook is opened on DAY (YYYY-MM-DD): the sample's dates fall around it, and
                    the add-on and TODAY() read it (default: the real date in the workbook's time zone)
  --out DIR         keep the session in DIR (saved after every change, reloaded on the next start with the
                    same DIR); exports are saved there too. Without it nothing is written to disk.
  --fresh           with --out, ignore the session saved in DIR and start over
  --help            show this help`;

export interface CliOptions {
  port: number;
  source: RosterSource;
  outDir: string | null;
  fresh: boolean;
  locale: string | null;
  /** --today: the day the workbook lives on, or null for the real clock. */
  today: string | null;
  help: boolean;
  /** --sheet: the worksheet of an .xlsx --roster. */
  sheet?: string;
}

class UsageError extends Error {}

function integer(value: string | undefined, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag} needs a whole number from ${min} to ${max}${value === undefined ? '' : `, got "${value}"`}.`);
  }
  return n;
}

/** `path` as the user typed it (for messages), read relative to `cwd`; `sheet` picks an .xlsx file's worksheet. */
export function readRoster(path: string, cwd = process.cwd(), sheet?: string): RosterSource {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(resolve(cwd, path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new PlaygroundError(`Cannot read roster file "${path}": ${why}.`);
  }
  const opened = openRoster(bytes, path, sheet === undefined ? {} : { sheet });
  if (!opened.ok) throw new PlaygroundError(opened.message);
  return { ...opened.source, fileName: basename(path) };
}

/** `cwd` resolves --out: npm runs scripts from the package root, so the caller passes the folder npm was started in. */
export function parseArgs(argv: readonly string[], cwd = process.cwd()): CliOptions {
  let port = DEFAULT_PORT;
  let language: SampleLanguage = 'en';
  let seed = DEFAULT_SAMPLE_SEED;
  let count = DEFAULT_SAMPLE_COUNT;
  let roster: string | null = null;
  let sampleAsked = false;
  const options: Omit<CliOptions, 'port' | 'source'> = { outDir: null, fresh: false, locale: null, today: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '--port':
        port = integer(value(), '--port', 0, 65_535);
        break;
      case '--sample': {
        const v = value();
        if (v !== 'en' && v !== 'zh') throw new UsageError(`--sample takes en or zh, got "${v}".`);
        language = v;
        sampleAsked = true;
        break;
      }
      case '--seed':
        seed = integer(value(), '--seed', 0, 2 ** 31 - 1);
        break;
      case '--rows':
        count = integer(value(), '--rows', 1, 100_000);
        break;
      case '--roster':
        roster = value();
        break;
      case '--sheet':
        options.sheet = value();
        break;
      case '--out':
        options.outDir = resolve(cwd, value());
        break;
      case '--locale': {
        const v = value();
        if (!/^[a-z]{2}(_[A-Z]{2})?$/.test(v)) throw new UsageError(`--locale takes a locale such as zh_CN or en_US, got "${v}".`);
        options.locale = v;
        break;
      }
      case '--today': {
        const v = value();
        if (!dayFromIso(v)) throw new UsageError(`--today takes a day written as YYYY-MM-DD, e.g. 2026-11-30, got "${v}".`);
        options.today = v;
        break;
      }
      case '--fresh':
        options.fresh = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new UsageError(`Unknown option "${arg}" (see --help).`);
    }
  }
  if (roster !== null && sampleAsked) throw new UsageError('Pass either --sample or --roster, not both.');
  if (options.sheet !== undefined && roster === null) throw new UsageError('--sheet goes with --roster, naming a worksheet of its .xlsx file.');
  const source: RosterSource = roster !== null ? { kind: 'csv', fileName: roster, rows: [] } : { kind: 'sample', language, seed, count };
  return { ...options, port, source };
}

function describe(source: RosterSource, playground: Playground): string {
  const roster =
    source.kind === 'sample'
      ? `sample roster, ${source.language === 'zh' ? 'Chinese' : 'English'} headers, ${source.count} influencers (seed ${source.seed}), dates around ${source.today}`
      : `${source.fileName}, ${Math.max(0, source.rows.length - 1)} rows`;
  return playground.resumed > 0 ? `Resumed the saved session (${playground.resumed} changes) on ${roster}.` : `Roster: ${roster}.`;
}

export interface CliContext {
  root: string;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

/** Returns an exit code when the playground could not start; otherwise it runs until interrupted. */
export async function main(argv: readonly string[], context: CliContext): Promise<number | undefined> {
  const out = context.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = context.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  // npm runs `npm start` in the package root; paths on the command line are meant from where it was typed.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  let options: CliOptions;
  try {
    options = parseArgs(argv, cwd);
    if (options.help) {
      out(USAGE);
      return 0;
    }
    if (options.source.kind === 'csv') options.source = readRoster(options.source.fileName, cwd, options.sheet);
  } catch (e) {
    if (e instanceof UsageError || e instanceof PlaygroundError) {
      err(`Influencer Matrix playground: ${e.message}`);
      return e instanceof UsageError ? 2 : 1;
    }
    throw e;
  }

  let playground: Playground;
  try {
    playground = await startPlayground({
      root: context.root,
      source: options.source,
      port: options.port,
      outDir: options.outDir,
      fresh: options.fresh,
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.today ? { today: options.today } : {}),
      log: err,
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      err(`Influencer Matrix playground: port ${options.port} is already in use; stop what is using it or pick another port with --port N (--port 0 picks a free one).`);
      return 1;
    }
    if (code === 'EACCES') {
      err(`Influencer Matrix playground: not allowed to listen on port ${options.port}; pick a port above 1023 with --port N.`);
      return 1;
    }
    if (e instanceof PlaygroundError || e instanceof StateError) {
      err(`Influencer Matrix playground: ${e.message}`);
      return 1;
    }
    throw e;
  }

  out(`Influencer Matrix playground: ${playground.url}`);
  out(describe(playground.session.source, playground));
  if (playground.resumed === 0 && playground.session.source.kind === 'import') out(openedNotice(playground.session.source, 'en'));
  out(options.outDir ? `Saving the session to ${options.outDir}.` : 'Nothing is written to disk (pass --out DIR to keep the session).');
  out('Press Ctrl+C to stop.');
  const stop = (): void => {
    void playground.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return undefined;
}
