import { expect, test } from 'vitest';
import { createSaveTracker } from '../../client/src/sync/connection';

function tracker() {
  let live = false;
  const seen: boolean[] = [];
  const saving = createSaveTracker(() => live, (saved) => seen.push(saved));
  return {
    saving,
    setLive(value: boolean) {
      live = value;
      saving.liveChanged();
    },
    saved: () => seen.at(-1) ?? true,
  };
}

test('saved while live and the server stores; not saved when the server says it cannot', () => {
  const t = tracker();
  t.setLive(true);
  t.saving.serverSays(true);
  t.saving.localChange();
  expect(t.saved()).toBe(true);
  t.saving.serverSays(false);
  expect(t.saved()).toBe(false);
  // A dropped connection does not make the server's "not saved" go away.
  t.setLive(false);
  expect(t.saved()).toBe(false);
  t.setLive(true);
  t.saving.serverSays(true);
  expect(t.saved()).toBe(true);
});

test('an edit made while not live is not saved until the client is synced again', () => {
  const t = tracker();
  t.setLive(true);
  t.saving.serverSays(true);
  t.setLive(false);
  expect(t.saved()).toBe(true); // nothing of ours is waiting
  t.saving.localChange();
  expect(t.saved()).toBe(false);
  t.setLive(true);
  expect(t.saved()).toBe(true);
});
