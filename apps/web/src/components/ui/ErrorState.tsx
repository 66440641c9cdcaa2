import { isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/forms";
import { Button } from "./Button";
import { EmptyState } from "./EmptyState";
import { AlertIcon, ShieldIcon } from "./icons";

/** What to show when a query fails; a 403 gets its own, calmer explanation. */
export function ErrorState({
  error,
  onRetry,
  compact = false,
}: {
  error: unknown;
  onRetry?: () => void;
  compact?: boolean;
}) {
  if (isApiError(error) && error.status === 403) {
    return (
      <EmptyState
        compact={compact}
        icon={<ShieldIcon />}
        title="You don't have access to this"
        description="Your role does not include this area. Ask an admin in your workspace if you need it."
      />
    );
  }
  return (
    <div role="alert">
      <EmptyState
        compact={compact}
        icon={<AlertIcon />}
        title="We couldn't load this"
        description={
          <>
            {errorMessage(error)}
            {isApiError(error) && error.requestId ? (
              <span className="mt-1 block text-xs text-slate-400">Reference: {error.requestId}</span>
            ) : null}
          </>
        }
        action={
          onRetry ? (
            <Button variant="secondary" onClick={onRetry}>
              Try again
            </Button>
          ) : undefined
        }
      />
    </div>
  );
}

export function ForbiddenState({ what }: { what: string }) {
  return (
    <EmptyState
      icon={<ShieldIcon />}
      title="Admins only"
      description={`Only admins can ${what}. Ask an admin in your workspace if you need access.`}
    />
  );
}
