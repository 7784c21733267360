// Starts the offline playground: `npm start` builds dist/ first, then runs this (see playground/cli.ts for options).
import { importTs, root } from './load-ts.mjs';

const { main } = await importTs('playground/cli.ts');
const code = await main(process.argv.slice(2), { root });
if (code !== undefined) process.exitCode = code;
