/** The input cannot be read as this source's CSV at all (no header, binary, wrong columns): HTTP 400. */
export class ImportInputError extends Error {}

/** No such source: HTTP 404. */
export class UnknownSourceError extends Error {
  constructor(readonly source: string, known: string[]) {
    super(`unknown import source "${source}"; known sources: ${known.join(', ')}`);
  }
}
