import {
  createPartnerInvitationBody,
  createVendorInvitationBody,
  type InvitationRecord,
  isPartnerRole,
  partnerRoles,
  type Role,
  roleLabels,
  vendorRoles,
} from "@symbiont/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "../components/ui/Alert";
import { Badge, type BadgeTone } from "../components/ui/Badge";
import { Button } from "../components/ui/Button";
import { Card, CardHeader } from "../components/ui/Card";
import { CopyField } from "../components/ui/CopyField";
import { Dialog } from "../components/ui/Dialog";
import { EmptyState } from "../components/ui/EmptyState";
import { ErrorState } from "../components/ui/ErrorState";
import { Input, Select } from "../components/ui/Field";
import { MailIcon, PlusIcon } from "../components/ui/icons";
import { Pagination } from "../components/ui/Pagination";
import { type Column, DataTable } from "../components/ui/Table";
import { useToast } from "../components/ui/Toast";
import { api, type CreatedInvitation, type Surface } from "../lib/api";
import { formatDate, formatDateTime, formatRelative } from "../lib/format";
import { errorMessage, type FieldErrors, fieldErrorsFromApi, validate } from "../lib/forms";
import { absoluteUrl } from "../lib/hooks";

const PAGE_SIZE = 25;

const statusTone: Record<InvitationRecord["status"], BadgeTone> = {
  pending: "info",
  accepted: "success",
  revoked: "neutral",
  expired: "warning",
};
const statusLabel: Record<InvitationRecord["status"], string> = {
  pending: "Pending",
  accepted: "Accepted",
  revoked: "Revoked",
  expired: "Expired",
};

export function InvitationsPanel({ surface }: { surface: Surface }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<InvitationRecord | null>(null);

  const invitations = useQuery({
    queryKey: [surface, "invitations", { offset }],
    queryFn: ({ signal }) => api.invitations.list(surface, { limit: PAGE_SIZE, offset }, signal),
    placeholderData: keepPreviousData,
  });

  const revoke = useMutation({
    mutationFn: (id: string) => api.invitations.revoke(surface, id),
    onSuccess: () => {
      toast.success("Invitation revoked", "The link no longer works.");
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: [surface, "invitations"] });
    },
    onError: (error) => toast.error("Couldn't revoke the invitation", errorMessage(error)),
  });

  const columns: Column<InvitationRecord>[] = [
    {
      key: "email",
      header: "Email",
      cell: (inv) => (
        <div className="min-w-0">
          <p className="truncate font-medium text-slate-900">{inv.email}</p>
          {inv.invitedBy ? <p className="truncate text-slate-500">Invited by {inv.invitedBy}</p> : null}
        </div>
      ),
    },
    {
      key: "role",
      header: "Role",
      cell: (inv) => (
        <div className="space-y-0.5">
          <Badge tone={isPartnerRole(inv.role) ? "info" : "neutral"}>{roleLabels[inv.role]}</Badge>
          {inv.partnerName && surface === "console" ? (
            <p className="text-xs text-slate-500">{inv.partnerName}</p>
          ) : null}
        </div>
      ),
    },
    {
      key: "status",
      header: "Status",
      cell: (inv) => <Badge tone={statusTone[inv.status]}>{statusLabel[inv.status]}</Badge>,
    },
    {
      key: "dates",
      header: "Expires",
      hideOnMobile: true,
      cell: (inv) =>
        inv.status === "accepted" ? (
          <span title={formatDateTime(inv.acceptedAt)}>Accepted {formatRelative(inv.acceptedAt)}</span>
        ) : (
          <span title={formatDateTime(inv.expiresAt)}>{formatDate(inv.expiresAt)}</span>
        ),
    },
    {
      key: "actions",
      header: <span className="sr-only">Actions</span>,
      align: "right",
      cell: (inv) =>
        inv.status === "pending" ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => setRevoking(inv)}
            aria-label={`Revoke invitation for ${inv.email}`}
          >
            Revoke
          </Button>
        ) : null,
    },
  ];

  return (
    <Card>
      <CardHeader
        title="Invitations"
        description="Invitation links are single-use and expire. Pending invitations can be revoked."
        actions={
          <Button icon={<PlusIcon />} onClick={() => setCreating(true)}>
            Invite someone
          </Button>
        }
      />
      {invitations.isError ? (
        <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : (
        <>
          <DataTable
            caption="Invitations"
            columns={columns}
            rows={invitations.data?.items}
            rowKey={(inv) => inv.id}
            loading={invitations.isPending}
            empty={
              <EmptyState
                compact
                headingLevel={3}
                icon={<MailIcon />}
                title="No invitations yet"
                description="Invite a colleague and they'll get a link to set up their account."
                action={
                  <Button variant="secondary" icon={<PlusIcon />} onClick={() => setCreating(true)}>
                    Invite someone
                  </Button>
                }
              />
            }
          />
          {invitations.data ? (
            <Pagination
              offset={offset}
              limit={PAGE_SIZE}
              total={invitations.data.total}
              onChange={setOffset}
              label="Invitation pages"
            />
          ) : null}
        </>
      )}

      <InviteDialog surface={surface} open={creating} onClose={() => setCreating(false)} />

      <Dialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title="Revoke invitation?"
        size="sm"
        footer={
          <>
            <Button variant="secondary" onClick={() => setRevoking(null)}>
              Cancel
            </Button>
            <Button
              variant="danger"
              loading={revoke.isPending}
              onClick={() => revoking && revoke.mutate(revoking.id)}
              data-autofocus
            >
              Revoke invitation
            </Button>
          </>
        }
      >
        <p className="text-sm text-slate-600">
          The link sent to <strong className="font-medium text-slate-900">{revoking?.email}</strong> will stop working
          immediately. You can always invite them again.
        </p>
      </Dialog>
    </Card>
  );
}

