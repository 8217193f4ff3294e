// One JSON object per line on stdout: greppable by people, parseable by log shippers, and no
// dependency (pino would add speed we do not need at a few lines per connection). Secrets stay out
// (issue 8): fields named like one are redacted, and so is the value of a token or admin
// parameter in any text (a URL with ?token=… or ?admin=…).

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && value in RANK;
}

const SECRET_FIELD = /^(token|adminToken|adminLink|authorization|secret|draftKey|leaderToken)$/i;
const SECRET_PARAM = /([?&](?:token|admin|leader)=)[^&#\s"]*/gi;
const REDACTED = '[redacted]';

/** Errors become {name, message, code} (and the stack at debug level), never "[object Object]". */
function plain(value: unknown, withStack: boolean): unknown {
  if (typeof value === 'string') return value.replace(SECRET_PARAM, `$1${REDACTED}`);
  if (!(value instanceof Error)) return value;
  const code = (value as { code?: unknown }).code;
  return { name: value.name, message: value.message, ...(code !== undefined && { code }), ...(withStack && { stack: value.stack }) };
}

export function createLogger(options: { level?: LogLevel; write?: (line: string) => void } = {}): Logger {
  const min = RANK[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stdout.write(line + '\n'));
  const emit = (level: LogLevel) => (msg: string, fields: LogFields = {}) => {
    if (RANK[level] < min) return;
    const entry: LogFields = { time: new Date().toISOString(), level, msg };
    for (const [key, value] of Object.entries(fields)) entry[key] = SECRET_FIELD.test(key) ? REDACTED : plain(value, level === 'error');
    let line: string;
    try {
      line = JSON.stringify(entry);
    } catch {
      line = JSON.stringify({ time: entry.time, level, msg, note: 'fields not serialisable' });
    }
    write(line);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** For tests and tools that want silence. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
