// Settings: Message Master's follow-up sequences (GET /api/v1/admin/sequences,
// each whole, the built-in demo_follow_up among them until it is saved):
// choose one to edit, or name a new one.
import { useState } from "preact/hooks";
import { FetchState } from "../../components/FetchState";
import { LabeledInput, LabeledSelect } from "../../components/Field";
import { Outcome } from "../../components/Outcome";
import { SectionHeader } from "../../components/SectionHeader";
import { useFetch } from "../../hooks/useFetch";
import { t } from "../../i18n";
import { SequenceEditor } from "./SequenceEditor";
import { useSettled } from "./useSettled";
import { DEMO_FOLLOW_UP, type Sequence } from "./types";
import type { Answer } from "../../openapi";

const NAME = /^[a-z0-9_-]{2,40}$/;

function blank(name: string): Sequence {
  return { name, steps: [], send_time: "10:00", saved: false };
}

export function SequencesSection({ onSettled }: { onSettled?: () => void }) {
  const fetched = useFetch<Answer<"/api/v1/admin/sequences">>("/api/v1/admin/sequences");
  useSettled(Boolean(fetched.data || fetched.error), onSettled);
  const [added, setAdded] = useState<Sequence[]>([]); // named here (the list may not have them yet)
  const [chosen, setChosen] = useState<string>(DEMO_FOLLOW_UP);
  const [newName, setNewName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const listed = fetched.data?.sequences ?? [];
  const all = [...listed, ...added.filter((a) => !listed.some((s) => s.name === a.name))];
  const current = all.find((s) => s.name === chosen) ?? all[0];

  function create(e: Event) {
    e.preventDefault();
    const name = newName.trim();
    if (!NAME.test(name)) {
      setNameError(t("settings.error.invalid_name"));
      return;
    }
    setNameError(null);
    if (!all.some((s) => s.name === name)) setAdded([...added, blank(name)]);
    setChosen(name);
    setNewName("");
  }

  // Kept among the added until the list has it: the editor stays open meanwhile.
  function saved(sequence: Sequence) {
    setAdded((old) => old.map((s) => (s.name === sequence.name ? sequence : s)));
    fetched.refresh();
  }

  return (
    <section class="card" aria-labelledby="settings-sequences-title" data-settings="sequences">
      <SectionHeader id="settings-sequences-title" title={t("settings.sequences_title")} />
      <FetchState of={fetched} empty={all.length === 0} emptyText={t("settings.sequences_empty")} />
      {fetched.data ? (
        <div class="filters">
          {all.length ? (
            <LabeledSelect
              stacked
              id="seq-choose"
              label={t("settings.sequence")}
              value={current?.name ?? ""}
              onValue={setChosen}
              options={all.map((s) => ({ value: s.name, label: s.name }))}
            />
          ) : null}
          <form class="inline-form settings-new-sequence" onSubmit={create}>
            <LabeledInput
              stacked
              id="seq-new-name"
              label={t("settings.new_sequence")}
              title={t("settings.error.invalid_name")}
              autocapitalize="none"
              autocomplete="off"
              spellcheck={false}
              value={newName}
              onValue={setNewName}
            />
            <button type="submit" class="button-secondary" disabled={!newName.trim()}>
              {t("settings.create_sequence")}
            </button>
          </form>
        </div>
      ) : null}
      <Outcome note="" error={nameError} />
      {current ? <SequenceEditor key={current.name} sequence={current} onSaved={saved} /> : null}
    </section>
  );
}
