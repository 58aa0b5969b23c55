#include "cluster/membership.hpp"

#include "events/pg_client.hpp"

namespace parley::cluster {

using events::Expected;
using events::Status;
using events::pg::Arg;

Membership::Membership(std::unique_ptr<events::pg::Pool> pool) : pool_(std::move(pool)) {}
Membership::~Membership() = default;

Expected<std::unique_ptr<Membership>> Membership::open(const std::string& url) {
  auto pool = events::pg::Pool::open(url, 1);
  if (!pool) return pool.status();
  return std::unique_ptr<Membership>(new Membership(std::move(pool).value()));
}

Status Membership::renew(const std::string& node_id, const std::string& address,
                         const std::string& peer, std::chrono::milliseconds lease,
                         uint64_t folded) {
  auto c = pool_->get();
  if (!c) return c.status();
  return c.value()
      ->exec(
          "INSERT INTO parley_members (node_id, address, lease_until, folded, peer) "
          "VALUES ($1, $2, now() + $3 * interval '1 millisecond', $4, $5) "
          "ON CONFLICT (node_id) DO UPDATE SET address = excluded.address, "
          "peer = excluded.peer, lease_until = excluded.lease_until, folded = excluded.folded, "
          "started_at = CASE WHEN parley_members.lease_until < now() THEN now() "
          "ELSE parley_members.started_at END",
          {Arg::text(node_id), Arg::text(address), Arg::int8(static_cast<uint64_t>(lease.count())),
           Arg::int8(folded), Arg::text(peer)})
      .status("membership");
}

Status Membership::leave(const std::string& node_id) {
  auto c = pool_->get();
  if (!c) return c.status();
  return c.value()
      ->exec("DELETE FROM parley_members WHERE node_id = $1", {Arg::text(node_id)})
      .status("membership");
}

Expected<std::vector<Member>> Membership::members() {
  auto c = pool_->get();
  if (!c) return c.status();
  auto r = c.value()->exec(
      "SELECT node_id, address, lease_until > now(), "
      "(extract(epoch FROM lease_until - now()) * 1000)::bigint, folded, peer "
      "FROM parley_members ORDER BY node_id");
  if (!r.ok()) return r.status("membership");
  std::vector<Member> out;
  for (int i = 0; i < r.rows(); ++i)
    out.push_back({std::string(r.bytes(i, 0)), std::string(r.bytes(i, 1)),
                   std::string(r.bytes(i, 5)), r.bytes(i, 2) == std::string_view("\1", 1),
                   static_cast<int64_t>(r.int8(i, 3)), r.int8(i, 4)});
  return out;
}

}  // namespace parley::cluster
