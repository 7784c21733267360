/**
 * PropertiesService, LockService, Session, Utilities and the enum-only
 * globals (ScriptApp, Charts).
 */
import type { WorkbookContext } from './context';
import { instrument } from './counter';
import * as E from './enums';
import { formatDate } from './format-date';
import type { LockScope } from './state';
import { signatureError } from './values';
import type { B, L, P, U } from './gas';

/** Apps Script quotas: 9 KB per value, 500 KB per property store (UTF-8 bytes of keys + values). */
const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export class MemoryProperties implements Pick<P.Properties,
  'getProperty' | 'setProperty' | 'setProperties' | 'getProperties' | 'getKeys' | 'deleteProperty' | 'deleteAllProperties'> {
  constructor(readonly ctx: WorkbookContext, private readonly store: Map<string, string>) {}

  private _self(): P.Properties { return this as unknown as P.Properties; }

  private _commit(next: Map<string, string>): void {
    let total = 0;
    for (const [k, v] of next) {
      const valueBytes = utf8Length(v);
      if (valueBytes > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
      total += utf8Length(k) + valueBytes;
    }
    if (total > MAX_STORE_BYTES) {
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
  }

  getProperty(key: string): string | null { return this.store.get(String(key)) ?? null; }
  setProperty(key: string, value: string): P.Properties {
    if (key === undefined || key === null) throw signatureError('PropertiesService.Properties.setProperty', [key, value]);
    const next = new Map(this.store);
    next.set(String(key), String(value));
    this._commit(next);
    return this._self();
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): P.Properties {
    if (properties === null || typeof properties !== 'object') {
      throw signatureError('PropertiesService.Properties.setProperties', [properties]);
    }
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    this._commit(next);
    return this._self();
  }
  getProperties(): { [key: string]: string } { return Object.fromEntries(this.store); }
  getKeys(): string[] { return [...this.store.keys()]; }
  deleteProperty(key: string): P.Properties { this.store.delete(String(key)); return this._self(); }
  deleteAllProperties(): P.Properties { this.store.clear(); return this._self(); }
}

export class MemoryPropertiesService implements Pick<P.PropertiesService, 'getDocumentProperties' | 'getUserProperties' | 'getScriptProperties'> {
  constructor(readonly ctx: WorkbookContext) {}
  private _store(kind: 'document' | 'user' | 'script'): P.Properties {
    return new MemoryProperties(this.ctx, this.ctx.state.properties[kind]) as unknown as P.Properties;
  }
  /** Null outside a document (a standalone script or web app), as documented. */
  getDocumentProperties(): P.Properties { return (this.ctx.outsideDocument ? null : this._store('document')) as P.Properties; }
  getUserProperties(): P.Properties { return this._store('user'); }
  getScriptProperties(): P.Properties { return this._store('script'); }
}

/**
 * Execution is single-threaded, so contention only exists when a test marks a
 * scope as held by "another execution". Holding is per execution, not per Lock
 * object, matching Apps Script where repeated getDocumentLock() calls share it.
 */
export class MemoryLock implements Pick<L.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  constructor(readonly ctx: WorkbookContext, private readonly scope: LockScope) {}

  tryLock(timeoutInMillis: number): boolean {
    if (typeof timeoutInMillis !== 'number') throw signatureError('LockService.Lock.tryLock', [timeoutInMillis]);
    const locks = this.ctx.state.locks;
    if (locks[this.scope] === 'other') return false;
    locks[this.scope] = 'self';
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (typeof timeoutInMillis !== 'number') throw signatureError('LockService.Lock.waitLock', [timeoutInMillis]);
    const locks = this.ctx.state.locks;
    if (locks[this.scope] === 'other') throw new Error('Lock timeout: another process was holding the lock for too long.');
    locks[this.scope] = 'self';
  }
  releaseLock(): void {
    const locks = this.ctx.state.locks;
    if (locks[this.scope] === 'self') locks[this.scope] = null;
  }
  hasLock(): boolean { return this.ctx.state.locks[this.scope] === 'self'; }
}

export class MemoryLockService implements Pick<L.LockService, 'getDocumentLock' | 'getScriptLock' | 'getUserLock'> {
  constructor(readonly ctx: WorkbookContext) {}
  /** Null outside a document (a standalone script or web app), as documented. */
  getDocumentLock(): L.Lock {
    return (this.ctx.outsideDocument ? null : new MemoryLock(this.ctx, 'document')) as unknown as L.Lock;
  }
  getScriptLock(): L.Lock { return new MemoryLock(this.ctx, 'script') as unknown as L.Lock; }
  getUserLock(): L.Lock { return new MemoryLock(this.ctx, 'user') as unknown as L.Lock; }
}

export class MemorySession implements Pick<B.Session, 'getActiveUserLocale' | 'getScriptTimeZone'> {
  constructor(readonly ctx: WorkbookContext, private readonly scriptTimeZone: string) {}
  getActiveUserLocale(): string { return this.ctx.userLocale; }
  getScriptTimeZone(): string { return this.scriptTimeZone; }
}

export class MemoryUtilities implements Pick<U.Utilities, 'formatDate' | 'sleep'> {
  constructor(readonly ctx: WorkbookContext) {}
  formatDate(date: B.Date, timeZone: string, format: string): string {
    return formatDate(date, timeZone, format);
  }
  /** Time does not pass in memory; retries and backoff loops complete immediately. */
  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number') throw signatureError('Utilities.sleep', [milliseconds]);
  }
}

instrument(MemoryProperties, 'Properties', 'service');
instrument(MemoryPropertiesService, 'PropertiesService', 'service');
instrument(MemoryLock, 'Lock', 'service');
instrument(MemoryLockService, 'LockService', 'service');
instrument(MemorySession, 'Session', 'service', { withoutAuth: 'all' });
instrument(MemoryUtilities, 'Utilities', 'service', { withoutAuth: 'all' });

export const ScriptApp = Object.freeze({ AuthMode: E.AuthMode });

export const Charts = Object.freeze({
  ChartType: E.ChartType,
  ChartHiddenDimensionStrategy: E.ChartHiddenDimensionStrategy,
  ChartMergeStrategy: E.ChartMergeStrategy,
});
