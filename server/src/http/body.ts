// Reading a JSON request body with a size limit (413 past it, 400 when it is not JSON).

import type http from 'node:http';
import { HttpError } from './responses';

/** Past this a declared body is refused without reading it, and the connection is closed. */
const DRAIN_LIMIT_FACTOR = 16;

function readLimited(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = (headers: Record<string, string> = {}) => new HttpError(413, `Request body is larger than ${limit} bytes`, headers);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    // A modest excess is read and dropped by Node after the response, so the client sees the
    // 413 instead of a reset upload; a huge one is cut off.
    return Promise.reject(declared > limit * DRAIN_LIMIT_FACTOR ? tooLarge({ Connection: 'close' }) : tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.byteLength;
      if (size > limit) {
        // Keep reading (and dropping) so the socket can carry the 413; then it is closed.
        failed = true;
        chunks.length = 0;
        reject(tooLarge({ Connection: 'close' }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!failed) reject(new HttpError(400, `Could not read the request body: ${error.message}`));
      failed = true;
    });
  });
}

export async function readJsonBody(req: http.IncomingMessage, limit: number): Promise<unknown> {
  const text = (await readLimited(req, limit)).toString('utf8');
  if (text.trim() === '') throw new HttpError(400, 'Request body is empty; send JSON');
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON');
  }
}
