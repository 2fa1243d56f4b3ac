import type { ErrorLogger } from 'codat-errors';

export interface LogEntry {
  level: 'warn' | 'error';
  details: Record<string, unknown>;
  message: string;
}

/** A logger (the `logger` option) that keeps each call, in order. */
export function recordingLogger(): { entries: LogEntry[]; logger: ErrorLogger } {
  const entries: LogEntry[] = [];
  return {
    entries,
    logger: {
      warn: (details, message) => entries.push({ level: 'warn', details: details as Record<string, unknown>, message }),
      error: (details, message) =>
        entries.push({ level: 'error', details: details as Record<string, unknown>, message }),
    },
  };
}
