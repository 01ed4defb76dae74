/** Dates as coordinators write them: a year, a year-month, a full date, or "unknown". */
export interface LooseDateValue {
  year: number;
  month?: number;
  day?: number;
}

export type LooseDateParse = { kind: 'date'; value: LooseDateValue } | { kind: 'unknown' } | { kind: 'invalid' };

export function parseLooseDate(text: unknown): LooseDateParse {
  if (typeof text === 'number' && Number.isInteger(text)) return { kind: 'date', value: { year: text } };
  if (typeof text !== 'string') return { kind: 'invalid' };
  if (text === 'unknown') return { kind: 'unknown' };
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return { kind: 'invalid' };
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return { kind: 'invalid' };
  if (day !== undefined && month !== undefined) {
    const d = new Date(Date.UTC(year, month - 1, day));
    if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return { kind: 'invalid' };
  }
  return { kind: 'date', value: { year, month, day } };
}

/** First instant the written date can mean (2019 → 1 January 2019). */
export function earliest(d: LooseDateValue): Date {
  return new Date(Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1));
}

export function parseIsoDay(text: unknown): Date | undefined {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text ? undefined : d;
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
