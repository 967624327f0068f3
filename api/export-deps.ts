/** The export routes need the app's export wiring; an API built without it says so with a 400. */
import { PeriscopeError } from '../scanner/errors.ts';
import type { ExportDeps } from '../siem/export-deps.ts';
import type { ApiDeps } from './route.ts';

export function exportDepsOf(deps: ApiDeps): ExportDeps {
  if (!deps.exports)
    throw new PeriscopeError('config_invalid', 'SIEM export is not configured on this API server');
  return deps.exports;
}
