using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace ChatCrm.Tests.Fixtures;

/// <summary>What AddChatCrmCore reads from the host: only the content root, which relative data paths start from.</summary>
public sealed class TestHostEnvironment(string contentRoot) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Testing";

    public string ApplicationName { get; set; } = "ChatCrm.Tests";

    public string ContentRootPath { get; set; } = contentRoot;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
