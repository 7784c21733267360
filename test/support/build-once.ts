// @ts-expect-error: the build script is plain ESM JavaScript
import { buildAll } from '../../scripts/build.mjs';

export default async function setup(): Promise<void> {
  await buildAll();
}
