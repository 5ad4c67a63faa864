using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.FirstStart;

/// <summary>
/// First-start tests run the app as a process with an SMTP server of their own, so they run beside the in-memory
/// page tests rather than after them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FirstStartGroup : ICollectionFixture<SmtpServerFixture>
{
    public const string Name = "First start";
}
