import { renderTemplate, renderToIr } from '../../../src/render/templates/render';
import { sdg7View } from './fixtures/sdg7-view';
it('scratch', () => {
  const m = renderTemplate(sdg7View(), {});
  console.log(JSON.stringify(m.diagnostics, null, 1));
  console.log(m.value);
  const ir = renderToIr(sdg7View(), {});
  console.log(JSON.stringify(ir.diagnostics, null, 1));
  console.log(JSON.stringify(ir.value, null, 0).slice(0, 3000));
});
