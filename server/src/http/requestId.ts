// Request ids (issue 8, operations): every HTTP request has one, taken from the proxy's
// `X-Request-Id` when it is a sane token (nginx `$request_id`, a load balancer's), else made
// here; it is answered in `X-Request-Id` and carried by every log line written while handling
// the request (log.ts, requestContext), so a user's error, the proxy's log and ours meet.

import crypto from 'node:crypto';
import type http from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const SANE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestIdOf(req: http.IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  if (typeof given === 'string' && SANE_ID.test(given)) return given;
  return crypto.randomUUID();
}
