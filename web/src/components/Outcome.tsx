// What came of a change: a quiet note when it worked (a live status), the
// error banner when it did not. inline puts the note in a span (in a row or
// an inline form).
import { ErrorBanner } from "./ErrorBanner";

export function Outcome({ note, error, inline = false }: { note: string; error: string | null; inline?: boolean }) {
  return (
    <>
      {inline ? (
        <span class="form-note" role="status">
          {note}
        </span>
      ) : (
        <p class="form-note" role="status">
          {note}
        </p>
      )}
      <ErrorBanner message={error} />
    </>
  );
}
