import type { UrlCheck } from '../../src/urls/check-url';
import { parseLinkHistory, serialiseLinkHistory, updateLinkHistory, type LinkRecord } from '../../src/urls/link-history';

const check = (url: string, status: UrlCheck['status'], httpStatus?: number): UrlCheck => ({
  url,
  status,
  httpStatus,
  finalUrl: url,
  redirects: [],
  method: 'HEAD',
  attempts: 1,
  detail: '',
});

describe('the record of link checks', () => {
  const first = new Date('2026-11-02T06:00:00Z');
  const second = new Date('2026-11-09T06:00:00Z');

  it.each([
    ['judged again as not a list: the verdict goes', 'ok', 'https://l.example/', false, undefined],
    ['not judged, same page still answering: the verdict stays', 'ok', 'https://l.example/', undefined, 'first'],
    ['not judged, now broken: the verdict goes', 'broken', 'https://l.example/', undefined, undefined],
    ['not judged, now redirected elsewhere: the verdict goes', 'redirected', 'https://l.example/new', undefined, undefined],
    ['judged a list again: the verdict is renewed', 'ok', 'https://l.example/', true, 'second'],
  ] as const)('remembers a link-list verdict: %s', (_name, status, finalUrl, judged, expected) => {
    const url = 'https://l.example/';
    const one = updateLinkHistory(new Map(), [check(url, 'ok', 200)], first, new Map([[url, true]]));
    expect(one.records.get(url)!.linkListAt).toBe(first.toISOString());
    const later = { ...check(url, status, 200), finalUrl };
    const two = updateLinkHistory(one.records, [later], second, judged === undefined ? new Map() : new Map([[url, judged]]));
    const at = { first: first.toISOString(), second: second.toISOString() };
    expect(two.records.get(url)!.linkListAt).toBe(expected === undefined ? undefined : at[expected]);
    expect(parseLinkHistory(serialiseLinkHistory(two.records))).toEqual(two.records);
  });

  it('reports what changed since the previous run and keeps when each status began', () => {
    const one = updateLinkHistory(new Map(), [check('https://a.example/', 'ok', 200), check('https://b.example/', 'broken', 404)], first);
    expect(one.changes).toEqual([]);
    const two = updateLinkHistory(one.records, [check('https://a.example/', 'broken', 404), check('https://b.example/', 'broken', 404)], second);
    expect(two.changes).toEqual([{ url: 'https://a.example/', from: 'ok', fromCheckedAt: first.toISOString(), to: 'broken' }]);
    expect(two.records.get('https://a.example/')).toEqual({
      status: 'broken',
      httpStatus: 404,
      finalUrl: 'https://a.example/',
      checkedAt: second.toISOString(),
      since: second.toISOString(),
      lastOkAt: first.toISOString(),
    });
    expect(two.records.get('https://b.example/')!.since).toBe(first.toISOString());
  });

  it('keeps the record of a URL the pack no longer cites', () => {
    const one = updateLinkHistory(new Map(), [check('https://gone.example/', 'ok', 200)], first);
    const two = updateLinkHistory(one.records, [], second);
    expect(two.records.get('https://gone.example/')!.checkedAt).toBe(first.toISOString());
  });

  it('reads back what it wrote and rejects a damaged file', () => {
    const records = new Map<string, LinkRecord>([
      ['https://a.example/', { status: 'ok', httpStatus: 200, finalUrl: 'https://a.example/', checkedAt: first.toISOString(), since: first.toISOString() }],
    ]);
    const text = serialiseLinkHistory(records);
    expect(parseLinkHistory(text)).toEqual(records);
    expect(parseLinkHistory(text.replace('"ok"', '"fine"'))).toBeUndefined();
    expect(parseLinkHistory(text.replace(first.toISOString(), 'yesterday'))).toBeUndefined();
    expect(parseLinkHistory(text.slice(0, 40))).toBeUndefined();
    expect(parseLinkHistory('[]')).toBeUndefined();
  });
});
