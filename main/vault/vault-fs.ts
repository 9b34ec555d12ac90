import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmdirSync,
  statfsSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/**
 * The file operations the vault performs itself, including writing every vault file (see
 * vault-stores.ts for why not conf's writer). A port, so tests can make a write fail the way a full disk does.
 */
export interface VaultFs {
  /** Creates the folder and its parents, readable by the user only. */
  mkdir(path: string): void;
  /** Names in a folder; empty when the folder does not exist. */
  list(path: string): string[];
  /** null when the file does not exist. */
  read(path: string): Buffer | null;
  /** The first `maxBytes` bytes (fewer when the file is shorter); null when the file does not exist. */
  readHead(path: string, maxBytes: number): Buffer | null;
  /**
   * Temp file in the same folder, every byte written and fsynced, read back and compared, then
   * renamed over the target and the folder fsynced: the file is either old or new, never torn or
   * short. A short write throws an ENOSPC error and leaves the target untouched. `tempName`
   * names the temp file (in the same folder) instead of the default `.NAME.<random>.tmp`.
   */
  writeAtomic(path: string, data: string | Buffer, tempName?: string): void;
  /**
   * Like writeAtomic, for content made piece by piece (a backup, month after month), so it never
   * has to be in memory whole; the pieces are checked against a hash of what was read back.
   */
  writeAtomicStream(path: string, produce: (write: (chunk: string | Buffer) => void) => void, tempName?: string): void;
  /**
   * The file's lines, read a block at a time (split on LF, as text.split('\n') would: the last
   * element is what follows the final line break); null when the file does not exist.
   */
  readLines(path: string): Iterable<string> | null;
  /** The file a block at a time (each block only valid until the next); null when the file does not exist. */
  readBlocks(path: string): Iterable<Buffer> | null;
  /**
   * Creates a new file with this content; throws an EEXIST error if it already exists. When the
   * content cannot be written (a full disk), the file it made is removed again, never left empty.
   */
  createExclusive(path: string, data: string): void;
  /** Renames; never replaces an existing target. */
  move(from: string, to: string): void;
  /** Renames over an existing target (atomic on one file system). */
  replace(from: string, to: string): void;
  /** A second name for the same file; false when the file does not exist or links are not supported. */
  link(existing: string, newPath: string): boolean;
  /** Space the user may still write in this folder; null when unknown. */
  freeBytes(dir: string): number | null;
  /** Removes a file; no error when it is already gone. */
  remove(path: string): void;
  /** Removes an empty folder; no error when it is gone or not empty. */
  removeDir(path: string): void;
  modifiedAt(path: string): Date | null;
  size(path: string): number | null;
}

const fileMode = 0o600;
const dirMode = 0o700;

/** The one low-level call a test needs to fake: a write that lands short, the way a full disk or a flaky share does. */
export interface FileWriteIo {
  writeSync(fd: number, buffer: Buffer, offset: number, length: number): number;
}

const nodeFileWriteIo: FileWriteIo = {
  writeSync: (fd, buffer, offset, length) => writeSync(fd, buffer, offset, length),
};

function shortWrite(detail: string): Error {
  return Object.assign(new Error(`ENOSPC: ${detail}`), { code: 'ENOSPC' });
}

/** Writes every byte or throws: a write that makes no progress is a full disk, not a reason to loop forever. */
function writeAll(io: FileWriteIo, fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) {
    const written = io.writeSync(fd, bytes, offset, bytes.length - offset);
    if (!Number.isInteger(written) || written <= 0) throw shortWrite('the file could not be written completely');
    offset += written;
  }
}

/** Makes a rename durable. Windows cannot open a folder for fsync; there the rename itself is what counts. */
function fsyncDir(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    if (!isCode(error, 'EINVAL') && !isCode(error, 'EPERM') && !isCode(error, 'EISDIR')) throw error;
  } finally {
    closeSync(fd);
  }
}

