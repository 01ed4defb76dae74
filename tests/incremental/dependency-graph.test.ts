import path from 'node:path';
import { changedInputs, dependencyGraph } from '../../src/incremental/dependency-graph';
import { sha256 } from '../../src/incremental/digest';
import { loadPack } from '../../src/pipeline/load-pack';
import { FIXED, REPO_ROOT } from '../helpers/temp-pack';

const VALID = path.join(REPO_ROOT, 'tests/fixtures/packs/valid');

describe('dependency graph', () => {
  it('links each evidence file and the supporting files its item cites to its SDG document, by content hash', async () => {
    const { pack } = await loadPack(VALID, { env: FIXED.env, now: FIXED.now, cache: false });
    const graph = dependencyGraph(pack!);
    expect([...graph.documents.keys()].sort((a, b) => a - b)).toEqual([7, 17]);
    const sdg7 = graph.documents.get(7)!;
    const item = pack!.items.find((p) => p.item.sdg === 7)!;
    expect(sdg7.evidence).toEqual({ [item.file]: sha256(item.source.text) });
    const pdf = pack!.files.files.find((f) => f.path === 'files/energy-policy.pdf')!;
    expect(sdg7.supporting).toEqual({ 'files/energy-policy.pdf': pdf.sha256 });
    expect(graph.manifest.get('files/energy-policy.pdf')).toBe(pdf.sha256);
    expect(graph.evidence.size).toBe(pack!.items.length);
  });

  it('names the inputs that were added, changed or removed', () => {
    const before = { evidence: { 'items/a.yaml': '1', 'items/b.yaml': '2' }, supporting: { 'files/x.pdf': '9' } };
    const after = { evidence: { 'items/a.yaml': '1', 'items/b.yaml': '3', 'items/c.yaml': '4' }, supporting: {} };
    expect(changedInputs(before, after)).toEqual(['items/b.yaml changed', 'items/c.yaml added', 'files/x.pdf removed']);
    expect(changedInputs(before, before)).toEqual([]);
  });
});
