/**
 * Error classes that stay recognisable across Next's bundles. The server is compiled into several
 * bundles (pages, server actions, route handlers, instrumentation), each with its own copy of a class;
 * an error made by a copy in one bundle (e.g. a vendor client cached on globalThis at start-up) fails
 * `instanceof` against another copy. A brand under a global Symbol.for key fixes that for the branded
 * class itself; subclasses keep the ordinary prototype check.
 */
export function brandedInstanceCheck(brand: symbol, base: abstract new (...args: never[]) => unknown) {
  return function hasInstance(this: unknown, value: unknown): boolean {
    if (this === base) return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
    return Function.prototype[Symbol.hasInstance].call(this, value);
  };
}
