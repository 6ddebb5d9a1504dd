import { AgencyNamesService } from '../../universe/agency-names.service';
import { cliCommand, EXIT, noArguments, UsageError } from '../cli-command';

export const agencyNamesUnmatchedCommand = cliCommand({
  words: ['agency-names', 'unmatched'],
  usage: 'agency-names unmatched',
  summary: 'list e-GP agency names that match no agency',
  parse: noArguments('agency-names unmatched'),
  async run(app, _options, io) {
    const { items } = await app.get(AgencyNamesService).unmatched();
    if (items.length === 0) io.out('every e-GP agency name matches an agency');
    for (const item of items) io.out(`${item.contracts}\t${item.name}`);
    return EXIT.ok;
  },
});

export const agencyNamesMapCommand = cliCommand({
  words: ['agency-names', 'map'],
  usage: 'agency-names map <name as e-GP writes it> <agency code>',
  summary: 'map an e-GP agency name to an agency, for stored and future contracts',
  parse(args) {
    if (args.length !== 2) throw new UsageError('agency-names map needs a name and an agency code');
    return { name: args[0], agencyCode: args[1] };
  },
  async run(app, { name, agencyCode }, io) {
    const result = await app.get(AgencyNamesService).map(name, agencyCode, `cli (${process.env.USER ?? 'unknown user'})`);
    io.out(`"${result.name}" → ${result.agencyCode}; ${result.contractsUpdated} stored contract(s) updated`);
    return EXIT.ok;
  },
});
