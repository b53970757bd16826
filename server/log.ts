// Structured logs: one JSON object per line, with an event name and fields. Tokens, cookies and
// authorization headers are never passed here.

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields, error?: unknown): void;
}

export function createLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const emit = (level: string, event: string, fields: LogFields = {}, error?: unknown) => {
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, event, ...fields };
    if (error !== undefined) entry.error = error instanceof Error ? error.message : String(error);
    write(JSON.stringify(entry));
  };
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields, error) => emit('warn', event, fields, error),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {} };
