/**
 * Just enough XML for the parts of an .xlsx file: elements with their attributes, text, CDATA and the five
 * predefined entities plus character references. Namespace prefixes are dropped (some writers spell <x:c>).
 * A DOCTYPE is skipped and never expanded, so entity tricks ("billion laughs") in an uploaded file do nothing.
 */

export interface XmlHandler {
  open?(name: string, attributes: string, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

export class XmlError extends Error {}

/**
 * One pass over the text with indexOf and a quote-aware scan of each tag, so the time is linear in the size of the
 * part even for crafted input (an unclosed comment or quote ends the scan with an error instead of rescanning).
 */
export function scanXml(xml: string, handler: XmlHandler): void {
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > at && handler.text) handler.text(decodeEntities(xml.slice(at, textEnd)));
    if (lt < 0) return;
    if (xml.startsWith('<!--', lt)) at = after(xml, '-->', lt + 4);
    else if (xml.startsWith('<![CDATA[', lt)) {
      at = after(xml, ']]>', lt + 9);
      handler.text?.(xml.slice(lt + 9, at - 3));
    } else if (xml.startsWith('<?', lt)) at = after(xml, '?>', lt + 2);
    else if (xml.startsWith('<!', lt)) at = endOfMarkup(xml, lt + 2, true) + 1;
    else {
      const end = endOfMarkup(xml, lt + 1, false);
      const body = xml.slice(lt + 1, end);
      if (body.startsWith('/')) handler.close?.(localName(body.slice(1).trim()));
      else {
        const selfClosing = body.endsWith('/');
        const inner = selfClosing ? body.slice(0, -1) : body;
        const name = /^[^\s/]+/.exec(inner)?.[0];
        if (!name) throw new XmlError('a tag without a name');
        handler.open?.(localName(name), inner.slice(name.length), selfClosing);
      }
      at = end + 1;
    }
  }
}

function after(xml: string, terminator: string, from: number): number {
  const end = xml.indexOf(terminator, from);
  if (end < 0) throw new XmlError(`unfinished markup: no ${terminator}`);
  return end + terminator.length;
}

/** The ">" that ends a tag (or a declaration, whose [internal subset] may hold ">"), skipping quoted values. */
function endOfMarkup(xml: string, from: number, declaration: boolean): number {
  let quote = '';
  let depth = 0;
  for (let i = from; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (declaration && ch === '[') depth++;
    else if (declaration && ch === ']') depth--;
    else if (ch === '>' && depth <= 0) return i;
  }
  throw new XmlError('unfinished markup');
}

const ATTRIBUTES = new Map<string, RegExp>();

/** The value of attribute `name` (matched on its local name: "r:id" is "id") in a tag's attribute text. */
export function attribute(attributes: string, name: string): string | null {
  let pattern = ATTRIBUTES.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    ATTRIBUTES.set(name, pattern);
  }
  const m = pattern.exec(attributes);
  return m ? decodeEntities(m[2] ?? m[3] ?? '') : null;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref]!;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Office escapes characters XML cannot hold as _xHHHH_ in strings ("_x000D_" is a carriage return). */
export function decodeOfficeEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
