// What a fetched list says before and around its content: the error banner,
// "Loading…" until the first answer, and the words for an empty answer.
import type { Fetched } from "../hooks/useFetch";
import { ErrorBanner } from "./ErrorBanner";
import { Loading } from "./Loading";

interface Props {
  of: Fetched<unknown>;
  empty: boolean; // the answer holds nothing to show
  emptyText: string;
  tall?: boolean;
  banner?: boolean; // false where another part of the page shows the error
}

export function FetchState({ of, empty, emptyText, tall = false, banner = true }: Props) {
  return (
    <>
      {banner ? <ErrorBanner message={of.error?.message} /> : null}
      {of.loading && !of.data ? <Loading tall={tall} /> : null}
      {of.data && empty ? <p class="empty">{emptyText}</p> : null}
    </>
  );
}
