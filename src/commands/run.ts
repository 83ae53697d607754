import { UserError } from '../errors.js';
// Placeholder until the `cxm run` issue lands.
export async function runCommand(_questionnaire: string, _options: Record<string, unknown>): Promise<void> {
  throw new UserError('cxm run is not available yet');
}
