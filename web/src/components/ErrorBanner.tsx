// The error banner: a live region that is always there, holding an alert
// with the server's message when there is one.
interface Props {
  message: string | null | undefined;
}

export function ErrorBanner({ message }: Props) {
  return (
    <div class="error-slot" aria-live="assertive" aria-atomic="true">
      {message ? (
        <p class="error-banner" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}
