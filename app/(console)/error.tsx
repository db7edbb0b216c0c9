"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// Unexpected failures while rendering a console page. Details stay in the server log.
export default function ConsoleError({ reset }: { error: Error; reset: () => void }) {
  return (
    <Alert
      type="error"
      role="alert"
      header="Something went wrong"
      action={<Button onClick={reset}>Try again</Button>}
    >
      The console couldn&apos;t load this page. Try again; if it keeps failing, check the server
      log.
    </Alert>
  );
}
