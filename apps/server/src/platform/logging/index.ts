import pino, { type Logger } from "pino";

/** JSON logs, one line per event, with secrets redacted wherever they could appear. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        "req.headers['x-csrf-token']",
        "res.headers['set-cookie']",
        "*.password",
        "*.newPassword",
        "*.currentPassword",
        "*.passwordHash",
        "*.token",
        "*.secret",
      ],
      censor: "[redacted]",
    },
  });
}

export type { Logger };
