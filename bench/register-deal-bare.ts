// The baseline for bench/register-deal.ts: plain Fastify and a pg pool inserting the same
// registration row with one INSERT. No auth, validation, conflict check, rules, audit or events:
// the floor that Symbiont's registration endpoint is measured against. Runs in a worker thread.
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import Fastify from "fastify";
import pg from "pg";

interface Options {
  databaseUrl: string;
  port: number;
  poolSize: number;
}

interface Body {
  companyName: string;
  website?: string;
  country?: string;
  contactName?: string;
  contactEmail?: string;
  amount?: number;
  currency?: string;
  expectedCloseOn?: string;
  products?: string[];
}

async function start(options: Options) {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize });
  await pool.query(`create table if not exists bench_bare_registrations (
    id uuid primary key default gen_random_uuid(), company_name text not null, website text, country text,
    contact_name text, contact_email text, amount_minor bigint, currency text, expected_close_on date,
    products text[] not null default '{}', status text not null default 'submitted', created_at timestamptz not null default now())`);
  const app = Fastify({ logger: false });
  app.post<{ Body: Body }>("/api/portal/registrations", async (request, reply) => {
    const b = request.body;
    const { rows } = await pool.query<{ id: string }>(
      `insert into bench_bare_registrations (company_name, website, country, contact_name, contact_email, amount_minor, currency, expected_close_on, products)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [
        b.companyName,
        b.website ?? null,
        b.country ?? null,
        b.contactName ?? null,
        b.contactEmail ?? null,
        Math.round((b.amount ?? 0) * 100),
        b.currency ?? null,
        b.expectedCloseOn ?? null,
        b.products ?? [],
      ],
    );
    return reply.status(201).send({ id: rows[0]?.id, status: "submitted" });
  });
  await app.listen({ port: options.port, host: "127.0.0.1" });
  return async () => {
    await app.close();
    await pool.end();
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  start(workerData as Options).then(
    (stop) => {
      port.on("message", (message) => {
        if (message === "stop") void stop().then(() => port.postMessage("stopped"));
      });
      port.postMessage("ready");
    },
    (error: unknown) => port.postMessage({ error: String(error) }),
  );
}
