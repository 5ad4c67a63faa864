using System.Text.Json;
using ChatCrm.Core.Chat;

namespace ChatCrm.Core.Cluster;

/// <summary>
/// One chat event on its way between servers: who sent it (a server skips its own), whose pages it is for, and the
/// event; or, with no event, a server's word that the others' pages may have missed some and should read again.
/// </summary>
internal sealed record RelayedEvent(Guid Origin, Guid[] UserIds, ChatEvent? Event)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RelayedEvent CatchUp(Guid origin) => new(origin, [], null);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RelayedEvent? FromJson(string json) => JsonSerializer.Deserialize<RelayedEvent>(json, Json);
}
