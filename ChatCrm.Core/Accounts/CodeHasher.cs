using System.Security.Cryptography;
using System.Text;
using ChatCrm.Core.Common;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Accounts;

/// <summary>
/// Codes are stored only as HMAC-SHA256 under a server key: a leaked database does not give away live codes, and
/// six digits cannot be brute-forced offline without the key.
/// </summary>
public sealed class CodeHasher
{
    private readonly byte[] _key;

    public CodeHasher(IOptions<AccountOptions> options, DataDirectory data)
    {
        _key = options.Value.CodeHashKey is { Length: > 0 } configured
            ? Encoding.UTF8.GetBytes(configured)
            : PrivateFiles.LoadOrCreateKey(Path.Combine(data.Keys, "email-code.key"));
    }

    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public string Hash(Guid codeId, string code) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{codeId:N}:{code}")));

    public bool Matches(Guid codeId, string code, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(codeId, code)), Encoding.ASCII.GetBytes(storedHash));
}
