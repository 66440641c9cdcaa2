import { z } from "zod";

export const id = z.uuid();
export const idParams = z.object({ id: z.uuid() });

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address" }).max(254));

/** Rules for new passwords: long beats clever. */
export const newPassword = z
  .string()
  .min(10, { message: "Use at least 10 characters" })
  .max(256, { message: "Use at most 256 characters" });

export const personName = z.string().trim().min(1, { message: "Enter a name" }).max(120);

export const timestamp = z.iso.datetime({ offset: true });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PageQuery = z.infer<typeof pageQuery>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
