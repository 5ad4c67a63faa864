using System.Collections.Concurrent;
using ChatCrm.Core.Chat;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatCrm.Core.Cluster;

/// <summary>
/// Presence shared by the servers. In Redis, each person with an open page has one entry per server that has it
/// (<c>presence:{user}</c>, server → until when), also listed by that time (<c>presence-until</c>) for the sweep. A
/// server renews its entries every heartbeat; entries whose server stopped renewing them run out after the timeout and
/// the sweep (any server's) takes them away, telling the person's contacts if that was their last. Times are Redis's
/// own clock, so servers whose clocks differ still agree. Who is online on the other servers is kept here too, from
/// their presence events and a snapshot at start and after a drop, so pages ask it without a round trip.
/// </summary>
public sealed partial class RedisPresence(RedisLink link, IOptions<ClusterOptions> options, ILogger<RedisPresence> logger) : IPresenceDirectory
{
    // Redis time in milliseconds.
    private const string Now = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000) ";

    // @person: the person's entries; @until: the list by time; @server, @member: this server and its list entry.
    // Returns how many other servers have the person now.
    private static readonly LuaScript Arrive = LuaScript.Prepare(Now + """
        local others = 0
        local fields = redis.call('HGETALL', @person)
        for i = 1, #fields, 2 do
          if fields[i] ~= @server and tonumber(fields[i + 1]) > now then others = others + 1 end
        end
        redis.call('HSET', @person, @server, now + @timeout)
        redis.call('ZADD', @until, now + @timeout, @member)
        return others
        """);

    private static readonly LuaScript Leave = LuaScript.Prepare(Now + """
        redis.call('HDEL', @person, @server)
        redis.call('ZREM', @until, @member)
        local others = 0
        local fields = redis.call('HGETALL', @person)
        for i = 1, #fields, 2 do
          if tonumber(fields[i + 1]) > now then others = others + 1 end
        end
        return others
        """);

    // ARGV after the first three: the people with a page open on this server. Returns those whose entry was gone (a
    // sweep took it while this server's heartbeats were late, or Redis lost it): they were told to be offline.
    private const string Heartbeat = Now + """
        local renewed = {}
        for i = 4, #ARGV do
          if redis.call('HSET', ARGV[3] .. 'presence:' .. ARGV[i], ARGV[1], now + ARGV[2]) == 1 then
            table.insert(renewed, ARGV[i])
          end
          redis.call('ZADD', KEYS[1], now + ARGV[2], ARGV[i] .. '|' .. ARGV[1])
        end
        return renewed
        """;

    // Takes away entries whose time ran out; returns person, server pairs for people who have no entry left.
    private const string Sweep = Now + """
        local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, ARGV[1])
        local gone = {}
        for _, member in ipairs(expired) do
          if redis.call('ZREM', KEYS[1], member) == 1 then
            local sep = string.find(member, '|', 1, true)
            local person = string.sub(member, 1, sep - 1)
            local server = string.sub(member, sep + 1)
            local key = ARGV[2] .. 'presence:' .. person
            local at = redis.call('HGET', key, server)
            if at and tonumber(at) <= now then redis.call('HDEL', key, server) end
            local alive = 0
            local fields = redis.call('HGETALL', key)
            for i = 1, #fields, 2 do
              if tonumber(fields[i + 1]) > now then alive = alive + 1 end
            end
            if alive == 0 then
              table.insert(gone, person)
              table.insert(gone, server)
            end
          end
        end
        return gone
        """;

    private const string Snapshot = Now + "return redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. now, '+inf')";

    private readonly ConcurrentDictionary<Guid, byte> _here = new();
    private readonly ConcurrentDictionary<Guid, byte> _elsewhere = new();

    private RedisKey Until => link.Key("presence-until");

    private long TimeoutMs => options.Value.PresenceTimeoutSeconds * 1000L;

    public async Task<bool> ArriveAsync(Guid userId)
    {
        _here[userId] = 0;
        try
        {
            var others = (long)await Arrive.EvaluateAsync(link.Database,
                new { person = Person(userId), until = Until, server = Server, member = Member(userId), timeout = TimeoutMs });
            return others == 0;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogUnreachable(ex);
            return !_elsewhere.ContainsKey(userId);
        }
    }

    public async Task<bool> LeaveAsync(Guid userId)
    {
        _here.TryRemove(userId, out _);
        try
        {
            var others = (long)await Leave.EvaluateAsync(link.Database,
                new { person = Person(userId), until = Until, server = Server, member = Member(userId) });
            // Their pages elsewhere are all closed too (what this server heard of them is over).
            if (others == 0) _elsewhere.TryRemove(userId, out _);
            return others == 0;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogUnreachable(ex);
            return !_elsewhere.ContainsKey(userId);
        }
    }

    public bool IsOnlineElsewhere(Guid userId) => _elsewhere.ContainsKey(userId);

    /// <summary>Another server said a person came online or went offline everywhere.</summary>
    public void Observe(PresenceChanged changed)
    {
        if (changed.IsOnline) _elsewhere[changed.UserId] = 0;
        else _elsewhere.TryRemove(changed.UserId, out _);
    }

    /// <summary>
    /// Renews this server's people: every heartbeat, and at once when Redis is back. Returns the people whose entry had
    /// gone meanwhile: another server may have announced them offline, so they must be announced online again.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> HeartbeatAsync()
    {
        var renewed = new List<Guid>();
        foreach (var batch in _here.Keys.ToList().Chunk(500))
        {
            var args = new RedisValue[] { Server, TimeoutMs, link.Prefix }.Concat(batch.Select(p => (RedisValue)p.ToString("N"))).ToArray();
            var gone = (RedisResult[])(await link.Database.ScriptEvaluateAsync(Heartbeat, [Until], args))!;
            foreach (var person in gone.Select(p => Guid.ParseExact((string)p!, "N")))
            {
                if (_here.ContainsKey(person)) renewed.Add(person);
                // Their last page here closed while the heartbeat ran: take back the entry it just made.
                else await Leave.EvaluateAsync(link.Database, new { person = Person(person), until = Until, server = Server, member = Member(person) });
            }
        }
        return renewed;
    }

    /// <summary>Takes away what stopped servers left; returns the people who are offline everywhere now.</summary>
    public async Task<IReadOnlyList<Guid>> SweepAsync()
    {
        var gone = (RedisResult[])(await link.Database.ScriptEvaluateAsync(Sweep, [Until], [1000, link.Prefix]))!;
        var offline = new List<Guid>();
        for (var i = 0; i + 1 < gone.Length; i += 2)
        {
            var person = Guid.ParseExact((string)gone[i]!, "N");
            // This server's own entry ran out (Redis was away longer than the timeout): the next heartbeat renews it.
            if (_here.ContainsKey(person)) continue;
            _elsewhere.TryRemove(person, out _);
            offline.Add(person);
        }
        return offline;
    }

    /// <summary>Reads who is online on the other servers again: at start, and when Redis is back after a drop.</summary>
    public async Task RefreshAsync()
    {
        await HeartbeatAsync();
        var members = (RedisResult[])(await link.Database.ScriptEvaluateAsync(Snapshot, [Until]))!;
        var server = Server;
        var elsewhere = members.Select(m => ((string)m!).Split('|')).Where(p => p[1] != server).Select(p => Guid.ParseExact(p[0], "N")).ToHashSet();
        foreach (var known in _elsewhere.Keys.Where(k => !elsewhere.Contains(k))) _elsewhere.TryRemove(known, out _);
        foreach (var person in elsewhere) _elsewhere[person] = 0;
    }

    private string Server => link.ServerId.ToString("N");

    private RedisKey Person(Guid userId) => link.Key("presence:" + userId.ToString("N"));

    private string Member(Guid userId) => $"{userId:N}|{Server}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence could not be shared (Redis is down); it is put right when Redis is back.")]
    private partial void LogUnreachable(Exception exception);
}
