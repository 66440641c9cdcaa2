import { isPartnerRole, type Role, roleLabels, type UserRecord } from "@symbiont/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "../components/ui/Alert";
import { Badge } from "../components/ui/Badge";
import { Button } from "../components/ui/Button";
import { Card, CardHeader } from "../components/ui/Card";
import { CopyField } from "../components/ui/CopyField";
import { Dialog } from "../components/ui/Dialog";
import { EmptyState } from "../components/ui/EmptyState";
import { ErrorState } from "../components/ui/ErrorState";
import { Checkbox, Input, Select } from "../components/ui/Field";
import { SearchIcon, UsersIcon } from "../components/ui/icons";
import { Pagination } from "../components/ui/Pagination";
import { type Column, DataTable } from "../components/ui/Table";
import { useToast } from "../components/ui/Toast";
import { api, type Surface, type UserPatch } from "../lib/api";
import { formatDateTime, formatRelative, initials } from "../lib/format";
import { errorMessage, type FieldErrors, fieldErrorsFromApi } from "../lib/forms";
import { useDebouncedValue } from "../lib/hooks";

const PAGE_SIZE = 25;

export function UserStatus({ user }: { user: UserRecord }) {
  if (user.disabled) return <Badge tone="danger">Disabled</Badge>;
  if (user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now()) {
    return <Badge tone="warning">Locked until {formatDateTime(user.lockedUntil)}</Badge>;
  }
  return (
    <Badge tone="success" dot>
      Active
    </Badge>
  );
}

