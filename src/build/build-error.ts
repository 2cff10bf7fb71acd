import type { AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';

/**
 * Stops the build with `details` (which may quote a user's file names and values) printed as an error line, and
 * an AstroError that says what happened and what to do. The details stay out of the AstroError: Astro replaces
 * the hint of any error whose text contains "window" or "document" with advice about browser APIs, and a folder
 * named `documentation` or a value such as `window.x` in an agent file must not do that.
 */
export function buildStop(logger: Pick<AstroIntegrationLogger, 'error'>, details: string, summary: string, hint: string): AstroError {
  logger.error(details);
  return new AstroError(summary, hint);
}
