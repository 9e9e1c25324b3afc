import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;

/**
 * Random bytes handed out from a pre-filled buffer: one `getrandom` call per 4 KiB instead of one
 * per encrypted field (the intake encrypts six fields per registration). Every byte is handed out
 * once; a spent buffer is dropped, never refilled in place, so a slice given out stays as it was.
 */
export class RandomPool {
  private pool = Buffer.alloc(0);
  private offset = 0;

  take(length: number): Buffer {
    if (length > POOL_BYTES) return randomFillSync(Buffer.allocUnsafe(length));
    if (this.offset + length > this.pool.length) {
      this.pool = randomFillSync(Buffer.allocUnsafe(POOL_BYTES));
      this.offset = 0;
    }
    const bytes = this.pool.subarray(this.offset, this.offset + length);
    this.offset += length;
    return bytes;
  }
}
