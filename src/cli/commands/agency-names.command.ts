import { AgencyNamesService } from '../../universe/agency-names.service';
import { CliCommand, EXIT, UsageError } from '../cli-command';

export const agencyNamesUnmatchedCommand: CliCommand = {
  words: ['agency-names', 'unmatched'],
  usage: 'agency-names unmatched',
  summary: 'list e-GP agency names that match no agency',
  async run(app, args, io) {
    if (args.length) throw new UsageError('agency-names unmatched takes no arguments');
    const { items } = await app.get(AgencyNamesService).unmatched();
    if (items.length === 0) io.out('every e-GP agency name matches an agency');
    for (const item of items) io.out(`${item.contracts}\t${item.name}`);
    return EXIT.ok;
  },
};

export const agencyNamesMapCommand: CliCommand = {
  words: ['agency-names', 'map'],
  usage: 'agency-names map <name as e-GP writes it> <agency code>',
  summary: 'map an e-GP agency name to an agency, for stored and future contracts',
  async run(app, args, io) {
    if (args.length !== 2) throw new UsageError('agency-names map needs a name and an agency code');
    const result = await app.get(AgencyNamesService).map(args[0], args[1], `cli (${process.env.USER ?? 'unknown user'})`);
    io.out(`"${result.name}" → ${result.agencyCode}; ${result.contractsUpdated} stored contract(s) updated`);
    return EXIT.ok;
  },
};
