import { ImportInboxService } from '../../imports/import-inbox.service';
import { CliCommand, EXIT, UsageError } from '../cli-command';

export const inboxScanCommand: CliCommand = {
  words: ['inbox', 'scan'],
  usage: 'inbox scan',
  summary: 'import every file waiting in DATA_DIR/inbox/<source>/ now (the scheduled job does it every few minutes)',
  async run(app, args, io) {
    if (args.length) throw new UsageError('inbox scan takes no arguments');
    const inbox = app.get(ImportInboxService);
    const results = await inbox.scan();
    if (results.length === 0) io.out(`nothing waiting in ${inbox.folder}`);
    for (const r of results) io.out(`${r.source}/${r.file} → ${r.status}: ${r.summary}`);
    return results.some((r) => r.status === 'failed') ? EXIT.invalidInput : EXIT.ok;
  },
};