function InviteDialog({ surface, open, onClose }: { surface: Surface; open: boolean; onClose: () => void }) {
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  function close() {
    setCreated(null);
    onClose();
  }
  return (
    <Dialog
      open={open}
      onClose={close}
      title={created ? "Invitation created" : "Invite someone"}
      description={
        created
          ? undefined
          : surface === "console"
            ? "Add staff, or people at one of your partners."
            : "Add a colleague from your organization."
      }
      footer={
        created ? (
          <Button onClick={close} data-autofocus>
            Done
          </Button>
        ) : undefined
      }
    >
      {created ? (
        <div className="space-y-4">
          <Alert tone="success" live="status">
            {created.invitation.email} can now join as {roleLabels[created.invitation.role]}.
          </Alert>
          <CopyField
            label="Invitation link"
            value={absoluteUrl(created.acceptUrl)}
            hint={`Email delivery isn't set up yet, so send this link yourself. It works once and expires ${formatDateTime(created.invitation.expiresAt)}.`}
          />
        </div>
      ) : open ? (
        <InviteForm surface={surface} onCancel={close} onCreated={setCreated} />
      ) : null}
    </Dialog>
  );
}

type InviteField = "email" | "role" | "partnerId" | "expiresInDays";

function InviteForm({
  surface,
  onCancel,
  onCreated,
}: {
  surface: Surface;
  onCancel: () => void;
  onCreated: (created: CreatedInvitation) => void;
}) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>(surface === "console" ? "partner_manager" : "partner_user");
  const [partnerId, setPartnerId] = useState("");
  const [expiresInDays, setExpiresInDays] = useState("7");
  const [errors, setErrors] = useState<FieldErrors<InviteField>>({});
  const partnerSide = isPartnerRole(role);

  const partners = useQuery({
    queryKey: ["console", "partners", "options"],
    queryFn: ({ signal }) => api.partners.list({ limit: 200 }, signal),
    enabled: surface === "console" && partnerSide,
  });

  const create = useMutation({
    mutationFn: (body: Parameters<typeof api.invitations.create>[1]) => api.invitations.create(surface, body),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: [surface, "invitations"] });
      onCreated(created);
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error)),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = {
      email,
      role,
      expiresInDays: Number(expiresInDays),
      ...(surface === "console" && partnerSide && partnerId ? { partnerId } : {}),
    };
    const result =
      surface === "console"
        ? validate(createVendorInvitationBody, values)
        : validate(createPartnerInvitationBody, values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    create.mutate(result.data);
  }

  const roleChoices = surface === "console" ? null : partnerRoles;

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5" aria-label="Invite someone">
      {create.isError && Object.keys(errors).length === 0 ? (
        <Alert tone="danger">{errorMessage(create.error)}</Alert>
      ) : null}
      <Input
        label="Email address"
        type="email"
        autoComplete="off"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={errors.email}
      />
      <Select label="Role" value={role} onChange={(event) => setRole(event.target.value as Role)} error={errors.role}>
        {roleChoices ? (
          roleChoices.map((option) => (
            <option key={option} value={option}>
              {roleLabels[option]}
            </option>
          ))
        ) : (
          <>
            <optgroup label="Your staff">
              {vendorRoles.map((option) => (
                <option key={option} value={option}>
                  {roleLabels[option]}
                </option>
              ))}
            </optgroup>
            <optgroup label="People at a partner">
              {partnerRoles.map((option) => (
                <option key={option} value={option}>
                  {roleLabels[option]}
                </option>
              ))}
            </optgroup>
          </>
        )}
      </Select>
      {surface === "console" && partnerSide ? (
        <Select
          label="Partner organization"
          value={partnerId}
          onChange={(event) => setPartnerId(event.target.value)}
          error={errors.partnerId ?? (partners.isError ? errorMessage(partners.error) : undefined)}
          disabled={partners.isPending}
          required
          hint={partners.data?.items.length === 0 ? "Create a partner on the Partners page first." : undefined}
        >
          <option value="">{partners.isPending ? "Loading partners…" : "Choose a partner"}</option>
          {partners.data?.items.map((partner) => (
            <option key={partner.id} value={partner.id}>
              {partner.name}
            </option>
          ))}
        </Select>
      ) : null}
      <Select
        label="Link expires after"
        value={expiresInDays}
        onChange={(event) => setExpiresInDays(event.target.value)}
        error={errors.expiresInDays}
      >
        {[1, 3, 7, 14, 30].map((days) => (
          <option key={days} value={String(days)}>
            {days === 1 ? "1 day" : `${days} days`}
          </option>
        ))}
      </Select>
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={create.isPending} loadingText="Creating…">
          Create invitation
        </Button>
      </div>
    </form>
  );
}
