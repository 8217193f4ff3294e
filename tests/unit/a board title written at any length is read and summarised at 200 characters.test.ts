// Issue 8: the title is cut where it is read (readMeta), so a title an old or hostile client
// wrote into the document at any length is shown, listed and stored at most MAX_TITLE_LENGTH
// characters long — and never with half a surrogate pair at the end.

import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { MAX_TITLE_LENGTH } from '../../shared/protocol';
import { readBoard, readMeta } from '../../shared/schema';
import { summarizeDoc } from '../../server/src/boards/summary';

function docWithTitle(title: unknown): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', title);
  return doc;
}

test('a long title is read, and summarised for the board list, at 200 characters', () => {
  const doc = docWithTitle('Lang titel '.repeat(10_000));
  expect(readMeta(doc).title).toHaveLength(MAX_TITLE_LENGTH);
  expect(readMeta(doc).title).toBe('Lang titel '.repeat(10_000).slice(0, MAX_TITLE_LENGTH));
  expect(readBoard(doc).meta.title).toHaveLength(MAX_TITLE_LENGTH);
  expect(summarizeDoc(doc, '2026-12-02').title).toHaveLength(MAX_TITLE_LENGTH);
});

test('a Y.Text title is cut too, and a title of 200 characters is kept whole', () => {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', new Y.Text('x'.repeat(5000)));
  expect(readMeta(doc).title).toHaveLength(MAX_TITLE_LENGTH);
  const exact = 'æ'.repeat(MAX_TITLE_LENGTH);
  expect(readMeta(docWithTitle(exact)).title).toBe(exact);
});

test('the cut never leaves half an emoji', () => {
  const title = 'a'.repeat(MAX_TITLE_LENGTH - 1) + '🎯🎯';
  const read = readMeta(docWithTitle(title)).title;
  expect(read).toBe('a'.repeat(MAX_TITLE_LENGTH - 1));
  expect(summarizeDoc(docWithTitle(title), '2026-12-02').title).toBe(read);
});
