// A movable clock for a console started by a spec (node --import): Date runs `offset` milliseconds ahead of
// the real time, the offset read from the file STOREDESK_E2E_CLOCK_FILE names (the spec writes it). The
// session idle limits and the sign-in guard's delays are enforced on the server's clock, so this is how a
// spec sees 15 idle minutes or a 16-minute lockout ladder pass in seconds. Never loaded by the console itself.
import { readFileSync } from 'node:fs';

const file = process.env.STOREDESK_E2E_CLOCK_FILE;
if (file) {
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  let offset = 0;
  let readAt = 0;
  const currentOffset = () => {
    const t = realNow();
    if (t - readAt > 100) {
      readAt = t;
      try {
        offset = Number(readFileSync(file, 'utf8')) || 0;
      } catch {
        offset = 0;
      }
    }
    return offset;
  };
  // A function rather than a subclass: `Date()` without `new` keeps working, and `instanceof Date` holds both ways.
  function MovedDate(...args) {
    if (!new.target) return new RealDate(realNow() + currentOffset()).toString();
    return args.length === 0 ? new RealDate(realNow() + currentOffset()) : new RealDate(...args);
  }
  MovedDate.prototype = RealDate.prototype;
  MovedDate.now = () => realNow() + currentOffset();
  MovedDate.parse = RealDate.parse;
  MovedDate.UTC = RealDate.UTC;
  globalThis.Date = MovedDate;
}
