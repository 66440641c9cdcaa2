import { candidateColumns } from "../deals/conflicts";

/** What every account write derives from the entered fields: the conflict engine's match keys. */
export interface AccountMatchKeys {
  domain: string | null;
  phoneE164: string | null;
  country: string | null;
  nameNormalized: string;
  nameKeys: string[];
}

/**
 * The match keys of an account, computed by the same normalizers the conflict check probes with
 * (registrable domain, free-mail ignored; legal forms stripped; E.164 phone), so an account is
 * found by a registration however either side spelled the company.
 */
export function accountMatchKeys(input: {
  name: string;
  website?: string | null;
  domain?: string | null;
  country?: string | null;
  phone?: string | null;
}): AccountMatchKeys {
  const keys = candidateColumns({
    id: "",
    kind: "account",
    name: input.name,
    domain: input.domain ?? input.website ?? null,
    phone: input.phone ?? null,
    country: input.country ?? null,
  });
  return {
    domain: keys.domain,
    phoneE164: keys.phone_e164,
    country: keys.country,
    nameNormalized: keys.name_normalized,
    nameKeys: keys.name_keys,
  };
}
