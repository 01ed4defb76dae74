/**
 * A pack whose every free-text field is an attack on the documents: script elements, event handlers,
 * attribute breaks, javascript:/data:/file: links, markup that closes the surrounding element, CSS, and
 * template syntax. Whatever the writers do, each payload must arrive in the documents as the literal
 * text a coordinator typed. `window.__pwned` is what any payload that ran would set.
 */
import { tempDir, MINIMAL_CONFIG } from '../helpers/temp-pack';

export const PAYLOADS = [
  `<script>window.__pwned = 'script'</script>`,
  `<img src=x onerror="window.__pwned = 'img'">`,
  `"><svg onload="window.__pwned = 'svg'">`,
  `'><iframe src="javascript:window.parent.__pwned = 'iframe'"></iframe>`,
  `</p></td></table><script>window.__pwned = 'closed'</script>`,
  `<a href="javascript:window.__pwned = 'link'">click me</a>`,
  `<style>body { display: none }</style>`,
  `{{constructor.constructor "return process"}} {{{title}}}`,
  `<!-- ]]> <![CDATA[ x ]]> --> &lt;script&gt; &amp;`,
] as const;

const yamlString = (text: string) => JSON.stringify(text);

const CONFIG = MINIMAL_CONFIG.replace('name: Test University', `name: ${yamlString(`Hostile University ${PAYLOADS[0]}`)}`);

function item(id: string, sdg: number, metric: string, payloads: readonly string[]): string {
  const [title, ...rest] = payloads;
  return [
    `id: ${id}`,
    `sdg: ${sdg}`,
    `metric: "${metric}"`,
    'kind: practice',
    `title: ${yamlString(`Title ${title}`)}`,
    `narrative: ${yamlString(rest.join('\n\n'))}`,
    'status: in_review',
    `owner: ${yamlString(PAYLOADS[1])}`,
    `partners: [${yamlString(PAYLOADS[3])}, ${yamlString(PAYLOADS[6])}]`,
    `tags: [${yamlString(PAYLOADS[2])}]`,
    'public_urls:',
    `  - ${yamlString("javascript:window.__pwned = 'public url'")}`,
    `  - url: ${yamlString('data:text/html,<script>window.__pwned = 1</script>')}`,
    `    label: ${yamlString(PAYLOADS[4])}`,
    `  - url: ${yamlString('https://example.org/"onmouseover="window.__pwned=1')}`,
    `    label: ${yamlString(PAYLOADS[5])}`,
    `  - ${yamlString('file:///etc/passwd')}`,
    'missing_documents:',
    `  - { title: ${yamlString(PAYLOADS[7])}, note: ${yamlString(PAYLOADS[8])} }`,
    'review_notes:',
    `  - ${yamlString(PAYLOADS[0])}`,
    '',
  ].join('\n');
}

export function hostilePack(): { root: string; cleanup: () => void } {
  return tempDir({
    'impact-pack.yaml': CONFIG,
    'items/seven.yaml': item('hostile-seven', 7, '7.2.2', PAYLOADS),
    'items/seventeen.yaml': item('hostile-seventeen', 17, '17.2.2', [...PAYLOADS].reverse()),
  });
}
