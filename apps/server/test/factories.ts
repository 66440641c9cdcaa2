import { randomUUID } from "node:crypto";
import type { PartnerRole, Role, VendorRole } from "@symbiont/contracts";
import { type Database, transaction } from "../src/db";
import { createUserDirectly, hashPassword } from "../src/modules/identity";
import { csrfTokenFor } from "../src/modules/identity/secrets";
import { createSession } from "../src/modules/identity/sessions";
import { partners } from "../src/modules/partners";
import { createWorkspace } from "../src/modules/workspaces";
import { testConfig } from "./app";

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;
/** Hashing is deliberately slow; every fixture user shares one hash of TEST_PASSWORD. */
export const testPasswordHash = () => {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
};

/** Credentials for one signed-in person: a session cookie and its CSRF token. */
export interface Caller {
  userId: string;
  email: string;
  role: Role;
  headers: Record<string, string>;
}

export interface World {
  workspaceId: string;
  partnerA: { id: string; name: string };
  partnerB: { id: string; name: string };
  /** Every vendor role, signed in. */
  vendor: Record<VendorRole, Caller>;
  /** Partner roles at partner A, signed in. */
  partnerUsers: Record<PartnerRole, Caller>;
  /** The partner admin of partner B (another partner in the same workspace). */
  partnerBAdmin: Caller;
}

export const vendorRoleList: VendorRole[] = ["admin", "partner_manager", "marketing", "finance", "analyst"];
export const partnerRoleList: PartnerRole[] = ["partner_admin", "partner_user"];

export const uniqueEmail = (prefix = "user") => `${prefix}-${randomUUID().slice(0, 8)}@example.test`;

/** A fresh workspace with two partners and a signed-in user for every role. */
export async function createWorld(database: Database, name = "Test Vendor"): Promise<World> {
  const hash = await testPasswordHash();
  const tag = randomUUID().slice(0, 8);
  return transaction(database, async (tx) => {
    const workspace = await createWorkspace(tx, { name: `${name} ${tag}`, slug: `test-${tag}` }, "test");
    const [a, b] = await tx
      .insert(partners)
      .values([
        { workspaceId: workspace.id, name: `Partner A ${tag}` },
        { workspaceId: workspace.id, name: `Partner B ${tag}` },
      ])
      .returning();
    if (!a || !b) throw new Error("partners not created");
    const signIn = async (role: Role, partnerId: string | null): Promise<Caller> => {
      const email = uniqueEmail(role);
      const user = await createUserDirectly(
        tx,
        { workspaceId: workspace.id, email, name: `${role} ${tag}`, role, partnerId, passwordHash: hash },
        "test",
      );
      const session = await createSession(tx, user, { ipAddress: "127.0.0.1", userAgent: "vitest" });
      return {
        userId: user.id,
        email,
        role,
        headers: {
          cookie: `symbiont_session=${session.token}`,
          "x-csrf-token": csrfTokenFor(session.sessionId, testConfig.sessionSecret),
        },
      };
    };
    const vendor = {} as Record<VendorRole, Caller>;
    for (const role of vendorRoleList) vendor[role] = await signIn(role, null);
    const partnerUsers = {} as Record<PartnerRole, Caller>;
    for (const role of partnerRoleList) partnerUsers[role] = await signIn(role, a.id);
    const partnerBAdmin = await signIn("partner_admin", b.id);
    return {
      workspaceId: workspace.id,
      partnerA: { id: a.id, name: a.name },
      partnerB: { id: b.id, name: b.name },
      vendor,
      partnerUsers,
      partnerBAdmin,
    };
  });
}

/** Every signed-in caller of a world, with the surface they belong to. */
export function everyCaller(world: World): Caller[] {
  return [...Object.values(world.vendor), ...Object.values(world.partnerUsers)];
}
