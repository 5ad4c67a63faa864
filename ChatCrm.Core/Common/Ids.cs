namespace ChatCrm.Core.Common;

/// <summary>Time-ordered ids (GUID v7) keep inserts at the end of indexes and make ids sort by creation.</summary>
public static class Ids
{
    public static Guid New() => Guid.CreateVersion7();
}
