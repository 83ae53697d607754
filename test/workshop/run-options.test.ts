import { describe, expect, it } from 'vitest';
import { parseGroupList } from '../../src/model/workshop.js';
import { runCli } from '../helpers/cli.js';

/** `cxm run --groups` option mistakes: exit 2 before anything else, even without a terminal. */

describe('cxm run --groups options', () => {
  it.each([
    [['--groups', ' , '], 'cxm: --groups: expected the names of the groups, e.g. --groups "Marketing,Sales,IT"'],
    [
      ['--groups', 'Customer Service,customer-service'],
      'cxm: --groups: "customer-service" and "Customer Service" would both have the id "customer-service"',
    ],
    [['--groups', 'A,B', '--discuss', '150'], 'cxm: --discuss: expected a number from 0 to 100, found "150"'],
    [['--groups', 'A', '--name', 'X'], 'cxm: --name and --role name one respondent; in a workshop each group is one'],
  ])('%j exits 2', (args, line) => {
    const result = runCli(['run', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(line);
  });

  it('makes the group ids from the names in kebab-case, in the order given', () => {
    expect(parseGroupList('Marketing, Customer Service ,IT,,営業 部')).toEqual({
      groups: [
        { id: 'marketing', name: 'Marketing' },
        { id: 'customer-service', name: 'Customer Service' },
        { id: 'it', name: 'IT' },
        { id: '営業-部', name: '営業 部' },
      ],
      problems: [],
    });
    expect(parseGroupList('!!!').problems).toEqual(['"!!!" has no letter or digit to make a group id of']);
  });
});
