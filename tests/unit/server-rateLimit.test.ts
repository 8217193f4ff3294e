import { expect, test } from 'vitest';
import { TokenBucket } from '../../server/src/sync/rateLimit';

test('a token bucket allows a burst, refuses beyond it, and refills with time', () => {
  let now = 0;
  const bucket = new TokenBucket(3, 2, () => now);
  expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  now = 500; // half a second: one token back
  expect([bucket.take(), bucket.take()]).toEqual([true, false]);
  now = 60_000; // never more than the capacity
  expect([bucket.take(3), bucket.take()]).toEqual([true, false]);
});
