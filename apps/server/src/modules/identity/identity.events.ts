// Events identity emits about partner organizations' people (onboarding reacts to them).
declare module "../../platform/events" {
  interface EventMap {
    /** A person joined a partner organization by accepting an invitation. */
    "partner_user.joined": { userId: string; role: string };
    /** Someone invited a person into a partner organization. */
    "partner_user.invited": { invitationId: string; email: string; role: string };
  }
}

export {};
