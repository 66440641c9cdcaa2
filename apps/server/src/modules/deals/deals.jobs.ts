import { z } from "zod";
import { defineJob } from "../../platform/jobs";
import { expireRegistrations, sweepApprovalSla } from "./deals.lifecycle";

/** Daily: approved registrations past their protection window expire; runners-up take over. */
export const expireRegistrationsJob = defineJob({
  name: "deals.expire-registrations",
  payload: z.object({}).passthrough(),
  cron: "15 0 * * *",
  async handler(_payload, { database, logger }) {
    const expired = await expireRegistrations(database);
    logger.info({ expired }, "registrations expired");
  },
});

/** Hourly: approval SLA reminders and escalations. */
export const registrationSlaJob = defineJob({
  name: "deals.registration-sla",
  payload: z.object({}).passthrough(),
  cron: "5 * * * *",
  async handler(_payload, { database, logger }) {
    logger.info(await sweepApprovalSla(database), "registration SLA sweep");
  },
});
