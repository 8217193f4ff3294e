import { expect, test } from 'vitest';
import { addGoal, addIdea, setIdeaText, setActual } from '../../shared/schema';
import { connectClient, createBoard, waitFor, serverForFile } from './harness';

const { server, pool } = serverForFile();

test('what one client writes reaches the other, in both directions, and text merges', async () => {
  const board = await createBoard(server.url, 'Selvbetjening');
  const a = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  const b = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  const [atA, atB] = await Promise.all([a.firstSync, b.firstSync]);
  // The server initialised the document when it created the board.
  expect(atA.meta.title).toBe('Selvbetjening');
  expect(atB.meta.title).toBe('Selvbetjening');

  const goalId = addGoal(a.doc, { name: 'Andel digitale ansøgninger', unit: '%' });
  setActual(a.doc, goalId, '2026-03', 71);
  await waitFor(() => b.board().goals[0]?.actuals['2026-03'] === 71, { what: 'the goal at B' });
  expect(b.board().goals[0]?.name).toBe('Andel digitale ansøgninger');

  const ideaId = addIdea(b.doc, { text: 'Kampagne', author: 'Erik', color: 'yellow' });
  await waitFor(() => a.board().ideas.some((idea) => idea.id === ideaId), { what: 'the idea at A' });

  // Both type into the same text at once; both edits survive.
  setIdeaText(a.doc, ideaId, 'Kampagne på biblioteket');
  setIdeaText(b.doc, ideaId, 'Stor kampagne');
  await waitFor(() => a.board().ideas[0]?.text === b.board().ideas[0]?.text && a.board().ideas[0]?.text !== 'Kampagne', { what: 'texts to converge' });
  const merged = a.board().ideas[0]!.text;
  expect(merged).toContain('biblioteket');
  expect(merged).toContain('Stor');
});
