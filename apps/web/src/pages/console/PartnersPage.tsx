import { createPartnerBody, type PartnerRecord } from "@symbiont/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Card, CardHeader } from "../../components/ui/Card";
import { Dialog } from "../../components/ui/Dialog";
import { EmptyState } from "../../components/ui/EmptyState";
import { ErrorState } from "../../components/ui/ErrorState";
import { Input } from "../../components/ui/Field";
import { ExternalIcon, PartnersIcon, PlusIcon, SearchIcon } from "../../components/ui/icons";
import { PageHeader } from "../../components/ui/PageHeader";
import { Pagination } from "../../components/ui/Pagination";
import { type Column, DataTable } from "../../components/ui/Table";
import { useToast } from "../../components/ui/Toast";
import { ApiError, api } from "../../lib/api";
import { can, useCurrentUser } from "../../lib/auth";
import { formatDate, initials } from "../../lib/format";
import { errorMessage, type FieldErrors, fieldErrorsFromApi, validate } from "../../lib/forms";
import { useDebouncedValue } from "../../lib/hooks";
import { useDocumentTitle } from "../system";

const PAGE_SIZE = 25;

function displayHost(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, "");
  } catch {
    return url;
  }
}

export function PartnersPage() {
  useDocumentTitle("Partners");
  const user = useCurrentUser();
  const canCreate = can(user, "partners.create");
  const [query, setQuery] = useState("");
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const q = useDebouncedValue(query.trim());

  const partners = useQuery({
    queryKey: ["console", "partners", { q, offset }],
    queryFn: ({ signal }) => api.partners.list({ q: q || undefined, limit: PAGE_SIZE, offset }, signal),
    placeholderData: keepPreviousData,
  });

  const columns: Column<PartnerRecord>[] = [
    {
      key: "name",
      header: "Partner",
      cell: (partner) => (
        <div className="flex items-center gap-3">
          <span
            aria-hidden="true"
            className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-xs font-semibold text-brand-800 ring-1 ring-brand-600/10"
          >
            {initials(partner.name)}
          </span>
          <span className="font-medium text-slate-900">{partner.name}</span>
        </div>
      ),
    },
    {
      key: "website",
      header: "Website",
      cell: (partner) =>
        partner.website ? (
          <a
            href={partner.website}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex items-center gap-1 text-brand-700 hover:text-brand-900 hover:underline"
          >
            {displayHost(partner.website)}
            <ExternalIcon className="text-xs" />
            <span className="sr-only">(opens in a new tab)</span>
          </a>
        ) : (
          <span className="text-slate-400">—</span>
        ),
    },
    {
      key: "created",
      header: "Added",
      hideOnMobile: true,
      cell: (partner) => formatDate(partner.createdAt),
    },
  ];

  const createButton = canCreate ? (
    <Button icon={<PlusIcon />} onClick={() => setCreating(true)}>
      New partner
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title="Partners"
        description="The organizations in your partner program. Richer partner profiles, tiers and health scores are on the way."
        actions={createButton}
      />
      <Card>
        <CardHeader
          title="All partners"
          description={partners.data ? `${partners.data.total} in total` : undefined}
          actions={
            <search className="block w-full sm:w-72">
              <Input
                label="Search partners"
                hideLabel
                type="search"
                placeholder="Search partners"
                leading={<SearchIcon />}
                value={query}
                onChange={(event) => {
                  setQuery(event.target.value);
                  setOffset(0);
                }}
              />
            </search>
          }
        />
        {partners.isError ? (
          <ErrorState error={partners.error} onRetry={() => void partners.refetch()} />
        ) : (
          <>
            <DataTable
              caption="Partners"
              columns={columns}
              rows={partners.data?.items}
              rowKey={(partner) => partner.id}
              loading={partners.isPending}
              empty={
                <EmptyState
                  compact
                  headingLevel={3}
                  icon={<PartnersIcon />}
                  title={q ? "No partners match that search" : "No partners yet"}
                  description={
                    q
                      ? "Check the spelling, or search for part of the name."
                      : canCreate
                        ? "Add the first organization in your partner program."
                        : "Partners added by your team will appear here."
                  }
                  action={q ? undefined : createButton}
                />
              }
            />
            {partners.data ? (
              <Pagination
                offset={offset}
                limit={PAGE_SIZE}
                total={partners.data.total}
                onChange={setOffset}
                label="Partner pages"
              />
            ) : null}
          </>
        )}
      </Card>
      {canCreate ? <CreatePartnerDialog open={creating} onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function CreatePartnerDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New partner"
      description="Add an organization to your partner program."
    >
      {open ? <CreatePartnerForm onDone={onClose} /> : null}
    </Dialog>
  );
}

function CreatePartnerForm({ onDone }: { onDone: () => void }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [website, setWebsite] = useState("");
  const [errors, setErrors] = useState<FieldErrors<"name" | "website">>({});

  const create = useMutation({
    mutationFn: api.partners.create,
    onSuccess: (partner) => {
      toast.success("Partner added", `${partner.name} is now part of your program.`);
      void queryClient.invalidateQueries({ queryKey: ["console", "partners"] });
      onDone();
    },
    onError: (error) => {
      const fields: FieldErrors<"name" | "website"> = fieldErrorsFromApi(error);
      if (error instanceof ApiError && error.code === "PARTNER_NAME_TAKEN" && !fields.name) fields.name = error.message;
      setErrors(fields);
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    let site = website.trim();
    if (site && !/^https?:\/\//i.test(site)) site = `https://${site}`;
    const result = validate(createPartnerBody, { name, ...(site ? { website: site } : {}) });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    create.mutate(result.data);
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5" aria-label="New partner">
      {create.isError && Object.keys(errors).length === 0 ? (
        <Alert tone="danger">{errorMessage(create.error)}</Alert>
      ) : null}
      <Input
        label="Partner name"
        required
        autoComplete="organization"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={errors.name}
      />
      <Input
        label="Website"
        type="url"
        inputMode="url"
        placeholder="https://example.com"
        value={website}
        onChange={(event) => setWebsite(event.target.value)}
        error={errors.website}
        optional
      />
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={create.isPending} loadingText="Adding…">
          Add partner
        </Button>
      </div>
    </form>
  );
}
