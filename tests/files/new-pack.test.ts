import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-pack';

describe('a pack made by init', () => {
  it('ignores the cache folder in git and has no orphan files', async () => {
    const t = tempDir();
    try {
      const dir = path.join(t.root, 'my-pack');
      expect((await runCli(['init', dir, '--institution', 'University of Example'])).code).toBe(0);
      expect(readFileSync(path.join(dir, '.gitignore'), 'utf8').split('\n')).toContain('.impact-pack-cache/');
      const r = await runCli(['validate', dir, '--format', 'json']);
      const codes = JSON.parse(r.stdout).diagnostics.map((d: { code: string }) => d.code);
      expect(codes).not.toContain('FILE_ORPHAN');
      expect(codes).not.toContain('FILE_NOT_FOUND');
    } finally {
      t.cleanup();
    }
  });
});
