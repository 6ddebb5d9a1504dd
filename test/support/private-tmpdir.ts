import { mkdtempSync } from 'node:fs';
import os = require('node:os');
import { join } from 'node:path';

/**
 * Imported first by a test file that checks no upload is left behind: `os.tmpdir()` answers a fresh folder
 * of this file's own (jest gives each file a copy of `process.env`, which core modules do not read, so
 * `TMPDIR` cannot do it), so files stored there by anything in the app are seen, and other runs' are not.
 */
export const PRIVATE_TMPDIR = mkdtempSync(join(os.tmpdir(), 'audit-radar-tmp-'));
jest.spyOn(os, 'tmpdir').mockReturnValue(PRIVATE_TMPDIR);
