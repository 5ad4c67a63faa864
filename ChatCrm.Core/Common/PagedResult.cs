namespace ChatCrm.Core.Common;

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);

public sealed record PageRequest(int Skip, int Take, string? Search = null, string? SortBy = null, bool Descending = false)
{
    public const int MaxTake = 200;

    public int SafeTake => Math.Clamp(Take, 1, MaxTake);

    public int SafeSkip => Math.Max(0, Skip);
}
