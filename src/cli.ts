import 'reflect-metadata';
import { runCli } from './cli/run-cli';

process.env.TZ ||= 'Asia/Bangkok';

void runCli(process.argv.slice(2)).then((code) => process.exit(code));
