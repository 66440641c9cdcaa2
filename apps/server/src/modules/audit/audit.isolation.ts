import type { IsolationCase, IsolationContext } from "../../../test/isolation";

/** Audit log routes under the isolation matrix. */
export function auditIsolationCases(_context: IsolationContext): IsolationCase[] {
  return [
    {
      method: "GET",
      route: "/api/console/audit-events",
      allowed: ["admin"],
      request: () => ({ url: "/api/console/audit-events?limit=5" }),
      invalid: {
        request: () => ({ url: "/api/console/audit-events?before=99999999999999999999" }),
        path: "query.before",
      },
    },
  ];
}
