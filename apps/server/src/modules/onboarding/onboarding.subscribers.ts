import { subscribe } from "../../platform/events";
import "../agreements/agreements.events";
import "../partners/partners.events";
import "./onboarding.events";
import { applySignal, countColleagues, profileComplete, startDefaultJourneys } from "./onboarding.progress";

// Journeys react to domain events in the emitting transaction: starting on activation, and
// completing steps when what they ask for happens.

let registered = false;

export function registerOnboardingSubscribers(): void {
  if (registered) return;
  registered = true;

  subscribe("partner.stage_changed", async (tx, event, source) => {
    if (!event.partnerId) return;
    if (event.payload.to !== "onboarding" && event.payload.to !== "active") return;
    await startDefaultJourneys(tx, source, event.workspaceId, event.partnerId, event.occurredAt);
  });

  subscribe("agreement.accepted", async (tx, event, source) => {
    if (!event.partnerId) return;
    const signal = { type: "accept_agreement" as const, agreementId: event.payload.agreementId };
    await applySignal(
      tx,
      source,
      event.workspaceId,
      event.partnerId,
      signal,
      `agreement.accepted#${event.id}`,
      event.occurredAt,
    );
  });

  subscribe("partner.updated", async (tx, event, source) => {
    if (!event.partnerId) return;
    if (!(await profileComplete(tx, event.workspaceId, event.partnerId))) return;
    const via = `partner.updated#${event.id}`;
    await applySignal(
      tx,
      source,
      event.workspaceId,
      event.partnerId,
      { type: "complete_profile" },
      via,
      event.occurredAt,
    );
  });

  // Inviting a colleague is the partner's part of the step; joining later keeps it done.
  for (const type of ["partner_user.invited", "partner_user.joined"] as const) {
    subscribe(type, async (tx, event, source) => {
      if (!event.partnerId) return;
      const colleagues = await countColleagues(tx, event.workspaceId, event.partnerId);
      const signal = { type: "invite_colleagues" as const, colleagues };
      await applySignal(
        tx,
        source,
        event.workspaceId,
        event.partnerId,
        signal,
        `${type}#${event.id}`,
        event.occurredAt,
      );
    });
  }

  subscribe("course.completed", async (tx, event, source) => {
    if (!event.partnerId) return;
    const signal = { type: "complete_course" as const, courseId: event.payload.courseId };
    await applySignal(
      tx,
      source,
      event.workspaceId,
      event.partnerId,
      signal,
      `course.completed#${event.id}`,
      event.occurredAt,
    );
  });

  subscribe("certification.earned", async (tx, event, source) => {
    if (!event.partnerId) return;
    const signal = { type: "earn_certification" as const, certificationId: event.payload.certificationId };
    const via = `certification.earned#${event.id}`;
    await applySignal(tx, source, event.workspaceId, event.partnerId, signal, via, event.occurredAt);
  });

  subscribe("deal.registered", async (tx, event, source) => {
    if (!event.partnerId) return;
    const signal = { type: "register_first_deal" as const };
    await applySignal(
      tx,
      source,
      event.workspaceId,
      event.partnerId,
      signal,
      `deal.registered#${event.id}`,
      event.occurredAt,
    );
  });

  subscribe("deal.won", async (tx, event, source) => {
    if (!event.partnerId) return;
    const signal = { type: "first_won_deal" as const };
    await applySignal(tx, source, event.workspaceId, event.partnerId, signal, `deal.won#${event.id}`, event.occurredAt);
  });
}

registerOnboardingSubscribers();
