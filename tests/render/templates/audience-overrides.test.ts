/**
 * A pack overrides a template for both audiences (templates/), or for one (templates/submission/, templates/review/).
 */
import { renderTemplate } from '../../../src/render/templates';
import type { Audience } from '../../../src/render/view';
import { tempDir } from '../../helpers/temp-pack';
import { sdg7View } from './fixtures/sdg7-view';

describe('templates per audience', () => {
  const pack = tempDir({
    'templates/partials/cover.hbs': '<p>Cover for both</p>\n',
    'templates/submission/partials/cover.hbs': '<p>Cover for THE</p>\n',
    'templates/review/sdg-document.hbs': '<p>Review main{{#if review}} (review){{/if}}</p>\n{{> cover}}\n',
  });
  afterAll(() => pack.cleanup());
  const render = (audience: Audience | undefined) =>
    renderTemplate({ ...sdg7View(), audience: audience ?? 'submission', review: audience === 'review' }, { packRoot: pack.root, packTemplatesDir: 'templates', audience });

  it.each<[string, Audience | undefined, string[], string[]]>([
    ['the submission takes its own cover over the shared one', 'submission', ['<p>Cover for THE</p>', '<h1 id="group-7.1">'], ['Cover for both', 'Review main']],
    ['the review edition takes its own main template and the shared cover', 'review', ['<p>Review main (review)</p>', '<p>Cover for both</p>'], ['Cover for THE', '<h1']],
    ['without an audience only the shared folder applies', undefined, ['<p>Cover for both</p>'], ['Cover for THE', 'Review main']],
  ])('%s', (_name, audience, present, absent) => {
    const result = render(audience);
    expect(result.diagnostics).toEqual([]);
    for (const text of present) expect(result.value).toContain(text);
    for (const text of absent) expect(result.value).not.toContain(text);
  });
});
