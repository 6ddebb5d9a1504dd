/**
 * The demo files of one source among a folder's file names: `<source>.csv`, or several such as
 * `egp-contracts-2567.csv`, in name order. The suffix must start with a digit (a year, a part number)
 * so that no source claims another's file by sharing a prefix.
 */
export function fixtureFilesOf(sourceName: string, fileNames: string[]): string[] {
  const pattern = new RegExp(`^${sourceName}(-\\d[\\w-]*)?\\.csv$`);
  return fileNames.filter((name) => pattern.test(name)).sort();
}
