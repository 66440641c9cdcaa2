import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "./config/env";
import { createDatabase, runMigrations, transaction } from "./db";
import { jobDefinitions } from "./jobs";
import { type Role, start } from "./main";
import { runAttributionCommand } from "./modules/attribution";
import { createPasswordReset, createUserDirectly, demoLogins, hashPassword } from "./modules/identity";
import { MetricsUsageError, runMetricsCommand } from "./modules/metrics";
import "./imports";
import { ImportUsageError, runPartnerImportCommand } from "./modules/partners";
import { createWorkspace, findWorkspaceBySlug, slugify } from "./modules/workspaces";
import { AppError } from "./platform/errors";
import { ImportCommandError, runImportCommand } from "./platform/imports";
import { JobQueue } from "./platform/jobs";
import { createLogger } from "./platform/logging";
import { DEMO_PASSWORD, seedDemo } from "./seed";

const usage = `Usage: symbiont <command> [options]

Commands:
  serve [--role=api,worker] [--no-demo]   Start the server (both roles by default). On the embedded
                                          database it migrates and seeds the demo when empty.
  migrate                                 Apply database migrations and install the job queue schema.
  seed --demo [--scale <n>] [--seed <int>] [--control]
                                          Create the demo workspace (Acme Cloud) if it is missing, with a
                                          generated ecosystem: scale 1 is the default demo, scale 250 ≈ 10k
                                          partners, 1M opportunities, 10M touchpoints; --control generates
                                          touchpoints without any effect on outcomes.
  create-admin --email <e> --name <n> [--workspace <name>] [--password <p>]
                                          Create a vendor admin (and the workspace if it is new).
  reset-password <email>                  Print a single-use password reset link (valid 1 hour).
  attribution --paths <file> --format channelattribution --model <name> [--value] [--json]
                                          Credit channels in a ChannelAttribution path file (first, last,
                                          linear, time-decay, u-shaped, w-shaped, full-path, markov, shapley).
  import partners <file.csv> [--mapping map.json] [--dry-run] [--on-duplicate skip|update] [--workspace <slug>]
                                          Import partners from CSV (all or nothing), with a progress bar.
  import <kind> <file.csv> [--mapping map.json] [--dry-run] [--on-invalid reject|skip] [--workspace <slug>]
                                          Import accounts (and other registered kinds) from CSV: validation
                                          report, then one transaction with a progress bar on stderr.
  metrics [--from D] [--to D] [--program P] [--region R] [--role R] [--partner <id>] [--refresh] [--json] [--workspace <slug>]
                                          Headline partner metrics (win rate, average won deal and cycle,
                                          velocity, sourced/influenced revenue, ROPI, NRR …), as the API.

Environment: PORT, HOST, DATABASE_URL, SYMBIONT_DATA_DIR, SESSION_SECRET, BASE_URL, LOG_LEVEL.
`;

class UsageError extends Error {}

const say = (line = "") => process.stdout.write(`${line}\n`);

