import { fixtureFilesOf } from './fixture-files';

describe('fixtureFilesOf', () => {
  const files = ['egp-contracts-2568.csv', 'egp-bidders.csv', 'agencies.csv', 'egp-contracts-2567.csv', 'README.md', 'agencies.csv.bak'];

  it('finds a source\'s single file and its numbered files, in name order', () => {
    expect(fixtureFilesOf('agencies', files)).toEqual(['agencies.csv']);
    expect(fixtureFilesOf('egp-contracts', files)).toEqual(['egp-contracts-2567.csv', 'egp-contracts-2568.csv']);
  });

  it('does not take another source\'s file that shares a prefix', () => {
    expect(fixtureFilesOf('egp', files)).toEqual([]);
    expect(fixtureFilesOf('egp-bidders', files)).toEqual(['egp-bidders.csv']);
  });
});
