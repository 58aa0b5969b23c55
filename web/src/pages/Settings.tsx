// The admin's settings: the model each agent uses, the prompts with their
// history and diffs, and Message Master's follow-up sequences.
import { Page } from "../components/Page";
import { t } from "../i18n";
import { ModelsSection } from "./settings/ModelsSection";
import { PromptsSection } from "./settings/PromptsSection";
import { SequencesSection } from "./settings/SequencesSection";

export function Settings() {
  return (
    <Page name="settings" title={t("settings.title")}>
      <ModelsSection />
      <PromptsSection />
      <SequencesSection />
    </Page>
  );
}