async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  process.stdout.write(`• ${label}…`);
  try {
    const result = await work();
    process.stdout.write(` done (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    return result;
  } catch (error) {
    process.stdout.write(" failed\n");
    throw error;
  }
}

async function withDatabase<T>(work: (database: Awaited<ReturnType<typeof createDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await step(
    config.databaseUrl ? "Connecting to PostgreSQL" : `Opening the embedded database in ${config.dataDir}`,
    () => createDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir }),
  );
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function migrateAll(database: Awaited<ReturnType<typeof createDatabase>>): Promise<void> {
  const { applied } = await step("Applying migrations", () => runMigrations(database));
  say(`  ${applied} migration${applied === 1 ? "" : "s"} applied`);
  const jobs = new JobQueue(database, createLogger("warn"), jobDefinitions);
  await step("Installing the job queue schema", async () => {
    await jobs.start({ worker: false });
    await jobs.stop();
  });
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { role: { type: "string" }, "no-demo": { type: "boolean" } } });
  const roles = (values.role ?? "api,worker").split(",").map((r) => r.trim());
  for (const role of roles) if (role !== "api" && role !== "worker") throw new UsageError(`Unknown role "${role}"`);
  const config = loadConfig();
  const running = await start(config, { roles: roles as Role[], demo: !values["no-demo"], print: say });
  let signals = 0;
  const shutdown = (signal: string) => {
    signals += 1;
    if (signals > 1) process.exit(1);
    running.deps.logger.info({ signal }, "shutting down");
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        running.deps.logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

async function seed(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      demo: { type: "boolean" },
      scale: { type: "string" },
      seed: { type: "string" },
      control: { type: "boolean" },
    },
  });
  if (!values.demo) throw new UsageError("seed needs --demo (the only seed so far)");
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10_000)
    throw new UsageError(`--scale must be a number above 0 and at most 10000 (got "${values.scale}")`);
  const seedValue = values.seed === undefined ? undefined : Number(values.seed);
  if (seedValue !== undefined && (!Number.isInteger(seedValue) || seedValue < 0 || seedValue > 4_294_967_295))
    throw new UsageError(`--seed must be an integer from 0 to 4294967295 (got "${values.seed}")`);
  await withDatabase(async (database) => {
    await migrateAll(database);
    const demo = { scale, control: values.control ?? false, ...(seedValue === undefined ? {} : { seed: seedValue }) };
    // Large scales report progress on stderr, one line per step, with rows per second.
    const progress =
      scale > 1 ? (m: string) => process.stderr.write(`  ${m}\n`) : (m: string) => process.stdout.write(` ${m};`);
    const result = await step("Seeding the demo workspace", () => seedDemo(database, progress, demo));
    if (!result.created) say("  The demo workspace already exists; nothing changed.");
    say(`\nDemo logins (password: ${DEMO_PASSWORD})`);
    for (const login of demoLogins) say(`  ${login.email.padEnd(30)}${login.label}`);
  });
}

async function createAdmin(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      workspace: { type: "string", default: "My Company" },
      password: { type: "string" },
    },
  });
  if (!values.email || !values.name) throw new UsageError("create-admin needs --email and --name");
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email))
    throw new UsageError(`"${values.email}" is not an email address`);
  if (values.password !== undefined && values.password.length < 10)
    throw new UsageError("--password needs at least 10 characters");
  const password = values.password ?? randomBytes(12).toString("base64url");
  const workspaceName = values.workspace;
  await withDatabase(async (database) => {
    await migrateAll(database);
    const passwordHash = await hashPassword(password);
    await step(`Creating admin ${values.email}`, () =>
      transaction(database, async (tx) => {
        const workspace =
          (await findWorkspaceBySlug(tx, slugify(workspaceName))) ??
          (await createWorkspace(tx, { name: workspaceName }, "symbiont create-admin"));
        await createUserDirectly(
          tx,
          {
            workspaceId: workspace.id,
            email: values.email ?? "",
            name: values.name ?? "",
            role: "admin",
            passwordHash,
          },
          "symbiont create-admin",
        );
      }),
    );
    say(`\nSign in as ${values.email} in workspace "${workspaceName}".`);
    if (!values.password) say(`Generated password (shown once): ${password}`);
  });
}

async function resetPassword(args: string[]): Promise<void> {
  const email = args[0];
  if (!email || args.length > 1) throw new UsageError("reset-password needs exactly one email address");
  await withDatabase(async (database) => {
    const config = loadConfig();
    const logger = createLogger("warn");
    const jobs = new JobQueue(database, logger, []);
    const reset = await createPasswordReset({ config, database, jobs, logger }, email);
    say(`\nPassword reset link for ${reset.user.email} (single use, valid until ${reset.expiresAt.toISOString()}):`);
    say(`  ${reset.url}`);
  });
}

async function importCommand(args: string[]): Promise<void> {
  const [kind, ...rest] = args;
  if (!kind) throw new UsageError('import needs a kind: "import accounts <file.csv>"');
  const code = await withDatabase(async (database) => {
    await migrateAll(database);
    try {
      if (kind === "partners") return await runPartnerImportCommand(database, rest, say);
      return await runImportCommand(database, args, {
        out: say,
        progress: (text) => process.stderr.write(process.stderr.isTTY ? `\r${text}` : `${text}\n`),
        workspace: (slug) => chooseWorkspace(database, slug),
      });
    } catch (error) {
      if (error instanceof ImportUsageError || error instanceof ImportCommandError) throw new UsageError(error.message);
      throw error;
    } finally {
      if (process.stderr.isTTY) process.stderr.write("\n");
    }
  });
  if (code !== 0) process.exitCode = code;
}

async function chooseWorkspace(database: Awaited<ReturnType<typeof createDatabase>>, slug: string | undefined) {
  const all = (await database.pool.query("select id, name, slug from workspaces order by created_at")).rows as {
    id: string;
    name: string;
    slug: string;
  }[];
  if (slug) {
    const found = all.find((w) => w.slug === slug);
    if (!found)
      throw new UsageError(`No workspace "${slug}" (there are: ${all.map((w) => w.slug).join(", ") || "none"})`);
    return found;
  }
  const [only, ...others] = all;
  if (!only) throw new UsageError("There is no workspace yet: run `symbiont create-admin` first");
  if (others.length > 0)
    throw new UsageError(`Choose a workspace with --workspace (${all.map((w) => w.slug).join(", ")})`);
  return only;
}

async function metricsCommand(args: string[]): Promise<void> {
  const code = await withDatabase(async (database) => {
    await migrateAll(database);
    try {
      return await runMetricsCommand(database, args, {
        out: say,
        workspace: (slug) => chooseWorkspace(database, slug),
      });
    } catch (error) {
      if (error instanceof MetricsUsageError) throw new UsageError(error.message);
      throw error;
    }
  });
  if (code !== 0) process.exitCode = code;
}

async function attributionCommand(args: string[]): Promise<void> {
  // It prints its own usage (exit 2) and file problems (exit 1).
  const code = await runAttributionCommand(args, say);
  if (code !== 0) process.exitCode = code;
}

const commands: Record<string, (args: string[]) => Promise<void>> = {
  attribution: attributionCommand,
  import: importCommand,
  metrics: metricsCommand,
  serve,
  migrate: (args) => {
    if (args.length > 0) throw new UsageError(`migrate takes no arguments (got ${args.join(" ")})`);
    return withDatabase(migrateAll);
  },
  seed,
  "create-admin": createAdmin,
  "reset-password": resetPassword,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(usage);
    return command ? 0 : 2;
  }
  const run = commands[command];
  if (!run) {
    process.stderr.write(`Unknown command "${command}"\n\n${usage}`);
    return 2;
  }
  try {
    await run(rest);
    return command === "serve" ? -1 : Number(process.exitCode ?? 0);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))
    ) {
      process.stderr.write(`${error.message}\n\n${usage}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 78;
    }
    if (error instanceof AppError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  if (code >= 0) process.exit(code);
});
