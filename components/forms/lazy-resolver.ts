/**
 * A react-hook-form resolver whose validation code (zod, the schema, the resolver) is loaded the first time
 * the form validates, not with the page (issue 10, point 6: zod is ~30 KiB compressed). Validation is
 * async in react-hook-form anyway; the first one waits for the chunk, later ones do not. A failed load is
 * retried at the next validation.
 */
import type { FieldValues, Resolver } from 'react-hook-form';

export function lazyResolver<TInput extends FieldValues, TContext = unknown, TOutput = TInput>(
  load: () => Promise<Resolver<TInput, TContext, TOutput>>,
): Resolver<TInput, TContext, TOutput> {
  let pending: Promise<Resolver<TInput, TContext, TOutput>> | undefined;
  return async (values, context, options) => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return (await pending)(values, context, options);
  };
}

/** The zod resolver module (zod made jitless and given the staff's words first). */
export const loadZodResolver = () => import('./zod-resolver').then((m) => m.zodResolver);
