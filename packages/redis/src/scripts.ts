// The Lua scripts: Redis runs each one atomically, so workers on any number of machines cannot
// count past the limit together. One hash per account and day:
//   e: this incarnation of the key (random; a new one after Redis lost its data)
//   b: the highest count a client had seen of an earlier incarnation (a floor after a data loss)
//   i: requests counted in this incarnation;   used = b + i
//   x: present when the server answered the quota 403

/**
 * KEYS[1] the day's hash. ARGV: n, limit, ttlMs, the incarnation the caller last saw ("" if none),
 * the count it saw then, a new incarnation id, requests it counted locally while Redis was away,
 * "1" to mark the day used up. Returns { ok (1/0), used, exhausted (1/0), incarnation }.
 */
export const RESERVE = `
local k = KEYS[1]
local v = redis.call('HMGET', k, 'e', 'b', 'i', 'x')
local e = v[1]
if not e then e = ARGV[6]; redis.call('HSET', k, 'e', e) end
local b = tonumber(v[2] or '0')
local i = tonumber(v[3] or '0')
local seen = tonumber(ARGV[5])
if ARGV[4] ~= '' and ARGV[4] ~= e and seen > b then b = seen; redis.call('HSET', k, 'b', b) end
local carry = tonumber(ARGV[7])
if carry > 0 then i = redis.call('HINCRBY', k, 'i', carry) end
local x = v[4]
if ARGV[8] == '1' and not x then x = '1'; redis.call('HSET', k, 'x', '1') end
redis.call('PEXPIRE', k, ARGV[3])
if x then return {0, b + i, 1, e} end
local n = tonumber(ARGV[1])
if b + i + n > tonumber(ARGV[2]) then return {0, b + i, 0, e} end
i = redis.call('HINCRBY', k, 'i', n)
return {1, b + i, 0, e}
`;
