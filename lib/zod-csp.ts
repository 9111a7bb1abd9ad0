/**
 * zod 4 compiles fast parsers with `new Function` when it may, and probes whether it may by trying one.
 * Under the console's CSP (no 'unsafe-eval') the probe is refused and the browser reports a CSP
 * violation even though zod catches it: jitless mode skips both. Imported first by the client providers.
 */
import { z } from 'zod';

z.config({ jitless: true });
