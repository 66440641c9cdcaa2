import type { Role } from "@symbiont/contracts";
import type { FastifyInstance, InjectOptions } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db";
import { type Caller, createWorld, everyCaller, type World } from "./factories";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** What case builders may use: the test database (read it inside requests, not at definition). */
export interface IsolationContext {
  database(): Database;
  app(): FastifyInstance;
}

export interface RouteRequest {
  url: string;
  body?: unknown;
  /** Extra headers, e.g. the Content-Type of a raw upload. */
  headers?: Record<string, string>;
}

/**
 * One route under the isolation matrix. `request` builds a valid request on a record of `world`
 * (called afresh for every check, so mutations never collide).
 */
export interface IsolationCase {
  method: Method;
  /** The route as declared, for the test names. */
  route: string;
  /** Roles allowed to call it; every other role must get 403. */
  allowed: readonly Role[];
  request(world: World, caller: Caller): Promise<RouteRequest> | RouteRequest;
  /** The status of a successful call (default 200). */
  okStatus?: number;
  /** A request naming a record of another workspace: must answer 404. */
  otherWorkspace?(world: World, other: World, caller: Caller): Promise<RouteRequest> | RouteRequest;
  /** A request naming a record of another partner in the same workspace: must answer 404. */
  otherPartner?(world: World, caller: Caller): Promise<RouteRequest> | RouteRequest;
  /** An invalid request: must answer 400 naming `path`. */
  invalid?: { request(world: World, caller: Caller): Promise<RouteRequest> | RouteRequest; path: string };
}

export function inject(app: FastifyInstance, method: Method, request: RouteRequest, caller: Caller | null) {
  const options: InjectOptions = {
    method,
    url: request.url,
    headers: { ...(request.headers ?? {}), ...(caller?.headers ?? {}) },
  };
  if (request.body !== undefined) options.payload = request.body as InjectOptions["payload"];
  return app.inject(options);
}

/**
 * The matrix every route must pass: unauthenticated → 401, a role that may not → 403, the
 * allowed roles → success, another workspace's and another partner's records → 404, bad input →
 * 400 naming the field.
 */
export function describeIsolation(
  harness: { readonly app: FastifyInstance; readonly database: Database },
  cases: readonly IsolationCase[],
): void {
  let world: World;
  let other: World;
  beforeAll(async () => {
    world = await createWorld(harness.database, "Isolation");
    other = await createWorld(harness.database, "Other");
  });

  for (const testCase of cases) {
    describe(`${testCase.method} ${testCase.route}`, () => {
      it("answers 401 without credentials", async () => {
        const anyAllowed = callerWithRole(world, testCase.allowed[0] ?? "admin");
        const response = await inject(harness.app, testCase.method, await testCase.request(world, anyAllowed), null);
        expect(response.statusCode, response.body).toBe(401);
        expect(response.json().code).toMatch(/UNAUTHENTICATED|API_KEY/);
      });

      it("answers 403 to every role that may not call it", async () => {
        const denied = everyCaller(world).filter((caller) => !testCase.allowed.includes(caller.role));
        for (const caller of denied) {
          const response = await inject(harness.app, testCase.method, await testCase.request(world, caller), caller);
          expect(response.statusCode, `${caller.role}: ${response.body}`).toBe(403);
          expect(response.json().code, caller.role).toBe("FORBIDDEN");
        }
      });

      it("succeeds for every allowed role", async () => {
        for (const role of testCase.allowed) {
          const caller = callerWithRole(world, role);
          const response = await inject(harness.app, testCase.method, await testCase.request(world, caller), caller);
          expect(response.statusCode, `${role}: ${response.body}`).toBe(testCase.okStatus ?? 200);
        }
      });

      const { otherWorkspace, otherPartner, invalid } = testCase;
      if (otherWorkspace) {
        it("answers 404 for another workspace's record", async () => {
          for (const role of testCase.allowed) {
            const caller = callerWithRole(world, role);
            const response = await inject(
              harness.app,
              testCase.method,
              await otherWorkspace(world, other, caller),
              caller,
            );
            expect(response.statusCode, `${role}: ${response.body}`).toBe(404);
          }
        });
      }
      if (otherPartner) {
        it("answers 404 for another partner's record", async () => {
          for (const role of testCase.allowed) {
            const caller = callerWithRole(world, role);
            const response = await inject(harness.app, testCase.method, await otherPartner(world, caller), caller);
            expect(response.statusCode, `${role}: ${response.body}`).toBe(404);
          }
        });
      }
      if (invalid) {
        it(`answers 400 naming ${invalid.path} for invalid input`, async () => {
          const caller = callerWithRole(world, testCase.allowed[0] ?? "admin");
          const response = await inject(harness.app, testCase.method, await invalid.request(world, caller), caller);
          expect(response.statusCode, response.body).toBe(400);
          const paths = (response.json().details?.issues ?? []).map((issue: { path: string }) => issue.path);
          expect(paths).toContain(invalid.path);
        });
      }
    });
  }
}

export function callerWithRole(world: World, role: Role): Caller {
  if (role === "partner_admin" || role === "partner_user") return world.partnerUsers[role];
  return world.vendor[role];
}
