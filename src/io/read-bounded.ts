import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

export type BoundedRead = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/**
 * Reads a regular file, never more than `limit` bytes: a device (/dev/zero, /dev/urandom), a FIFO
 * or a socket is refused before it is opened, and the read loop stops at the limit whatever `stat`
 * said (a /proc file says 0; a growing file says less than it holds by the time it is read).
 */
export async function readBounded(path: string, limit: number): Promise<BoundedRead> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  }
  const kind = nonRegularKind(info);
  if (kind !== undefined) return { ok: false, reason: kind === 'a folder' ? 'is a directory, not a file' : `not a regular file (${kind})` };
  if (info.size > limit) return { ok: false, reason: tooLarge(info.size, limit) };
  try {
    // O_NONBLOCK: should a FIFO replace the file between stat and open, open must not wait for a writer.
    const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const opened = nonRegularKind(await handle.stat());
      if (opened !== undefined) return { ok: false, reason: `not a regular file (${opened})` };
      const chunks: Buffer[] = [];
      let length = 0;
      // The first read fits the whole file as stat sees it; reads stay multiples of 8 bytes, which
      // some /proc files demand (pagemap: EINVAL otherwise).
      let chunkSize = Math.max(8192, Math.ceil((info.size + 1) / 8) * 8);
      for (;;) {
        const chunk = Buffer.allocUnsafe(chunkSize);
        const { bytesRead } = await handle.read(chunk, 0, chunkSize, null);
        if (bytesRead === 0) break;
        chunks.push(bytesRead === chunkSize ? chunk : chunk.subarray(0, bytesRead));
        length += bytesRead;
        if (length > limit) return { ok: false, reason: tooLarge(undefined, limit) };
        chunkSize = 65536;
      }
      return { ok: true, bytes: chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, length) };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  }
}

/** What a path is when it is not a regular file, in words; undefined for a regular file. */
export function nonRegularKind(info: Stats): string | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return 'a folder';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}

/** Bytes, not MiB: a file one byte over the limit must not read "4.0 MiB; the limit is 4 MiB". */
export function tooLarge(size: number | undefined, limit: number): string {
  const shown = size === undefined ? `more than ${formatBytes(limit)}` : formatBytes(size);
  return `file is too large (${shown}; the limit is ${formatBytes(limit)})`;
}

/** `4194305` → `4,194,305 bytes`, the same on every locale. */
export function formatBytes(count: number): string {
  return `${String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} bytes`;
}

export function describeFsError(error: unknown): string {
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'ELOOP') return 'too many levels of symbolic links (a link loop)';
  if (code === 'ENAMETOOLONG') return 'path too long for the system';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'EIO') return 'input/output error';
  return error instanceof Error ? error.message : String(error);
}
