// The team: who may sign in, with which role and language.
import { DataTable, type Column } from "../components/DataTable";
import { FetchState } from "../components/FetchState";
import { Page } from "../components/Page";
import { useFetch } from "../hooks/useFetch";
import { t } from "../i18n";
import type { TeamUser } from "../types";
import { NewUserForm } from "./users/NewUserForm";
import { UserRow } from "./users/UserRow";
import type { Answer } from "../openapi";

// The headers; the rows are UserRow's.
const columns = (): Column<TeamUser>[] =>
  (["username", "display_name", "role", "language", "state", "created", "actions"] as const).map((k) => ({
    head: t(`users.${k}`),
  }));

export function Users() {
  const fetched = useFetch<Answer<"/api/v1/admin/users">>("/api/v1/admin/users");
  const users = fetched.data?.users ?? [];
  return (
    <Page name="users" title={t("users.title")}>
      <FetchState of={fetched} empty={users.length === 0} emptyText={t("users.empty")} tall />
      {users.length ? (
        <DataTable
          label={t("users.title")}
          name="users"
          columns={columns()}
          rows={users}
          rowKey={(u) => u.username}
          renderRow={(u) => <UserRow user={u} onChanged={fetched.reload} />}
        />
      ) : null}
      <NewUserForm onCreated={fetched.reload} />
    </Page>
  );
}
