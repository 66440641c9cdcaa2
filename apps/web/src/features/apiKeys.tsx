import { type ApiKeyRecord, type Role, roleLabels } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "../components/ui/Alert";
import { Badge } from "../components/ui/Badge";
import { Button } from "../components/ui/Button";
import { Card, CardHeader } from "../components/ui/Card";
import { CopyField } from "../components/ui/CopyField";
import { Dialog } from "../components/ui/Dialog";
import { EmptyState } from "../components/ui/EmptyState";
import { ErrorState } from "../components/ui/ErrorState";
import { Input, Select } from "../components/ui/Field";
import { KeyIcon, PlusIcon } from "../components/ui/icons";
import { type Column, DataTable } from "../components/ui/Table";
import { useToast } from "../components/ui/Toast";
import { api, type Surface } from "../lib/api";
import { formatDate, formatDateTime, formatRelative } from "../lib/format";
import { errorMessage, type FieldErrors, fieldErrorsFromApi } from "../lib/forms";

function keyState(key: ApiKeyRecord): "active" | "revoked" | "expired" {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= Date.now()) return "expired";
  return "active";
}

export function ApiKeysPanel({ surface, roleOptions }: { surface: Surface; roleOptions: readonly Role[] }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyRecord | null>(null);

  const keys = useQuery({
    queryKey: [surface, "api-keys"],
    queryFn: ({ signal }) => api.apiKeys.list(surface, signal),
  });

  const revoke = useMutation({
    mutationFn: (id: string) => api.apiKeys.revoke(surface, id),
    onSuccess: () => {
      toast.success("API key revoked", "Requests using it are now refused.");
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: [surface, "api-keys"] });
    },
    onError: (error) => toast.error("Couldn't revoke the key", errorMessage(error)),
  });

  const rows = keys.data?.items
    ? [...keys.data.items].sort((a, b) => Number(keyState(a) !== "active") - Number(keyState(b) !== "active"))
    : undefined;

  const columns: Column<ApiKeyRecord>[] = [
    {
      key: "name",
      header: "Name",
      cell: (key) => (
        <div className="min-w-0">
          <p className="truncate font-medium text-slate-900">{key.name}</p>
          <p className="font-mono text-xs text-slate-500">{key.prefix}…</p>
        </div>
      ),
    },
    { key: "role", header: "Role", cell: (key) => <Badge>{roleLabels[key.role]}</Badge> },
    {
      key: "status",
      header: "Status",
      cell: (key) => {
        const state = keyState(key);
        return state === "active" ? (
          <Badge tone="success" dot>
            Active
          </Badge>
        ) : state === "revoked" ? (
          <Badge tone="neutral">Revoked</Badge>
        ) : (
          <Badge tone="warning">Expired</Badge>
        );
      },
    },
    {
      key: "used",
      header: "Last used",
      hideOnMobile: true,
      cell: (key) => <span title={formatDateTime(key.lastUsedAt)}>{formatRelative(key.lastUsedAt, "Never used")}</span>,
    },
    {
      key: "expires",
      header: "Expires",
      hideOnMobile: true,
      cell: (key) => (key.expiresAt ? formatDate(key.expiresAt) : "Never"),
    },
    {
      key: "created",
      header: "Created",
      hideBelowXl: true,
      cell: (key) => (
        <span>
          {formatDate(key.createdAt)}
          {key.createdBy ? <span className="block text-xs text-slate-500">by {key.createdBy}</span> : null}
        </span>
      ),
    },
    {
      key: "actions",
      header: <span className="sr-only">Actions</span>,
      align: "right",
      cell: (key) =>
        keyState(key) === "active" ? (
          <Button variant="ghost" size="sm" onClick={() => setRevoking(key)} aria-label={`Revoke API key ${key.name}`}>
            Revoke
          </Button>
        ) : null,
    },
  ];

  return (
    <Card>
      <CardHeader
        title="API keys"
        description="Keys let scripts and integrations call the Symbiont API with a fixed role."
        actions={
          <Button icon={<PlusIcon />} onClick={() => setCreating(true)}>
            Create API key
          </Button>
        }
      />
      {keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />
      ) : (
        <DataTable
          caption="API keys"
          columns={columns}
          rows={rows}
          rowKey={(key) => key.id}
          loading={keys.isPending}
          empty={
            <EmptyState
              compact
              headingLevel={3}
              icon={<KeyIcon />}
              title="No API keys yet"
              description="Create a key for each integration so you can revoke one without breaking the others."
            />
          }
        />
      )}

      <CreateKeyDialog surface={surface} roleOptions={roleOptions} open={creating} onClose={() => setCreating(false)} />

      <Dialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title="Revoke API key?"
        size="sm"
        footer={
          <>
            <Button variant="secondary" onClick={() => setRevoking(null)}>
              Cancel
            </Button>
            <Button variant="danger" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking.id)}>
              Revoke key
            </Button>
          </>
        }
      >
        <p className="text-sm text-slate-600">
          Anything using <strong className="font-medium text-slate-900">{revoking?.name}</strong> will stop working
          right away. This can't be undone.
        </p>
      </Dialog>
    </Card>
  );
}

