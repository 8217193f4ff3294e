// One JSON object per line on stdout through pino (issue 8: a well-kept logger that log shippers
// know), behind our small Logger interface so no module depends on pino itself. Each line has
// `time` (ISO), `level` (debug/info/warn/error as a word), `msg`, and the request's `reqId` when
// it was written while handling an HTTP request (requestContext below; http/requestId.ts).
// Secrets stay out (issue 8): fields named like one are redacted, and so is the value of a token,
// admin or leader parameter in any text (a URL with ?token=…).

import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** The HTTP request being handled, for every line logged on its behalf. */
export const requestContext = new AsyncLocalStorage<{ reqId: string }>();

const SECRET_FIELD = /^(token|adminToken|adminLink|authorization|secret|draftKey|leaderToken)$/i;
const SECRET_PARAM = /([?&](?:token|admin|leader)=)[^&#\s"]*/gi;
const REDACTED = '[redacted]';

/** Errors become {name, message, code} (and the stack at error level), never "[object Object]". */
function plain(value: unknown, withStack: boolean): unknown {
  if (typeof value === 'string') return value.replace(SECRET_PARAM, `$1${REDACTED}`);
  if (!(value instanceof Error)) return value;
  const code = (value as { code?: unknown }).code;
  return { name: value.name, message: value.message, ...(code !== undefined && { code }), ...(withStack && { stack: value.stack }) };
}

function cleanFields(fields: LogFields, withStack: boolean): LogFields {
  const clean: LogFields = {};
  for (const [key, value] of Object.entries(fields)) clean[key] = SECRET_FIELD.test(key) ? REDACTED : plain(value, withStack);
  const request = requestContext.getStore();
  if (request && clean.reqId === undefined) clean.reqId = request.reqId;
  return clean;
}

export function createLogger(options: { level?: LogLevel; write?: (line: string) => void } = {}): Logger {
  const write = options.write;
  const destination = write ? { write: (line: string) => write(line.replace(/\n$/, '')) } : pino.destination({ dest: 1, sync: true });
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  const emit = (level: LogLevel) => (msg: string, fields: LogFields = {}) => {
    if (!logger.isLevelEnabled(level)) return;
    const clean = cleanFields(fields, level === 'error');
    try {
      logger[level](clean, msg);
    } catch {
      logger[level]({ note: 'fields not serialisable' }, msg);
    }
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** For tests and tools that want silence. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
