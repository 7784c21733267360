/**
 * Opening a roster file from the page: the Open file button, or a file dropped anywhere on the page. The bytes go
 * to POST /api/import as they are (the server reads CSV and .xlsx and refuses anything else), and the page then
 * shows the new workbook with the server's one-line report. An .xlsx file with several worksheets opens on the
 * first; a select beside the button lists them and opens the one picked from the same file.
 */

import type { Words } from '../words';

export interface ImportHooks {
  /** The page's words, in the workbook's language at the time of asking. */
  words(): Words;
  /** Redraws the page from the server after the workbook was replaced. */
  reload(): Promise<void>;
  notify(message: string, kind: 'info' | 'error'): void;
  /** Whether the session holds changes that opening a file would discard. */
  hasChanges(): boolean;
}

interface Opened {
  notice: string;
  sheetNames: string[];
  sheet: string | null;
}

const ACCEPT = '.csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STYLE = `
.import-sheet { font: 14px 'Google Sans', Roboto, Arial, sans-serif; height: 36px; max-width: 180px; border-radius: 18px; border: 1px solid #747775; padding: 0 10px; background: #fff; }
.import-drop { position: fixed; inset: 0; z-index: 100; display: flex; align-items: center; justify-content: center; background: rgba(26, 115, 232, 0.12); border: 3px dashed #1a73e8; font: 500 20px 'Google Sans', Roboto, Arial, sans-serif; color: #0b57d0; }
`;

export function installImport(hooks: ImportHooks): void {
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.appendChild(style);

  // Labelled like the rest of the page (data-word*), so they follow the workbook's language when it changes.
  const words = hooks.words();
  const button = element('button', { type: 'button', class: 'button', 'data-testid': 'open-file', title: words.openFileTitle, 'data-word': 'openFile', 'data-word-title': 'openFileTitle' }, words.openFile);
  const input = element('input', { type: 'file', accept: ACCEPT, hidden: '', 'data-testid': 'open-file-input' });
  const sheets = element('select', { class: 'import-sheet', hidden: '', 'data-testid': 'open-file-sheet', 'aria-label': words.worksheet, 'data-word-aria': 'worksheet' });
  const overlay = element('div', { class: 'import-drop', hidden: '', 'data-testid': 'drop-overlay', 'data-word': 'dropHint' }, words.dropHint);
  const actions = document.querySelector('.actions');
  actions?.insertBefore(button, actions.querySelector('[data-testid="reset"]'));
  actions?.insertBefore(sheets, button);
  document.body.append(input, overlay);

  /** The file last opened, so another of its worksheets can be picked without choosing the file again. */
  let last: File | null = null;
  let uploading = false;

  async function open(file: File, sheet?: string): Promise<void> {
    if (uploading) return;
    if (hooks.hasChanges() && !window.confirm(hooks.words().openConfirm)) return;
    uploading = true;
    button.disabled = true;
    sheets.disabled = true;
    try {
      const query = new URLSearchParams({ name: file.name });
      if (sheet !== undefined) query.set('sheet', sheet);
      const answer = await post(`/api/import?${query.toString()}`, file);
      if (!answer.ok) {
        hooks.notify(answer.message ?? hooks.words().openFailed, 'error');
        return;
      }
      last = file;
      showSheets(answer.value);
      await hooks.reload();
      hooks.notify(answer.value.notice, 'info');
    } finally {
      uploading = false;
      button.disabled = false;
      sheets.disabled = false;
    }
  }

  function showSheets({ sheetNames, sheet }: Opened): void {
    sheets.replaceChildren(...sheetNames.map((name) => element('option', { value: name }, name)));
    sheets.hidden = sheetNames.length < 2;
    if (sheet !== null) sheets.value = sheet;
  }

  button.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void open(file);
  });
  sheets.addEventListener('change', () => {
    if (last) void open(last, sheets.value);
  });

  // Only a drag carrying files shows the overlay, which then takes the drop (over the sidebar's frame too); the
  // counter survives the enter/leave pairs of the elements crossed on the way.
  let depth = 0;
  const carriesFiles = (event: DragEvent): boolean => [...(event.dataTransfer?.types ?? [])].includes('Files');
  window.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth++;
    overlay.hidden = false;
  });
  window.addEventListener('dragover', (event) => {
    if (carriesFiles(event)) event.preventDefault();
  });
  window.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  window.addEventListener('drop', (event) => {
    depth = 0;
    overlay.hidden = true;
    const files = event.dataTransfer?.files;
    if (!files || files.length === 0) return;
    event.preventDefault();
    if (files.length > 1) hooks.notify(hooks.words().oneFile, 'error');
    else void open(files[0]!);
  });
}

type Answer = { ok: true; value: Opened } | { ok: false; message?: string };

async function post(path: string, file: File): Promise<Answer> {
  try {
    const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: file });
    return (await response.json()) as Answer;
  } catch (error) {
    return { ok: false, message: `The playground server is not reachable (${String(error)}).` };
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
