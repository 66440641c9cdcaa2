import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: "must start with postgres:// or postgresql://" })
    .optional(),
  SYMBIONT_DATA_DIR: z.string().min(1).default("./data"),
  SESSION_SECRET: z.string().min(32, { message: "must be at least 32 characters" }).optional(),
  BASE_URL: z.url({ message: "must be an absolute URL such as https://prm.example.com" }).optional(),
  LOG_LEVEL: z.enum(logLevels).default("info"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TRUST_PROXY: z.enum(["true", "false"], { message: "must be true or false" }).default("false"),
  // Uploaded files in an S3-compatible bucket instead of the data directory.
  SYMBIONT_S3_ENDPOINT: z.url({ message: "must be a URL such as https://s3.eu-central-1.amazonaws.com" }).optional(),
  SYMBIONT_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{2,62}$/, { message: "must be a bucket name" })
    .optional(),
  SYMBIONT_S3_REGION: z.string().min(1).default("us-east-1"),
  SYMBIONT_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  SYMBIONT_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
});

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  /** Real PostgreSQL when set; otherwise the embedded database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  baseUrl: string;
  logLevel: (typeof logLevels)[number];
  poolSize: number;
  /** True when the site is served over HTTPS, so cookies must be Secure. */
  secureCookies: boolean;
  /** Trust X-Forwarded-* from a load balancer (client address for rate limits and audit). */
  trustProxy: boolean;
  /** S3-compatible storage for uploaded files; absent = files under `dataDir`. */
  s3?: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string } | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Parses the environment once at start-up. An invalid value stops start-up with a message
 * naming the variable.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  }
  const env = parsed.data;
  const dataDir = resolve(env.SYMBIONT_DATA_DIR);
  let sessionSecret = env.SESSION_SECRET;
  if (!sessionSecret) {
    if (env.NODE_ENV === "production") {
      throw new ConfigError(["SESSION_SECRET is required in production (at least 32 characters)"]);
    }
    sessionSecret = persistedSecret(dataDir);
  }
  const baseUrl = (env.BASE_URL ?? `http://${displayHost(env.HOST)}:${env.PORT}`).replace(/\/$/, "");
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    dataDir,
    sessionSecret,
    baseUrl,
    logLevel: env.LOG_LEVEL,
    poolSize: env.DATABASE_POOL_SIZE,
    secureCookies: baseUrl.startsWith("https://"),
    trustProxy: env.TRUST_PROXY === "true",
    s3: s3Settings(env),
  };
}

function displayHost(host: string): string {
  return host === "0.0.0.0" || host === "::" ? "localhost" : host;
}

/** Embedded mode keeps a generated secret beside the data so sessions survive restarts. */
function persistedSecret(dataDir: string): string {
  const file = join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function s3Settings(env: z.infer<typeof envSchema>): Config["s3"] {
  if (!env.SYMBIONT_S3_BUCKET) return undefined;
  const missing = (
    ["SYMBIONT_S3_ENDPOINT", "SYMBIONT_S3_ACCESS_KEY_ID", "SYMBIONT_S3_SECRET_ACCESS_KEY"] as const
  ).filter((name) => !env[name]);
  if (missing.length > 0) throw new ConfigError(missing.map((name) => `${name} is required with SYMBIONT_S3_BUCKET`));
  return {
    endpoint: env.SYMBIONT_S3_ENDPOINT ?? "",
    bucket: env.SYMBIONT_S3_BUCKET,
    region: env.SYMBIONT_S3_REGION,
    accessKeyId: env.SYMBIONT_S3_ACCESS_KEY_ID ?? "",
    secretAccessKey: env.SYMBIONT_S3_SECRET_ACCESS_KEY ?? "",
  };
}
