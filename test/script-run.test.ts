import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PlaygroundSession } from '../playground/session';
import { encodeScriptRunArgs, encodeScriptRunResult } from '../src/offline/script-run';
import { loadAddon } from './support/addon';
import { callLikeScriptRun, DIST, loadBundle, readBundle } from './support/bundle';

/**
 * google.script.run's wire rules (HtmlService guide, "Parameters and return values"): primitives, null, and plain
 * objects and arrays of them cross; a Date, a function or a DOM element in the arguments fails the call; undefined in
 * an array becomes null; a result holding something that cannot cross reaches the success handler as null.
 */

describe('encodeScriptRunArgs', () => {
  it('copies primitives, null and plain objects and arrays; undefined in an array becomes null, in an object is dropped', () => {
    const input = { budget: 30_000, stage: 'maturity', on: true, none: null, skip: undefined, list: [1, undefined, 'x'], deep: { a: [{ b: 2 }] } };
    const [copy] = encodeScriptRunArgs([input]) as [Record<string, unknown>];
    expect(copy).toEqual({ budget: 30_000, stage: 'maturity', on: true, none: null, list: [1, null, 'x'], deep: { a: [{ b: 2 }] } });
    expect('skip' in copy).toBe(false);
    expect(copy).not.toBe(input);
    expect(copy.deep).not.toBe(input.deep);
    expect(encodeScriptRunArgs([undefined, 'a'])).toEqual([null, 'a']);
  });

  it('fails the call for a Date, a function, a DOM element or another class instance, naming the property', () => {
    expect(() => encodeScriptRunArgs([new Date(0)])).toThrow('Failed due to illegal value in property: 0');
    expect(() => encodeScriptRunArgs([{ budget: 1, start: new Date(0) }])).toThrow('Failed due to illegal value in property: start');
    expect(() => encodeScriptRunArgs(['ok', { onDone: () => 1 }])).toThrow('Failed due to illegal value in property: onDone');
    expect(() => encodeScriptRunArgs([{ list: [1, new Map()] }])).toThrow('Failed due to illegal value in property: 1');
    expect(() => encodeScriptRunArgs([{ nodeType: 1, nodeName: 'DIV', tagName: 'DIV' }])).toThrow('Failed due to illegal value in property: 0');
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(() => encodeScriptRunArgs([loop])).toThrow(/circular/);
  });

  it('accepts plain objects made in another realm, as the add-on runs in a vm', () => {
    const foreign = vm.runInNewContext('({ budget: 5, mix: [0.5, 0.5] })') as object;
    expect(encodeScriptRunArgs([foreign])).toEqual([{ budget: 5, mix: [0.5, 0.5] }]);
  });
});

describe('encodeScriptRunResult', () => {
  it('delivers plain data as a copy, and null when anything in it cannot cross', () => {
    const result = { sheetName: 'Allocation', tiers: [{ budget: 1 }], gone: undefined };
    expect(encodeScriptRunResult(result)).toEqual({ sheetName: 'Allocation', tiers: [{ budget: 1 }] });
    expect(encodeScriptRunResult({ sheetName: 'A', at: new Date(0) })).toBeNull();
    expect(encodeScriptRunResult([1, () => 2])).toBeNull();
    expect(encodeScriptRunResult(vm.runInNewContext('({ when: new Date(0) })'))).toBeNull();
    expect(encodeScriptRunResult(undefined)).toBeUndefined();
    expect(encodeScriptRunResult('text')).toBe('text');
  });
});

describe('the harnesses that call the built add-on', () => {
  const extra = '\nfunction giveDate() { return { at: new Date(0), n: 1 }; }\nfunction echo(x) { return x; }\n';

  it('callLikeScriptRun fails a call with a Date argument before the server sees it, and drops a Date result', () => {
    const addon = loadAddon();
    expect(() => addon.run('previewAllocation', { budget: 30_000, stage: 'maturity', start: new Date(0) })).toThrow(
      'Failed due to illegal value in property: start',
    );
    const context = loadBundle(addon.workbook.globals, readBundle() + extra);
    expect(callLikeScriptRun(context, 'giveDate')).toBeNull();
    expect(callLikeScriptRun(context, 'echo', [1, undefined])).toEqual([1, null]);
  });

  it('the playground session delivers null for a result holding a Date', () => {
    const session = new PlaygroundSession({
      code: readBundle() + extra,
      sidebarHtml: readFileSync(join(DIST, 'Sidebar.html'), 'utf8'),
      source: { kind: 'sample', language: 'en', seed: 1, count: 5 },
    });
    expect(session.scriptRun('giveDate', [])).toEqual({ ok: true, value: null });
    expect(session.scriptRun('echo', [{ a: [1, null] }])).toEqual({ ok: true, value: { a: [1, null] } });
  });
});
