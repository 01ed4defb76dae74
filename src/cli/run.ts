import { approveCommand } from './commands/approve';
import { buildCommand } from './commands/build';
import { criteriaCommand } from './commands/criteria';
import { gapsCommand } from './commands/gaps';
import { initCommand } from './commands/init';
import { linksCommand } from './commands/links';
import { schemasCommand } from './commands/schemas';
import { scoreCommand } from './commands/score';
import { validateCommand } from './commands/validate';
import { watchCommand } from './commands/watch';
import { parseCommandArgs, type OptionSpec, type ParsedArgs } from './args';
import { EXIT, UsageError, version, type CliIo } from './io';

interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, { type: string }>;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

const COMMANDS: Command[] = [validateCommand, buildCommand, watchCommand, gapsCommand, scoreCommand, approveCommand, linksCommand, criteriaCommand, initCommand, schemasCommand];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `impact-pack ${version()}: assemble a THE Impact Rankings submission from YAML evidence.`,
    '',
    'Usage: impact-pack <command> [PACK] [options]   (PACK defaults to the current folder)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run impact-pack <command> --help for its options. Exit codes: 0 clean, 1 problems in the pack, 2 usage or internal error.',
    '',
  ].join('\n');
}

/** The whole CLI as a function: parses argv, runs one command, returns the exit code. Never calls process.exit. */
export async function run(io: CliIo): Promise<number> {
  const [name, ...rest] = io.argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`impact-pack: unknown command "${name}".\n\n${help()}`);
    return EXIT.usage;
  }
  try {
    const args = parseCommandArgs(rest, command.options as OptionSpec);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(`${command.summary}\n\nUsage: ${command.usage}\n`);
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`impact-pack ${name}: ${error.message}\nUsage: ${command.usage}\n`);
      return EXIT.usage;
    }
    io.stderr.write(
      `impact-pack: internal error while running "${name}": ${(error as Error).message}\n` +
        'This is a bug in impact-pack, not a problem in your pack. Please report it with the command you ran.\n',
    );
    if (io.env.IMPACT_PACK_DEBUG) io.stderr.write(`${(error as Error).stack}\n`);
    return EXIT.usage;
  }
}
