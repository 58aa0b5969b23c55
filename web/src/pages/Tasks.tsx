// My tasks: today, and this week (Monday to Sunday), from
// GET /api/v1/tasks?assignee=me&from=&to=.
import { withQuery } from "../api";
import { ErrorBanner } from "../components/ErrorBanner";
import { Loading } from "../components/Loading";
import { formatLocal, today, weekOf } from "../format";
import { useFetch } from "../hooks/useFetch";
import { t } from "../i18n";
import { taskKindLabel } from "../labels";
import { href } from "../router";
import type { TaskList as TaskListData } from "../types";

function TaskList({ id, title, from, to }: { id: string; title: string; from: string; to: string }) {
  const { data, error, loading } = useFetch<TaskListData>(
    withQuery("/api/v1/tasks", { assignee: "me", from, to }),
  );
  const tasks = data?.tasks ?? [];
  return (
    <section class="card" aria-labelledby={id} data-tasks={id}>
      <h2 id={id}>
        {title} <span class="muted small">{from === to ? from : `${from} – ${to}`}</span>
      </h2>
      <ErrorBanner message={error?.message} />
      {loading && !data ? <Loading /> : null}
      {data && tasks.length === 0 ? <p class="empty">{t("tasks.empty")}</p> : null}
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
    <section class="page" aria-labelledby="tasks-title">
      <h1 id="tasks-title">{t("tasks.title")}</h1>
      <div class="two-columns">
        <TaskList id="tasks-today" title={t("tasks.today")} from={day} to={day} />
        <TaskList id="tasks-week" title={t("tasks.week")} from={week.from} to={week.to} />
      </div>
    </section>
  );
}
