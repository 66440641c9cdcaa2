import type { Role } from "@symbiont/contracts";
import { ref, type SeedContributor } from "../../seed/registry";
import { createUserDirectly } from "./identity.admin";
import { invitations } from "./identity.schema";
import { hashToken, randomToken } from "./secrets";

/** The demo logins documentation and checks rely on. Password: `symbiont-demo`. */
export const demoLogins = [
  { email: "admin@acme.example", name: "Avery Admin", role: "admin", partner: null, label: "vendor admin" },
  {
    email: "alex@northwind.example",
    name: "Alex Rivera",
    role: "partner_admin",
    partner: "northwind",
    label: "partner admin, Northwind Consulting",
  },
  {
    email: "sam@contoso-systems.example",
    name: "Sam Okafor",
    role: "partner_admin",
    partner: "contoso",
    label: "partner admin, Contoso Systems",
  },
] as const;

const otherPeople: { email: string; name: string; role: Role; partner: string | null }[] = [
  { email: "morgan@acme.example", name: "Morgan Lee", role: "partner_manager", partner: null },
  { email: "priya@acme.example", name: "Priya Natarajan", role: "marketing", partner: null },
  { email: "jonas@acme.example", name: "Jonas Berg", role: "finance", partner: null },
  { email: "dana@acme.example", name: "Dana Cohen", role: "analyst", partner: null },
  { email: "kim@northwind.example", name: "Kim Tanaka", role: "partner_user", partner: "northwind" },
  { email: "lee@contoso-systems.example", name: "Lee Martins", role: "partner_user", partner: "contoso" },
  { email: "ravi@fabrikam.example", name: "Ravi Shah", role: "partner_admin", partner: "fabrikam" },
];

export const identitySeed: SeedContributor = {
  module: "identity",
  async seed(context) {
    const { tx, workspace, demoPasswordHash, progress } = context;
    const people = [...demoLogins, ...otherPeople];
    for (const person of people) {
      const user = await createUserDirectly(
        tx,
        {
          workspaceId: workspace.id,
          email: person.email,
          name: person.name,
          role: person.role,
          partnerId: person.partner ? ref(context, `partner:${person.partner}`) : null,
          passwordHash: demoPasswordHash,
        },
        "demo seed",
      );
      context.refs.set(`user:${person.email}`, user.id);
    }
    const admin = ref(context, "user:admin@acme.example");
    await tx.insert(invitations).values([
      {
        workspaceId: workspace.id,
        email: "casey@acme.example",
        role: "partner_manager",
        tokenHash: hashToken(randomToken()),
        invitedBy: admin,
        expiresAt: new Date(Date.now() + 5 * 86_400_000),
      },
      {
        workspaceId: workspace.id,
        email: "jo@tailspin.example",
        role: "partner_admin",
        partnerId: ref(context, "partner:tailspin"),
        tokenHash: hashToken(randomToken()),
        invitedBy: admin,
        expiresAt: new Date(Date.now() + 6 * 86_400_000),
      },
    ]);
    progress(`${people.length} people and 2 pending invitations`);
  },
};
