/**
 * The page's requests that change the workbook or read it at a moment, run one at a time in the order they were
 * made. Typing is never held up by the server: an edit made while another recalculates waits here, shown in its cell
 * as typed, and is sent when the one before it has been answered, so nothing typed is lost and every answer applies
 * to the window the page holds at that moment.
 */

export interface Answer {
  ok: boolean;
  value?: unknown;
  message?: string;
  version?: number;
}

/** JSON from the playground server; a server that cannot be reached answers as a failure with `unreachable`. */
export async function request<T = Answer>(path: string, body: unknown, unreachable: (why: string) => string): Promise<T | Answer> {
  try {
    const init: RequestInit = body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
    const response = await fetch(path, init);
    return (await response.json()) as T;
  } catch (error) {
    return { ok: false, message: unreachable(String(error)) };
  }
}

export class ChangeQueue {
  private readonly tasks: Array<{ kind: string; run: () => Promise<void> }> = [];
  private running = false;

  /** `onChange` hears the number of tasks waiting or running, after each change to it. */
  constructor(private readonly onChange: (size: number) => void) {}

  get size(): number {
    return this.tasks.length + (this.running ? 1 : 0);
  }

  /** Whether a task of this kind is waiting (not yet running). */
  has(kind: string): boolean {
    return this.tasks.some((t) => t.kind === kind);
  }

  push(kind: string, run: () => Promise<void>): void {
    this.tasks.push({ kind, run });
    this.onChange(this.size);
    if (!this.running) void this.drain();
  }

  /** Resolves when nothing is waiting or running. */
  async idle(): Promise<void> {
    while (this.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.tasks.length) {
      const task = this.tasks.shift()!;
      this.onChange(this.size);
      try {
        await task.run();
      } catch (error) {
        console.error(error);
      }
    }
    this.running = false;
    this.onChange(0);
  }
}
