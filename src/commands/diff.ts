import { UserError } from '../errors.js';
// Placeholder until the `cxm diff` issue lands.
export async function diffCommand(_before: string, _after: string, _options: Record<string, unknown>): Promise<void> {
  throw new UserError('cxm diff is not available yet');
}
