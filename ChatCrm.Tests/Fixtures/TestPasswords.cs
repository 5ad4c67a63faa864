using System.Security.Cryptography;

namespace ChatCrm.Tests.Fixtures;

/// <summary>
/// Passwords for the throwaway accounts tests and benchmarks create: made fresh for each run, so no credential is
/// written into the repository (it scans for them) and none is ever reused. Long, random and unrelated to any name, so
/// they pass the password rules; tests of the rules themselves use their own weak examples.
/// </summary>
public static class TestPasswords
{
    public static string New() => "pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
}
