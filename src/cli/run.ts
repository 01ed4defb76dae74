import { parseCommandArgs, type OptionSpec, type ParsedArgs } from './args';
import { EXIT, UsageError, version, type CliIo } from './io';

interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, { type: string }>;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

/**
 * Each command's module is loaded only when that command runs: loading all of them (the document writers,
 * the network code, the analysers) cost a third of a second on every `validate`, more than some packs take.
 */
const COMMANDS: ReadonlyArray<{ name: string; load(): Command }> = [
  { name: 'validate', load: () => (require('./commands/validate') as typeof import('./commands/validate')).validateCommand },
  { name: 'build', load: () => (require('./commands/build') as typeof import('./commands/build')).buildCommand },
  { name: 'watch', load: () => (require('./commands/watch') as typeof import('./commands/watch')).watchCommand },
  { name: 'gaps', load: () => (require('./commands/gaps') as typeof import('./commands/gaps')).gapsCommand },
  { name: 'score', load: () => (require('./commands/score') as typeof import('./commands/score')).scoreCommand },
  { name: 'approve', load: () => (require('./commands/approve') as typeof import('./commands/approve')).approveCommand },
  { name: 'links', load: () => (require('./commands/links') as typeof import('./commands/links')).linksCommand },
  { name: 'criteria', load: () => (require('./commands/criteria') as typeof import('./commands/criteria')).criteriaCommand },
  { name: 'migrate', load: () => (require('./commands/migrate') as typeof import('./commands/migrate')).migrateCommand },
  { name: 'init', load: () => (require('./commands/init') as typeof import('./commands/init')).initCommand },
  { name: 'schemas', load: () => (require('./commands/schemas') as typeof import('./commands/schemas')).schemasCommand },
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const commands = COMMANDS.map((c) => c.load());
  return [
    `impact-pack ${version()}: assemble a THE Impact Rankings submission from YAML evidence.`,
    '',
    'Usage: impact-pack <command> [PACK] [options]   (PACK defaults to the current folder)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
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
  const command = COMMANDS.find((c) => c.name === name)?.load();
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
