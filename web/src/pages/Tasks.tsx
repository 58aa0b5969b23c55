// My tasks: today, and this week (Monday to Sunday), from
// GET /api/v1/tasks?assignee=me&from=&to=.
import { withQuery } from "../api";
import { FetchState } from "../components/FetchState";
import { Page } from "../components/Page";
import { formatLocal, today, weekOf } from "../format";
import { useFetch } from "../hooks/useFetch";
import { t } from "../i18n";
import { taskKindLabel } from "../labels";
import { href } from "../router";
import type { TaskList as TaskListData } from "../types";

function TaskList({ id, title, from, to }: { id: string; title: string; from: string; to: string }) {
  const fetched = useFetch<TaskListData>(withQuery("/api/v1/tasks", { assignee: "me", from, to }));
  const tasks = fetched.data?.tasks ?? [];
  return (
    <section class="card" aria-labelledby={id} data-tasks={id}>
      <h2 id={id}>
        {title} <span class="muted small">{from === to ? from : `${from} – ${to}`}</span>
      </h2>
      <FetchState of={fetched} empty={tasks.length === 0} emptyText={t("tasks.empty")} />
      {tasks.length ? (
        <ul class="task-list">
          {tasks.map((task, i) => (
            <li key={`${task.lead_id}-${task.when_utc}-${i}`}>
              <span class="nowrap task-when">{formatLocal(task.when)}</span>
              <span class="tag">{taskKindLabel(task.kind)}</span>
              <a href={href("leads", task.lead_id)}>{task.company}</a>
              {task.text ? <div class="muted">{task.text}</div> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function Tasks() {
  const day = today();
  const week = weekOf(day);
  return (
    <Page name="tasks" title={t("tasks.title")}>
      <div class="two-columns">
        <TaskList id="tasks-today" title={t("tasks.today")} from={day} to={day} />
        <TaskList id="tasks-week" title={t("tasks.week")} from={week.from} to={week.to} />
      </div>
    </Page>
  );
}
