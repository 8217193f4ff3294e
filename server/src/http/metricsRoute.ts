// GET /metrics (issue 8): Prometheus's text format, for a scraper holding METRICS_TOKEN as its
// bearer token. Without METRICS_TOKEN the route is off (404), so a server never shows its load
// to the world by default; the token is compared in constant time.

import crypto from 'node:crypto';
import type http from 'node:http';
import { bearerToken } from '../auth/leaderToken';
import type { Metrics } from '../metrics';
import { HttpError, methodNotAllowed } from './responses';

export function createMetricsRoute({ metrics, token }: { metrics: Metrics; token: string | undefined }) {
  const expected = token ? crypto.createHash('sha256').update(token).digest() : null;
  return async function serveMetrics(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!expected) throw new HttpError(404, 'Metrics are off; set METRICS_TOKEN to serve them here');
    if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(['GET']);
    const given = bearerToken(req.headers.authorization);
    const matches = given !== null && crypto.timingSafeEqual(crypto.createHash('sha256').update(given).digest(), expected);
    if (!matches) throw new HttpError(401, given ? 'The metrics token is not valid' : 'This needs the metrics token: Authorization: Bearer <METRICS_TOKEN>', { 'WWW-Authenticate': 'Bearer' });
    const { body, contentType } = await metrics.render();
    res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
