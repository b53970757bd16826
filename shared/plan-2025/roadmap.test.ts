// Holds the transcribed roadmap (roadmap.ts) against the extracted text of the plan. Everything the
// checks compare with (table regions, horizon sections, bullets, numbered lists, chapters) is derived
// from the source text here, so a missed, split, merged or mistyped item makes a test fail.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOMAINS, GENERIEK, HORIZONS, type DomainOrGeneriek, type Horizon } from '../domain.ts';
import type { SourceRef } from './types.ts';
import { opgaven, priorities, programmes, roadmapActions } from './roadmap.ts';

const RAW = readFileSync(new URL('../../docs/sources/gdi-programmeringsplan-2025.txt', import.meta.url), 'utf8');
const LINES = RAW.split('\n');
/** LINES without bullet signs and sub-bullet dashes, replaced by spaces so that offsets stay those of RAW. */
const CLEAN = LINES.map((l) => l.replace(/^(\s*)-(\s)/, (_m, ws: string, s: string) => `${ws} ${s}`).replaceAll('•', ' ')).join('\n');

const LINE_START: number[] = [];
{
  let offset = 0;
  for (const l of LINES) {
    LINE_START.push(offset);
    offset += l.length + 1;
  }
}
const line = (n: number): string => LINES[n - 1] ?? '';
const startOf = (n: number): number => LINE_START[n - 1] ?? RAW.length;
const endOf = (n: number): number => startOf(n) + line(n).length;
function lineAt(offset: number): number {
  let lo = 0;
  let hi = LINE_START.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((LINE_START[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
const isBlank = (n: number): boolean => line(n).trim() === '';

/**
 * The text as a pattern over the source: a space stands for any run of whitespace and line breaks, and a
 * word may be broken over two lines without a space (hyphenated or with its hyphen dropped by the
 * extraction). Nothing else is tolerated.
 */
function pattern(text: string, flags: string): RegExp {
  const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  const word = (w: string) => [...w].map(esc).join('(?:\\n[ \\t]*)?');
  return new RegExp(text.split(' ').map(word).join('\\s+'), flags);
}
/** End offset of `text` if it stands in the source exactly at `offset`, else null. */
function matchAt(text: string, offset: number): number | null {
  const re = pattern(text, 'y');
  re.lastIndex = offset;
  const m = re.exec(CLEAN);
  return m ? offset + m[0].length : null;
}
/** First occurrence of `text` inside lines from..to: [start, end) offsets, or null. */
function find(text: string, from: number, to: number): [number, number] | null {
  const re = pattern(text, 'g');
  re.lastIndex = startOf(from);
  const m = re.exec(CLEAN);
  if (!m || m.index + m[0].length > endOf(to)) return null;
  return [m.index, m.index + m[0].length];
}

interface Bullet {
  line: number;
  /** Offset of the first character after the bullet sign. */
  textStart: number;
}
function bulletsIn(from: number, to: number): Bullet[] {
  const out: Bullet[] = [];
  for (let n = from; n <= to; n++) {
    const l = line(n);
    for (let i = l.indexOf('•'); i >= 0; i = l.indexOf('•', i + 1)) {
      let j = i + 1;
      while (j < l.length && /\s/.test(l[j] ?? '')) j++;
      out.push({ line: n, textStart: startOf(n) + j });
    }
  }
  return out;
}
/** Offset of the first non-blank character of line n (in CLEAN, so after a bullet or sub-bullet dash). */
function firstCharOf(n: number): number {
  const l = CLEAN.slice(startOf(n), endOf(n));
  return startOf(n) + (l.length - l.trimStart().length);
}
function nextNonBlank(n: number): number {
  let m = n + 1;
  while (m <= LINES.length && isBlank(m)) m++;
  return m;
}
/** Nothing but whitespace (or the start of another bullet) follows `end` on its line. */
function restOfLineIsFree(end: number): boolean {
  return /^\s*(•.*)?$/.test(RAW.slice(end, endOf(lineAt(end))));
}
const isSubBullet = (n: number): boolean => /^\s*-\s/.test(line(n));
/** A line that starts a new text block in the extraction (page header, box, next column): leading space. */
const startsBlock = (n: number): boolean => /^\s/.test(line(n)) && !isSubBullet(n) && !line(n).includes('•');

// ---- The structure of the source, derived from the text ----

/** Chapter starts: a line "Domein" followed by the domain's name. */
const CHAPTERS: { line: number; domain: DomainOrGeneriek }[] = [];
for (let n = 1; n <= LINES.length; n++) {
  if (line(n).trim() !== 'Domein') continue;
  const name = line(nextNonBlank(n)).trim();
  const domain = DOMAINS.find((d) => d === name);
  if (domain) CHAPTERS.push({ line: n, domain });
}
function chapterAt(n: number): DomainOrGeneriek {
  let domain: DomainOrGeneriek = GENERIEK;
  for (const c of CHAPTERS) if (c.line <= n) domain = c.domain;
  return domain;
}
const linesMatching = (re: RegExp): number[] => LINES.flatMap((l, i) => (re.test(l) ? [i + 1] : []));

interface Region {
  domain: DomainOrGeneriek;
  from: number;
  to: number;
}
/** "Opgave Activiteit" tables: from the heading to "De GDIopgaven voor dit domein" or "Domeinoverstijgende". */
const TABLE_END = /De GDI-?opgaven voor dit|^\s*Domeinoverstijgende\s*$/;
const TABLES: Region[] = [];
for (const h of linesMatching(/^\s*Opgaven? Activiteit(en)?\s*$/)) {
  let end = h + 1;
  while (end <= LINES.length && !TABLE_END.test(line(end))) end++;
  const region = { domain: chapterAt(h), from: h, to: end - 1 };
  const same = TABLES.find((t) => t.to === region.to);
  if (same) same.from = Math.min(same.from, region.from);
  else TABLES.push(region);
}

const HORIZON_HEADING = /^\s*(Concreet 0\s*(?:–\s*)?2|Zicht op 3\s*(?:–\s*)?4|Bestemming 5\s*(?:–\s*)?6)\b/;
const HORIZON_OF: Record<string, Horizon> = { Concreet: '0-2', Zicht: '3-4', Bestemming: '5-6' };
interface HorizonRegion extends Region {
  horizon: Horizon;
}
const HORIZON_LINES = linesMatching(HORIZON_HEADING);
const SECTION_END = /^\s*Welke programma|^Domein \S+ concreet/;
const HORIZON_REGIONS: HorizonRegion[] = HORIZON_LINES.map((h) => {
  let end = h + 1;
  while (
    end <= LINES.length &&
    !HORIZON_HEADING.test(line(end)) &&
    !SECTION_END.test(line(end)) &&
    !CHAPTERS.some((c) => c.line === end)
  ) {
    end++;
  }
  const word = line(h).trim().split(' ')[0] ?? '';
  const horizon = HORIZON_OF[word];
  if (!horizon) throw new Error(`horizon heading without horizon at line ${h}`);
  return { domain: chapterAt(h), horizon, from: h, to: end - 1 };
});

/** "Welke programma's en projecten werken ...": items up to the next box (two leading spaces) or section. */
const PROGRAMME_LISTS: Region[] = linesMatching(/^\s*Welke programma’s en projecten werken/).map((h) => {
  let end = h + 1;
  while (end <= LINES.length && !/^\s{2,}\S/.test(line(end)) && !/^Domein /.test(line(end))) end++;
  return { domain: chapterAt(h), from: h, to: end - 1 };
});
const NUMBERED = /^\s*(\d+)\.\s+/;
/** Markers of list items: bullets and numbered lines, with the offset where the item's text starts. */
function listMarkers(from: number, to: number): Bullet[] {
  const out = bulletsIn(from, to);
  for (let n = from; n <= to; n++) {
    const m = NUMBERED.exec(line(n));
    if (m) out.push({ line: n, textStart: startOf(n) + m[0].length });
  }
  return out.sort((a, b) => a.textStart - b.textStart);
}

const within = (src: SourceRef, r: Region) => src.lines[0] >= r.from && src.lines[1] <= r.to;

// ---- Tests ----

describe('source structure (sanity of the derivations the other tests rely on)', () => {
  it('finds the four domain chapters, the opgave tables, the horizon sections and the programme lists', () => {
    expect(CHAPTERS.map((c) => c.domain)).toEqual([...DOMAINS]);
    expect(TABLES.map((t) => t.domain)).toEqual([GENERIEK, ...DOMAINS]);
    for (const d of DOMAINS) expect(HORIZON_REGIONS.filter((r) => r.domain === d).length).toBeGreaterThan(0);
    expect(PROGRAMME_LISTS.length).toBeGreaterThan(0);
    for (const r of [...TABLES, ...HORIZON_REGIONS, ...PROGRAMME_LISTS]) {
      expect(bulletsIn(r.from, r.to).length + listMarkers(r.from, r.to).length, `region ${r.from}`).toBeGreaterThan(0);
    }
  });
});

describe('source references', () => {
  const all: { what: string; domain: DomainOrGeneriek; source: SourceRef }[] = [
    ...opgaven.map((o) => ({ what: o.opgave, domain: o.domain, source: o.source })),
    ...roadmapActions.map((a) => ({ what: a.text, domain: a.domain, source: a.source })),
    ...programmes.map((p) => ({ what: p.name, domain: p.domain, source: p.source })),
  ];

  it('are valid line ranges in the chapter of their domain, with a section path naming it', () => {
    for (const { what, domain, source } of all) {
      const [from, to] = source.lines;
      expect(Number.isInteger(from) && Number.isInteger(to), what).toBe(true);
      expect(from, what).toBeGreaterThanOrEqual(1);
      expect(to, what).toBeGreaterThanOrEqual(from);
      expect(to, what).toBeLessThanOrEqual(LINES.length);
      expect(isBlank(from) || isBlank(to), what).toBe(false);
      expect(chapterAt(from), what).toBe(domain);
      expect(chapterAt(to), what).toBe(domain);
      expect(source.section.startsWith(domain === GENERIEK ? 'Inleiding › ' : `Domein ${domain} › `), what).toBe(true);
    }
  });

  it('texts are clean single-line strings', () => {
    const texts = [
      ...opgaven.flatMap((o) => [o.opgave, ...o.activities]),
      ...roadmapActions.flatMap((a) => [a.text, a.goal]),
      ...priorities,
      ...programmes.map((p) => p.name),
    ];
    for (const t of texts) {
      expect(t, t).toBe(t.trim());
      expect(t, t).not.toMatch(/\s{2}|[\n\t•]/);
    }
  });
});

describe('opgaven', () => {
  it('every domain and Generiek has opgaven, each with activities, inside its "Opgave Activiteit" table', () => {
    for (const d of [GENERIEK, ...DOMAINS]) expect(opgaven.filter((o) => o.domain === d).length, d).toBeGreaterThan(0);
    for (const o of opgaven) {
      expect(o.activities.length, o.opgave).toBeGreaterThan(0);
      expect(
        TABLES.some((t) => t.domain === o.domain && within(o.source, t)),
        o.opgave,
      ).toBe(true);
    }
  });

  it('the opgave name stands at the start of its range and is followed by its first activity', () => {
    for (const o of opgaven) {
      const [from, to] = o.source.lines;
      // A left column holding two bullets is transcribed as one name joined with "; ".
      let after = startOf(from);
      for (const [i, part] of o.opgave.split('; ').entries()) {
        const hit = find(part, lineAt(after), to);
        expect(hit, `${o.opgave}: "${part}"`).not.toBeNull();
        if (!hit) continue;
        if (i === 0) expect(lineAt(hit[0]), o.opgave).toBe(from);
        expect(hit[0], `${part} starts its line`).toBe(firstCharOf(lineAt(hit[0])));
        expect(restOfLineIsFree(hit[1]), `${part} ends its line`).toBe(true);
        const next = nextNonBlank(lineAt(hit[1]));
        expect(
          line(next).includes('•') || RAW.slice(hit[1], endOf(lineAt(hit[1]))).includes('•'),
          `${part}: the name is complete (the next line is a bullet, line ${next})`,
        ).toBe(true);
        after = hit[1];
      }
    }
  });

  it('each activity is exactly one bullet of its opgave, complete, in source order; the range ends with the last', () => {
    for (const o of opgaven) {
      const [from, to] = o.source.lines;
      const bullets = bulletsIn(from, to);
      let previous = -1;
      let lastLine = from;
      for (const a of o.activities) {
        const starts = bullets.filter((b) => matchAt(a, b.textStart) !== null);
        expect(starts.length, `${o.opgave} › ${a}`).toBe(1);
        const start = starts[0];
        if (!start) continue;
        const end = matchAt(a, start.textStart) ?? 0;
        expect(start.textStart, `${a}: in source order`).toBeGreaterThan(previous);
        expect(end, `${a}: inside the range`).toBeLessThanOrEqual(endOf(to));
        expect(restOfLineIsFree(end), `${a}: ends its line`).toBe(true);
        const next = nextNonBlank(lineAt(end));
        const nextIsNewItem =
          next > to
            ? !isSubBullet(next)
            : line(next).includes('•') ||
              startsBlock(next) ||
              opgaven.some((other) => other.source.lines[0] === next);
        expect(nextIsNewItem, `${a}: complete (line ${next} does not continue it)`).toBe(true);
        previous = start.textStart;
        lastLine = Math.max(lastLine, lineAt(end));
      }
      expect(lastLine, `${o.opgave}: the range ends with the last activity`).toBe(to);
    }
  });

  it('every bullet of every table is covered by exactly one activity or bulleted opgave name', () => {
    for (const table of TABLES) {
      const inTable = opgaven.filter((o) => o.domain === table.domain && within(o.source, table));
      for (const b of bulletsIn(table.from, table.to)) {
        const covering = inTable.flatMap((o) =>
          [...o.activities, ...o.opgave.split('; ')].filter(
            (text) => o.source.lines[0] <= b.line && b.line <= o.source.lines[1] && matchAt(text, b.textStart) !== null,
          ),
        );
        expect(covering.length, `${table.domain}: bullet on line ${b.line}: ${line(b.line).trim()}`).toBe(1);
      }
    }
  });

  it('opgave ranges do not overlap', () => {
    const sorted = [...opgaven].sort((a, b) => a.source.lines[0] - b.source.lines[0]);
    for (let i = 1; i < sorted.length; i++) {
      expect(sorted[i]?.source.lines[0], sorted[i]?.opgave).toBeGreaterThan(sorted[i - 1]?.source.lines[1] ?? 0);
    }
  });
});

describe('roadmap actions', () => {
  const regionOf = (a: (typeof roadmapActions)[number]) =>
    HORIZON_REGIONS.find((r) => r.domain === a.domain && r.horizon === a.horizon && within(a.source, r));

  it('sit in a horizon section of their own domain and horizon; every horizon heading has actions', () => {
    for (const a of roadmapActions) {
      expect(HORIZONS).toContain(a.horizon);
      expect(regionOf(a), a.text).toBeDefined();
      expect(a.source.section.endsWith(`${a.horizon} jaar`), a.source.section).toBe(true);
    }
    for (const r of HORIZON_REGIONS) {
      expect(roadmapActions.filter((a) => within(a.source, r)).length, `heading on line ${r.from}`).toBeGreaterThan(0);
    }
  });

  it('each domain has actions on exactly the horizons its chapter has', () => {
    for (const d of DOMAINS) {
      const inText = new Set(HORIZON_REGIONS.filter((r) => r.domain === d).map((r) => r.horizon));
      const transcribed = new Set(roadmapActions.filter((a) => a.domain === d).map((a) => a.horizon));
      expect([...transcribed].sort(), d).toEqual([...inText].sort());
    }
    expect(roadmapActions.some((a) => a.domain === GENERIEK)).toBe(false);
  });

  it('each action is one bullet, complete, and its range is exactly where its text stands', () => {
    for (const a of roadmapActions) {
      const [from, to] = a.source.lines;
      const first = bulletsIn(from, from)[0];
      expect(first, `${a.text}: starts with a bullet on line ${from}`).toBeDefined();
      if (!first) continue;
      const end = matchAt(a.text, first.textStart);
      expect(end, a.text).not.toBeNull();
      if (end === null) continue;
      expect(lineAt(end), `${a.text}: range end`).toBe(to);
      expect(restOfLineIsFree(end), `${a.text}: ends its line`).toBe(true);
      const region = regionOf(a);
      const next = nextNonBlank(to);
      const nextIsNew =
        !region || next > region.to
          ? !isSubBullet(next)
          : line(next).includes('•') || startsBlock(next) || NUMBERED.test(line(next)) || HORIZON_HEADING.test(line(next));
      expect(nextIsNew, `${a.text}: complete (line ${next} does not continue it)`).toBe(true);
    }
  });

  it('every bullet of every horizon section starts exactly one action', () => {
    for (const r of HORIZON_REGIONS) {
      for (const b of bulletsIn(r.from, r.to)) {
        const covering = roadmapActions.filter(
          (a) => a.domain === r.domain && a.horizon === r.horizon && a.source.lines[0] === b.line && matchAt(a.text, b.textStart) !== null,
        );
        expect(covering.length, `${r.domain} ${r.horizon}: bullet on line ${b.line}: ${line(b.line).trim()}`).toBe(1);
      }
    }
  });

  it('goal: the numbered doelstelling the action sits under, or empty where the chapter names none', () => {
    for (const a of roadmapActions) {
      const chapter = CHAPTERS.find((c) => c.domain === a.domain)?.line ?? 0;
      // Goals are the numbered paragraphs after a line announcing "doelstellingen" in the chapter.
      const announce = linesMatching(/doelstellingen/).find((n) => n > chapter && n < a.source.lines[0] && chapterAt(n) === a.domain);
      const goalLine = announce
        ? linesMatching(NUMBERED).filter((n) => n > announce && n < a.source.lines[0]).at(-1)
        : undefined;
      if (goalLine === undefined) {
        expect(a.goal, a.text).toBe('');
        continue;
      }
      const prefix = NUMBERED.exec(line(goalLine))?.[0] ?? '';
      const end = matchAt(a.goal, startOf(goalLine) + prefix.length);
      expect(end, `${a.text}: goal "${a.goal}" on line ${goalLine}`).not.toBeNull();
      // The whole numbered paragraph, up to its closing colon.
      expect(RAW.slice(end ?? 0, (end ?? 0) + 1), a.goal).toBe(':');
    }
  });

  it('targetYear is a year the item names as a target, within the plan horizon', () => {
    for (const a of roadmapActions) {
      const parenthesised = [...a.text.matchAll(/\((20\d\d)\)/g)].map((m) => Number(m[1]));
      if (a.targetYear === null) {
        expect(parenthesised, `${a.text}: names a target year`).toEqual([]);
        continue;
      }
      expect(a.text, String(a.targetYear)).toContain(String(a.targetYear));
      expect(a.targetYear, a.text).toBeGreaterThanOrEqual(2025);
      expect(a.targetYear, a.text).toBeLessThanOrEqual(2031);
      if (parenthesised.length > 0) expect(a.targetYear, a.text).toBe(Math.max(...parenthesised));
    }
  });
});

describe('priorities', () => {
  const heading = linesMatching(/De domeinoverstijgende prioriteiten zijn:/)[0] ?? 0;
  let stop = heading + 1;
  while (stop <= LINES.length && !/^\s+\S/.test(line(stop)) && !/^Ad\.1\b/.test(line(stop))) stop++;
  const numbered = linesMatching(NUMBERED).filter((n) => n > heading && n < stop);

  it('are the ten numbered priorities, in order, each complete', () => {
    expect(heading).toBeGreaterThan(0);
    expect(numbered.map((n) => Number(NUMBERED.exec(line(n))?.[1]))).toEqual(priorities.map((_p, i) => i + 1));
    expect(priorities.length).toBe(10);
    numbered.forEach((n, i) => {
      const text = priorities[i] ?? '';
      const start = startOf(n) + (NUMBERED.exec(line(n))?.[0].length ?? 0);
      const end = matchAt(text, start);
      expect(end, text).not.toBeNull();
      const next = numbered[i + 1];
      const tail = RAW.slice(end ?? 0, next === undefined ? endOf(lineAt(end ?? 0)) : startOf(next));
      expect(tail, `${text}: nothing left out`).toMatch(/^[;.]?\s*$/);
    });
  });
});

describe('programmes', () => {
  it('are the items of each "Welke programma’s en projecten werken ..." list, complete', () => {
    for (const list of PROGRAMME_LISTS) {
      const markers = listMarkers(list.from, list.to);
      const inList = programmes.filter((p) => p.domain === list.domain && within(p.source, list));
      expect(inList.length, `list on line ${list.from}`).toBe(markers.length);
      markers.forEach((m, i) => {
        const p = inList[i];
        expect(p, `marker on line ${m.line}`).toBeDefined();
        if (!p) return;
        expect(p.source.lines[0], p.name).toBe(m.line);
        const end = matchAt(p.name, m.textStart);
        expect(end, p.name).not.toBeNull();
        expect(lineAt(end ?? 0), `${p.name}: range end`).toBe(p.source.lines[1]);
        const next = markers[i + 1];
        const tail = RAW.slice(end ?? 0, next === undefined ? endOf(list.to) : next.textStart);
        expect(tail, `${p.name}: complete`).toMatch(/^\s*(•\s*|\d+\.\s*)?$/);
      });
    }
    expect(programmes.every((p) => PROGRAMME_LISTS.some((l) => l.domain === p.domain && within(p.source, l)))).toBe(true);
  });
});
