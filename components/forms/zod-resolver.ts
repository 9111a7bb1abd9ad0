/**
 * zod in the browser, loaded on demand (components/forms/lazy-resolver.ts): no page ships zod in its
 * first load (issue 10, point 6). Importing this module first makes zod jitless (the console's CSP refuses
 * eval: lib/zod-csp.ts) and installs the plain-words error map (lib/staff-words.ts), before any schema parses.
 */
import './zod-setup';

export { zodResolver } from '@hookform/resolvers/zod';
