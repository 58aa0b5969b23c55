// A line diff shown as a table: each changed line marked + (added) or -
// (removed) in words for screen readers and in colour, with its line numbers;
// long unchanged stretches fold into "… unchanged lines".
import { useMemo } from "preact/hooks";
import { TableWrap } from "../../components/TableWrap";
import { t } from "../../i18n";
import { lineDiff, withContext, type DiffOp } from "./lineDiff";

interface Props {
  before: string;
  after: string;
  label: string; // what is compared with what
}

const MARK: Record<DiffOp, string> = { add: "+", del: "-", same: " " };

function words(op: DiffOp): string {
  if (op === "add") return t("settings.diff_added");
  if (op === "del") return t("settings.diff_removed");
  return t("settings.diff_same");
}

export function DiffView({ before, after, label }: Props) {
  const diff = useMemo(() => lineDiff(before, after), [before, after]);
  const shown = useMemo(() => withContext(diff.lines), [diff]);
  const changed = diff.added + diff.removed > 0;
  return (
    <div class="diff" data-diff-view>
      <p class="muted small" data-diff-counts>
        {changed ? t("settings.diff_counts", diff.added, diff.removed) : t("settings.diff_none")}
      </p>
      {diff.whole ? <p class="notice small">{t("settings.diff_whole")}</p> : null}
      {changed ? (
        <TableWrap label={label}>
          <table class="diff-table" data-table="diff">
            <caption class="visually-hidden">{label}</caption>
            <thead class="visually-hidden">
              <tr>
                <th scope="col" class="diff-num">
                  {t("settings.diff_old_line")}
                </th>
                <th scope="col" class="diff-num">
                  {t("settings.diff_new_line")}
                </th>
                <th scope="col">{t("settings.diff_change")}</th>
                <th scope="col">{t("settings.diff_text")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((line, i) =>
                line.op === "skip" ? (
                  <tr key={i} class="diff-skip">
                    <td colSpan={4}>{t("settings.diff_skip", line.count)}</td>
                  </tr>
                ) : (
                  <tr key={i} class={`diff-${line.op}`} data-diff={line.op}>
                    <td class="diff-num">{line.before ?? ""}</td>
                    <td class="diff-num">{line.after ?? ""}</td>
                    <td class="diff-mark">
                      <span aria-hidden="true">{MARK[line.op]}</span>
                      <span class="visually-hidden">{words(line.op)}</span>
                    </td>
                    <td class="diff-text">{line.text}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </div>
  );
}
