import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { loadLogo, MAX_LOGO_BYTES } from '../../../src/render/assets/load-logo';
import { MINIMAL_CONFIG, tempDir } from '../../helpers/temp-pack';
import { logoPng } from '../support/logo';

/** A pack whose config names `logo` on line 3, column 9. */
function packWith(logo: string, files: Record<string, string | Uint8Array> = {}) {
  const config = MINIMAL_CONFIG.replace('  name: Test University\n', `  name: Test University\n  logo: ${logo}\n`);
  return tempDir({ 'impact-pack.yaml': config, ...files });
}

describe('loadLogo', () => {
  it('loads a PNG inside the pack, with its size in pixels, under the name templates use', async () => {
    const pack = packWith('branding/logo.png', { 'branding/logo.png': logoPng() });
    try {
      const result = await loadLogo(pack.root, 'branding/logo.png');
      expect(result.diagnostics).toEqual([]);
      expect(result.value).toMatchObject({ name: 'logo', format: 'png', widthPx: 240, heightPx: 80 });
      expect(Buffer.from(result.value!.data).equals(Buffer.from(logoPng()))).toBe(true);
    } finally {
      pack.cleanup();
    }
  });

  it('loads nothing and says nothing when the config names no logo', async () => {
    expect(await loadLogo('/nonexistent', undefined)).toEqual({ value: undefined, diagnostics: [] });
  });

  it.each([
    ['a missing file', 'branding/missing.png', {}, 'there is no such file in the pack'],
    ['a path leaving the pack', '../logo.png', {}, 'there is no such file in the pack'],
    ['an absolute path', '/etc/logo.png', {}, 'the path must be relative to the pack folder'],
    ['a backslash path', 'branding\\logo.png', {}, 'write the path with forward slashes'],
    ['an SVG', 'branding/logo.svg', { 'branding/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' }, 'it is neither a PNG nor a JPEG image'],
    ['a folder', 'branding', { 'branding/readme.txt': 'x' }, 'it is not a file'],
    ['a cut-off PNG', 'branding/logo.png', { 'branding/logo.png': logoPng().subarray(0, 60) }, 'the PNG file is cut short'],
    ['an oversized file', 'branding/logo.png', { 'branding/logo.png': new Uint8Array(MAX_LOGO_BYTES + 1) }, 'export it at most 2 MB'],
  ])('warns about %s at institution.logo in impact-pack.yaml, and builds without a logo', async (_, logo, files, reason) => {
    const pack = packWith(logo.includes('\\') ? `'${logo}'` : logo, files);
    try {
      const result = await loadLogo(pack.root, logo);
      expect(result.value).toBeUndefined();
      expect(result.diagnostics).toHaveLength(1);
      expect(result.diagnostics[0]).toMatchObject({ code: 'LOGO_INVALID', severity: 'warning', file: 'impact-pack.yaml', line: 3, column: 9 });
      expect(result.diagnostics[0].message).toContain(reason);
      expect(result.diagnostics[0].message).toContain('The documents are built without a logo.');
    } finally {
      pack.cleanup();
    }
  });

  it('does not follow a symbolic link out of the pack', async () => {
    const outside = tempDir({ 'logo.png': logoPng() });
    const pack = packWith('branding/logo.png', { 'branding/.keep': '' });
    try {
      symlinkSync(path.join(outside.root, 'logo.png'), path.join(pack.root, 'branding/logo.png'));
      const result = await loadLogo(pack.root, 'branding/logo.png');
      expect(result.value).toBeUndefined();
      expect(result.diagnostics[0].message).toContain('the file lies outside the pack');
    } finally {
      pack.cleanup();
      outside.cleanup();
    }
  });
});
