using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ChatCrm.Core.Common;
using ChatCrm.Core.Email;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Campaigns;

/// <summary>
/// Signs unsubscribe links: the token is HMAC-SHA256 of the lead id under a server key (as <c>CodeHasher</c> keeps
/// its key), so a link works without a stored token and nobody can unsubscribe a lead whose link they were not sent.
/// </summary>
public sealed class UnsubscribeTokens
{
    private readonly byte[] _key;
    private readonly string _baseUrl;

    public UnsubscribeTokens(IOptions<CampaignOptions> options, IOptions<EmailOptions> email, DataDirectory data)
    {
        _key = options.Value.UnsubscribeKey is { Length: > 0 } configured
            ? Encoding.UTF8.GetBytes(configured)
            : PrivateFiles.LoadOrCreateKey(Path.Combine(data.Keys, "unsubscribe.key"));
        _baseUrl = email.Value.PublicBaseUrl.TrimEnd('/');
    }

    public string TokenFor(Guid leadId) => Base64Url.EncodeToString(Sign(leadId));

    public bool IsValid(Guid leadId, string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return false;
        byte[] given;
        try
        {
            given = Base64Url.DecodeFromChars(token.Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(given, Sign(leadId));
    }

    public string LinkFor(Guid leadId) => $"{_baseUrl}/unsubscribe?lead={leadId}&token={TokenFor(leadId)}";

    private byte[] Sign(Guid leadId) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"unsubscribe:{leadId:N}"));
}
