import { t } from "../i18n";

// "Loading…" in the place the content will take.
export function Loading({ tall = false }: { tall?: boolean }) {
  return (
    <p class={tall ? "loading loading-tall" : "loading"} role="status">
      {t("common.loading")}
    </p>
  );
}
