namespace ChatCrm.Core.Common;

/// <summary>The outcome of an operation a person asked for: success, or a message fit to show them.</summary>
public readonly record struct Result(bool Succeeded, string? Error)
{
    public static Result Ok() => new(true, null);

    public static Result Fail(string error) => new(false, error);
}

/// <summary>Thrown when a caller asks for something their role or relation to the record does not allow.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
