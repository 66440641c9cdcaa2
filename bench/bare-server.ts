// The baseline for bench/http-overhead.ts: plain Fastify and a pg pool answering the same two
// requests as Symbiont with the equivalent raw SQL. No auth framework, no schema validation or
// serialization, no hooks: what is left is the floor that Symbiont's overhead is measured against.
// Started by http-overhead.ts in a worker thread, so it has its own event loop, as Symbiont does.
import { createHash } from "node:crypto";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import Fastify, { type FastifyInstance } from "fastify";
import pg from "pg";

export interface BareServerOptions {
  databaseUrl: string;
  port: number;
  /** Same as Symbiont's DATABASE_POOL_SIZE default. */
  poolSize: number;
}

interface SessionRow {
  session_id: string;
  user_id: string;
  email: string;
  name: string;
  role: string;
  workspace_id: string;
  workspace_name: string;
  workspace_slug: string;
  partner_id: string | null;
  partner_name: string | null;
}

interface PartnerRow {
  id: string;
  name: string;
  website: string | null;
  created_at: Date;
}

const SESSION_COOKIE = "symbiont_session";

// One query: the session by its token hash, with its user, workspace and partner.
const sessionSql = `
  select s.id as session_id, u.id as user_id, u.email, u.name, u.role,
         w.id as workspace_id, w.name as workspace_name, w.slug as workspace_slug,
         u.partner_id, p.name as partner_name
    from sessions s
    join users u on u.workspace_id = s.workspace_id and u.id = s.user_id
    join workspaces w on w.id = s.workspace_id
    left join partners p on p.workspace_id = u.workspace_id and p.id = u.partner_id
   where s.token_hash = $1
     and s.revoked_at is null
     and s.expires_at > now()
     and u.disabled_at is null
   limit 1`;

const partnerPageSql = `
  select id, name, website, created_at from partners
   where workspace_id = $1
   order by name asc
   limit $2 offset $3`;

const partnerCountSql = "select count(*)::int as n from partners where workspace_id = $1";

function sessionToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join("="));
  }
  return null;
}

function clamp(raw: unknown, fallback: number, min: number, max: number): number {
  const value = typeof raw === "string" ? Number.parseInt(raw, 10) : Number.NaN;
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

export async function startBareServer(options: BareServerOptions): Promise<{ app: FastifyInstance; pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize });
  const app = Fastify({ logger: false });

  async function session(cookieHeader: string | undefined): Promise<SessionRow | null> {
    const token = sessionToken(cookieHeader);
    if (!token) return null;
    const hash = createHash("sha256").update(token).digest("hex");
    const { rows } = await pool.query<SessionRow>(sessionSql, [hash]);
    return rows[0] ?? null;
  }

  app.get("/api/auth/me", async (request, reply) => {
    const row = await session(request.headers.cookie);
    if (!row) return reply.status(401).send({ code: "UNAUTHENTICATED" });
    return {
      user: {
        id: row.user_id,
        email: row.email,
        name: row.name,
        kind: row.partner_id ? "partner" : "vendor",
        role: row.role,
        workspace: { id: row.workspace_id, name: row.workspace_name, slug: row.workspace_slug },
        partner: row.partner_id ? { id: row.partner_id, name: row.partner_name } : null,
      },
      csrfToken: "",
    };
  });

  app.get("/api/console/partners", async (request, reply) => {
    const row = await session(request.headers.cookie);
    if (!row) return reply.status(401).send({ code: "UNAUTHENTICATED" });
    if (row.partner_id) return reply.status(403).send({ code: "FORBIDDEN" });
    const query = request.query as Record<string, unknown>;
    const limit = clamp(query.limit, 50, 1, 100);
    const offset = clamp(query.offset, 0, 0, 1_000_000);
    // One after the other, as Symbiont runs them.
    const page = await pool.query<PartnerRow>(partnerPageSql, [row.workspace_id, limit, offset]);
    const count = await pool.query<{ n: number }>(partnerCountSql, [row.workspace_id]);
    return {
      items: page.rows.map((p) => ({
        id: p.id,
        name: p.name,
        website: p.website,
        createdAt: p.created_at.toISOString(),
      })),
      total: count.rows[0]?.n ?? 0,
    };
  });

  await app.listen({ port: options.port, host: "127.0.0.1" });
  return { app, pool };
}

// In the worker thread: start, say "ready", and close on "stop".
if (!isMainThread && parentPort) {
  const port = parentPort;
  const options = workerData as BareServerOptions;
  startBareServer(options).then(
    ({ app, pool }) => {
      port.on("message", (message: unknown) => {
        if (message !== "stop") return;
        void app
          .close()
          .then(() => pool.end())
          .finally(() => port.postMessage("stopped"));
      });
      port.postMessage("ready");
    },
    (error: unknown) => port.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
}
