import { UserError } from '../errors.js';
// Placeholder until the `cxm score` issue lands.
export async function scoreCommand(_answers: string[], _options: Record<string, unknown>): Promise<void> {
  throw new UserError('cxm score is not available yet');
}
