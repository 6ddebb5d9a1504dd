import { RULE_IDS } from '../rule-file.schema';
import { RULE_DEFINITIONS } from '.';

describe('the rule queries', () => {
  it('cover every catalogue rule exactly once, in catalogue order', () => {
    expect(RULE_DEFINITIONS.map((d) => d.id)).toEqual(RULE_IDS);
  });
});
