import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

/**
 * The Chromium the browser tests and `npm run screenshots` drive. A system Chromium is used when there is one;
 * otherwise the headless Chromium shipped inside the @sparticuz/chromium npm package, so `npm ci && npm test` needs
 * nothing but Node and npm, and nothing is downloaded.
 *
 * The package is made for AWS Lambda: its own executablePath() unpacks into a fixed /tmp/chromium that a second
 * process may find half written, and its recommended flags switch off web security and site isolation, which would
 * let the sidebar tests pass where Sheets would not. So it is unpacked here, once per package version, into a
 * folder that appears whole or not at all, and launched with a system Chromium's flags plus two of the package's.
 */

const ROOT = join(__dirname, '..', '..');
const PACKAGE = join(ROOT, 'node_modules', '@sparticuz', 'chromium');

/** Set to a Chromium or Chrome binary to use it instead of the system's or the package's. */
export const CHROMIUM_PATH_ENV = 'CHROMIUM_PATH';
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/**
 * Taken from the package's own list: its headless flags (--headless and --no-sandbox are above) include --no-zygote,
 * the set the build is made and tested with; unhinted fonts keep the screenshots alike from machine to machine.
 */
const PACKAGED_FLAGS = ['--no-zygote', '--font-render-hinting=none'];

export interface ChromiumExecutable {
  path: string;
  /** Where it came from, for error messages. */
  source: 'env' | 'system' | 'package';
  args: string[];
  /** Extra environment for the browser process. */
  env: Record<string, string>;
}

export async function chromiumExecutable(): Promise<ChromiumExecutable> {
  const chosen = process.env[CHROMIUM_PATH_ENV];
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`${CHROMIUM_PATH_ENV}=${chosen}: no such file.`);
    return { path: chosen, source: 'env', args: FLAGS, env: {} };
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: 'system', args: FLAGS, env: {} };

  const dir = await unpackPackagedChromium_();
  return {
    path: join(dir, 'chromium'),
    source: 'package',
    args: [...FLAGS, ...PACKAGED_FLAGS],
    // NSS and expat come with the package, so a machine without them (a bare Node image) can still run it.
    env: { LD_LIBRARY_PATH: [join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'), FONTCONFIG_FILE: join(dir, 'fonts.conf') },
  };
}

export async function launchChromium(): Promise<Browser> {
  const executable = await chromiumExecutable();
  try {
    return await chromium.launch({ executablePath: executable.path, args: executable.args, env: { ...process.env, ...executable.env } });
  } catch (error) {
    throw new Error(`Could not start Chromium (${executable.source}: ${executable.path}): ${(error as Error).message}`);
  }
}

/**
 * Unpacks the browser, its libraries and its font into node_modules/.cache, built in a private folder and renamed
 * into place: concurrent test workers each either find the finished folder or race to rename a complete one.
 */
async function unpackPackagedChromium_(): Promise<string> {
  const bin = join(PACKAGE, 'bin');
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`No Chromium found: @sparticuz/chromium runs on x64 Linux only; set ${CHROMIUM_PATH_ENV} to a Chrome or Chromium binary.`);
  }
  if (!existsSync(join(bin, 'chromium.br'))) {
    throw new Error(`No Chromium found: install chromium, set ${CHROMIUM_PATH_ENV}, or run \`npm ci\` to get @sparticuz/chromium.`);
  }
  const { version } = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as { version: string };
  const dir = join(ROOT, 'node_modules', '.cache', `sparticuz-chromium-${version}`);
  if (existsSync(join(dir, 'chromium'))) return dir;

  const temp = `${dir}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(join(temp, 'lib'), { recursive: true });
  try {
    await pipeline(createReadStream(join(bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(join(temp, 'chromium'), { mode: 0o755 }));
    untar_(brotliDecompressSync(readFileSync(join(bin, 'al2023.tar.br'))), join(temp, 'lib'), 'lib/');
    untar_(brotliDecompressSync(readFileSync(join(bin, 'fonts.tar.br'))), join(temp, 'fonts'), 'fonts/');
    // The system's fonts when it has any (Chinese text in the screenshots), plus the package's Open Sans always.
    writeFileSync(
      join(temp, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n` +
        `  <dir>${join(dir, 'fonts')}</dir>\n  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
    try {
      renameSync(temp, dir);
    } catch (error) {
      // Another worker renamed its copy first: use that one.
      if (!existsSync(join(dir, 'chromium'))) throw error;
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return dir;
}

/** Extracts the regular files of a ustar archive whose names start with `prefix`, flattened into `into`. */
function untar_(archive: Buffer, into: string, prefix: string): void {
  mkdirSync(into, { recursive: true });
  for (let at = 0; at + 512 <= archive.length; ) {
    const header = archive.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number) => header.toString('latin1', start, start + length).replace(/\0.*$/s, '');
    const name = `${field(345, 155) ? `${field(345, 155)}/` : ''}${field(0, 100)}`.replace(/^\.\//, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const body = at + 512;
    if ((type === '0' || type === '') && name.startsWith(prefix)) {
      const base = name.slice(name.lastIndexOf('/') + 1);
      writeFileSync(join(into, base), archive.subarray(body, body + size), { mode: 0o755 });
    }
    at = body + Math.ceil(size / 512) * 512;
  }
}
