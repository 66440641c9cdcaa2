// Lead and referral domain events (declaration merging on the platform's EventMap). Events about
// a lead are stored once per partner involved (sender and holder), so each partner's timeline
// shows them; `side` says which side the copy is for.

type Side = { leadId: string; company: string; side: "sender" | "recipient" | "vendor" };

declare module "../../platform/events" {
  interface EventMap {
    "lead.created": Side & { status: string };
    "lead.offered": Side & { toPartnerId: string; expiresAt: string | null };
    "lead.accepted": Side & { byPartnerId: string | null };
    "lead.declined": Side & { byPartnerId: string | null; reason: string };
    "lead.reassigned": Side & { fromPartnerId: string | null; toPartnerId: string | null; reason: string };
    "lead.pooled": Side;
    "lead.claimed": Side & { byPartnerId: string };
    "lead.status_changed": Side & { from: string; to: string; note: string | null; opportunityId: string | null };
    "referral.sent": Side & { fromPartnerId: string; toPartnerId: string | null; via: string };
    "referral.accepted": Side & { byPartnerId: string | null };
    "referral.declined": Side & { byPartnerId: string | null; reason: string };
    "referral.status_changed": Side & {
      from: string;
      to: string;
      note: string | null;
      opportunityId: string | null;
    };
  }
}

export {};
