// The team: who may sign in, with which role and language.
import { ErrorBanner } from "../components/ErrorBanner";
import { Loading } from "../components/Loading";
import { TableWrap } from "../components/TableWrap";
import { useFetch } from "../hooks/useFetch";
import { t } from "../i18n";
import type { TeamUser } from "../types";
import { NewUserForm } from "./users/NewUserForm";
import { UserRow } from "./users/UserRow";

export function Users() {
  const { data, error, loading, reload } = useFetch<{ users: TeamUser[] }>("/api/v1/admin/users");
  const users = data?.users ?? [];
  return (
    <section class="page" aria-labelledby="users-title">
      <h1 id="users-title">{t("users.title")}</h1>
      <ErrorBanner message={error?.message} />
      {loading && !data ? <Loading tall /> : null}
      {data && users.length === 0 ? <p class="empty">{t("users.empty")}</p> : null}
      {users.length ? (
        <TableWrap label={t("users.title")}>
          <table data-table="users">
            <thead>
              <tr>
                <th scope="col">{t("users.username")}</th>
                <th scope="col">{t("users.display_name")}</th>
                <th scope="col">{t("users.role")}</th>
                <th scope="col">{t("users.language")}</th>
                <th scope="col">{t("users.state")}</th>
                <th scope="col">{t("users.created")}</th>
                <th scope="col">{t("users.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <UserRow key={u.username} user={u} onChanged={reload} />
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <NewUserForm onCreated={reload} />
    </section>
  );
}