export function UsersPanel({
  surface,
  title,
  description,
  canManage,
  currentUserId,
  roleOptions,
}: {
  surface: Surface;
  title: string;
  description: string;
  canManage: boolean;
  currentUserId: string;
  /** Roles an admin may assign on this surface. */
  roleOptions: readonly Role[];
}) {
  const [query, setQuery] = useState("");
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<UserRecord | null>(null);
  const q = useDebouncedValue(query.trim());

  const users = useQuery({
    queryKey: [surface, "users", { q, offset }],
    queryFn: ({ signal }) => api.users.list(surface, { q: q || undefined, limit: PAGE_SIZE, offset }, signal),
    placeholderData: keepPreviousData,
  });

  const columns: Column<UserRecord>[] = [
    {
      key: "name",
      header: "Name",
      cell: (user) => (
        <div className="flex items-center gap-3">
          <span
            aria-hidden="true"
            className="flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600"
          >
            {initials(user.name)}
          </span>
          <div className="min-w-0">
            <p className="truncate font-medium text-slate-900">
              {user.name}
              {user.id === currentUserId ? (
                <span className="ml-1.5 text-xs font-normal text-slate-500">(you)</span>
              ) : null}
            </p>
            <p className="truncate text-slate-500">{user.email}</p>
          </div>
        </div>
      ),
    },
    {
      key: "role",
      header: "Role",
      cell: (user) => <Badge tone={isPartnerRole(user.role) ? "info" : "neutral"}>{roleLabels[user.role]}</Badge>,
    },
    { key: "status", header: "Status", cell: (user) => <UserStatus user={user} /> },
    {
      key: "lastLogin",
      header: "Last sign-in",
      hideOnMobile: true,
      cell: (user) => (
        <span title={formatDateTime(user.lastLoginAt)}>{formatRelative(user.lastLoginAt, "Never signed in")}</span>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      key: "actions",
      header: <span className="sr-only">Actions</span>,
      align: "right",
      cell: (user) => (
        <Button variant="ghost" size="sm" onClick={() => setEditing(user)} aria-label={`Edit ${user.name}`}>
          Edit
        </Button>
      ),
    });
  }

  return (
    <Card>
      <CardHeader
        title={title}
        description={description}
        headingLevel={2}
        actions={
          <search className="block w-full sm:w-72">
            <Input
              label="Search people"
              hideLabel
              type="search"
              placeholder="Search by name or email"
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
      {users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <>
          <DataTable
            caption={title}
            columns={columns}
            rows={users.data?.items}
            rowKey={(user) => user.id}
            loading={users.isPending}
            empty={
              <EmptyState
                compact
                headingLevel={3}
                icon={<UsersIcon />}
                title={q ? "No one matches that search" : "No people yet"}
                description={q ? "Try a different name or email address." : "Invite colleagues to get started."}
              />
            }
          />
          {users.data ? (
            <Pagination
              offset={offset}
              limit={PAGE_SIZE}
              total={users.data.total}
              onChange={setOffset}
              label={`${title} pages`}
            />
          ) : null}
        </>
      )}
      <EditUserDialog
        surface={surface}
        user={editing}
        isSelf={editing?.id === currentUserId}
        roleOptions={roleOptions}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}

function EditUserDialog({
  surface,
  user,
  isSelf,
  roleOptions,
  onClose,
}: {
  surface: Surface;
  user: UserRecord | null;
  isSelf: boolean;
  roleOptions: readonly Role[];
  onClose: () => void;
}) {
  return (
    <Dialog open={user !== null} onClose={onClose} title="Edit person" description={user?.email}>
      {user ? (
        <EditUserForm
          key={user.id}
          surface={surface}
          user={user}
          isSelf={isSelf}
          roleOptions={roleOptions}
          onDone={onClose}
        />
      ) : null}
    </Dialog>
  );
}

function EditUserForm({
  surface,
  user,
  isSelf,
  roleOptions,
  onDone,
}: {
  surface: Surface;
  user: UserRecord;
  isSelf: boolean;
  roleOptions: readonly Role[];
  onDone: () => void;
}) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [disabled, setDisabled] = useState(user.disabled);
  const [errors, setErrors] = useState<FieldErrors<"name" | "role" | "disabled">>({});
  const roleEditable = !isSelf && roleOptions.includes(user.role);

  const save = useMutation({
    mutationFn: (patch: UserPatch) => api.users.update(surface, user.id, patch),
    onSuccess: (updated) => {
      toast.success("Changes saved", `${updated.name} has been updated.`);
      void queryClient.invalidateQueries({ queryKey: [surface, "users"] });
      onDone();
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error)),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const patch: UserPatch = {};
    if (name.trim() !== user.name) patch.name = name.trim();
    if (role !== user.role) patch.role = role;
    if (disabled !== user.disabled) patch.disabled = disabled;
    if (!name.trim()) {
      setErrors({ name: "Enter a name" });
      return;
    }
    if (Object.keys(patch).length === 0) {
      onDone();
      return;
    }
    setErrors({});
    save.mutate(patch);
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5" aria-label={`Edit ${user.name}`}>
      {save.isError && Object.keys(errors).length === 0 ? (
        <Alert tone="danger">{errorMessage(save.error)}</Alert>
      ) : null}
      <Input label="Name" value={name} onChange={(event) => setName(event.target.value)} error={errors.name} required />
      <Select
        label="Role"
        value={role}
        onChange={(event) => setRole(event.target.value as Role)}
        disabled={!roleEditable}
        error={errors.role}
        hint={
          isSelf
            ? "You can't change your own role. Ask another admin."
            : !roleEditable
              ? "This person's role is managed by their own organization."
              : undefined
        }
      >
        {(roleEditable ? roleOptions : [user.role]).map((option) => (
          <option key={option} value={option}>
            {roleLabels[option]}
          </option>
        ))}
      </Select>
      <Checkbox
        label="Disable this account"
        hint={
          isSelf
            ? "You can't disable your own account."
            : "Disabled people are signed out everywhere and can't sign in until re-enabled."
        }
        checked={disabled}
        disabled={isSelf}
        onChange={(event) => setDisabled(event.target.checked)}
      />
      {isSelf ? null : <ResetLinkSection surface={surface} user={user} />}
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={save.isPending} loadingText="Saving…">
          Save changes
        </Button>
      </div>
    </form>
  );
}

/** Admins hand a single-use reset link to someone who forgot their password. */
function ResetLinkSection({ surface, user }: { surface: Surface; user: UserRecord }) {
  const create = useMutation({ mutationFn: () => api.users.createResetLink(surface, user.id) });
  return (
    <section aria-labelledby={`reset-${user.id}`} className="space-y-2 rounded-lg border border-slate-200 p-4">
      <h3 id={`reset-${user.id}`} className="text-sm font-semibold text-slate-900">
        Password reset
      </h3>
      {create.data ? (
        <CopyField
          label="Reset link"
          value={create.data.url}
          hint={`Single use, valid until ${formatDateTime(create.data.expiresAt)}. Send it to ${user.name} privately.`}
        />
      ) : (
        <>
          <p className="text-sm text-slate-600">
            Create a single-use link (valid for one hour) that lets {user.name} choose a new password.
          </p>
          {create.isError ? <Alert tone="danger">{errorMessage(create.error)}</Alert> : null}
          <Button
            variant="secondary"
            onClick={() => create.mutate()}
            loading={create.isPending}
            loadingText="Creating…"
          >
            Create reset link
          </Button>
        </>
      )}
    </section>
  );
}
