import { parseCommandArgs, type OptionSpec, type ParsedArgs } from './args';
import { printable } from '../diagnostics/escape-terminal';
import { EXIT, UsageError, version, type CliIo } from './io';
import { didYouMean } from './suggest';

interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, { type: string }>;
  /** Names of the positional arguments, in order; absent means the one optional pack folder (PACK). */
  positionals?: readonly string[];
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
  { name: 'review', load: () => (require('./commands/review') as typeof import('./commands/review')).reviewCommand },
  { name: 'export', load: () => (require('./commands/export') as typeof import('./commands/export')).exportCommand },
  { name: 'import', load: () => (require('./commands/import') as typeof import('./commands/import')).importCommand },
  { name: 'links', load: () => (require('./commands/links') as typeof import('./commands/links')).linksCommand },
  { name: 'criteria', load: () => (require('./commands/criteria') as typeof import('./commands/criteria')).criteriaCommand },
  { name: 'migrate', load: () => (require('./commands/migrate') as typeof import('./commands/migrate')).migrateCommand },
  { name: 'init', load: () => (require('./commands/init') as typeof import('./commands/init')).initCommand },
  { name: 'schemas', load: () => (require('./commands/schemas') as typeof import('./commands/schemas')).schemasCommand },
  { name: 'explain', load: () => (require('./commands/explain') as typeof import('./commands/explain')).explainCommand },
];

const COMMAND_NAMES = COMMANDS.map((c) => c.name);

const EXIT_CODES = 'Exit codes: 0 clean, 1 problems in the pack, 2 usage or internal error.';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const commands = COMMANDS.map((c) => c.load());
  return [
    `impact-pack ${version()}: assemble a THE Impact Rankings submission from YAML evidence.`,
    '',
    'Usage: impact-pack <command> [PACK] [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'PACK is the folder holding impact-pack.yaml; without it, the nearest one from the current folder upwards.',
    'Run impact-pack help <command> (or impact-pack <command> --help) for its options.',
    'Colour: --color / --no-color, FORCE_COLOR (0 off, 1-3 on), NO_COLOR, TERM=dumb.',
    EXIT_CODES,
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const positionals = command.positionals ?? ['PACK'];
  const lines = [`impact-pack ${command.name}: ${command.summary}`, '', `Usage: ${command.usage}`, ''];
  if (positionals.includes('PACK')) {
    lines.push('PACK is the folder holding impact-pack.yaml; without it, the nearest one from the current folder upwards.');
  }
  const options = Object.keys(command.options).map((o) => `--${o}`);
  lines.push(`Options: ${[...options, '--color', '--no-color', '--help'].join(', ')}`, EXIT_CODES, '');
  return lines.join('\n');
}

/**
 * --color and --no-color are accepted by every command, anywhere before a `--`, as in ESLint and Prettier;
 * they are taken out before the command's own options are parsed.
 */
function takeColourFlags(argv: string[]): { argv: string[]; colour?: boolean } {
  let colour: boolean | undefined;
  const rest: string[] = [];
  let ended = false;
  for (const token of argv) {
    if (!ended && (token === '--color' || token === '--colour')) colour = true;
    else if (!ended && (token === '--no-color' || token === '--no-colour')) colour = false;
    else {
      if (token === '--') ended = true;
      rest.push(token);
    }
  }
  return { argv: rest, colour };
}

/** The whole CLI as a function: parses argv, runs one command, returns the exit code. Never calls process.exit. */
export async function run(hostIo: CliIo): Promise<number> {
  const taken = takeColourFlags(hostIo.argv);
  const io: CliIo = { ...hostIo, argv: taken.argv, colour: taken.colour ?? hostIo.colour };
  const [name, ...rest] = io.argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout.write(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout.write(help());
      return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === topic)?.load();
    if (!command || rest.length > 1) {
      io.stderr.write(`impact-pack help: ${command ? 'help takes one command name' : `unknown command "${topic}".${didYouMean(topic, COMMAND_NAMES)}`}\nCommands: ${COMMAND_NAMES.join(', ')}\n`);
      return EXIT.usage;
    }
    io.stdout.write(commandHelp(command));
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name)?.load();
  if (!command) {
    const hint = name.startsWith('-') ? ' Options come after the command, e.g. impact-pack validate --format json.' : didYouMean(name, COMMAND_NAMES);
    io.stderr.write(`impact-pack: unknown command "${name}".${hint}\nCommands: ${COMMAND_NAMES.join(', ')}. Run impact-pack --help for what each does.\n`);
    return EXIT.usage;
  }
  // Help first, so that `validate --formt --help` shows the help rather than an error about --formt.
  const beforeEnd = rest.indexOf('--') === -1 ? rest : rest.slice(0, rest.indexOf('--'));
  if (beforeEnd.includes('--help') || beforeEnd.includes('-h')) {
    io.stdout.write(commandHelp(command));
    return EXIT.ok;
  }
  try {
    const args = parseCommandArgs(rest, command.options as OptionSpec, { names: command.positionals ?? ['PACK'] });
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`impact-pack ${name}: ${printable(error.message)}\nUsage: ${command.usage}\n`);
      return EXIT.usage;
    }
    io.stderr.write(
      `impact-pack: internal error while running "${name}": ${printable((error as Error).message)}\n` +
        'This is a bug in impact-pack, not a problem in your pack. Please report it with the command you ran.\n',
    );
    if (io.env.IMPACT_PACK_DEBUG) io.stderr.write(`${(error as Error).stack}\n`);
    return EXIT.usage;
  }
}
