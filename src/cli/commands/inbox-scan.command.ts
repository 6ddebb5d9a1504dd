import { ImportInboxService } from '../../imports/import-inbox.service';
import { cliCommand, EXIT, noArguments } from '../cli-command';

export const inboxScanCommand = cliCommand({
  words: ['inbox', 'scan'],
  usage: 'inbox scan',
  summary: 'import every file waiting in DATA_DIR/inbox/<source>/ now (the scheduled job does it every few minutes)',
  parse: noArguments('inbox scan'),
  async run(app, _options, io) {
    const inbox = app.get(ImportInboxService);
    const results = await inbox.scan();
    if (results.length === 0) io.out(`nothing waiting in ${inbox.folder}`);
    for (const r of results) io.out(`${r.source}/${r.file} → ${r.status}: ${r.summary}`);
    return results.some((r) => r.status === 'failed') ? EXIT.invalidInput : EXIT.ok;
  },
});
