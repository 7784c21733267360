/**
 * A vitest reporter for mutation runs only (vitest.mutation.config.mjs). Stryker's vitest runner (9.6.1, and 10.0)
 * builds a mutant's result from the tests vitest collected, and a test file that fails to load collects none, so a
 * mutant that stops a module from loading (a table emptied at import time, say) is reported Survived although every
 * test importing that module fails (stryker-js issue #6150). This reporter gives such a file one failed test carrying
 * its load error, so the mutant counts as killed. A file that loaded is left as it is.
 *
 * It reads the same run state the runner reads (`vitest.state`), since the reporter API does not expose a module's
 * collected tasks.
 */
export default class LoadFailuresAsTests {
  onInit(vitest) {
    this.vitest = vitest;
  }

  onTestRunEnd() {
    for (const file of this.vitest.state.getFiles()) {
      if (file.result?.state !== 'fail' || file.tasks.length > 0) continue;
      const errors = file.result.errors?.length ? file.result.errors : [{ message: `${file.name} failed to load` }];
      file.tasks.push({
        type: 'test',
        id: `${file.id}_load`,
        name: 'loads',
        mode: 'run',
        file,
        meta: {},
        context: {},
        annotations: [],
        artifacts: [],
        result: { state: 'fail', errors, duration: 0 },
      });
    }
  }
}
