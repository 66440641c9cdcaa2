import { acceptInvitationBody, roleLabels } from "@symbiont/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { Alert } from "../components/ui/Alert";
import { Button, buttonClasses } from "../components/ui/Button";
import { Card } from "../components/ui/Card";
import { Input } from "../components/ui/Field";
import { MailIcon } from "../components/ui/icons";
import { Skeleton } from "../components/ui/Spinner";
import { ApiError, api } from "../lib/api";
import { homeFor, storeSession } from "../lib/auth";
import { formatDateTime } from "../lib/format";
import { errorMessage, type FieldErrors, fieldErrorsFromApi, PASSWORD_HINT, validate } from "../lib/forms";
import { AuthFrame, useDocumentTitle } from "./system";

const route = getRouteApi("/invite/$token");

const invitationProblems: Record<string, { title: string; body: string }> = {
  INVITATION_INVALID: {
    title: "This invitation link isn't valid",
    body: "Check that you copied the whole link. If it still doesn't work, ask the person who invited you for a new one.",
  },
  INVITATION_EXPIRED: {
    title: "This invitation has expired",
    body: "Invitations are valid for a limited time. Ask the person who invited you to send a fresh one.",
  },
  INVITATION_ALREADY_USED: {
    title: "This invitation has already been accepted",
    body: "If that was you, sign in with the email address it was sent to.",
  },
  INVITATION_REVOKED: {
    title: "This invitation was withdrawn",
    body: "The person who invited you revoked it. Ask them if you should still have access.",
  },
};

export function InvitePage() {
  useDocumentTitle("Accept invitation");
  const { token } = route.useParams();
  const preview = useQuery({
    queryKey: ["invitation-preview", token],
    queryFn: ({ signal }) => api.auth.invitation(token, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

  return (
    <AuthFrame>
      {preview.isPending ? (
        <Card className="space-y-4 p-8" aria-busy="true">
          <h1 className="sr-only">Accept invitation</h1>
          <Skeleton className="h-6 w-2/3" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-full" />
        </Card>
      ) : preview.isError ? (
        <InvitationProblem error={preview.error} />
      ) : (
        <AcceptForm
          token={token}
          email={preview.data.email}
          roleLabel={roleLabels[preview.data.role]}
          workspaceName={preview.data.workspaceName}
          partnerName={preview.data.partnerName}
          expiresAt={preview.data.expiresAt}
        />
      )}
    </AuthFrame>
  );
}

function InvitationProblem({ error }: { error: unknown }) {
  const known = error instanceof ApiError ? invitationProblems[error.code] : undefined;
  return (
    <Card className="p-8 text-center">
      <div className="mx-auto mb-4 flex size-12 items-center justify-center rounded-2xl bg-amber-50 text-2xl text-amber-700">
        <MailIcon />
      </div>
      <h1 className="text-xl font-semibold text-slate-900">{known?.title ?? "We couldn't open this invitation"}</h1>
      <p className="mt-2 text-sm text-slate-500">{known?.body ?? errorMessage(error)}</p>
      <Link to="/login" className={buttonClasses("secondary", "md", "mt-6")}>
        Go to sign in
      </Link>
    </Card>
  );
}

function AcceptForm(props: {
  token: string;
  email: string;
  roleLabel: string;
  workspaceName: string;
  partnerName: string | null;
  expiresAt: string;
}) {
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<FieldErrors<"name" | "password" | "confirm">>({});
  const [problem, setProblem] = useState<unknown>(null);

  const accept = useMutation({
    mutationFn: api.auth.acceptInvitation,
    onSuccess: async (session) => {
      storeSession(session);
      await navigate({ to: homeFor(session.user), replace: true });
    },
    onError: (error) => {
      setErrors(fieldErrorsFromApi(error));
      setProblem(error);
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    const result = validate(acceptInvitationBody, { token: props.token, name, password });
    const next: FieldErrors<"name" | "password" | "confirm"> = result.ok ? {} : { ...result.errors };
    if (password && confirm !== password) next.confirm = "The passwords don't match";
    if (!result.ok || next.confirm) {
      setErrors(next);
      return;
    }
    setErrors({});
    accept.mutate(result.data);
  }

  const org = props.partnerName ? `${props.partnerName}, a partner of ${props.workspaceName}` : props.workspaceName;
  const known = problem instanceof ApiError ? invitationProblems[problem.code] : undefined;

  return (
    <>
      <div className="mb-6 text-center">
        <p className="text-sm font-medium text-brand-700">You're invited</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">
          Join {props.partnerName ?? props.workspaceName} on Symbiont
        </h1>
      </div>
      <Card className="p-6 sm:p-8">
        <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-lg bg-slate-50 p-4 text-sm">
          <dt className="text-slate-500">Organization</dt>
          <dd className="font-medium text-slate-900">{org}</dd>
          <dt className="text-slate-500">Email</dt>
          <dd className="font-medium break-all text-slate-900">{props.email}</dd>
          <dt className="text-slate-500">Role</dt>
          <dd className="font-medium text-slate-900">{props.roleLabel}</dd>
          <dt className="text-slate-500">Expires</dt>
          <dd className="text-slate-700">{formatDateTime(props.expiresAt)}</dd>
        </dl>

        {problem ? (
          <Alert tone="danger" title={known?.title ?? "We couldn't create your account"} className="mb-5">
            {known?.body ?? errorMessage(problem)}
          </Alert>
        ) : null}

        <form noValidate onSubmit={onSubmit} className="space-y-5" aria-label="Create your account">
          <input type="email" name="email" autoComplete="username" value={props.email} readOnly hidden />
          <Input
            label="Your name"
            name="name"
            autoComplete="name"
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={errors.name}
          />
          <Input
            label="Choose a password"
            type="password"
            name="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={errors.password}
            hint={PASSWORD_HINT}
          />
          <Input
            label="Confirm password"
            type="password"
            name="confirm"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(event) => setConfirm(event.target.value)}
            error={errors.confirm}
          />
          <Button type="submit" size="lg" className="w-full" loading={accept.isPending} loadingText="Creating account…">
            Accept and sign in
          </Button>
        </form>
      </Card>
    </>
  );
}
