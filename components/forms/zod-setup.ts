/**
 * Import this before zod parses anything in the browser: it makes zod jitless (the console's CSP refuses
 * eval: lib/zod-csp.ts) and installs the plain-words error map (lib/staff-words.ts). The root providers do
 * not import it (that would put zod's core in every page's first load): every browser module that parses
 * with zod does, directly or through the lazily loaded resolver (components/forms/zod-resolver.ts).
 */
import '@/lib/zod-csp';
import '@/lib/staff-words';
