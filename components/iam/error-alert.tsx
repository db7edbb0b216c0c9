import { Alert } from "@/components/ui/alert";

/** An operation's refusal in AWS's words, shown where the user acted. */
export function ErrorAlert({
  error,
  className,
}: {
  error?: { code: string; message: string };
  className?: string;
}) {
  if (!error) return null;
  return (
    <Alert type="error" header={error.code} className={className}>
      <span className="break-words">{error.message}</span>
    </Alert>
  );
}
