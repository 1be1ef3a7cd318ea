/**
 * Rewriting an author's file in place without the risk of losing it: the
 * new text goes to a file beside it first, and only a complete copy takes
 * the old one's place, in one step. A failure at any point leaves the file
 * as it was.
 */
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Writes `text` over `file`; undefined when done, else why it could not be (the file is then unchanged). */
export function replaceFile(file: string, text: string): string | undefined {
  let target: string;
  let mode: number;
  try {
    // A link is followed: the file it points at is the one rewritten, and the link stays.
    target = realpathSync(file);
    mode = statSync(target).mode & 0o7777;
  } catch (err) {
    return reason(err);
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
    return undefined;
  } catch (err) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Closing is tidying up: the answer is the first failure.
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was left behind, or nothing more can be done about it.
    }
    return reason(err);
  }
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ENOSPC' ? 'the disk is full'
    : code === 'EROFS' ? 'the disk is read-only'
    : code === 'ENOENT' ? 'no such file'
    : code === 'EEXIST' ? 'a temporary file of the same name is in the way'
    : 'the file could not be written';
}
