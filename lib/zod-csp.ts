/**
 * zod 4 compiles fast parsers with `new Function` when it may, and probes whether it may by trying one.
 * Under the console's CSP (no 'unsafe-eval') the probe is refused and the browser reports a CSP
 * violation even though zod catches it: jitless mode skips both. Imported first by the client providers.
 */
// zod's core `config` only (the same global configuration as `zod`'s): the root providers import this on
// every page without shipping zod itself.
import { config } from 'zod/v4/core';

config({ jitless: true });
