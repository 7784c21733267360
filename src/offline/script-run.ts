/**
 * What crosses google.script.run, as the HtmlService guide states it: numbers, booleans, strings, null, and plain
 * objects and arrays made of them. A Date, a function, a DOM element or another prohibited type among the arguments
 * (however deep) fails the call, as does a circular object; undefined in an array becomes null and an undefined field
 * is dropped. A result holding something that cannot cross reaches the success handler as null.
 *
 * One module for every stand-in of google.script.run: the test harness that calls the built bundle, the browser shim
 * of the sidebar tests, and the playground's client shim and server. Self-contained (no imports, no Node or DOM
 * APIs) so it can be injected into a page as it is.
 */

/** Thrown by encodeScriptRunArgs; the message is the one the browser shows for such a call. */
export class ScriptRunArgumentError extends TypeError {}

const isPlainObject = (value: object): boolean => {
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  // Any realm's Object.prototype (the add-on runs in a vm): its own prototype is null.
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
};

const isDomNode = (value: object): boolean =>
  typeof (value as { nodeType?: unknown }).nodeType === 'number' && typeof (value as { nodeName?: unknown }).nodeName === 'string';

type Verdict = { ok: true; value: unknown } | { ok: false; property: string; circular: boolean };

function encode(value: unknown, property: string, seen: object[]): Verdict {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return { ok: true, value };
  if (typeof value === 'number') return { ok: true, value: Number.isFinite(value) ? value : null };
  if (value === undefined) return { ok: true, value: null };
  if (typeof value !== 'object' || isDomNode(value) || (!Array.isArray(value) && !isPlainObject(value))) {
    return { ok: false, property, circular: false };
  }
  if (seen.includes(value)) return { ok: false, property, circular: true };
  seen.push(value);
  let out: unknown;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const item = encode(value[i], String(i), seen);
      if (!item.ok) return item;
      items.push(item.value);
    }
    out = items;
  } else {
    const fields: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      if (field === undefined) continue;
      const item = encode(field, key, seen);
      if (!item.ok) return item;
      fields[key] = item.value;
    }
    out = fields;
  }
  seen.pop();
  return { ok: true, value: out };
}

/** The arguments as the server function receives them (a deep copy), or a ScriptRunArgumentError. */
export function encodeScriptRunArgs(args: readonly unknown[]): unknown[] {
  const verdict = encode(Array.from(args), '', []);
  if (verdict.ok) return verdict.value as unknown[];
  throw new ScriptRunArgumentError(
    verdict.circular
      ? `Failed due to a circular reference in property: ${verdict.property}`
      : `Failed due to illegal value in property: ${verdict.property}`,
  );
}

/** The result as the success handler receives it: a deep copy, null when any part cannot cross, undefined for none. */
export function encodeScriptRunResult(value: unknown): unknown {
  if (value === undefined) return undefined;
  const verdict = encode(value, '', []);
  return verdict.ok ? verdict.value : null;
}
