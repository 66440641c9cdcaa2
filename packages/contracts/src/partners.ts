import { z } from "zod";
import { pageOf, timestamp } from "./common";

/** Minimal partner organization; the partner capability extends it. */
export const partnerRecord = z
  .object({
    id: z.uuid(),
    name: z.string(),
    website: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "Partner" });
export type PartnerRecord = z.infer<typeof partnerRecord>;
export const partnerPage = pageOf(partnerRecord);
export type PartnerPage = z.infer<typeof partnerPage>;

export const partnerListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const createPartnerBody = z.object({
  name: z.string().trim().min(2, { message: "Use at least 2 characters" }).max(200),
  website: z.url({ message: "Enter a full URL such as https://example.com" }).max(300).optional(),
});
export type CreatePartnerBody = z.input<typeof createPartnerBody>;
