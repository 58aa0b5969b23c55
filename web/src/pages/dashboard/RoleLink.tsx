// An id that links to its page when the signed-in role may open that page
// (roles.ts), and is plain text otherwise: an analyst sees no inbox link.
import { canUse, type PageName } from "../../roles";
import { href } from "../../router";
import { useSession } from "../../session";

export function useMayOpen(page: PageName): boolean {
  return canUse(useSession().user.role, page);
}

interface Props {
  page: PageName; // inbox for a conversation, orders for an order, leads for a lead
  id: string | undefined | null;
  may: boolean; // useMayOpen(page), asked once by the section
}

export function RoleLink({ page, id, may }: Props) {
  if (!id) return <>–</>;
  return may ? (
    <a class="mono" href={href(page, id)} data-link={page}>
      {id}
    </a>
  ) : (
    <span class="mono">{id}</span>
  );
}
