import { changePasswordBody } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "../components/ui/Alert";
import { Badge } from "../components/ui/Badge";
import { Button } from "../components/ui/Button";
import { Card, CardBody, CardHeader } from "../components/ui/Card";
import { ErrorState } from "../components/ui/ErrorState";
import { Input } from "../components/ui/Field";
import { Skeleton } from "../components/ui/Spinner";
import { useToast } from "../components/ui/Toast";
import { ApiError, api } from "../lib/api";
import { meQueryKey } from "../lib/auth";
import { describeUserAgent, formatDateTime, formatRelative } from "../lib/format";
import { errorMessage, type FieldErrors, fieldErrorsFromApi, PASSWORD_HINT, validate } from "../lib/forms";

const sessionsKey = ["auth", "sessions"] as const;

type PasswordField = "currentPassword" | "newPassword" | "confirm";

export function ChangePasswordCard() {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ currentPassword: "", newPassword: "", confirm: "" });
  const [errors, setErrors] = useState<FieldErrors<PasswordField>>({});

  const change = useMutation({
    mutationFn: api.auth.changePassword,
    onSuccess: () => {
      setValues({ currentPassword: "", newPassword: "", confirm: "" });
      setErrors({});
      toast.success("Password changed", "Your other sessions were signed out.");
      void queryClient.invalidateQueries({ queryKey: sessionsKey });
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
    onError: (error) => {
      const fields: FieldErrors<PasswordField> = fieldErrorsFromApi(error);
      if (error instanceof ApiError) {
        if (error.code === "AUTH_PASSWORD_INCORRECT" && !fields.currentPassword) {
          fields.currentPassword = "That isn't your current password";
        }
        if (error.code === "AUTH_PASSWORD_REUSED" && !fields.newPassword) fields.newPassword = error.message;
      }
      setErrors(fields);
    },
  });

  function set(field: PasswordField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(changePasswordBody, values);
    const next: FieldErrors<PasswordField> = result.ok ? {} : { ...result.errors };
    if (values.newPassword && values.confirm !== values.newPassword) next.confirm = "The passwords don't match";
    if (!result.ok || next.confirm) {
      setErrors(next);
      return;
    }
    setErrors({});
    change.mutate(result.data);
  }

  const showAlert =
    change.isError &&
    !(
      change.error instanceof ApiError &&
      ["AUTH_PASSWORD_INCORRECT", "AUTH_PASSWORD_REUSED"].includes(change.error.code)
    ) &&
    Object.keys(errors).length === 0;

  return (
    <Card>
      <CardHeader
        title="Change password"
        description="Changing your password signs out every other session."
        headingLevel={3}
      />
      <CardBody>
        {showAlert ? (
          <Alert tone="danger" className="mb-4">
            {errorMessage(change.error)}
          </Alert>
        ) : null}
        <form noValidate onSubmit={onSubmit} className="max-w-md space-y-4" aria-label="Change password">
          <input type="text" name="username" autoComplete="username" hidden readOnly value="" />
          <Input
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
            value={values.currentPassword}
            onChange={(event) => set("currentPassword", event.target.value)}
            error={errors.currentPassword}
          />
          <Input
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            value={values.newPassword}
            onChange={(event) => set("newPassword", event.target.value)}
            error={errors.newPassword}
            hint={PASSWORD_HINT}
          />
          <Input
            label="Confirm new password"
            type="password"
            autoComplete="new-password"
            required
            value={values.confirm}
            onChange={(event) => set("confirm", event.target.value)}
            error={errors.confirm}
          />
          <Button type="submit" loading={change.isPending} loadingText="Updating…">
            Update password
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}

export function SessionsCard() {
  const toast = useToast();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: sessionsKey, queryFn: ({ signal }) => api.auth.sessions(signal) });
  const revoke = useMutation({
    mutationFn: api.auth.revokeSession,
    onSuccess: () => {
      toast.success("Session revoked", "That device has been signed out.");
      void queryClient.invalidateQueries({ queryKey: sessionsKey });
    },
    onError: (error) => toast.error("Couldn't revoke that session", errorMessage(error)),
  });

  const items = sessions.data?.items
    ? [...sessions.data.items].sort((a, b) => Number(b.current) - Number(a.current))
    : undefined;

  return (
    <Card>
      <CardHeader
        title="Active sessions"
        description="Places where you're signed in. Sign out any you don't recognise."
        headingLevel={3}
      />
      {sessions.isPending ? (
        <CardBody className="space-y-3">
          <Skeleton className="h-12 w-full" />
          <Skeleton className="h-12 w-full" />
        </CardBody>
      ) : sessions.isError ? (
        <ErrorState compact error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <ul aria-label="Active sessions" className="divide-y divide-slate-100">
          {items?.map((session) => (
            <li
              key={session.id}
              className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                  {describeUserAgent(session.userAgent)}
                  {session.current ? (
                    <Badge tone="brand" dot>
                      This device
                    </Badge>
                  ) : null}
                </p>
                <p className="mt-0.5 text-sm text-slate-500">
                  {session.ipAddress ?? "Unknown IP"} · Active {formatRelative(session.lastSeenAt)} · Signed in{" "}
                  {formatDateTime(session.createdAt)}
                </p>
              </div>
              {session.current ? (
                <span className="text-sm text-slate-500">Current session</span>
              ) : (
                <Button
                  variant="secondary"
                  size="sm"
                  loading={revoke.isPending && revoke.variables === session.id}
                  onClick={() => revoke.mutate(session.id)}
                  aria-label={`Revoke session: ${describeUserAgent(session.userAgent)}, last active ${formatRelative(session.lastSeenAt)}`}
                >
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function SecurityPanel() {
  return (
    <div className="space-y-6">
      <ChangePasswordCard />
      <SessionsCard />
    </div>
  );
}
