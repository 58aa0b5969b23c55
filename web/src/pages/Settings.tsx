// The admin's settings: the model each agent uses, the prompts with their
// history and diffs, and Message Master's follow-up sequences. The sections
// load side by side and show together once each has its first answer (or
// after 3 s at most), so nothing moves under the reader (every_page.test.mjs
// measures it).
import { useCallback, useEffect, useState } from "preact/hooks";
import { Loading } from "../components/Loading";
import { Page } from "../components/Page";
import { t } from "../i18n";
import { ModelsSection } from "./settings/ModelsSection";
import { PromptsSection } from "./settings/PromptsSection";
import { SequencesSection } from "./settings/SequencesSection";

const SECTIONS = 3;
// A section whose answer is slower than this does not hold the others back.
const WAIT_MS = 3000;

export function Settings() {
  const [settled, setSettled] = useState<ReadonlySet<string>>(new Set());
  const mark = useCallback(
    (name: string) => setSettled((s) => (s.has(name) ? s : new Set([...s, name]))),
    [],
  );
  const onModels = useCallback(() => mark("models"), [mark]);
  const onPrompts = useCallback(() => mark("prompts"), [mark]);
  const onSequences = useCallback(() => mark("sequences"), [mark]);
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWaited(true), WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  const ready = settled.size === SECTIONS || waited;

  return (
    <Page name="settings" title={t("settings.title")}>
      {ready ? null : <Loading tall />}
      <div hidden={!ready} aria-busy={!ready}>
        <ModelsSection onSettled={onModels} />
        <PromptsSection onSettled={onPrompts} />
        <SequencesSection onSettled={onSequences} />
      </div>
    </Page>
  );
}
