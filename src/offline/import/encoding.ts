/**
 * Turns the bytes of a text export into text, and tells a file that is not text at all (binary junk, a PDF, an
 * image) apart from one that is. The order of the guesses:
 *
 * 1. A byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE).
 * 2. Bytes that are valid UTF-8 are UTF-8: random bytes almost never are, and every modern tool writes it.
 * 3. GB18030 (which includes GBK), as Excel saves "CSV" on Chinese Windows, when the bytes read as Chinese text:
 *    every multi-byte sequence is well formed and at least 80% of the two-byte characters are in GB2312, the
 *    common set that Chinese text is written in. Latin text in a European code page also forms GB18030 pairs, but
 *    rare ones, so it is not mistaken for Chinese (which would also switch the workbook to Chinese).
 * 4. Windows-1252, as Excel saves "CSV" in Western Europe.
 *
 * The result is then refused as binary when it holds a NUL, or when more than one character in 200 is a control
 * character (tab and line ends aside): text exports have none, binary files have them everywhere.
 */

/** Node and browsers have TextDecoder; it is declared here so the add-on's own code never sees it. */
declare const TextDecoder: new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => { decode(input: Uint8Array): string };

export type TextEncodingName = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030' | 'Windows-1252';

export type DecodedText = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; reason: 'binary' };

/** Share of GB18030 two-byte characters that must be GB2312 for the bytes to count as Chinese text. */
const GB2312_SHARE = 0.8;

export function decodeText(bytes: Uint8Array): DecodedText {
  const decoded = decodeBytes(bytes);
  return looksBinary(decoded.text) ? { ok: false, reason: 'binary' } : { ok: true, ...decoded };
}

function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'UTF-8 with BOM' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // not UTF-8: one of the legacy code pages below
  }
  if (readsAsChinese(bytes)) return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
}

/** Walks the GB18030 byte structure: one byte below 0x80, two bytes (lead 81-FE), or four (81-FE 30-39 81-FE 30-39). */
export function readsAsChinese(bytes: Uint8Array): boolean {
  let pairs = 0;
  let common = 0;
  let wide = 0;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    if (lead === 0x80 || lead === 0xff) return false;
    const second = bytes[i + 1];
    if (second === undefined) return false;
    if (second >= 0x30 && second <= 0x39) {
      const third = bytes[i + 2];
      const fourth = bytes[i + 3];
      if (third === undefined || fourth === undefined || third < 0x81 || third > 0xfe || fourth < 0x30 || fourth > 0x39) return false;
      wide++;
      i += 4;
      continue;
    }
    if (second < 0x40 || second === 0x7f || second === 0xff) return false;
    pairs++;
    // GB2312: symbols and punctuation in rows A1-A9, hanzi in rows B0-F7, each with a trail byte A1-FE.
    if (second >= 0xa1 && ((lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xf7))) common++;
    i += 2;
  }
  return pairs > 0 ? common >= pairs * GB2312_SHARE : wide > 0;
}

const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g;

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const controls = text.match(CONTROL)?.length ?? 0;
  return controls > text.length / 200;
}
