import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { transaction } from "../../db";
import { ensureAccount } from "./accounts.ensure";
import { accountMatchKeys } from "./accounts.keys";

const harness = useTestApp();
let world: World;
beforeAll(async () => {
  world = await createWorld(harness.database, "Accounts");
});
const source = () => ({ actor: { kind: "system" as const, workspaceId: world.workspaceId, label: "test" } });
const ensure = (input: { name: string; website?: string; country?: string }) =>
  transaction(harness.database, (tx) =>
    ensureAccount(tx, source(), { workspaceId: world.workspaceId, via: "test", ...input }),
  );

describe("accountMatchKeys", () => {
  it("derives the conflict engine's keys", () => {
    const keys = accountMatchKeys({ name: "Contoso Ltd.", website: "https://shop.contoso.co.uk/x", country: "gb" });
    expect(keys.domain).toBe("contoso.co.uk");
    expect(keys.country).toBe("GB");
    expect(keys.nameNormalized).toBe("contoso");
    expect(keys.nameKeys).toContain("contoso");
  });
});

describe("ensureAccount", () => {
  it("creates a prospect once and finds it again by domain or by name variant", async () => {
    const first = await ensure({ name: "Tailspin Toys GmbH", website: "tailspintoys.de", country: "DE" });
    expect(first.created).toBe(true);
    expect(first.account.status).toBe("prospect");
    const byDomain = await ensure({ name: "Tailspin", website: "https://www.tailspintoys.de" });
    expect(byDomain).toMatchObject({ created: false, account: { id: first.account.id } });
    const byName = await ensure({ name: "TAILSPIN TOYS", country: "DE" });
    expect(byName).toMatchObject({ created: false, account: { id: first.account.id } });
  });

  it("keeps companies with the same name but another domain apart", async () => {
    const a = await ensure({ name: "Northwind", website: "northwind.com", country: "US" });
    const b = await ensure({ name: "Northwind", website: "northwind-traders.net", country: "US" });
    expect(b.created).toBe(true);
    expect(b.account.id).not.toBe(a.account.id);
  });
});
