namespace ChatCrm.Tests.Fixtures;

/// <summary>Tests share one SMTP server, so every test mails its own never-reused addresses.</summary>
public static class TestAddresses
{
    public static string New(string name) => $"{name}.{Guid.NewGuid().ToString("N")[..10]}@example.test";
}
