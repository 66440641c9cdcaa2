import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app";
import { createWorld, type World } from "../../test/factories";

// Hostile input anywhere must get a 4xx answer, never a 5xx: throw arbitrary JSON bodies, query
// strings and path parameters at every API route, as a vendor admin and as a partner admin.
const harness = useTestApp();
let world: World;

beforeAll(async () => {
  world = await createWorld(harness.database, "Robustness");
});

// Signing out would end the very session the fuzzing uses; its input is only a cookie anyway.
const skipped = new Set(["POST /api/auth/logout"]);

const segment = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 40 }),
  fc.constantFrom("0", "-1", "null", "%00", "..", "a".repeat(300)),
);
// Edge values are weighted up: they are where parsers and casts break.
const queryValue = fc.oneof(
  { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
  { arbitrary: fc.integer().map(String), weight: 1 },
  {
    arbitrary: fc.constantFrom("", "[]", "-1", "1e99", "99999999999999999999", "2026-13-45T99:99:99Z", "NaN", "%"),
    weight: 4,
  },
);
const query = fc.dictionary(
  fc.constantFrom("limit", "offset", "q", "before", "from", "to", "action", "entityId", "role", "x"),
  queryValue,
  { maxKeys: 4 },
);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      email: fc.oneof(fc.emailAddress(), fc.string()),
      name: fc.oneof(fc.string({ maxLength: 300 }), fc.integer()),
      role: fc.oneof(fc.constantFrom("admin", "analyst", "partner_user", "owner"), fc.string()),
      partnerId: fc.oneof(fc.uuid(), fc.string()),
      password: fc.string({ maxLength: 300 }),
      newPassword: fc.string({ maxLength: 300 }),
      currentPassword: fc.string(),
      token: fc.string({ maxLength: 300 }),
      expiresInDays: fc.oneof(fc.integer(), fc.double(), fc.string()),
      disabled: fc.oneof(fc.boolean(), fc.string()),
      website: fc.oneof(fc.webUrl(), fc.string()),
    },
    { requiredKeys: [] },
  ),
);

function fillPath(url: string, values: string[]): string {
  let index = 0;
  return url.replace(/:[a-zA-Z]+/g, () => encodeURIComponent(values[index++] ?? "x"));
}

describe("hostile input", () => {
  it("never gets a 5xx from any API route", async () => {
    const routes = harness.app.routeTable.filter(
      (route) => route.url.startsWith("/api/") && !skipped.has(`${route.method} ${route.url}`),
    );
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      for (const caller of [world.vendor.admin, world.partnerUsers.partner_admin]) {
        await fc.assert(
          fc.asyncProperty(
            fc.array(segment, { minLength: 2, maxLength: 2 }),
            query,
            body,
            async (params, search, payload) => {
              const url = `${fillPath(route.url, params)}?${new URLSearchParams(search)}`;
              const hasBody = route.method !== "GET" && route.method !== "DELETE";
              const response = await harness.app.inject({
                method: route.method as "GET",
                url,
                headers: caller.headers,
                ...(hasBody
                  ? {
                      payload: JSON.stringify(payload),
                      headers: { ...caller.headers, "content-type": "application/json" },
                    }
                  : {}),
              });
              if (response.statusCode >= 500) {
                throw new Error(`${route.method} ${url} → ${response.statusCode} ${response.body}`);
              }
            },
          ),
          { numRuns: 30, seed: 20261123 },
        );
      }
    }
  }, 120_000);

  it("never gets a 5xx for any edge value in any query parameter of a list route", async () => {
    const keys = ["limit", "offset", "q", "before", "from", "to", "action", "entityType", "entityId", "actorId"];
    const values = [
      "",
      "[]",
      "-1",
      "1e99",
      "99999999999999999999",
      "2026-13-45T99:99:99Z",
      "NaN",
      "%",
      "a".repeat(500),
    ];
    const lists = harness.app.routeTable.filter(
      (route) => route.method === "GET" && route.url.startsWith("/api/") && !route.url.includes(":"),
    );
    for (const route of lists) {
      for (const caller of [world.vendor.admin, world.partnerUsers.partner_admin]) {
        for (const key of keys) {
          for (const value of values) {
            const url = `${route.url}?${new URLSearchParams({ [key]: value })}`;
            const response = await harness.app.inject({ method: "GET", url, headers: caller.headers });
            expect(response.statusCode, `${url} → ${response.body}`).toBeLessThan(500);
          }
        }
      }
    }
  }, 120_000);
});
