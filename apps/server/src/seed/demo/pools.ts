import type { PartnerType } from "@symbiont/contracts";
import { PARTNER_QUALITY_SD, type RoleEffect, roleEffects, roleGroupOf } from "./model";
import type { Random } from "./random";
import type { DemoPartner } from "./rows";

export interface PartnerProfile {
  partner: DemoPartner;
  effect: RoleEffect;
  /** The partner's own deviation of its role's win effect (0 in the control model). */
  quality: number;
}

/** Partners that can touch deals (activated), by region, ordered by activation time. */
export class PartnerPools {
  private readonly all: PartnerProfile[];
  private readonly byRegion = new Map<string, PartnerProfile[]>();

  constructor(partners: readonly DemoPartner[], random: Random, control: boolean) {
    const byActivation = [...partners]
      .filter((p) => p.activatedAt !== null)
      .sort((a, b) => (a.activatedAt ?? 0) - (b.activatedAt ?? 0) || a.id.localeCompare(b.id));
    this.all = byActivation.map((partner) => {
      const quality = PARTNER_QUALITY_SD * random.normal();
      const group = roleGroupOf[(partner.types[0] ?? "referral") as PartnerType] ?? "referral";
      return { partner, effect: roleEffects[group], quality: control ? 0 : quality };
    });
    for (const profile of this.all)
      for (const region of profile.partner.regions) {
        const pool = this.byRegion.get(region) ?? [];
        pool.push(profile);
        this.byRegion.set(region, pool);
      }
  }

  /** A partner active at `timeMs`, preferring the account's region; undefined when none was yet. */
  pick(random: Random, region: string, timeMs: number): PartnerProfile | undefined {
    for (const pool of [this.byRegion.get(region) ?? [], this.all]) {
      let low = 0;
      let high = pool.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((pool[mid]?.partner.activatedAt ?? 0) <= timeMs) low = mid + 1;
        else high = mid;
      }
      if (low > 0) return pool[Math.floor(random.next() * low)];
    }
    return undefined;
  }
}
