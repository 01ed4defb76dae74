import { writeFileSync } from 'node:fs';
import { renderDocx } from '../../../src/render/docx';
import { sampleDocument } from './sample-document';
test('smoke', async () => {
  const t0 = performance.now();
  const r = await renderDocx(sampleDocument());
  const t1 = performance.now();
  const r2 = await renderDocx(sampleDocument());
  const t2 = performance.now();
  console.log('ms', t1 - t0, t2 - t1, r.value.length, Buffer.compare(Buffer.from(r.value), Buffer.from(r2.value)));
  writeFileSync('/tmp/proto/sample.docx', r.value);
  writeFileSync('/tmp/proto/sample2.docx', r2.value);
  console.log(JSON.stringify(r.diagnostics));
});
