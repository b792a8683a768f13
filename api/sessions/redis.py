"""Redis-backed store, so several API processes (or containers) serve one conversation.

Expiry is Redis's own (SET … EX), so an abandoned conversation disappears even if every API
process is gone. Connection problems become `StoreUnavailable` (503), never a lost turn.
"""

from __future__ import annotations

from typing import Any

import redis

from api.sessions import StoreUnavailable

# Compare-and-set in one step on the server: GET, compare, SET … EX. ARGV[1] is "1" when the key
# must still be absent, else ARGV[2] is the value it must still hold.
_SWAP = """
local current = redis.call('GET', KEYS[1])
if ARGV[1] == '1' then
  if current then return 0 end
elseif current ~= ARGV[2] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[4])
return 1
"""


class RedisStore:
    kind = "redis"

    def __init__(self, client: redis.Redis, prefix: str) -> None:
        self.client = client
        self.prefix = prefix
        self._swap = client.register_script(_SWAP)

    @classmethod
    def from_url(cls, url: str, prefix: str) -> RedisStore:
        client = redis.Redis.from_url(url, decode_responses=True, socket_timeout=2.0, socket_connect_timeout=2.0,
                                      health_check_interval=30)
        return cls(client, prefix)

    def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        try:
            return getattr(self.client, method)(*args, **kwargs)
        except redis.RedisError as exc:
            raise StoreUnavailable(f"redis {method} failed: {type(exc).__name__}") from exc

    def get(self, key: str) -> str | None:
        value = self._call("get", self.prefix + key)
        return None if value is None else str(value)

    def put(self, key: str, value: str, ttl_seconds: int) -> None:
        self._call("set", self.prefix + key, value, ex=ttl_seconds)

    def add(self, key: str, value: str, ttl_seconds: int) -> bool:
        return bool(self._call("set", self.prefix + key, value, ex=ttl_seconds, nx=True))

    def swap(self, key: str, expected: str | None, value: str, ttl_seconds: int) -> bool:
        args = ["1" if expected is None else "0", expected or "", value, ttl_seconds]
        try:
            return bool(self._swap(keys=[self.prefix + key], args=args))
        except redis.RedisError as exc:
            raise StoreUnavailable(f"redis swap failed: {type(exc).__name__}") from exc

    def delete(self, key: str) -> bool:
        return int(self._call("delete", self.prefix + key)) > 0

    def ping(self) -> bool:
        try:
            return bool(self.client.ping())
        except redis.RedisError:
            return False

    def close(self) -> None:
        self.client.close()
