using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Runtime;

namespace ChatCrm.Benchmarks;

/// <summary>
/// What another .NET process holds on its managed heap, the way dotnet-gcdump weighs it: a full blocking GC is induced
/// through the runtime's diagnostics port, then a heap dump is read with ClrMD and the objects' sizes are summed (free
/// space between objects left out). The resident set alone swings by tens of megabytes with the GC's own timing, so a
/// per-circuit figure taken from it is mostly noise.
/// </summary>
internal static class ServerHeap
{
    // Microsoft-Windows-DotNETRuntime keywords: GC (0x1) and GCHeapCollect (0x800000), which makes the runtime collect.
    private const long GcKeywords = 0x1 | 0x800000;

    /// <param name="ByType">Live bytes and object count per type name, to show what grew between two weighings.</param>
    public sealed record Weight(long ManagedBytes, long ResidentBytes, IReadOnlyDictionary<string, (long Count, long Bytes)> ByType)
    {
        /// <summary>The types that grew most since <paramref name="before"/>, per one of <paramref name="per"/> (pages).</summary>
        public IEnumerable<string> GrowthSince(Weight before, int per, int top) => ByType
            .Select(t => (Type: t.Key, Now: t.Value, Then: before.ByType.GetValueOrDefault(t.Key)))
            .Select(t => (t.Type, Bytes: t.Now.Bytes - t.Then.Bytes, Count: t.Now.Count - t.Then.Count))
            .OrderByDescending(t => t.Bytes)
            .Take(top)
            .Select(t => $"{t.Bytes / 1024.0 / per,8:0.0} KB {t.Count / (double)per,8:0.0} objects  {t.Type}");
    }

    public static async Task<Weight> WeighAsync(int pid, Func<long> residentBytes)
    {
        var client = new DiagnosticsClient(pid);
        using (var session = client.StartEventPipeSession([new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeywords)], requestRundown: false))
        {
            var drain = session.EventStream.CopyToAsync(Stream.Null);
            await Task.Delay(TimeSpan.FromSeconds(3)); // the induced GC runs as the session starts
            await session.StopAsync(CancellationToken.None);
            await drain;
        }
        var resident = residentBytes();
        var dump = Path.Combine(Path.GetTempPath(), $"chatcrm-bench-heap-{Guid.NewGuid():N}.dmp");
        try
        {
            client.WriteDump(DumpType.WithHeap, dump);
            using var target = DataTarget.LoadDump(dump);
            var heap = target.ClrVersions[0].CreateRuntime().Heap;
            long managed = 0;
            var byType = new Dictionary<string, (long Count, long Bytes)>(StringComparer.Ordinal);
            foreach (var item in heap.EnumerateObjects())
            {
                if (!item.IsValid || item.IsFree) continue;
                managed += (long)item.Size;
                var name = item.Type?.Name ?? "?";
                var sum = byType.GetValueOrDefault(name);
                byType[name] = (sum.Count + 1, sum.Bytes + (long)item.Size);
            }
            return new Weight(managed, resident, byType);
        }
        finally
        {
            File.Delete(dump);
        }
    }
}