function CreateKeyDialog({
  surface,
  roleOptions,
  open,
  onClose,
}: {
  surface: Surface;
  roleOptions: readonly Role[];
  open: boolean;
  onClose: () => void;
}) {
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  function close() {
    setSecret(null);
    onClose();
  }
  return (
    <Dialog
      open={open}
      onClose={close}
      title={secret ? "Copy your new API key" : "Create API key"}
      description={
        secret ? undefined : "Name the key after what will use it, and give it the smallest role that works."
      }
      footer={
        secret ? (
          <Button onClick={close} data-autofocus>
            I've copied it
          </Button>
        ) : undefined
      }
    >
      {secret ? (
        <div className="space-y-4">
          <Alert tone="warning" title="This key will not be shown again" live="status">
            Copy it now and store it somewhere safe, such as your secrets manager. If you lose it, revoke it and create
            a new one.
          </Alert>
          <CopyField label={`Secret for ${secret.name}`} value={secret.value} />
          <p className="text-sm text-slate-500">
            Send it as{" "}
            <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs">
              Authorization: Bearer &lt;key&gt;
            </code>
            .
          </p>
        </div>
      ) : open ? (
        <CreateKeyForm
          surface={surface}
          roleOptions={roleOptions}
          onCancel={close}
          onCreated={(name, value) => setSecret({ name, value })}
        />
      ) : null}
    </Dialog>
  );
}

function CreateKeyForm({
  surface,
  roleOptions,
  onCancel,
  onCreated,
}: {
  surface: Surface;
  roleOptions: readonly Role[];
  onCancel: () => void;
  onCreated: (name: string, secret: string) => void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>(roleOptions[roleOptions.length - 1] ?? "analyst");
  const [expires, setExpires] = useState("90");
  const [errors, setErrors] = useState<FieldErrors<"name" | "role" | "expiresInDays">>({});

  const create = useMutation({
    mutationFn: (body: { name: string; role: Role; expiresInDays?: number }) => api.apiKeys.create(surface, body),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: [surface, "api-keys"] });
      onCreated(created.apiKey.name, created.secret);
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error)),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setErrors({ name: "Name the key after what uses it" });
      return;
    }
    if (trimmed.length > 80) {
      setErrors({ name: "Use at most 80 characters" });
      return;
    }
    setErrors({});
    create.mutate({ name: trimmed, role, ...(expires === "never" ? {} : { expiresInDays: Number(expires) }) });
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5" aria-label="Create API key">
      {create.isError && Object.keys(errors).length === 0 ? (
        <Alert tone="danger">{errorMessage(create.error)}</Alert>
      ) : null}
      <Input
        label="Key name"
        placeholder="e.g. CRM sync"
        required
        maxLength={80}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={errors.name}
      />
      <Select
        label="Role"
        value={role}
        onChange={(event) => setRole(event.target.value as Role)}
        error={errors.role}
        hint="The key can do exactly what a person with this role can."
      >
        {roleOptions.map((option) => (
          <option key={option} value={option}>
            {roleLabels[option]}
          </option>
        ))}
      </Select>
      <Select
        label="Expires"
        value={expires}
        onChange={(event) => setExpires(event.target.value)}
        error={errors.expiresInDays}
      >
        <option value="30">In 30 days</option>
        <option value="90">In 90 days</option>
        <option value="180">In 180 days</option>
        <option value="365">In 1 year</option>
        <option value="730">In 2 years</option>
        <option value="never">Never</option>
      </Select>
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={create.isPending} loadingText="Creating…">
          Create key
        </Button>
      </div>
    </form>
  );
}
