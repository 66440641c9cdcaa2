import { partnerStageLabels, partnerStageTransitions } from "@symbiont/contracts";
import type { ReactNode } from "react";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { ExternalIcon } from "../../../components/ui/icons";
import { formatDate } from "../../../lib/format";
import { Chips, displayHost, regionLabel, typeLabel, useCustomFieldDefinitions } from "./partnerUi";
import type { PartnerTabProps } from "./profileTabs";

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

const none = <span className="text-slate-400">—</span>;

export function OverviewTab({ partner }: PartnerTabProps) {
  const definitions = useCustomFieldDefinitions().data?.items ?? [];
  const next = partnerStageTransitions[partner.stage].map((stage) => partnerStageLabels[stage]).join(", ");
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <CardHeader title="Profile" />
        <CardBody>
          <dl className="grid gap-5 sm:grid-cols-2">
            <Detail label="Display name">{partner.name}</Detail>
            <Detail label="Legal name">{partner.legalName ?? none}</Detail>
            <Detail label="Website">
              {partner.website ? (
                <a
                  href={partner.website}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="inline-flex items-center gap-1 text-brand-700 hover:underline"
                >
                  {displayHost(partner.website)}
                  <ExternalIcon className="text-xs" />
                  <span className="sr-only">(opens in a new tab)</span>
                </a>
              ) : (
                none
              )}
            </Detail>
            <Detail label="Domain">{partner.domain ?? none}</Detail>
            <Detail label="HQ country">{partner.hqCountry ?? none}</Detail>
            <Detail label="Size">{partner.size ? `${partner.size} employees` : none}</Detail>
            <Detail label="Partner types">
              <Chips values={partner.types} label={typeLabel} />
            </Detail>
            <Detail label="Regions served">
              <Chips values={partner.regions} label={regionLabel} />
            </Detail>
            <Detail label="Industries">
              <Chips values={partner.industries} />
            </Detail>
            <Detail label="Specializations">
              <Chips values={partner.specializations} />
            </Detail>
            <Detail label="Tags">
              <Chips values={partner.tags} />
            </Detail>
            <Detail label="Partner manager">{partner.manager?.name ?? "Unassigned"}</Detail>
          </dl>
          {partner.description ? (
            <div className="mt-6 border-t border-slate-100 pt-4">
              <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">Description</h3>
              <p className="mt-1 text-sm whitespace-pre-line text-slate-800">{partner.description}</p>
            </div>
          ) : null}
        </CardBody>
      </Card>
      <div className="space-y-6">
        <Card>
          <CardHeader title="Lifecycle" headingLevel={3} />
          <CardBody>
            <dl className="space-y-4">
              <Detail label="Stage since">{formatDate(partner.stageChangedAt)}</Detail>
              <Detail label="Activated">{formatDate(partner.activatedAt, "Not yet")}</Detail>
              <Detail label="Can move to">{next || "—"}</Detail>
              <Detail label="Added">{formatDate(partner.createdAt)}</Detail>
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Programs" headingLevel={3} />
          <CardBody>
            {partner.programs.length === 0 ? (
              <p className="text-sm text-slate-500">Not in any program yet.</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {partner.programs.map((p) => (
                  <li key={p.programId} className="flex justify-between gap-2">
                    <span className="font-medium text-slate-900">{p.programName}</span>
                    <span className="text-slate-600">{p.tierName ?? "No tier"}</span>
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
        {definitions.length > 0 ? (
          <Card>
            <CardHeader title="Custom fields" headingLevel={3} />
            <CardBody>
              <dl className="space-y-4">
                {definitions.map((d) => (
                  <Detail key={d.id} label={d.label}>
                    {partner.customFields[d.key] ?? none}
                  </Detail>
                ))}
              </dl>
            </CardBody>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