/** The vault's file operations on the real disk; `io` lets a test make a write come out short. */
export function createNodeVaultFs(io: FileWriteIo = nodeFileWriteIo): VaultFs {
  const writeAtomicStream: VaultFs['writeAtomicStream'] = (path, produce, tempName) => {
    const temp = join(dirname(path), tempName ?? `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    let fd: number | null = openSync(temp, 'wx', fileMode);
    try {
      const written = createHash('sha256');
      let length = 0;
      const descriptor = fd;
      produce((chunk) => {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        writeAll(io, descriptor, bytes);
        written.update(bytes);
        length += bytes.length;
      });
      fsyncSync(fd);
      closeSync(fd);
      fd = null;
      // Checked before the rename, so a short or changed file never replaces a good one.
      if (hashOfFile(temp) !== `${length}:${written.digest('hex')}`)
        throw shortWrite('the file was not written completely');
      renameSync(temp, path);
    } catch (error) {
      if (fd !== null) closeSync(fd);
      try {
        unlinkSync(temp);
      } catch {
        // Already gone, or the disk refuses even that: the target was never touched.
      }
      throw error;
    }
    fsyncDir(dirname(path));
  };

  return {
    mkdir(path) {
      mkdirSync(path, { recursive: true, mode: dirMode });
    },
    list(path) {
      try {
        return readdirSync(path);
      } catch (error) {
        if (isCode(error, 'ENOENT')) return [];
        throw error;
      }
    },
    read(path) {
      try {
        return readFileSync(path);
      } catch (error) {
        if (isCode(error, 'ENOENT')) return null;
        throw error;
      }
    },
    readHead(path, maxBytes) {
      let fd: number;
      try {
        fd = openSync(path, 'r');
      } catch (error) {
        if (isCode(error, 'ENOENT')) return null;
        throw error;
      }
      try {
        const buffer = Buffer.alloc(maxBytes);
        const length = readSync(fd, buffer, 0, maxBytes, 0);
        return buffer.subarray(0, length);
      } finally {
        closeSync(fd);
      }
    },
    writeAtomic(path, data, tempName) {
      writeAtomicStream(path, (write) => write(data), tempName);
    },
    writeAtomicStream,
    readBlocks: (path) => (opens(path) ? blocksOf(path) : null),
    readLines: (path) => (opens(path) ? linesOf(path) : null),
    createExclusive(path, data) {
      const fd = openSync(path, 'wx', fileMode);
      try {
        writeAll(io, fd, Buffer.from(data, 'utf8'));
        fsyncSync(fd);
      } catch (error) {
        closeSync(fd);
        // Ours since the O_EXCL open: an empty lock file would keep every later command out.
        try {
          unlinkSync(path);
        } catch {
          // Already gone, or the disk refuses even that; the lock's grace period covers it.
        }
        throw error;
      }
      closeSync(fd);
    },
    move(from, to) {
      // rename() would silently replace an existing file; refuse instead.
      if (statOrNull(to)) throw Object.assign(new Error('target exists'), { code: 'EEXIST' });
      renameSync(from, to);
    },
    replace(from, to) {
      renameSync(from, to);
    },
    link(existing, newPath) {
      try {
        linkSync(existing, newPath);
        return true;
      } catch (error) {
        // ENOENT: nothing to keep. EPERM/ENOTSUP/EXDEV: a file system without hard links (FAT, some shares).
        if (isCode(error, 'ENOENT') || isCode(error, 'EPERM') || isCode(error, 'ENOTSUP') || isCode(error, 'EXDEV'))
          return false;
        throw error;
      }
    },
    freeBytes(dir) {
      try {
        const stats = statfsSync(dir);
        return Number(stats.bavail) * Number(stats.bsize);
      } catch {
        return null;
      }
    },
    remove(path) {
      try {
        unlinkSync(path);
      } catch (error) {
        if (!isCode(error, 'ENOENT')) throw error;
      }
    },
    removeDir(path) {
      try {
        rmdirSync(path);
      } catch (error) {
        if (!isCode(error, 'ENOENT') && !isCode(error, 'ENOTEMPTY') && !isCode(error, 'EEXIST')) throw error;
      }
    },
    modifiedAt(path) {
      return statOrNull(path)?.mtime ?? null;
    },
    size(path) {
      return statOrNull(path)?.size ?? null;
    },
  };
}

export const nodeVaultFs: VaultFs = createNodeVaultFs();

const blockSize = 64 * 1024;

/** "length:sha256" of a file, read a block at a time. */
function hashOfFile(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  let length = 0;
  try {
    const buffer = Buffer.alloc(blockSize);
    for (;;) {
      const read = readSync(fd, buffer, 0, blockSize, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
      length += read;
    }
  } finally {
    closeSync(fd);
  }
  return `${length}:${hash.digest('hex')}`;
}

/**
 * Whether the file exists and can be opened, checked now (the readers are lazy, so "missing"
 * must be known before they are handed out); other errors are thrown.
 */
function opens(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return false;
    throw error;
  }
  closeSync(fd);
  return true;
}

/** A file's bytes a block at a time (one buffer, reused); a fresh pass each time it is iterated. */
function blocksOf(path: string): Iterable<Buffer> {
  return {
    *[Symbol.iterator]() {
      const fd = openSync(path, 'r');
      try {
        const buffer = Buffer.alloc(blockSize);
        for (;;) {
          const read = readSync(fd, buffer, 0, blockSize, null);
          if (read === 0) return;
          yield buffer.subarray(0, read);
        }
      } finally {
        closeSync(fd);
      }
    },
  };
}

/** Lines of a UTF-8 file, a block at a time; a fresh pass each time it is iterated. */
function linesOf(path: string): Iterable<string> {
  return {
    *[Symbol.iterator]() {
      const fd = openSync(path, 'r');
      try {
        const buffer = Buffer.alloc(blockSize);
        const decoder = new StringDecoder('utf8');
        let pending = '';
        for (;;) {
          const read = readSync(fd, buffer, 0, blockSize, null);
          if (read === 0) break;
          pending += decoder.write(buffer.subarray(0, read));
          let newline = pending.indexOf('\n');
          while (newline >= 0) {
            yield pending.slice(0, newline);
            pending = pending.slice(newline + 1);
            newline = pending.indexOf('\n');
          }
        }
        yield pending + decoder.end();
      } finally {
        closeSync(fd);
      }
    },
  };
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return null;
    throw error;
  }
}

export function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;
}

/** Out of space or quota: the user can fix it by freeing space. */
export function isDiskFull(error: unknown): boolean {
  return isCode(error, 'ENOSPC') || isCode(error, 'EDQUOT');
}
