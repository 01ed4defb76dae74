import { printable } from '../../diagnostics/escape-terminal';
import { startReviewDesk } from '../../review/server';
import { EXIT, UsageError, type CliIo } from '../io';
import type { ParsedArgs } from '../args';
import { packFolder } from '../pack-folder';

export const reviewCommand = {
  name: 'review',
  summary: 'Open a review desk in the browser (on this computer only): read items, approve, flag, set owners; changes on disk show live.',
  usage: 'impact-pack review [PACK] [--port N] [--allow-origin https://desk.example.ac.uk]',
  options: { port: { type: 'string' }, 'allow-origin': { type: 'string' } },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const port = args.values.port === undefined ? 0 : Number(args.values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number (0 to 65535; 0 lets the system choose), not "${args.values.port}".`);
    const allowOrigins: string[] = [];
    if (args.values['allow-origin'] !== undefined) {
      let origin: URL;
      try {
        origin = new URL(args.values['allow-origin']);
      } catch {
        throw new UsageError('--allow-origin takes the address the proxy serves the desk at, e.g. https://desk.example.ac.uk.');
      }
      if (origin.protocol !== 'https:' && origin.protocol !== 'http:') throw new UsageError('--allow-origin takes an http or https address.');
      allowOrigins.push(origin.origin);
    }
    const packDir = await packFolder(io, args.positionals[0]);
    let desk;
    try {
      desk = await startReviewDesk({ packDir, port, load: { env: io.env, now: io.now }, allowOrigins });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES') throw new UsageError(`port ${port} cannot be used (${code}); choose another with --port, or leave --port out.`);
      throw error;
    }
    if (!desk.state.snapshot.pack) io.stderr.write('impact-pack review: the pack cannot be read yet; the desk shows why and reloads when files change.\n');
    io.stdout.write(`Review desk for ${printable(packDir)}\nOpen ${desk.url}\n(only this computer can reach it; the address carries this run's key. Ctrl-C to stop.)\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await desk.close();
    io.stdout.write('Review desk stopped.\n');
    return EXIT.ok;
  },
};
