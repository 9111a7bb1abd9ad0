/**
 * Issue 11, point 9, over the whole suite: after every journey ran, no line the console logged carries an
 * e-mail address or a phone number (the journeys type plenty of both). The e2e server writes its output
 * to `${DATA_DIR}/server.log` (scripts/e2e-server.mjs).
 */
import { existsSync, readFileSync } from 'node:fs';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const PHONE = /(?:\+40|\b0)7\d{8}\b/g;

export default function checkServerLog(): void {
  const file = `.data/e2e-${process.env.E2E_PORT ?? 3100}/server.log`;
  if (!existsSync(file)) throw new Error(`security: ${file} is missing; the e2e server did not log where the check reads`);
  const offending: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const found = [...(line.match(EMAIL) ?? []), ...(line.match(PHONE) ?? [])];
    if (found.length) offending.push(`${found.join(', ')} in: ${line.slice(0, 300)}`);
  }
  if (offending.length) {
    throw new Error(`security: ${offending.length} server log line(s) carry an e-mail or a phone number:\n${offending.slice(0, 10).join('\n')}`);
  }
  process.stdout.write(`security: the e2e server log (${file}) carries no e-mail or phone number\n`);
}
