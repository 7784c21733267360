/**
 * The few parts of a zip archive an .xlsx reader needs, read with limits an uploaded file cannot get around: the
 * entry count comes from the central directory and is capped before anything is unpacked, and every part is
 * inflated in small steps with a running total of its output, so a "zip bomb" (a few kilobytes that unpack to
 * gigabytes, or sizes in the directory that lie) stops at the cap instead of filling memory.
 */
import { Inflate } from 'fflate';

/** Node and browsers have TextDecoder; it is declared here so the add-on's own code never sees it. */
declare const TextDecoder: new (label: string) => { decode(input: Uint8Array): string };

export const MAX_ZIP_ENTRIES = 10_000;
/** Uncompressed bytes of all the parts read from one file. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
const STEP = 16 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  localOffset: number;
}

export class ZipError extends Error {
  constructor(
    readonly reason: 'damaged' | 'too-many-entries' | 'too-large' | 'encrypted' | 'unsupported',
    message: string,
  ) {
    super(message);
  }
}

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 2 ** 32;

export const isZip = (bytes: Uint8Array): boolean => u32(bytes, 0) === 0x04034b50;

/** Decodes an entry name; xlsx part names are ASCII, anything else is kept readable enough to be compared. */
function nameOf(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  private unpacked = 0;

  constructor(private readonly bytes: Uint8Array) {
    const end = this.findEnd();
    let count = u16(bytes, end + 10);
    let offset = u32(bytes, end + 16);
    // Zip64: the classic record's fields are saturated and the real ones sit in a record found through a locator.
    if (u32(bytes, end - 20) === 0x07064b50) {
      const record = u64(bytes, end - 12);
      if (u32(bytes, record) !== 0x06064b50) throw new ZipError('damaged', 'bad zip64 directory');
      count = u64(bytes, record + 32);
      offset = u64(bytes, record + 48);
    }
    if (count > MAX_ZIP_ENTRIES) throw new ZipError('too-many-entries', `${count} entries`);
    for (let i = 0, at = offset; i < count; i++) {
      if (u32(bytes, at) !== 0x02014b50) throw new ZipError('damaged', 'bad central directory');
      const nameLength = u16(bytes, at + 28);
      const extraLength = u16(bytes, at + 30);
      const name = nameOf(bytes.subarray(at + 46, at + 46 + nameLength));
      let compressedSize = u32(bytes, at + 20);
      let localOffset = u32(bytes, at + 42);
      if (compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        ({ compressedSize, localOffset } = zip64Fields(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), u32(bytes, at + 24), compressedSize, localOffset));
      }
      this.entries.set(name, { name, method: u16(bytes, at + 10), encrypted: (u16(bytes, at + 8) & 1) === 1, compressedSize, localOffset });
      at += 46 + nameLength + extraLength + u16(bytes, at + 32);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The part's bytes, or null when the archive has no such part. Counts against MAX_UNZIPPED_BYTES. */
  read(name: string): Uint8Array | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    if (entry.encrypted) throw new ZipError('encrypted', name);
    const at = entry.localOffset;
    if (u32(this.bytes, at) !== 0x04034b50) throw new ZipError('damaged', `bad local header for ${name}`);
    const start = at + 30 + u16(this.bytes, at + 26) + u16(this.bytes, at + 28);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) throw new ZipError('damaged', `${name} is cut short`);
    if (entry.method === 0) {
      this.count(data.length);
      return data;
    }
    if (entry.method !== 8) throw new ZipError('unsupported', `compression method ${entry.method}`);
    return this.inflate(data);
  }

  /** The part as UTF-8 text, or null when absent. */
  text(name: string): string | null {
    const data = this.read(name);
    return data === null ? null : new TextDecoder('utf-8').decode(data);
  }

  private inflate(data: Uint8Array): Uint8Array {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const inflater = new Inflate((chunk: Uint8Array) => {
      size += chunk.length;
      this.count(chunk.length);
      chunks.push(chunk);
    });
    try {
      for (let i = 0; i < data.length || i === 0; i += STEP) inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    } catch (e) {
      if (e instanceof ZipError) throw e;
      throw new ZipError('damaged', (e as Error).message);
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  private count(bytes: number): void {
    this.unpacked += bytes;
    if (this.unpacked > MAX_UNZIPPED_BYTES) throw new ZipError('too-large', `more than ${MAX_UNZIPPED_BYTES} bytes unpacked`);
  }

  /** The end-of-central-directory record: the last 22 bytes, or further back by a comment of up to 64 KB. */
  private findEnd(): number {
    const min = Math.max(0, this.bytes.length - 22 - 0xffff);
    for (let at = this.bytes.length - 22; at >= min; at--) if (u32(this.bytes, at) === 0x06054b50) return at;
    throw new ZipError('damaged', 'no central directory');
  }
}

/** The zip64 extra field (id 1) holds the sizes and offset whose classic fields are 0xFFFFFFFF, in this order. */
function zip64Fields(extra: Uint8Array, size: number, compressedSize: number, localOffset: number): { compressedSize: number; localOffset: number } {
  for (let at = 0; at + 4 <= extra.length; at += 4 + u16(extra, at + 2)) {
    if (u16(extra, at) !== 1) continue;
    let field = at + 4;
    if (size === 0xffffffff) field += 8;
    if (compressedSize === 0xffffffff) {
      compressedSize = u64(extra, field);
      field += 8;
    }
    if (localOffset === 0xffffffff) localOffset = u64(extra, field);
  }
  return { compressedSize, localOffset };
}
