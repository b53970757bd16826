import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { insertRows, readSheet, setCell } from '../../shared/board/board-doc.ts';
import { createBoardDoc } from '../../shared/board/new-board.ts';
import type { BoardOrigin } from '../../shared/board/origins.ts';
import { EMPTY_ROWS } from '../../shared/board/sheets.ts';
import { docFromStored, readStoredBoard } from './stored-board.ts';

const origin: BoardOrigin = { kind: 'user', userId: 'test' };

/** A board well past the size from which the state is applied in slices. */
function largeBoard(rows: number): Y.Doc {
  const doc = createBoardDoc({ title: 'Groot', year: 2025 }, { kind: 'seed' });
  const inserted = insertRows(doc, 'beheer', Array.from({ length: rows }, (_, i) => ({ ...EMPTY_ROWS.beheer, bouwsteen: `Bouwsteen ${i}`, amount: i * 1_000 })), origin);
  if (!inserted.ok) throw new Error(JSON.stringify(inserted.error));
  return doc;
}

describe('docFromStored', () => {
  it('loads a large board in slices: the event loop runs meanwhile, and the document is the stored one', async () => {
    const source = largeBoard(3_000);
    const state = Y.encodeStateAsUpdate(source);
    const row = readSheet(source, 'beheer')[0]!;
    const before = Y.encodeStateVector(source);
    setCell(source, 'beheer', row.id, 'amount', 123_456, origin);
    const logged = Y.encodeStateAsUpdate(source, before);

    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const doc = await docFromStored({ state, compactedThrough: 0, updates: [{ seq: 1, update: logged }] });
    clearInterval(ticker);

    expect(turns).toBeGreaterThan(1);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(Y.encodeStateAsUpdate(source));
    expect(readSheet(doc, 'beheer').find((entry) => entry.id === row.id)?.row.amount).toBe(123_456);
  });

  it('rejects stored bytes that are not a document, large or small', async () => {
    const state = Y.encodeStateAsUpdate(largeBoard(3_000));
    await expect(docFromStored({ state: state.subarray(0, state.length >> 1), compactedThrough: 0, updates: [] })).rejects.toThrow();
    await expect(docFromStored({ state: new Uint8Array([1, 1, 1, 0, 0x1f]), compactedThrough: 0, updates: [] })).rejects.toThrow();
  });

  it('says which part does not load: the compacted state, or the log row by its seq', async () => {
    const state = Y.encodeStateAsUpdate(largeBoard(10));
    const bad = new Uint8Array([1, 1, 1, 0, 0x1f]);
    const ofState = await readStoredBoard({ state: bad, compactedThrough: 4, updates: [] });
    expect(ofState).toMatchObject({ ok: false, error: { kind: 'state-unreadable', reason: expect.stringContaining('bijgewerkt tot logregel 4') } });
    const ofRow = await readStoredBoard({ state, compactedThrough: 4, updates: [{ seq: 9, update: bad }] });
    expect(ofRow).toMatchObject({ ok: false, error: { kind: 'update-unreadable', reason: expect.stringMatching(/^Logregel 9 /) } });
    expect((await readStoredBoard({ state, compactedThrough: 4, updates: [] })).ok).toBe(true);
  });
});
