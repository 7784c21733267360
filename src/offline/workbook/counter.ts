/**
 * Call accounting. Every public method of a service class is wrapped once at
 * module load; the wrapper charges the call to the workbook the instance
 * belongs to. Only the outermost call is charged, so a public method may reuse
 * another public method internally without inflating the numbers the
 * renderer's performance tests assert on.
 */

export type CallKind = 'service' | 'builder';

export class CallCounter {
  total = 0;
  builder = 0;
  readonly byMethod: Record<string, number> = {};
  private depth = 0;

  reset(): void {
    this.total = 0;
    this.builder = 0;
    for (const key of Object.keys(this.byMethod)) delete this.byMethod[key];
  }

  enter(label: string, kind: CallKind): void {
    if (this.depth === 0) {
      if (kind === 'service') this.total++;
      else this.builder++;
      this.byMethod[label] = (this.byMethod[label] ?? 0) + 1;
    }
    this.depth++;
  }

  exit(): void {
    this.depth--;
  }
}

export interface HasCounter {
  readonly ctx: { readonly counter: CallCounter; readonly auth?: { readonly mode: string } };
}

/**
 * What a service allows in AuthMode.NONE (an add-on's onOpen in a document where it was never used): by default
 * nothing, the rule for every service that reads or changes the document. `scope` is the OAuth scope Google names
 * in its refusal.
 */
export interface AuthRules {
  withoutAuth?: 'all' | readonly string[];
  scope?: string;
}

/**
 * Wraps every own prototype method of a class. Names starting with "_" are
 * internal helpers shared between the memory classes and stay uncounted.
 */
export function instrument(ctor: { prototype: object }, service: string, kind: CallKind, auth: AuthRules = {}): void {
  const proto = ctor.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor' || name.startsWith('_')) continue;
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    if (!desc || typeof desc.value !== 'function') continue;
    const impl = desc.value as (...args: unknown[]) => unknown;
    const label = `${service}.${name}`;
    const allowed = auth.withoutAuth === 'all' || (auth.withoutAuth ?? []).includes(name);
    const refusal = `You do not have permission to call ${label}.${auth.scope ? ` Required permissions: ${auth.scope}` : ''}`;
    const counted = function (this: HasCounter, ...args: unknown[]): unknown {
      const counter = this.ctx.counter;
      counter.enter(label, kind);
      try {
        if (!allowed && this.ctx.auth?.mode === 'NONE') throw new Error(refusal);
        return impl.apply(this, args);
      } finally {
        counter.exit();
      }
    };
    Object.defineProperty(counted, 'name', { value: name });
    Object.defineProperty(proto, name, { ...desc, value: counted });
  }
}
