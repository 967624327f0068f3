/**
 * pino with redaction: authorization headers, tokens, keys and secrets never reach a log line,
 * at any level.
 */
import { type Logger, pino } from 'pino';

export const redactedPaths = [
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'request.headers.authorization',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.privateKey',
  '*.clientSecret',
  '*.secret',
  '*.secrets',
  '*.apiKey',
  '*.adminKey',
  '*.password',
  '*.credentials',
  'credentials',
  'token',
  'privateKey',
];

export interface LoggerOptions {
  level?: string;
  /** Where lines go; defaults to stderr so stdout stays clean for --format json. */
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: redactedPaths, censor: '[redacted]' },
      base: undefined,
    },
    (options.destination ?? process.stderr) as pino.DestinationStream,
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
