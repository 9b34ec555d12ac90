import { homedir, userInfo } from 'node:os';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const levelRank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Only these value types may be logged: no objects, so nothing large or personal slips in by accident. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface LogEntry {
  readonly time: string;
  readonly level: LogLevel;
  readonly scope: string;
  readonly message: string;
  readonly fields?: LogFields;
}

export interface LogSink {
  write(entry: LogEntry): void;
}

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(scope: string): Logger;
}

/** Writes one JSON line per entry to stderr, from a minimum level. */
export function createStderrSink(minLevel: LogLevel = 'warn'): LogSink {
  return {
    write(entry) {
      if (levelRank[entry.level] < levelRank[minLevel]) return;
      process.stderr.write(`${JSON.stringify(entry)}\n`);
    },
  };
}

/** Keeps entries in memory; for tests. */
export function createMemorySink(): LogSink & { readonly entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return { entries, write: (entry) => void entries.push(entry) };
}

let globalSink: LogSink = createStderrSink(process.env.READYROOM_LOG_LEVEL === 'debug' ? 'debug' : 'warn');

/** Routes every logger to one sink (set once at start-up by the app, CLI or test host). */
export function setLogSink(sink: LogSink): void {
  globalSink = sink;
}

const home = safeHome();
const user = safeUser();

/** Removes the home folder and user name, which can identify the therapist, from a log line. */
export function redact(text: string): string {
  let out = text;
  if (home) out = out.split(home).join('~');
  if (user && user.length > 2) out = out.replace(new RegExp(`\\b${escapeRegExp(user)}\\b`, 'g'), '<user>');
  return out;
}

export function createLogger(scope: string, sink?: LogSink): Logger {
  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    const cleanFields = fields ? redactFields(fields) : undefined;
    (sink ?? globalSink).write({
      time: new Date().toISOString(),
      level,
      scope,
      message: redact(message),
      ...(cleanFields ? { fields: cleanFields } : {}),
    });
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (sub) => createLogger(`${scope}:${sub}`, sink),
  };
}

/**
 * A safe one-line description of an unknown thrown value: its class and code only. The message
 * is left out on purpose: it can carry what the user typed (a client code, a note, a path).
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}`.slice(0, 120);
  }
  return typeof error;
}

function redactFields(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) out[key] = typeof value === 'string' ? redact(value) : value;
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function safeHome(): string | null {
  try {
    const h = homedir();
    return h && h !== '/' ? h : null;
  } catch {
    return null;
  }
}

function safeUser(): string | null {
  try {
    return userInfo().username || null;
  } catch {
    return null;
  }
}
