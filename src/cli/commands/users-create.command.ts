import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ROLES } from '../../auth/api-user.entity';
import { ApiUsersService, InvalidUserError } from '../../auth/api-users.service';
import { cliCommand, EXIT, UsageError } from '../cli-command';
import { parseOptions } from '../parse-options';

const optionsSchema = z
  .object({
    role: z.enum(ROLES),
    agency: z.string().trim().min(1).optional(),
    name: z.string().trim().min(1).optional(),
  })
  .refine((o) => (o.role === 'agency') === Boolean(o.agency), {
    message: '--agency CODE is required for --role agency and not allowed for other roles',
    path: ['agency'],
  });

export const usersCreateCommand = cliCommand({
  words: ['users', 'create'],
  usage: 'users create --role admin|auditor|finance|agency|viewer [--agency CODE] [--name NAME]',
  summary: 'create an API user and print its token (shown only once)',
  parse(args) {
    const { values, positionals } = parseArgs({
      args,
      options: { role: { type: 'string' }, agency: { type: 'string' }, name: { type: 'string' } },
      allowPositionals: true,
    });
    if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
    return parseOptions(optionsSchema, values);
  },
  async run(app, options, io) {
    let created;
    try {
      created = await app.get(ApiUsersService).create({
        name: options.name ?? (options.agency ? `${options.role} ${options.agency}` : options.role),
        role: options.role,
        agencyCode: options.agency ?? null,
      });
    } catch (error) {
      if (!(error instanceof InvalidUserError)) throw error;
      io.err(error.message);
      return EXIT.invalidInput;
    }
    const { user, token } = created;
    io.err(`created user ${user.id} (${user.role}${user.agencyCode ? ` of agency ${user.agencyCode}` : ''}); the token is shown only once:`);
    io.out(token);
    return EXIT.ok;
  },
});
