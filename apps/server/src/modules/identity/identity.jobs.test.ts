import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app";
import { createWorld, type World } from "../../../test/factories";
import { insertInvitation } from "../../../test/records";
import { transaction } from "../../db";
import { auditEvents } from "../../platform/audit";
import { JobQueue } from "../../platform/jobs";
import { createLogger } from "../../platform/logging";
import { expireInvitationsJob } from "./identity.jobs";
import { invitations } from "./identity.schema";

const harness = useTestApp();
let world: World;

beforeAll(async () => {
  world = await createWorld(harness.database, "Jobs");
});

async function invitationState(id: string) {
  const [row] = await harness.database.db.select().from(invitations).where(eq(invitations.id, id));
  return row;
}

describe("invitation expiry job", () => {
  it("marks overdue invitations expired, audits it, and leaves current ones alone", async () => {
    const overdue = await insertInvitation(harness.database, world.workspaceId, {
      expiresAt: new Date(Date.now() - 60_000),
    });
    const current = await insertInvitation(harness.database, world.workspaceId);
    await harness.deps.jobs.runNow(expireInvitationsJob, {});
    expect((await invitationState(overdue.id))?.expiredAt).toBeInstanceOf(Date);
    expect((await invitationState(current.id))?.expiredAt).toBeNull();
    const events = await harness.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, overdue.id));
    expect(events.map((e) => [e.action, e.actorType])).toContainEqual(["invitation.expired", "system"]);
  });

  it("runs through the queue on a worker, enqueued inside a transaction", async () => {
    const overdue = await insertInvitation(harness.database, world.workspaceId, {
      expiresAt: new Date(Date.now() - 60_000),
    });
    const worker = new JobQueue(harness.database, createLogger("silent"), [expireInvitationsJob]);
    await worker.start({ worker: true });
    try {
      await transaction(harness.database, (tx) => harness.deps.jobs.enqueue(tx, expireInvitationsJob, {}));
      const deadline = Date.now() + 20_000;
      while (!(await invitationState(overdue.id))?.expiredAt && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect((await invitationState(overdue.id))?.expiredAt).toBeInstanceOf(Date);
    } finally {
      await worker.stop();
    }
  });

  it("enqueues nothing when the business transaction rolls back", async () => {
    const before = await harness.deps.jobs.count(expireInvitationsJob.name, "created");
    await expect(
      transaction(harness.database, async (tx) => {
        await harness.deps.jobs.enqueue(tx, expireInvitationsJob, {});
        throw new Error("business rule failed");
      }),
    ).rejects.toThrow("business rule failed");
    expect(await harness.deps.jobs.count(expireInvitationsJob.name, "created")).toBe(before);
  });
});
