/** The e-GP contract file, understood in every published layout (pure: no Nest, no database). */
export * from './egp-columns';
export * from './egp-enums';
export * from './egp-layout';
export * from './egp-row';
export { egpHeaderLine, egpHeaderNames, writeEgpCsvLine } from './egp-csv-writer';
export type { EgpCsvContract } from './egp-csv-writer';
